import * as path from "path";
import ExcelJS from "exceljs";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { refreshReport } from "../../src/hosts/office/refresh";
import { readOfficeSource } from "../../src/hosts/office/officeSource";
import { compute } from "../../src/pipeline";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromRanges, fakeFromWorkbook, installFake, supportsAll } from "../support/officeFixtures";
import { minimalRanges, runCli, tempDir } from "../support/sheets";
import { NOW } from "../support/report";

const INPUT_SHEETS = ["Budget", "Utfall", "Indikatorer", "Risker", "Känslighet", "Inställningar", "Egna anteckningar"];

function snapshot(fake: FakeExcel, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, JSON.stringify([...(fake.model.sheet(n)?.cells ?? new Map()).entries()])]));
}

async function refresh(fake: FakeExcel) {
  installFake(fake);
  return fake.run((context) => refreshReport(context, { now: NOW, supports: supportsAll }));
}

describe("reading the contract inside Excel", () => {
  it("finds names and tables in two round trips and reads the same inputs as the file host", async () => {
    const wb = buildExampleWorkbook();
    const fake = fakeFromWorkbook(wb);
    installFake(fake);
    const read = await fake.run((context) => readOfficeSource(context, "Rapport"));
    expect(fake.stats.syncs).toBe(2);
    const c = compute(read.source, NOW);
    expect(c.ok).toBe(true);
    expect(c.input.found.map((f) => [f.name, f.found, f.rows])).toEqual([
      ["Budget", true, 36], ["Utfall", true, 36], ["Indikatorer", true, 8], ["Risker", true, 8], ["Känslighet", true, 5], ["Inställningar", true, 12],
    ]);
    if (!c.ok) return;
    expect(Math.round(c.result.income.totals.result.actual * 10) / 10).toBe(15.7);
  });

  it("reports a broken name, a constant name and error values with their cells", async () => {
    const fake = fakeFromRanges({
      ...minimalRanges(),
      Utfall: { rows: [["Post", "Utfall"], ["Intäkter", "#N/A"], ["Personal", -60]] },
    });
    fake.model.names.set("Risker", "=#REF!$A$1:$C$4");
    fake.model.names.set("Känslighet", "=0,25");
    installFake(fake);
    const read = await fake.run((context) => readOfficeSource(context, "Rapport"));
    const codes = compute(read.source).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["RANGE_BROKEN_REF", "RANGE_NOT_CELLS", "CELL_ERROR_VALUE"]));
  });
});

