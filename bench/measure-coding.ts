// Prints precision and recall of the theme suggestion on the hand-labelled fixture.
// Run: npm run insights:measure (add --errors to list the misses). The figures go into docs/insights.md.

import { type LabelledAnswer, measureThemeSuggestions, primaryTheme } from "../app/domain/insights/coding";
import { themeIds, themeLabels } from "../app/domain/insights/themes";
import fixture from "../tests/fixtures/open-answers.nl.json" with { type: "json" };

const answers = fixture.answers as LabelledAnswer[];
const { perTheme, overall } = measureThemeSuggestions(answers);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`${answers.length} labelled answers`);
for (const id of themeIds) {
  const s = perTheme[id];
  console.log(
    `${id} ${themeLabels[id].padEnd(36)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
  );
}
console.log(
  `overall (micro)                        precision ${pct(overall.precision).padStart(6)}  recall ${pct(overall.recall).padStart(6)}`,
);
if (process.argv.includes("--errors"))
  for (const a of answers) {
    const p = primaryTheme(a.text);
    if (p !== a.theme) console.log(`label ${a.theme} got ${p}: ${a.text}`);
  }
