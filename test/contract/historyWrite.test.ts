/**
 * What a refresh writes into Prognoshistorik (contract/historyWrite.ts), decided once for both hosts: whether the
 * range is ours to write, and which cells get which values, with the current period's rows replaced where they stand
 * and every other row, and every cell outside the contract's columns, left alone. Checked on examples and, as a
 * property, on random histories applied to a sheet and planned again (idempotence).
 */
import fc from "fast-check";
import { HistoryFacts, HistoryPlan, historyTarget, historyWanted, planHistory, stampOf, SheetRect } from "../../src/contract/historyWrite";
import { HISTORY_KEYS, HistoryKey, HistoryLayout } from "../../src/contract/readHistory";
import { defaultSettings } from "../../src/engine/settings";
import { CurrentLine } from "../../src/engine/forecastHistory";
import { toPublic } from "../../src/findings/findings";

const NOW = new Date(2024, 8, 14, 10, 30);
const line = (item: string, kind: CurrentLine["kind"], forecast: number | null, actual: number, responsibility: string | null = null): CurrentLine => ({ item, kind, forecast, actual, responsibility, budgetYear: 0 });
const LINES = [line("Intäkter", "revenue", 120, 80), line("Personal", "cost", -96, -60), line("Rullat underskott", "carryover", -3, -3)];
const current = (lines: readonly CurrentLine[] = LINES, costsPositive = false) => ({ year: 2024, period: 8, lines, costsPositive, now: NOW });

/** A sheet as cells by row and column (zero-based). */
type Grid = Map<number, Map<number, string | number>>;

const COLUMNS: Record<HistoryKey, number> = { ar: 0, period: 1, ansvar: 2, post: 3, typ: 4, prognos: 5, utfall: 6, uppdaterad: 7 };

function layoutOf(grid: Grid, name: SheetRect, columns: Partial<Record<HistoryKey, number>> = COLUMNS): HistoryLayout {
  const rows: HistoryLayout["rows"] = [];
  for (let r = name.top + 1; r <= name.bottom; r++) {
    const cells = grid.get(r);
    if (!cells || ![...cells.keys()].some((c) => c >= name.left && c <= name.right)) continue;
    const y = cells.get(columns.ar as number), p = cells.get(columns.period as number);
    rows.push({ row: r, year: typeof y === "number" ? y : null, period: typeof p === "number" ? p : null });
  }
  return { sheet: "Prognoshistorik", origin: "name", top: name.top, left: name.left, width: name.right - name.left + 1, bottom: name.bottom, columns, rows };
}

function factsOf(grid: Grid, name: SheetRect, isProtected = false): HistoryFacts {
  let usedBottom = -1;
  for (const [r, cells] of grid) if ([...cells.keys()].some((c) => c >= name.left && c <= name.right)) usedBottom = Math.max(usedBottom, r);
  return { name, usedBottom, protected: isProtected };
}

/** What the hosts do with a plan, on the grid. */
function apply(grid: Grid, plan: HistoryPlan): void {
  const set = (r: number, c: number, v: string | number | null) => {
    const row = grid.get(r) ?? new Map();
    if (v === null) row.delete(c);
    else row.set(c, v);
    if (row.size) grid.set(r, row);
    else grid.delete(r);
  };
  if (plan.create) plan.columns.forEach((c) => set(0, c.col, c.header));
  for (const r of plan.rows) plan.columns.forEach((c, i) => set(r.row, c.col, r.values[i]));
  for (const r of plan.clear) for (const c of plan.columns) set(r, c.col, null);
}

function gridOf(rows: (string | number | null)[][], top = 0): Grid {
  const g: Grid = new Map();
  rows.forEach((row, i) => row.forEach((v, c) => v !== null && (g.get(top + i) ?? g.set(top + i, new Map()).get(top + i))?.set(c, v)));
  return g;
}

const HEADER = ["År", "Period", "Ansvar", "Post", "Typ", "Prognos", "Utfall", "Uppdaterad"];

