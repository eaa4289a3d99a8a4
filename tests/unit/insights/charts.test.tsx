import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { BarChart, ColumnChart } from "../../../app/ui/charts/bar-chart";

describe("SVG charts", () => {
  test("a bar chart draws a bar and an interval per value, and says where the numbers are", () => {
    const html = renderToStaticMarkup(
      <BarChart
        description="Staafdiagram; de cijfers staan in de tabel."
        bars={[
          { label: "Mee eens", value: 0.5, low: 0.4, high: 0.6, compare: 0.45 },
          { label: "Oneens", value: null },
        ]}
        compareLabel="gewogen"
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Staafdiagram; de cijfers staan in de tabel."');
    expect(html).toContain("50%");
    expect(html).toContain("minder dan 10");
    expect(html.match(/<rect/g)!.length).toBeGreaterThanOrEqual(3);
  });

  test("a column chart marks hidden small counts", () => {
    const html = renderToStaticMarkup(
      <ColumnChart
        description="Respons per week"
        columns={[
          { label: "1 okt", value: 40 },
          { label: "8 okt", value: null },
        ]}
      />,
    );
    expect(html).toContain("&lt;10");
    expect(html).toContain("40");
  });
});
