/**
 * The report's charts inside Excel (issue 24), drawn in the stand-in Excel and read back: the same charts as the
 * command line writes into the file (names, cells covered, series ranges, looks, labels, axes, plot area), their alt
 * text, the requirement sets they need, the setting Diagram, a chart of the user's on the report tab left alone, and a
 * chart Excel refuses stopping the refresh while the old report is untouched.
 */
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { refreshReport } from "../../src/hosts/office/refresh";
import { RefreshError } from "../../src/hosts/office/officeErrors";
import { FakeChart, FakeExcel } from "../support/fakeExcel";
import { chartParts, PartChart } from "../support/chartParts";
import { fakeFromRanges, fakeFromWorkbook, installFake, supportsUpTo } from "../support/officeFixtures";
import { NOW } from "../support/report";
import { minimalRanges, runCli, SheetRange, tempDir } from "../support/sheets";

async function refresh(fake: FakeExcel, supported = "1.12") {
  installFake(fake, supported);
  return fake.run((context) => refreshReport(context, { now: NOW, supports: supportsUpTo(supported) }));
}

/** A range as both hosts can be compared: the sheet name unquoted. */
const plain = (ref: string | null) => (ref ?? "").replace(/^'([^']*)'!/, "$1!");

function comparable(c: FakeChart) {
  return {
    name: c.name,
    anchor: c.anchor,
    title: c.title,
    legend: c.legend,
    reversed: !!c.categoryAxis.reversePlotOrder,
    rotation: c.categoryAxis.textOrientation ?? 0,
    min: c.valueAxis.minimum ?? null,
    max: c.valueAxis.maximum ?? null,
    valueAxisShown: c.valueAxis.visible !== false,
    series: c.series.map((s) => ({
      name: s.name,
      group: s.chartType === "Line" || s.chartType === "LineMarkers" ? "line" : "bar",
      values: plain(s.values),
      categories: plain(s.categories),
      fill: s.fill ?? null,
      points: Object.fromEntries(Object.entries(s.points).filter(([, p]) => p.fill !== undefined).map(([i, p]) => [i, p.fill ?? null])),
      labelFormat: (s.dataLabels.numberFormat as string | undefined) ?? null,
      labelTexts: Object.fromEntries(Object.entries(s.points).filter(([, p]) => p.dataLabel?.text !== undefined).map(([i, p]) => [i, p.dataLabel?.text])),
    })),
  };
}

function fromParts(c: PartChart) {
  return {
    name: c.name,
    anchor: c.anchor,
    title: c.title,
    legend: c.series.length > 1 && c.barDir === "bar",
    reversed: c.categoriesReversed,
    rotation: c.categoryRotation,
    min: c.valueAxis.min,
    max: c.valueAxis.max,
    valueAxisShown: !c.valueAxis.deleted,
    series: c.series.map((s) => ({
      name: s.name,
      group: s.group,
      values: s.values,
      categories: s.categories,
      fill: s.fill,
      points: Object.fromEntries(Object.entries(s.points).map(([i, p]) => [i, p.fill])),
      labelFormat: s.labelFormat,
      labelTexts: s.labelTexts,
    })),
  };
}

