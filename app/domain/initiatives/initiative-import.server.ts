// The CSV import of initiatives at /beheer/kaart/import.
import { initiativeEvents, initiatives } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { wijkFinder } from "../places/wijken.server";
import type { ImportRow } from "./csv-import";
import { newRow } from "./staff-map.server";
import type { Status } from "./statuses";
/** All rows of a checked CSV file in one transaction: all or nothing. */
export async function importInitiatives(rows: ImportRow[], actor: Actor, db: Executor = getDb()) {
  return db.transaction(async (tx) => {
    const wijkOf = await wijkFinder(tx);
    const now = new Date();
    const values = rows.map((r) =>
      newRow(
        {
          title: r.titel,
          summary: r.samenvatting,
          theme: r.thema,
          status: r.status as Status,
          lat: r.breedtegraad,
          lng: r.lengtegraad,
          wijkCode: r.wijk,
          featured: r.uitgelicht,
          published: true,
          initiatorName: null,
          initiatorEmail: r.email,
        },
        r.wijk ?? (r.breedtegraad !== null ? wijkOf({ lat: r.breedtegraad, lng: r.lengtegraad! }) : null),
        now,
      ),
    );
    const ids: string[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const inserted = await tx
        .insert(initiatives)
        .values(values.slice(i, i + 500))
        .returning({ id: initiatives.id });
      ids.push(...inserted.map((r) => r.id));
    }
    for (let i = 0; i < ids.length; i += 500) {
      await tx.insert(initiativeEvents).values(
        ids.slice(i, i + 500).map((id, j) => ({
          initiativeId: id,
          kind: "status",
          status: rows[i + j]!.status,
          actorId: actor.id,
        })),
      );
    }
    await audit(
      actor,
      {
        action: "initiative.imported",
        entityType: "initiative",
        details: { count: ids.length },
      },
      tx,
    );
    return ids.length;
  });
}