describe("whether and where", () => {
  const layout = (changes: Partial<HistoryLayout>): HistoryLayout => ({ ...layoutOf(new Map(), { top: 0, left: 0, bottom: 0, right: 7 }), ...changes });

  it("creates the sheet without a history, and updates its own", () => {
    expect(historyTarget(null, ["Budget", "Utfall"], false)).toEqual({ kind: "create", sheet: "Prognoshistorik" });
    expect(historyTarget(layout({}), ["Budget", "Prognoshistorik"], true).kind).toBe("update");
  });

  it("leaves alone a sheet of that name without the name, a range on another sheet, a table, and a range without the columns it needs", () => {
    const why = (t: ReturnType<typeof historyTarget>) => (t.kind === "none" ? t.findings.map(toPublic).map((f) => [f.code, f.cell]) : t.kind);
    expect(why(historyTarget(null, ["prognoshistorik"], false))).toEqual([["HISTORY_SHEET_TAKEN", null]]);
    expect(why(historyTarget(layout({ sheet: "Min historik" }), [], false))).toEqual([["HISTORY_NOT_OURS", "'Min historik'!A1"]]);
    expect(why(historyTarget(layout({ origin: "table" }), [], false))).toEqual([["HISTORY_TABLE", "Prognoshistorik!A1"]]);
    const { ansvar, ...withoutAnsvar } = COLUMNS;
    void ansvar;
    expect(why(historyTarget(layout({ columns: withoutAnsvar }), [], true))).toEqual([["HISTORY_COLUMN_MISSING", "Prognoshistorik!A1"]]);
    expect(historyTarget(layout({ columns: withoutAnsvar }), [], false).kind).toBe("update");
    const { typ, ...withoutTyp } = COLUMNS;
    void typ;
    expect(why(historyTarget(layout({ columns: withoutTyp }), [], false))).toEqual([["HISTORY_COLUMN_MISSING", "Prognoshistorik!A1"]]);
  });

  it("writes when the setting says so and there is a forecast, or the year's outcome at period 12", () => {
    const s = defaultSettings(NOW);
    s.months = 8;
    expect([historyWanted(s, true, 3), historyWanted(s, false, 3), historyWanted(s, true, 0)]).toEqual([true, false, false]);
    s.months = 12;
    expect(historyWanted(s, false, 3)).toBe(true);
    s.saveHistory = false;
    expect(historyWanted(s, true, 3)).toBe(false);
  });
});

