/**
 * The forecast history inside Excel (the stand-in, strict as Excel is): created after the report on the first
 * refresh, edited in place on later ones, the same cells the command line leaves; guarded by the requirement sets
 * it needs; a failure leaves the report in place and says so.
 */
import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { HISTORY_COLUMNS } from "../../src/contract/readHistory";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { refreshReport } from "../../src/hosts/office/refresh";
import { RequestBudget } from "../../src/hosts/office/renderOffice";
import { writeHistory } from "../../src/hosts/office/writeHistory";
import { planHistory } from "../../src/contract/historyWrite";
import { runXlsx } from "../../src/hosts/xlsx/runXlsx";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromWorkbook, installFake, supportsAll, supportsUpTo } from "../support/officeFixtures";
import { tempDir } from "../support/sheets";

const NOW = new Date(2024, 8, 14, 10, 30);
const HEADER = HISTORY_COLUMNS.map((c) => c.header);

async function refresh(fake: FakeExcel, supports: (v: string) => boolean = supportsAll, now = NOW) {
  installFake(fake);
  return fake.run((context) => refreshReport(context, { supports, now }));
}

/** The history's own columns (A:H), row by row, as Excel holds them. */
function history(fake: FakeExcel): unknown[][] {
  return ((fake.sheetValues("Prognoshistorik") ?? []) as unknown[][]).map((r) => r.slice(0, HEADER.length));
}

