/**
 * The report's charts in the model and on the sheet (issue 24): which charts the bundled example gets and from which
 * cells, the bridge's arithmetic, where pagination puts a chart (on its section's page, never split), one scale for
 * the charts of a page, the setting Diagram, their Swedish, and chart 5 (the forecast's course) from a fixture.
 */
import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { isContractRangeName } from "../../src/contract/schema";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { SourceWorkbook } from "../../src/contract/source";
import { bridgeParts } from "../../src/report/charts/bridge";
import { CHART_DATA_BLOCK } from "../../src/report/charts";
import { forecastChart } from "../../src/report/charts/forecast";
import { ChartData, placeBand } from "../../src/report/charts/band";
import { ChartPlacement, isReportChart, isReportChartTitle } from "../../src/report/chartLayout";
import { layoutReport, SheetLayout } from "../../src/report/layout";
import { ReportModel } from "../../src/report/model";
import { paginate, PageBlock, PageRow, RowRole } from "../../src/report/paginate";
import { Ctx } from "../../src/report/sections/context";
import { CHART_COLORS } from "../../src/report/charts/notation";
import { computed, NOW, report } from "../support/report";
import { swedishProblems } from "../support/swedishLint";
import { tempDir, workbook } from "../support/sheets";
import { buildReport } from "../../src/report/build";
import { toPublic } from "../../src/findings/findings";

async function exampleSource(): Promise<SourceWorkbook> {
  const file = path.join(tempDir(), "exempel.xlsx");
  await buildExampleWorkbook().xlsx.writeFile(file);
  return (await readWorkbook(fs.readFileSync(file), file, isContractRangeName)).source;
}

/** The cells of a sheet range of the layout, top to bottom. */
function cells(layout: SheetLayout, r: { row: number; col: number; rows: number }): unknown[] {
  return Array.from({ length: r.rows }, (_, i) => layout.values[r.row + i][r.col]);
}

