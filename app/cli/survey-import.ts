// `npm run survey:import -- file.lss [--json]`: read a LimeSurvey export and print the import report
// (the same as /beheer/enquetes/importeren shows); exits 1 on a refused file, 2 on wrong use.
// Nothing is stored: save the survey as a draft from the staff page.
import { readFileSync, statSync } from "node:fs";
import { importLss, refusalMessages } from "../domain/surveys/import/limesurvey";
import { reportAsText } from "../domain/surveys/import/report";
import { MAX_LSS_BYTES } from "../domain/surveys/import/xml";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Gebruik: npm run survey:import -- bestand.lss [--json]");
  process.exit(2);
}
let source: string;
try {
  if (statSync(file).size > MAX_LSS_BYTES) {
    console.error(refusalMessages.tooLarge);
    process.exit(1);
  }
  source = readFileSync(file, "utf8");
} catch {
  console.error(`Het bestand ${file} kan niet worden gelezen.`);
  process.exit(2);
}
const outcome = importLss(source);
if (!outcome.ok) {
  console.error(outcome.message);
  process.exit(1);
}
console.log(reportAsText(outcome.report));
if (args.includes("--json")) console.log(JSON.stringify(outcome.definition, null, 2));