describe("the example's charts drawn in Excel", () => {
  let fake: FakeExcel;
  let parts: PartChart[];
  beforeAll(async () => {
    fake = fakeFromWorkbook(buildExampleWorkbook());
    expect((await refresh(fake)).ok).toBe(true);
    const dir = tempDir();
    const input = path.join(dir, "exempel.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(input);
    const out = path.join(dir, "rapport.xlsx");
    expect((await runCli([input, "--out", out])).code).toBe(0);
    parts = chartParts(out, "Rapport");
  }, 60_000);

  it("are the charts the command line writes into the file: same cells, series, colours, labels and axes", () => {
    const charts = fake.charts("Rapport") as FakeChart[];
    expect(charts).toHaveLength(4);
    expect(charts.map(comparable)).toEqual(parts.map(fromParts));
  });

  it("are of the types the layout asked for, with the plot area it placed, and carry their alt text", () => {
    const charts = fake.charts("Rapport") as FakeChart[];
    expect(charts.map((c) => c.type)).toEqual(["BarClustered", "ColumnStacked", "BarClustered", "BarClustered"]);
    // The bridge's labels ride on a line series over the stacked columns.
    expect(charts[1].series.map((s) => s.chartType)).toEqual(["ColumnStacked", "ColumnStacked", "ColumnStacked", "ColumnStacked", "Line"]);
    for (const [i, c] of charts.entries()) {
      expect(c.altTextTitle).toBe(parts[i].altTitle);
      expect(c.altTextDescription).toBe(parts[i].altDescription);
      // The file's plot area is in fractions of the chart, Excel's in points: the same rectangle.
      expect(c.plotArea.insideLeft).toBeGreaterThan(0);
      expect(c.plotArea.insideWidth).toBeGreaterThan(0);
    }
    const ratio = (c: FakeChart, p: PartChart) => c.plotArea.insideWidth / p.plot.w / (c.plotArea.insideLeft / p.plot.x);
    expect(ratio(charts[0], parts[0])).toBeCloseTo(1, 3);
  });

  it("are drawn from the report's own sheet, never from the hidden sheet the report was built on", () => {
    for (const c of fake.charts("Rapport") as FakeChart[]) for (const s of c.series) expect(s.values?.startsWith("Rapport!")).toBe(true);
    expect(fake.model.sheets.map((s) => s.name).filter((n) => n.startsWith("Rapport"))).toEqual(["Rapport"]);
  });

  it("are replaced on the next refresh, not added to", async () => {
    expect((await refresh(fake)).ok).toBe(true);
    expect((fake.charts("Rapport") as FakeChart[]).map((c) => c.name)).toEqual(parts.map((p) => p.name));
  });
});

describe("requirement sets", () => {
  const ranges = (): Record<string, SheetRange> => ({
    ...minimalRanges(),
    Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 118], ["Personal", -60, -97]] },
  });

  it("below ExcelApi 1.8 the report has no charts and asks Excel for none", async () => {
    const fake = fakeFromRanges(ranges());
    expect((await refresh(fake, "1.7")).ok).toBe(true);
    expect(fake.charts("Rapport")).toEqual([]);
    expect(fake.log.filter((o) => o.kind.startsWith("chart."))).toEqual([]);
    // Nor does it keep room or cells for them.
    expect((fake.sheetValues("Rapport") as unknown[][]).some((r) => typeof r[0] === "string" && r[0].startsWith("Underlag för diagrammen"))).toBe(false);
  });

  it("with ExcelApi 1.8 it has its charts, without alt text (a shape's, ExcelApi 1.9)", async () => {
    const fake = fakeFromRanges(ranges());
    expect((await refresh(fake, "1.8")).ok).toBe(true);
    const charts = fake.charts("Rapport") as FakeChart[];
    expect(charts.map((c) => c.name)).toEqual(["Uppföljning: Avvikelse per post, mnkr", "Uppföljning: Från budget till prognos, mnkr", "Uppföljning: Känslighetsanalys: effekt på årets resultat, mnkr"]);
    expect(charts.every((c) => c.altTextTitle === "")).toBe(true);
    expect(fake.log.some((o) => o.kind === "chart.altTextTitle")).toBe(false);
    // Without Range.copyFrom (ExcelApi 1.9) the report is written in place: its old charts go first, the new come last.
    (fake.model.sheet("Utfall")?.cell(1, 1, false) as { value: unknown }).value = 70;
    fake.resetStats();
    expect((await refresh(fake, "1.8")).ok).toBe(true);
    expect((fake.charts("Rapport") as FakeChart[]).map((c) => c.name)).toEqual(charts.map((c) => c.name));
    // The report's own cells (the history's, written after the report is in place, are another sheet's).
    const kinds = fake.log.map((o) => (o.kind === "values" && o.sheet !== "Rapport" ? "values.other" : o.kind));
    expect(kinds.lastIndexOf("chart.delete")).toBeLessThan(kinds.indexOf("values"));
    expect(kinds.indexOf("chart.add")).toBeGreaterThan(kinds.lastIndexOf("values"));
  });

  it("with ExcelApi 1.9 and later the alt text is set, in a request of its own", async () => {
    const fake = fakeFromRanges(ranges());
    const outcome = await refresh(fake, "1.9");
    expect(outcome.ok).toBe(true);
    expect((fake.charts("Rapport") as FakeChart[]).every((c) => c.altTextTitle === c.title && c.altTextDescription.length > 50)).toBe(true);
  });

  it("in the stand-in as in Excel, the waterfall chart type needs ExcelApi 1.9: the report never asks for it", async () => {
    const fake = fakeFromRanges(ranges());
    expect((await refresh(fake, "1.12")).ok).toBe(true);
    expect((fake.charts("Rapport") as FakeChart[]).map((c) => c.type)).not.toContain("Waterfall");
    expect(FakeExcel.CHART_TYPE_VERSION.Waterfall).toBe("1.9");
  });
});