describe("refreshing the report inside Excel", () => {
  let fake: FakeExcel;
  beforeAll(async () => {
    fake = fakeFromWorkbook(buildExampleWorkbook());
  });

  it("writes the report in three round trips, formats per block, and touches no input sheet", async () => {
    const before = snapshot(fake, INPUT_SHEETS);
    const outcome = await refresh(fake);
    expect(outcome.ok).toBe(true);
    expect(fake.stats.syncs).toBe(3);
    expect(outcome.syncs).toBe(3);
    expect(fake.model.sheets[0].name).toBe("Rapport");
    expect(fake.model.active).toBe("Rapport");
    expect(snapshot(fake, INPUT_SHEETS)).toEqual(before);
    const written = new Set(fake.log.map((l) => l.sheet));
    expect([...written].every((s) => s === null || s === "Rapport" || s === "Rapport (ny)")).toBe(true);
    expect(fake.stats.valuesWrites).toBe(1);
    expect(fake.stats.formatCalls).toBeLessThan(1200);
  });

  it("draws the same cells as the file host", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(input);
    await runCli([input, "--out", path.join(dir, "out.xlsx")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
    const xlsxRows: unknown[][] = [];
    (wb.getWorksheet("Rapport") as ExcelJS.Worksheet).eachRow({ includeEmpty: true }, (row, r) => {
      const vals: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const merged = cell.isMerged && cell.master !== cell;
        vals[c - 1] = merged || cell.value === null || cell.value === undefined ? "" : cell.value;
      });
      xlsxRows[r - 1] = Array.from(vals, (v) => v ?? "");
    });
    const officeRows = fake.sheetValues("Rapport") as unknown[][];
    const norm = (rows: unknown[][]) => rows.map((r) => (r ?? []).map((v) => (typeof v === "string" && v.startsWith("Uppdaterad") ? "Uppdaterad" : v)).join("|").replace(/\|+$/, ""));
    expect(norm(officeRows)).toEqual(norm(Array.from(xlsxRows, (r) => r ?? [])));
  });

  it("applies formats, merges, hidden key column and print layout", () => {
    const s = fake.model.sheet("Rapport");
    expect(s?.merges.length).toBeGreaterThan(5);
    expect(s?.hiddenColumns.size).toBe(1);
    expect(s?.pageBreaks).toHaveLength(3);
    expect(s?.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(s?.pageLayout.headersFooters.defaultForAllPages.rightFooter).toBe("Sida &P av &N");
    const values = fake.sheetValues("Rapport") as unknown[][];
    const r = values.findIndex((row) => row[0] === "Personalkostnader");
    expect(s?.cell(r, 2, false)?.numberFormat).toBe('#,##0.0;"\u2212"#,##0.0;#,##0.0');
    expect(s?.cell(r, 4, false)?.format["font.color"]).toBe("#1E7B34");
  });

  it("keeps an explanation typed into the report through the next refresh", async () => {
    const s = fake.model.sheet("Rapport");
    const values = fake.sheetValues("Rapport") as unknown[][];
    const header = values.findIndex((row) => row.includes("Förklaring"));
    const col = values[header].indexOf("Förklaring");
    const r = values.findIndex((row) => row[0] === "Lokalkostnader");
    (s?.cell(r, col, true) as { value: unknown }).value = "Uppsagd extern lokal.";
    fake.resetStats();
    expect((await refresh(fake)).ok).toBe(true);
    const after = fake.sheetValues("Rapport") as unknown[][];
    expect(after.find((row) => row[0] === "Lokalkostnader")?.[col]).toBe("Uppsagd extern lokal.");
    expect(fake.model.sheets.map((x) => x.name).filter((n) => n.startsWith("Rapport"))).toEqual(["Rapport"]);
  });

  it("leaves the previous report as it was when writing fails midway, and says why", async () => {
    const before = JSON.stringify(fake.sheetValues("Rapport"));
    const sheetsBefore = fake.model.sheets.map((s) => s.name);
    let formats = 0;
    fake.failOn = (op) => op.kind === "format" && op.sheet === "Rapport (ny)" && ++formats === 50;
    await expect(refresh(fake)).rejects.toMatchObject({ code: "GeneralException" });
    fake.failOn = null;
    expect(JSON.stringify(fake.sheetValues("Rapport"))).toBe(before);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it("refuses to write over a sheet of the user's named like the report", async () => {
    const f = fakeFromRanges(minimalRanges());
    f.model.put("Rapport", "A1", [["Min egen analys"]]);
    await expect(refresh(f)).rejects.toMatchObject({ code: "REPORT_SHEET_TAKEN" });
    expect(f.sheetValues("Rapport")).toEqual([["Min egen analys"]]);
  });

  it("writes nothing when the data has errors", async () => {
    const f = fakeFromRanges({ ...minimalRanges(), Utfall: { rows: [["Post", "Utfall"], ["Intäkter", "åttio"]] } });
    const outcome = await refresh(f);
    expect(outcome.ok).toBe(false);
    expect(outcome.findings[0]).toMatchObject({ code: "NUMBER_EXPECTED", cell: "Utfall!B2" });
    expect(f.log.filter((l) => l.kind !== "suspendScreenUpdating")).toEqual([]);
    expect(f.model.sheet("Rapport")).toBeNull();
  });
});

describe("large reports", () => {
  it("split writes so that no request passes the limit, and draw the same report", async () => {
    const normal = fakeFromWorkbook(buildExampleWorkbook());
    await refresh(normal);
    const small = fakeFromWorkbook(buildExampleWorkbook());
    small.requestLimit = 30_000;
    installFake(small);
    const outcome = await small.run((context) => refreshReport(context, { now: NOW, supports: supportsAll, maxRequestBytes: 20_000 }));
    expect(outcome.ok).toBe(true);
    expect(small.stats.syncs).toBeGreaterThan(3);
    expect(small.stats.maxRequestBytes).toBeLessThanOrEqual(30_000);
    expect(small.sheetValues("Rapport")).toEqual(normal.sheetValues("Rapport"));
  });
});

describe("reading on Excel on the web", () => {
  it("reads large ranges in slices under the response limit and gets the same figures", async () => {
    const whole = fakeFromWorkbook(buildExampleWorkbook());
    installFake(whole);
    const a = await whole.run((c) => readOfficeSource(c, "Rapport"));
    const sliced = fakeFromWorkbook(buildExampleWorkbook());
    installFake(sliced);
    const b = await sliced.run((c) => readOfficeSource(c, "Rapport", { maxResponseBytes: 8_000 }));
    expect(b.syncs).toBeGreaterThan(2);
    expect(sliced.stats.maxResponseBytes).toBeLessThanOrEqual(8_000);
    expect(whole.stats.maxResponseBytes).toBeGreaterThan(3 * 8_000);
    const sortEntries = (x: typeof a) => [...x.source.entries].sort((p, q) => p.name.localeCompare(q.name));
    expect(sortEntries(b)).toEqual(sortEntries(a));
  });
});

describe("Office errors", () => {
  it("are told in Swedish, with the code", async () => {
    const { swedishError } = await import("../../src/hosts/office/officeErrors");
    expect(swedishError(Object.assign(new Error("x"), { code: "EditModeNotAllowed" }))).toBe("Excel är i redigeringsläge. Tryck Esc eller Enter i cellen och försök igen. (EditModeNotAllowed)");
    expect(swedishError(new Error("nätet"))).toBe("Rapporten kunde inte uppdateras: nätet. Den tidigare rapporten är orörd.");
  });
});

describe("text that looks like a formula", () => {
  it("is written as text, never as a formula", async () => {
    const ranges = minimalRanges();
    ranges.Budget.rows[1][0] = "=Intäkter";
    ranges.Utfall.rows[1][0] = "=Intäkter";
    ranges.Risker = { rows: [["Risk", "Sannolikhet", "Konsekvens", "Åtgärd"], ["+1+1", 2, 2, "@SUM(A1)"], ["-tio", 1, 1, "=CMD|' /C calc'!A0"]] };
    const f = fakeFromRanges(ranges);
    expect((await refresh(f)).ok).toBe(true);
    const cells = [...(f.model.sheet("Rapport")?.cells.values() ?? [])].map((c) => c.value);
    expect(cells.some((v) => v !== null && typeof v === "object")).toBe(false);
    expect(cells).toEqual(expect.arrayContaining(["=Intäkter", "1. +1+1", "@SUM(A1)", "2. -tio", "=CMD|' /C calc'!A0"]));
  });
});