/** The layout's row holding `label` in its first column. */
function rowWith(layout: SheetLayout, label: string, from = 0): number {
  const i = layout.values.findIndex((row, r) => r >= from && row[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

const pageOf = (layout: SheetLayout, row: number) => layout.pageBreaks.filter((b) => b <= row).length;

describe("the bundled example's charts", () => {
  let source: SourceWorkbook;
  let model: ReportModel;
  let layout: SheetLayout;
  const chart = (id: string) => layout.charts.find((c) => c.id === id) as ChartPlacement;

  beforeAll(async () => {
    source = await exampleSource();
    ({ model, layout } = report(source));
  }, 60_000);

  it("are charts 1 to 4, each in its section's block, titled in Swedish with the unit, named as the report's", () => {
    expect(layout.charts.map((c) => [c.id, c.kind, c.type, c.title])).toEqual([
      ["avvikelse-per-post", "variance", "barClustered", "Avvikelse per post, mnkr"],
      ["budget-till-prognos", "bridge", "columnStacked", "Från budget till prognos, mnkr"],
      ["avvikelse-per-ansvar", "variance", "barClustered", "Avvikelse per ansvar, mnkr"],
      ["kanslighetsanalys", "tornado", "barClustered", "Känslighetsanalys: effekt på årets resultat, mnkr"],
    ]);
    expect(model.blocks.filter((b) => b.charts?.length).map((b) => [b.id, b.charts?.map((c) => c.id)])).toEqual([
      ["statement", ["avvikelse-per-post", "budget-till-prognos"]],
      ["responsibility", ["avvikelse-per-ansvar"]],
      ["sensitivity", ["kanslighetsanalys"]],
    ]);
    for (const c of layout.charts) {
      expect(isReportChart(c.name)).toBe(true);
      expect(isReportChartTitle(c.title)).toBe(true);
    }
    // The risk matrix keeps its heat-map cells and gets no chart.
    expect(model.blocks.find((b) => b.id === "matrix")?.charts).toBeUndefined();
  });

  it("draw Avvikelse per ansvar straight from the table per ansvar: its names and its printed deviations", () => {
    const c = chart("avvikelse-per-ansvar");
    const first = rowWith(layout, "Nämnd och ledning");
    expect(c.categories).toEqual({ row: first, col: 0, rows: 6, cols: 1 });
    expect(cells(layout, c.categories)).toEqual(["Nämnd och ledning", "Område 1 IT och digitalisering", "Område 2 HR och kommunikation", "Område 3 Ekonomi och upphandling", "Område 4 Måltidsservice", "Område 5 Transport och service"]);
    const header = layout.values[first - 1];
    expect(c.series.map((s) => [s.name, header[s.values.col], s.values.row, s.values.rows])).toEqual([
      ["Avvikelse jan–aug", "Avvikelse", first, 6],
      ["Avvikelse prognos helår", "Avvikelse\nprognos", first, 6],
    ]);
    expect(cells(layout, c.series[0].values)).toEqual([1.2, -3, 3, -1.5, -5.4, 2.9]);
    // Green where favourable, red where not; the forecast's lighter, outlined in the full colour.
    expect(c.series[0].points?.map((p) => p?.fill)).toEqual(["1E7B34", "C00000", "1E7B34", "C00000", "C00000", "1E7B34"]);
    expect(c.series[1].points?.map((p) => p && [p.fill, p.line])).toEqual([
      [CHART_COLORS.unfavourableLight, "C00000"], [CHART_COLORS.unfavourableLight, "C00000"], [CHART_COLORS.favourableLight, "1E7B34"],
      [CHART_COLORS.unfavourableLight, "C00000"], [CHART_COLORS.unfavourableLight, "C00000"], [CHART_COLORS.favourableLight, "1E7B34"],
    ]);
  });

  it("draw the tornado from the sensitivity table's effects, largest first, and the same change the other way", () => {
    const c = chart("kanslighetsanalys");
    expect(cells(layout, c.categories)).toEqual(["Ökade kostnader totalt 1 %", "Intäktsbortfall 1 %", "Löneökning 1 %", "Hyreshöjning 3 %", "Prisökning livsmedel 2 %"]);
    expect(cells(layout, c.series[0].values)).toEqual([-8.4, -8.4, -4.8, -2, -1.9]);
    expect(layout.values[c.categories.row - 1][c.series[0].values.col]).toBe("Effekt på\nresultatet");
    // The other way, from the charts' own cells: the sign turned, lighter, on the same line (overlap 100).
    expect(c.series.map((s) => s.name)).toEqual(["Förändring enligt tabellen", "Lika stor förändring åt andra hållet"]);
    expect(cells(layout, c.series[1].values)).toEqual([8.4, 8.4, 4.8, 2, 1.9]);
    expect(c.series[1].values.row).toBeGreaterThanOrEqual(layout.print.area.rows);
    expect(c.series[1].points?.map((p) => p?.fill)).toEqual(Array(5).fill(CHART_COLORS.favourableLight));
    expect([c.overlap, c.categoriesTopDown, c.legend]).toEqual([100, true, true]);
  });

  it("draw Avvikelse per post from copies of the statement's printed deviations, below the print area", () => {
    const c = chart("avvikelse-per-post");
    expect(c.categories.row).toBeGreaterThanOrEqual(layout.print.area.rows);
    const posts = cells(layout, c.categories) as string[];
    expect(posts).toEqual(["Övriga intäkter", "Personalkostnader", "Lokalkostnader", "Köp av verksamhet", "Livsmedel", "Transporter", "Övriga kostnader", "Rullat över-/underskott"]);
    // Each copy is the figure the statement prints for that post (Finansnetto, 0,0 and 0,0, is left out).
    const statement = (post: string, header: string) => {
      const r = rowWith(layout, post);
      const headerRow = layout.values.findIndex((row) => row[0] === "Post");
      return layout.values[r][layout.values[headerRow].indexOf(header)];
    };
    expect(cells(layout, c.series[0].values)).toEqual(posts.map((p) => statement(p, "Avvikelse")));
    expect(cells(layout, c.series[1].values)).toEqual(posts.map((p) => statement(p, "Avvikelse\nprognos")));
    expect(c.alt.description).toContain("En post utan avvikelse visas inte.");
  });

  it("bridge from the full-year budget's result to the forecast's, step by step, every part adding up", () => {
    const c = chart("budget-till-prognos");
    const names = cells(layout, c.categories);
    expect(names).toEqual(["Budget helår 2024", "Övriga intäkter", "Personalkostnader", "Lokalkostnader", "Köp av verksamhet", "Livsmedel", "Transporter", "Övriga kostnader", "Rullat över-/underskott", "Prognos helår 2024"]);
    const [basePos, baseNeg, pos, neg, label] = c.series.map((s) => cells(layout, s.values) as number[]);
    expect(c.series.map((s) => [s.name, s.fill, s.overlay ?? null])).toEqual([
      ["Bas över noll", null, null], ["Bas under noll", null, null], ["Över noll", "404040", null], ["Under noll", "404040", null], ["Belopp", null, "line"],
    ]);
    // Each bar is whole: its visible parts above and below zero span its amount, each step starts where the one
    // before ended (a line whose deviation prints as zero, Finansnetto's −0,04, is no step but still counts), and the
    // last ends at the forecast's result.
    const amount = cells(layout, { ...c.categories, col: c.categories.col + 6 }) as number[];
    const ends: [number, number][] = names.map((_, i) => [neg[i] !== 0 ? baseNeg[i] + neg[i] : basePos[i], pos[i] !== 0 ? basePos[i] + pos[i] : baseNeg[i]]);
    names.forEach((_, i) => {
      expect(pos[i] - neg[i]).toBeCloseTo(Math.abs(amount[i]), 9);
      expect(ends[i][1] - ends[i][0]).toBeCloseTo(Math.abs(amount[i]), 9);
    });
    let level = amount[0];
    for (let i = 1; i < names.length - 1; i++) {
      const [low, high] = ends[i];
      const from = amount[i] > 0 ? low : high;
      expect(Math.abs(from - level)).toBeLessThan(0.05);
      level = from + amount[i];
    }
    expect(Math.abs(level - amount[names.length - 1])).toBeLessThan(0.05);
    expect(amount[names.length - 1]).toBeCloseTo(-3.01, 9);
    // The labels are the table's printed figures, signed steps and plain totals, above rises and below falls.
    const texts = c.series[4].labels && "texts" in c.series[4].labels ? c.series[4].labels : null;
    expect(texts?.texts).toEqual(["0,0", "−12,0", "+15,3", "+1,1", "+1,4", "+8,9", "−4,0", "−6,6", "−7,0", "−3,0"]);
    expect(texts?.positions).toEqual(["above", "below", "above", "above", "above", "above", "below", "below", "below", "below"]);
    // A label stands at the end of its bar: below the fall of Övriga intäkter, above the rise of Personalkostnader.
    expect(label.slice(0, 3)).toEqual([0, amount[1], amount[1] + amount[2]]);
    // Budget outlined, forecast lighter, rises green, falls red.
    expect(c.series[2].points?.map((p) => p?.fill)).toEqual(["FFFFFF", "C00000", "1E7B34", "1E7B34", "1E7B34", "1E7B34", "C00000", "C00000", "C00000", "BFBFBF"]);
  });

  it("splits a step that crosses zero into a part above it and a part below it", () => {
    expect(bridgeParts(-11.1, 4.2)).toEqual({ basePos: 0, pos: 4.2, baseNeg: 0, neg: -11.1 });
    expect(bridgeParts(4.2, -2.8)).toEqual({ basePos: 0, pos: 4.2, baseNeg: 0, neg: -2.8 });
    expect(bridgeParts(-12, -10.9)).toEqual({ basePos: 0, pos: 0, baseNeg: -10.9, neg: -12 - -10.9 });
    expect(bridgeParts(1, 3)).toEqual({ basePos: 1, pos: 2, baseNeg: 0, neg: 0 });
  });

  it("stand on the page of their section, whole: under the table, or under '(forts.)' at the top of the next page", () => {
    for (const c of layout.charts) {
      const first = pageOf(layout, c.anchor.row);
      expect([c.id, pageOf(layout, c.anchor.row + c.anchor.rows - 1)]).toEqual([c.id, first]);
      // The rows above the chart on its page belong to its section: its heading, or the heading with "(forts.)".
      const top = first === 0 ? 0 : layout.pageBreaks[first - 1];
      const heading = { "avvikelse-per-post": "Resultaträkning", "budget-till-prognos": "Resultaträkning", "avvikelse-per-ansvar": "Driftredovisning per ansvar", kanslighetsanalys: "Känslighetsanalys" }[c.id] as string;
      const above = layout.values.slice(top, c.anchor.row).map((r) => r[0]);
      expect([c.id, above.some((v) => v === heading || v === `${heading} (forts.)`)]).toEqual([c.id, true]);
      // Inside the print area, within the printed columns.
      expect(c.anchor.row + c.anchor.rows).toBeLessThanOrEqual(layout.print.area.rows);
      expect(c.anchor.col + c.anchor.cols).toBeLessThanOrEqual(layout.print.area.cols);
    }
    // The statement's table stays whole on its page (after the analysis); its charts open the next under "(forts.)".
    const statementCharts = chart("avvikelse-per-post").anchor.row;
    expect(layout.values[statementCharts - 1][0]).toBe("Resultaträkning (forts.)");
    expect(pageOf(layout, rowWith(layout, "Resultaträkning"))).toBe(pageOf(layout, rowWith(layout, "Årets resultat inkl. över-/underskott")));
    expect(pageOf(layout, rowWith(layout, "Årets resultat inkl. över-/underskott"))).toBe(pageOf(layout, statementCharts) - 1);
  });

  it("give the amounts of one page one scale: as many points per mnkr in every chart of the page", () => {
    const perPoint = (c: ChartPlacement) => ((c.valueAxis.max as number) - (c.valueAxis.min as number)) / (c.type === "barClustered" ? c.plot.width : c.plot.height);
    const byPage = new Map<number, ChartPlacement[]>();
    for (const c of layout.charts) byPage.set(pageOf(layout, c.anchor.row), [...(byPage.get(pageOf(layout, c.anchor.row)) ?? []), c]);
    const shared = [...byPage.values()].find((list) => list.length > 1) as ChartPlacement[];
    expect(shared.map((c) => c.id)).toEqual(["avvikelse-per-post", "budget-till-prognos"]);
    expect(perPoint(shared[0])).toBeCloseTo(perPoint(shared[1]), 3);
    // Every bar and its label fit inside its axis.
    for (const c of layout.charts) {
      for (const s of c.series) for (const v of cells(layout, s.values)) if (typeof v === "number") expect(v).toBeGreaterThanOrEqual(c.valueAxis.min as number);
      for (const s of c.series) for (const v of cells(layout, s.values)) if (typeof v === "number") expect(v).toBeLessThanOrEqual(c.valueAxis.max as number);
    }
  });

  it("read as Swedish for a screen reader", () => {
    for (const c of layout.charts) {
      expect([c.id, swedishProblems(c.alt.description)]).toEqual([c.id, []]);
      expect(c.alt.title).toBe(c.title);
    }
    expect(chart("budget-till-prognos").alt.description).toBe(
      "Stående staplar går från helårsbudgetens resultat, 0,0\u00a0mnkr, till prognosens resultat, \u22123,0\u00a0mnkr, med ett steg för varje post som avviker: " +
        "övriga intäkter \u221212,0\u00a0mnkr, personalkostnader +15,3\u00a0mnkr, lokalkostnader +1,1\u00a0mnkr, köp av verksamhet +1,4\u00a0mnkr, livsmedel +8,9\u00a0mnkr, transporter \u22124,0\u00a0mnkr, övriga kostnader \u22126,6\u00a0mnkr och rullat över-/underskott \u22127,0\u00a0mnkr. " +
        "Gröna steg förbättrar resultatet och röda försämrar det. En post utan avvikelse visas inte.",
    );
    expect(chart("avvikelse-per-ansvar").alt.description).toContain("Mot budget för perioden har Område 4 Måltidsservice störst negativ avvikelse (\u22125,4\u00a0mnkr) och Område 2 HR och kommunikation störst positiv (+3,0\u00a0mnkr).");
  });

  it("are left out with Diagram = Nej: no band, no cells of their own, the report as without charts", () => {
    const off = { ...source, entries: source.entries.map((e) => e) };
    const { result, findings } = computed(off);
    const plain = layoutReport(buildReport({ ...result, settings: { ...result.settings, charts: false } }, findings, { now: NOW }));
    expect(plain.charts).toEqual([]);
    expect(plain.values.some((r) => typeof r[0] === "string" && r[0].startsWith("Underlag för diagrammen"))).toBe(false);
    expect(plain.rowCount).toBeLessThan(layout.rowCount);
    // Up to where the charts begin, the report is the same.
    const band = layout.charts[0].anchor.row;
    expect(plain.values.slice(0, band - 1)).toEqual(layout.values.slice(0, band - 1));
  });
});

describe("the setting Diagram", () => {
  const ranges = (value?: string) => ({
    Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]] },
    Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 118], ["Personal", -60, -97]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024], ...(value === undefined ? [] : [["Diagram", value]])] },
  });

  it("is Ja by default, takes Ja and Nej in any case, and refuses anything else naming its cell", async () => {
    expect(report(workbook(ranges())).layout.charts.map((c) => c.id)).toEqual(["avvikelse-per-post", "budget-till-prognos", "kanslighetsanalys"]);
    expect(report(workbook(ranges("ja"))).layout.charts).toHaveLength(3);
    expect(report(workbook(ranges("NEJ"))).layout.charts).toEqual([]);
    const { compute } = await import("../../src/pipeline");
    const bad = compute(workbook(ranges("Kanske")), NOW);
    expect(bad.findings.map(toPublic).map((f) => [f.code, f.cell, f.message])).toContainEqual(["SETTING_INVALID", "Inställningar!B5", "Inställningar!B5: inställningen Diagram kan inte vara ”Kanske”. Ange Ja eller Nej."]);
  });
});

