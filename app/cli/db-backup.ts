// `npm run db:backup -- [file]`: pg_dump of DATABASE_URL (custom format; default file
// backups/wmh-<date-time>.dump). `npm run db:restore -- <file>`: pg_restore into DATABASE_URL, which
// must be a new, empty database. Use pg_dump/pg_restore of the server's major version (PG_BIN).
import fs from "node:fs";
import path from "node:path";
import { backupDatabase, RestoreRefused, restoreDatabase, tableCounts } from "../server/backup";

const [mode, fileArg] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;

async function main() {
  if (!databaseUrl)
    throw new RestoreRefused("Set DATABASE_URL=postgres://... (the database to back up or restore into).");
  if (mode === "backup") {
    const file =
      fileArg ?? path.join("backups", `wmh-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await backupDatabase(databaseUrl, file);
    const counts = await tableCounts(databaseUrl);
    console.log(
      `Backup written: ${file} (${fs.statSync(file).size} bytes, ${Object.keys(counts).length} tables)`,
    );
  } else if (mode === "restore") {
    if (!fileArg || !fs.existsSync(fileArg))
      throw new RestoreRefused("Usage: npm run db:restore -- <file.dump>");
    await restoreDatabase(databaseUrl, fileArg);
    const counts = await tableCounts(databaseUrl);
    const rows = Object.values(counts).reduce((a, n) => a + n, 0);
    console.log(`Restored ${fileArg}: ${Object.keys(counts).length} tables, ${rows} rows.`);
  } else {
    throw new RestoreRefused("Usage: npm run db:backup -- [file] | npm run db:restore -- <file>");
  }
}

main().catch((error) => {
  // A known refusal or a tool's own message; never a stack trace.
  const message =
    error instanceof RestoreRefused
      ? error.message
      : String((error as { stderr?: string }).stderr || (error as Error).message);
  console.error(message.trim());
  process.exit(1);
});
