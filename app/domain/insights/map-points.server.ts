import { sql } from "drizzle-orm";
import type { Executor } from "../../lib/db.server";
import { choiceLabels, type Question } from "../surveys/definition";
import { type MapPointCell, mapPointGroups, mapPointSummary } from "./map-points";
import { redactPersonalData } from "./personal-data";
import { isGroupShown } from "./statistics";
import { roundedSpot, type TallyRow } from "./tallies.server";

// The map-point questions' part of a survey's results (computeSurveyResults): spots, places and comments.

/** How many comments the list on the page shows, and from how many responses they are drawn. */
const LISTED_COMMENTS = 200;
const COMMENT_SAMPLE_RESPONSES = 2000;

/**
 * Map-point answers of submitted responses: the spots for the map and the answers per listed place
 * come from the tallies (kinds point and pointtext); the comments are read from the answers of a
 * sample of responses (the first 2,000 in order of their random id: a random sample, the same every
 * time), so the page shows some comments at once however many there are. Likely personal data in a
 * comment is replaced; addresses (sub key "adres") are never read.
 */
export async function mapPointAnswers(
  surveyId: number,
  qs: Question[],
  tallies: readonly TallyRow[],
  db: Executor,
) {
  return Promise.all(
    qs.map(async (q) => {
      const labels = choiceLabels(q);
      const rows = tallies.filter(
        (r) => r.questionKey === q.key && (r.kind === "point" || r.kind === "pointtext"),
      );
      const perPlace = new Map<string | null, number>();
      const cells = new Map<string, MapPointCell>();
      let answered = 0;
      let commentCount = 0;
      for (const r of rows) {
        const place = r.subKey || null;
        const placeLabel = place && (labels[place] ?? place);
        if (r.kind === "pointtext") commentCount += r.count;
        else {
          answered += r.count;
          perPlace.set(place, (perPlace.get(place) ?? 0) + r.count);
        }
        if (!r.value) continue;
        const [lat, lng] = r.value.split(",").map(Number) as [number, number];
        const cell = cells.get(r.value) ?? { lat, lng, count: 0, places: [], comments: [], commentCount: 0 };
        if (r.kind === "pointtext") cell.commentCount += r.count;
        else {
          cell.count += r.count;
          if (placeLabel && !cell.places.includes(placeLabel)) cell.places.push(placeLabel);
        }
        cells.set(r.value, cell);
      }
      const shown = isGroupShown(answered);
      if (!shown) {
        return {
          key: q.key,
          text: q.text,
          answered,
          shown,
          summary: mapPointSummary([], labels, [], 0),
          groups: [],
        };
      }
      const sample = await db.execute<{ spot: string; location: string | null; comment: string }>(sql`
        with picked as (
          select id from responses where survey_id = ${surveyId} and status = 'submitted'
          order by id limit ${COMMENT_SAMPLE_RESPONSES}
        )
        select ${roundedSpot(sql`a.value_lat`, sql`a.value_lng`)} as spot,
          a.value_option as location, a.value_text as comment
        from picked p join answers a on a.response_id = p.id
        where a.question_key = ${q.key} and a.sub_key = '' and a.value_text <> ''
        order by p.id`);
      const comments = sample.map((c) => ({
        spot: c.spot,
        location: c.location === null ? null : (labels[c.location] ?? c.location),
        comment: redactPersonalData(c.comment),
      }));
      for (const c of comments) cells.get(c.spot)?.comments.push(c.comment);
      return {
        key: q.key,
        text: q.text,
        answered,
        shown,
        summary: mapPointSummary(
          [...perPlace].map(([location, count]) => ({ location, count })),
          labels,
          comments.slice(0, LISTED_COMMENTS).map(({ location, comment }) => ({ location, comment })),
          commentCount,
        ),
        groups: mapPointGroups([...cells.values()]),
      };
    }),
  );
}