describe("pagination of a chart", () => {
  const r = (id: string, role: RowRole, height = 15): PageRow & { id: string } => ({ id, role, height });
  const section = (name: string, body: number, band: number): PageBlock<PageRow & { id: string }> => {
    const rows = [r(`${name}:heading`, "section", 22), r(`${name}:header`, "header", 30)];
    for (let i = 0; i < body; i++) rows.push(r(`${name}:${i}`, "body"));
    for (let i = 0; i < band; i++) rows.push(r(`${name}:chart${i}`, "chart"));
    rows.push(r(`${name}:blank`, "blank", 8));
    return { title: name, rows, keep: [[0, 1 + body]] };
  };
  const ids = (p: ReturnType<typeof paginate<PageRow & { id: string }>>) => {
    const starts = [0, ...p.breaks, p.rows.length];
    return starts.slice(0, -1).map((s, i) => p.rows.slice(s, starts[i + 1]).map((x) => ("id" in x ? x.id : `${(x as { continuation: string }).continuation}:${(x as { text?: string }).text ?? ""}`)));
  };

  it("moves a section with its chart to the next page when they fit there together", () => {
    const a = section("A", 12, 0);
    const used = a.rows.reduce((n, x) => n + x.height, 0);
    const pages = ids(paginate([a, section("B", 4, 10)], used + 200, 22));
    expect(pages[1][0]).toBe("B:heading");
    expect(pages[1]).toContain("B:chart9");
  });

  it("puts the chart under '(forts.)' on the next page when its section fills this one, never splitting either", () => {
    const title: PageBlock<PageRow & { id: string }> = { title: null, rows: [r("title", "title", 60), r("gap", "blank", 8)] };
    const pages = ids(paginate([title, section("A", 14, 12)], 60 + 8 + 22 + 30 + 14 * 15 + 60, 22));
    expect(pages[0].slice(-1)[0]).toBe("A:13");
    expect(pages[1].slice(0, 2)).toEqual(["heading:A (forts.)", "A:chart0"]);
  });

  it("never starts a page inside a chart, however the sizes fall", () => {
    for (let capacity = 150; capacity < 600; capacity += 7) {
      for (const body of [2, 6, 20]) {
        const p = paginate([section("A", body, 8), section("B", 3, 10)], capacity, 22);
        for (const b of p.breaks) {
          const row = p.rows[b] as PageRow & { id?: string };
          const prev = p.rows[b - 1] as PageRow & { id?: string };
          const total = [section("A", body, 8), section("B", 3, 10)].map((s) => s.rows.reduce((n, x) => n + x.height, 0));
          // A band may only be cut where a section with its chart is taller than a page.
          if (row.role === "chart" && prev.role === "chart") expect(Math.max(...total)).toBeGreaterThan(capacity);
        }
      }
    }
  });
});