describe("the charts and the user's own", () => {
  const ranges = (diagram?: string): Record<string, SheetRange> => ({
    ...minimalRanges(),
    Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 118], ["Personal", -60, -97]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024], ["Diagram", diagram ?? "Ja"]] },
  });

  it("a chart the user made on the report tab stays through refreshes; Diagram = Nej removes only the report's", async () => {
    const fake = fakeFromRanges(ranges());
    expect((await refresh(fake)).ok).toBe(true);
    await fake.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem("Rapport");
      const mine = sheet.charts.add("ColumnClustered" as Excel.ChartType, sheet.getRange("B8:B9"), "Columns" as Excel.ChartSeriesBy);
      mine.name = "Min graf";
      await c.sync();
    });
    expect((await refresh(fake)).ok).toBe(true);
    expect((fake.charts("Rapport") as FakeChart[]).map((c) => c.name)).toEqual(["Min graf", "Uppföljning: Avvikelse per post, mnkr", "Uppföljning: Från budget till prognos, mnkr", "Uppföljning: Känslighetsanalys: effekt på årets resultat, mnkr"]);
    (fake.model.sheet("Inställningar")?.cell(4, 1, false) as { value: unknown }).value = "Nej";
    expect((await refresh(fake)).ok).toBe(true);
    expect((fake.charts("Rapport") as FakeChart[]).map((c) => c.name)).toEqual(["Min graf"]);
  });

  it("a chart Excel refuses stops the refresh on the hidden sheet: the old report and its charts are untouched", async () => {
    const fake = fakeFromRanges(ranges());
    expect((await refresh(fake)).ok).toBe(true);
    const before = JSON.stringify([fake.sheetValues("Rapport"), fake.charts("Rapport")]);
    (fake.model.sheet("Utfall")?.cell(1, 1, false) as { value: unknown }).value = 70;
    fake.failOn = (op) => op.kind === "chart.add" && op.sheet === "Rapport (ny)";
    const error = await refresh(fake).catch((e: unknown) => e);
    fake.failOn = null;
    expect(error).toBeInstanceOf(RefreshError);
    expect((error as RefreshError).stage).toBe("untouched");
    expect(JSON.stringify([fake.sheetValues("Rapport"), fake.charts("Rapport")])).toBe(before);
    expect(fake.model.sheets.map((s) => s.name)).not.toContain("Rapport (ny)");
  });

  it("the hidden sheet's trial charts go before its cells are copied, so none comes along, and none is left", async () => {
    const fake = fakeFromRanges(ranges());
    expect((await refresh(fake)).ok).toBe(true);
    fake.resetStats();
    expect((await refresh(fake)).ok).toBe(true);
    const kinds = fake.log.map((o) => `${o.kind} ${o.sheet}`);
    const copy = kinds.indexOf("copyFrom Rapport");
    const trials = kinds.map((k, i) => (k === "chart.delete Rapport (ny)" ? i : -1)).filter((i) => i >= 0);
    expect(trials.length).toBe(3);
    expect(Math.max(...trials)).toBeLessThan(copy);
    // The report's old charts go before its cells change, the new ones come after.
    expect(kinds.indexOf("chart.delete Rapport")).toBeLessThan(copy);
    expect(kinds.indexOf("chart.add Rapport")).toBeGreaterThan(copy);
  });
});