describe("the cells written", () => {
  it("on the first refresh: a header, the lines, and the name over them; Typ as Budget spells it, costs as the workbook enters them", () => {
    const { plan, findings } = planHistory({ kind: "create", sheet: "Prognoshistorik" }, null, current(LINES, true));
    expect(findings).toEqual([]);
    expect(plan?.columns.map((c) => [c.header, c.col, c.format])).toEqual(HEADER.map((h, i) => [h, i, i < 2 || i === 5 || i === 6 ? "number" : "text"]));
    expect(plan?.rows).toEqual([
      { row: 1, values: [2024, 8, null, "Intäkter", "Intäkt", 120, 80, "2024-09-14 10:30"] },
      { row: 2, values: [2024, 8, null, "Personal", "Kostnad", 96, 60, "2024-09-14 10:30"] },
      { row: 3, values: [2024, 8, null, "Rullat underskott", "Över-/underskott", -3, -3, "2024-09-14 10:30"] },
    ]);
    expect(plan?.name).toEqual({ top: 0, left: 0, bottom: 3, right: 7 });
    expect(stampOf(new Date(2025, 0, 2, 3, 4, 59))).toBe("2025-01-02 03:04");
  });

  it("replaces the current period's rows where they stand, clears those left over, and keeps every other row", () => {
    const grid = gridOf([HEADER, [2024, 4, null, "Intäkter", "Intäkt", 118, 40, "x"], [2024, 8, null, "Intäkter", "Intäkt", 1, 1, "x"], [2023, 12, null, "Intäkter", "Intäkt", 110, 110, "x"], [2024, 8, null, "Personal", "Kostnad", 2, 2, "x"], [2024, 8, null, "Lokaler", "Kostnad", 3, 3, "x"]]);
    const name = { top: 0, left: 0, bottom: 5, right: 7 };
    const { plan } = planHistory({ kind: "update", layout: layoutOf(grid, name) }, factsOf(grid, name), current(LINES.slice(0, 2)));
    expect(plan?.rows.map((r) => [r.row, r.values[3], r.values[5]])).toEqual([[2, "Intäkter", 120], [4, "Personal", -96]]);
    expect(plan?.clear).toEqual([5]);
    expect(plan?.name).toBeNull();
  });

  it("appends what does not fit below the last row the range's columns use, and the name grows over it and over pasted rows, with a notice", () => {
    const grid = gridOf([HEADER, [2024, 4, null, "Intäkter", "Intäkt", 118, 40, "x"], [2024, 8, null, "Intäkter", "Intäkt", 1, 1, "x"], [2023, 4, null, "Intäkter", "Intäkt", 100, 30, null]]);
    grid.get(2)?.set(10, "min anteckning");
    grid.set(9, new Map([[10, "anteckning långt ner, utanför området"]]));
    const name = { top: 0, left: 0, bottom: 2, right: 7 };
    const { plan, findings } = planHistory({ kind: "update", layout: layoutOf(grid, name) }, factsOf(grid, name), current());
    expect(plan?.rows.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(plan?.name).toEqual({ top: 0, left: 0, bottom: 5, right: 7 });
    expect(findings.map(toPublic).map((f) => f.message)).toEqual([
      "Bladet med Prognoshistorik (Prognoshistorik!A1) hade rader under området (rad 4). Området omfattar nu också dem, så de läses från och med nästa uppdatering; kontrollera att de hör till historiken.",
    ]);
    apply(grid, plan as HistoryPlan);
    expect(grid.get(2)?.get(10)).toBe("min anteckning");
    expect(grid.get(9)?.get(10)).toBe("anteckning långt ner, utanför området");
  });

  it("writes only the contract columns the range has, where the range has them", () => {
    const columns = { post: 1, ar: 2, period: 3, typ: 4, prognos: 6 };
    const grid = gridOf([["Kommentar", "Post", "År", "Period", "Typ", "Not", "Prognos"], ["min", "Intäkter", 2024, 8, "Intäkt", "n", 1]], 3);
    const name = { top: 3, left: 0, bottom: 4, right: 6 };
    const { plan } = planHistory({ kind: "update", layout: layoutOf(grid, name, columns) }, factsOf(grid, name), current(LINES.slice(0, 1)));
    expect(plan?.columns.map((c) => [c.key, c.col])).toEqual([["post", 1], ["ar", 2], ["period", 3], ["typ", 4], ["prognos", 6]]);
    expect(plan?.rows).toEqual([{ row: 4, values: ["Intäkter", 2024, 8, "Intäkt", 120] }]);
  });

  it("writes our range afresh where it stands when it holds nothing, not even its header (a first write that stopped early)", () => {
    const name = { top: 2, left: 1, bottom: 40, right: 8 };
    const target = historyTarget(layoutOf(new Map(), name, {}), ["Prognoshistorik"], false);
    expect(target).toMatchObject({ kind: "update", header: true });
    const { plan } = planHistory(target as Exclude<typeof target, { kind: "none" }>, factsOf(new Map(), name), current());
    expect(plan?.rows.map((r) => [r.row, r.values[0], r.values[3]])).toEqual([[2, "År", "Post"], [3, 2024, "Intäkter"], [4, 2024, "Personal"], [5, 2024, "Rullat underskott"]]);
    expect(plan?.columns.map((c) => c.col)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan?.name).toBeNull();
  });

  it("writes nothing on a protected sheet, or past Excel's last row", () => {
    const grid = gridOf([HEADER]);
    const name = { top: 0, left: 0, bottom: 0, right: 7 };
    const target = { kind: "update" as const, layout: layoutOf(grid, name) };
    expect(planHistory(target, factsOf(grid, name, true), current()).findings.map((f) => f.code)).toEqual(["HISTORY_SHEET_PROTECTED"]);
    const far = { top: 1_048_573, left: 0, bottom: 1_048_573, right: 7 };
    const high = planHistory({ kind: "update", layout: layoutOf(new Map(), far) }, factsOf(new Map(), far), current());
    expect([high.plan, high.findings.map((f) => f.code)]).toEqual([null, ["HISTORY_FULL"]]);
  });
});

describe("a refresh leaves the history as the contract says, whatever it held (property)", () => {
  const key = fc.record({ year: fc.constantFrom(2022, 2023, 2024), period: fc.constantFrom(4, 8, 12), item: fc.constantFrom("Intäkter", "Personal", "Lokaler") });
  const existing = fc.array(fc.oneof(key.map((k) => [k.year, k.period, null, k.item, "Kostnad", 7, 3, "förr"] as (string | number | null)[]), fc.constant([] as (string | number | null)[])), { maxLength: 25 });
  const lines = fc.array(fc.record({ item: fc.constantFrom("Intäkter", "Personal", "Fritid", "Lokaler"), forecast: fc.integer({ min: -500, max: 500 }) }), { minLength: 1, maxLength: 12 });

  it("keeps every row of another period and every cell outside the contract columns, holds the lines in order, and refreshes idempotently", () => {
    fc.assert(
      fc.property(existing, fc.integer({ min: 0, max: 4 }), fc.nat(3), lines, (rows, pastedBelow, top, wanted) => {
        const grid = gridOf([HEADER, ...rows], top);
        // A note outside the columns on some rows, and rows pasted under the name.
        for (const [r, cells] of grid) if (r % 3 === 0) cells.set(9, `not ${r}`);
        const nameBottom = top + rows.length;
        for (let i = 0; i < pastedBelow; i++) grid.set(nameBottom + 1 + i, new Map<number, string | number>([[0, 2021], [1, 12], [3, "Inklistrad"], [5, i]]));
        const name = { top, left: 0, bottom: nameBottom, right: 7 };
        const before = new Map([...grid].map(([r, c]) => [r, new Map(c)]));
        const cur = current(wanted.map((w) => line(w.item, "cost", w.forecast, 0)));
        const { plan } = planHistory({ kind: "update", layout: layoutOf(grid, name) }, factsOf(grid, name), cur);
        if (!plan) throw new Error("no plan");
        apply(grid, plan);
        const isCurrent = (cells: Map<number, string | number> | undefined) => cells?.get(0) === 2024 && cells?.get(1) === 8;
        for (const [r, cells] of before) {
          const now = grid.get(r);
          if (!isCurrent(cells) && !plan.rows.some((p) => p.row === r)) expect(now).toEqual(cells);
          expect(now?.get(9)).toBe(cells.get(9));
        }
        const newName = plan.name ?? name;
        expect(newName.bottom).toBeGreaterThanOrEqual(Math.max(...grid.keys()));
        const held = [...grid].filter(([r, c]) => r > newName.top && r <= newName.bottom && isCurrent(c)).sort((a, b) => a[0] - b[0]);
        expect(held.map(([, c]) => [c.get(3), c.get(5)])).toEqual(wanted.map((w) => [w.item, w.forecast]));
        // Again, a minute later: the same cells apart from Uppdaterad, and the name as it is.
        const again = planHistory({ kind: "update", layout: layoutOf(grid, newName) }, factsOf(grid, newName), { ...cur, now: new Date(NOW.getTime() + 60_000) });
        expect(again.plan?.name).toBeNull();
        expect(again.plan?.clear).toEqual([]);
        const strip = (p: HistoryPlan) => p.rows.map((r) => [r.row, r.values.slice(0, HISTORY_KEYS.indexOf("uppdaterad"))]);
        expect(strip(again.plan as HistoryPlan)).toEqual(strip(plan));
      }),
      { numRuns: 200 },
    );
  });
});