describe("in Excel", () => {
  it("creates the sheet last after the report, with its name, text kept as text, and the same cells as the command line", async () => {
    const fake = fakeFromWorkbook(buildExampleWorkbook());
    const outcome = await refresh(fake);
    expect(outcome.findings).toEqual([]);
    const sheets = fake.model.sheets.map((s) => s.name);
    expect(sheets[0]).toBe("Rapport");
    expect(sheets[sheets.length - 1]).toBe("Prognoshistorik");
    expect(fake.model.active).toBe("Rapport");
    const rows = history(fake);
    expect(rows[0]).toEqual(HEADER);
    expect(fake.model.names.get("Prognoshistorik")).toBe(`=Prognoshistorik!A1:H${rows.length}`);
    // Ansvar, Post, Typ and Uppdaterad are text cells: "2024-09-14 10:30" stays text, as does an ansvar "1100".
    const s = fake.model.sheet("Prognoshistorik");
    expect([2, 3, 4, 7].map((c) => s?.cell(1, c, false)?.numberFormat)).toEqual(["@", "@", "@", "@"]);
    expect(s?.cell(0, 0, false)?.format).toMatchObject({ "font.bold": true });
    // The history comes after the report: the report was in place before the history's first write.
    const log = fake.log.map((l) => l.sheet);
    expect(log.lastIndexOf("Rapport")).toBeLessThan(log.indexOf("Prognoshistorik"));

    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(input);
    await runXlsx({ input, out: path.join(dir, "out.xlsx"), now: NOW });
    const wb = await readWorkbook(fs.readFileSync(path.join(dir, "out.xlsx")), "out.xlsx", () => true);
    expect(rows).toEqual(((await wb.readSheetCells("Prognoshistorik")) ?? []).filter((r) => r.some((c) => c !== null)).map((r) => r.slice(0, HEADER.length)));
  });

  it("replaces the current period's rows in place on the next refresh, leaving other rows and a note alone", async () => {
    const fake = fakeFromWorkbook(buildExampleWorkbook());
    await refresh(fake);
    const first = history(fake);
    const s = fake.model.sheet("Prognoshistorik");
    // The controller pastes last year's outcome below, and writes a note beside a row.
    const pasted = first.slice(1, 4).map((r) => [2023, 12, ...r.slice(2, 7), "inklistrad"]);
    fake.model.put("Prognoshistorik", `A${first.length + 1}`, pasted);
    (s?.cell(2, 9, true) as { value: unknown }).value = "min anteckning";
    const outcome = await refresh(fake, supportsAll, new Date(2024, 8, 20, 16, 5));
    expect(outcome.findings.map((f) => f.code)).toEqual(["HISTORY_RANGE_EXTENDED"]);
    const after = history(fake);
    expect(after.slice(0, first.length).map((r) => r.slice(0, 7))).toEqual(first.map((r) => r.slice(0, 7)));
    expect(after.slice(1, first.length).every((r) => r[7] === "2024-09-20 16:05")).toBe(true);
    expect(after.slice(first.length)).toEqual(pasted);
    expect(fake.sheetValues("Prognoshistorik")?.[2][9]).toBe("min anteckning");
    // The name now covers the pasted rows, read from the next refresh on.
    expect(fake.model.names.get("Prognoshistorik")).toBe(`=Prognoshistorik!$A$1:$H$${first.length + pasted.length}`);
    const third = await refresh(fake);
    expect(third.findings).toEqual([]);
  });

  it("without ExcelApi 1.7 reads the history and writes none, and says so", async () => {
    const fake = fakeFromWorkbook(buildExampleWorkbook());
    const outcome = await refresh(fake, supportsUpTo("1.6"));
    expect(outcome.ok).toBe(true);
    expect(outcome.findings.map((f) => f.code)).toEqual(["HISTORY_EXCEL_TOO_OLD"]);
    expect(fake.model.sheet("Prognoshistorik")).toBeNull();
  });

  it("keeps the report when Excel refuses the history and says so; the next refresh writes the empty range afresh", async () => {
    const fake = fakeFromWorkbook(buildExampleWorkbook());
    fake.failOn = (op) => op.kind === "values" && op.sheet === "Prognoshistorik";
    const outcome = await refresh(fake);
    fake.failOn = null;
    expect(outcome.ok).toBe(true);
    expect(outcome.findings.map((f) => [f.code, f.message])).toEqual([
      ["HISTORY_WRITE_FAILED", expect.stringMatching(/^Rapporten uppdaterades, men den aktuella prognosen kunde inte sparas i Prognoshistorik\. Excel kunde inte slutföra ändringen/)],
    ]);
    expect(fake.model.sheet("Rapport")).not.toBeNull();
    // The name was made before the cells: the sheet stays, its name with it, and the next refresh fills it.
    expect(fake.model.names.has("Prognoshistorik")).toBe(true);
    const again = await refresh(fake);
    expect(again.findings.map((f) => f.code)).toEqual(["RANGE_EMPTY_OPTIONAL"]);
    expect(history(fake)[0]).toEqual(HEADER);
    expect(history(fake).length).toBeGreaterThan(30);
  });

  it("removes the new sheet when even its name could not be made", async () => {
    const fake = fakeFromWorkbook(buildExampleWorkbook());
    fake.failOn = (op) => op.kind === "names.add";
    const outcome = await refresh(fake);
    fake.failOn = null;
    expect(outcome.findings.map((f) => f.code)).toEqual(["HISTORY_WRITE_FAILED"]);
    expect(fake.model.sheet("Prognoshistorik")).toBeNull();
    expect((await refresh(fake)).findings).toEqual([]);
    expect(fake.model.sheet("Prognoshistorik")).not.toBeNull();
  });

  it("writes a long history in requests Excel on the web takes", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Rapport");
    fake.requestLimit = 1024 * 1024;
    installFake(fake);
    const lines = Array.from({ length: 12_000 }, (_, i) => ({ responsibility: `Ansvar ${i % 400}`, item: `Post ${i}`, kind: "cost" as const, forecast: -i, actual: -i / 2, budgetYear: 0 }));
    const { plan } = planHistory({ kind: "create", sheet: "Prognoshistorik" }, null, { year: 2024, period: 8, lines, costsPositive: false, now: NOW });
    const findings = await fake.run(async (context) => {
      const budget = new RequestBudget(context, 512 * 1024);
      const f = await writeHistory(context, plan as NonNullable<typeof plan>, budget);
      expect(budget.syncs).toBeGreaterThan(2);
      return f;
    });
    expect(findings).toEqual([]);
    expect(fake.stats.maxRequestBytes).toBeLessThan(1024 * 1024);
    expect(history(fake).length).toBe(12_001);
    expect(history(fake)[12_000]).toEqual([2024, 8, "Ansvar 399", "Post 11999", "Kostnad", -11999, -5999.5, "2024-09-14 10:30"]);
  });
});
