import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { GroupedBars, niceMax } from "../../app/ui/charts/grouped-bars";

describe("grouped bars (panel composition, campaign response)", () => {
  test("the scale ends at a round number at or above the largest value", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(38)).toBe(50);
    expect(niceMax(4)).toBe(5);
    expect(niceMax(23.4)).toBe(25);
    expect(niceMax(100)).toBe(100);
  });

  test("bars are drawn from zero to scale, every value named with its series, no bar for zero or none", () => {
    const html = renderToStaticMarkup(
      <GroupedBars
        title="Panel en bevolking per wijk"
        series={[
          { key: "panel", label: "Panel", pattern: "solid" },
          { key: "population", label: "Bevolking", pattern: "outline" },
        ]}
        groups={[
          { label: "Centrum", values: { panel: 20, population: 10 } },
          { label: "Indische Buurt en Geleerdenwijk", values: { panel: 0, population: null } },
        ]}
        format={(n) => `${n}%`}
      />,
    );
    // 20 of a scale ending at 20: full width; 10: half.
    expect(html).toContain("width:100%");
    expect(html).toContain("width:50%");
    expect(html.match(/wmh-hbars__bar wmh-hbars__bar--/g)).toHaveLength(2);
    expect(html).toContain("Panel: 20%");
    expect(html).toContain("Bevolking: –");
    // Long labels are whole, never cut off.
    expect(html).toContain("Indische Buurt en Geleerdenwijk");
    expect(html).toContain("<span>0%</span>");
  });

  test("a count scale leaves out a middle tick that would fall between two numbers", () => {
    const render = (max: number) =>
      renderToStaticMarkup(
        <GroupedBars
          title="t"
          series={[{ key: "n", label: "Ingevuld", pattern: "solid" }]}
          groups={[{ label: "Alle", values: { n: max } }]}
          format={(n) => String(Math.round(n))}
          whole
        />,
      );
    expect(render(5)).not.toContain("<span>3</span>");
    expect(render(10)).toContain("<span>5</span>");
  });
});