describe("chart 5: the forecast's course and its interval (data from issue 23, here a fixture)", () => {
  it("is a line per follow-up against the budget, with P10 and P90 at the current period, placed like any chart", () => {
    const { result, findings } = computed(workbook({
      Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]] },
      Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 118], ["Personal", -60, -97]] },
      Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024], ["Diagram", "Nej"]] },
    }));
    const ctx = new Ctx(result, findings, { now: NOW });
    const data = new ChartData(ctx);
    const block = { id: "prognos", title: "Prognos", rows: [ctx.heading("Prognos"), ctx.prose("Prognosen för årets resultat."), ctx.blank()] };
    const c = forecastChart(ctx, { points: [{ period: "april", forecast: 24.5 }, { period: "augusti", forecast: 21 }], budget: 24, interval: { p10: 17.2, p90: 23.9 } }, data, { col: 0, cols: 4 });
    expect(c).not.toBeNull();
    placeBand(block, [c!]);
    const model = buildReport({ ...result, settings: { ...result.settings, charts: false } }, findings, { now: NOW });
    model.blocks.push(block, data.block()!);
    const layout = layoutReport(model);
    const [placed] = layout.charts;
    expect([placed.kind, placed.type, placed.legend]).toEqual(["forecast", "line", true]);
    expect(cells(layout, placed.categories)).toEqual(["april", "augusti"]);
    expect(placed.series.map((s) => [s.name, cells(layout, s.values), s.stroke, s.marker])).toEqual([
      ["Prognos", [24.5, 21], "solid", "circle"],
      ["Budget", [24, 24], "dash", "none"],
      ["P10", [null, 17.2], "none", "dash"],
      ["P90", [null, 23.9], "none", "dash"],
    ]);
    expect(swedishProblems(placed.alt.description)).toEqual([]);
    expect(placed.alt.description).toBe(
      "Linjen visar prognosen för årets resultat vid varje uppföljning från april till augusti, mot ett budgeterat resultat på +24,0\u00a0mnkr. " +
        "Den senaste prognosen är +21,0\u00a0mnkr. Resultatet hamnar med 80\u00a0% sannolikhet mellan +17,2\u00a0mnkr och +23,9\u00a0mnkr (P10 och P90).",
    );
    expect(layout.values[placed.categories.row - 3][0]).toBe("Underlag för diagrammen (skrivs inte ut)");
    expect(CHART_DATA_BLOCK).toBe("chartData");
  });

  it("needs two follow-ups to draw a line", () => {
    const { result, findings } = computed(workbook({
      Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120]] },
      Utfall: { rows: [["Post", "Utfall"], ["Intäkter", 82]] },
      Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024]] },
    }));
    const ctx = new Ctx(result, findings, { now: NOW });
    expect(forecastChart(ctx, { points: [{ period: "augusti", forecast: 1 }], budget: 0, interval: null }, new ChartData(ctx), { col: 0, cols: 3 })).toBeNull();
  });
});
