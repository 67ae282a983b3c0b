/**
 * ColumnGrid keeps a range's cells by column, dense where a column is full enough and sparse elsewhere, so that a
 * whole-sheet range with a few values costs those values, not a million rows by 16 384 columns. Whatever form a
 * column takes (and however often it changes), the grid answers every question as a plain map of its cells would.
 */
import fc from "fast-check";
import { ColumnGrid, KIND_NUMBER, KIND_SHARED, KIND_TEXT, StringPool } from "../../src/hosts/xlsx/package/read/grid";
import { UppfoljningError } from "../../src/findings/errors";
import { LIMITS } from "../../src/hosts/xlsx/package/limits";

const ROWS = LIMITS.maxRows;
const COLS = LIMITS.maxColumns;

interface Put {
  row: number;
  col: number;
  kind: number;
  value: number | string;
}

/** The grid and a map of what was put, for the same cells in the same order. */
function both(puts: Put[]): { grid: ColumnGrid; model: Map<string, Put>; pool: StringPool } {
  const pool = new StringPool();
  pool.shared.set(0, "   ");
  pool.shared.set(1, "text");
  const grid = new ColumnGrid(ROWS, COLS, pool, [null, "0%"]);
  const model = new Map<string, Put>();
  for (const p of puts) {
    const key = `${p.row}|${p.col}`;
    if (model.has(key)) continue;
    model.set(key, p);
    const num = p.kind === KIND_TEXT ? pool.add(p.value as string) : (p.value as number);
    grid.set(p.row, p.col, p.kind, num, p.kind === KIND_NUMBER ? 1 : 0);
  }
  return { grid, model, pool };
}

/** Cells in clusters (dense runs from row 0) and scattered far apart, so columns change form back and forth. */
const put = fc.oneof(
  fc.record({ row: fc.integer({ min: 0, max: 300 }), col: fc.integer({ min: 0, max: 6 }), kind: fc.constant(KIND_NUMBER), value: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ row: fc.integer({ min: 0, max: ROWS - 1 }), col: fc.integer({ min: 0, max: COLS - 1 }), kind: fc.constant(KIND_NUMBER), value: fc.integer() }),
  // Far rows in the clusters' columns: a dense column turns sparse, and dense again as it fills.
  fc.record({ row: fc.integer({ min: 0, max: 20_000 }), col: fc.integer({ min: 0, max: 3 }), kind: fc.constant(KIND_NUMBER), value: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ row: fc.integer({ min: 0, max: 5000 }), col: fc.integer({ min: 0, max: 3 }), kind: fc.constant(KIND_TEXT), value: fc.constantFrom("", " ", "a", "Lön") }),
  fc.record({ row: fc.integer({ min: 0, max: 5000 }), col: fc.integer({ min: 0, max: 3 }), kind: fc.constant(KIND_SHARED), value: fc.constantFrom(0, 1, 7) }),
);

describe("ColumnGrid", () => {
  it("answers as a map of its cells, dense or sparse, in any order of arrival", () => {
    fc.assert(
      fc.property(fc.array(put, { maxLength: 400 }), (puts) => {
        const { grid, model, pool } = both(puts);
        const rows = new Set([...model.values()].map((p) => p.row));
        for (const p of model.values()) {
          expect(grid.has(p.row, p.col)).toBe(true);
          expect(grid.kindAt(p.row, p.col)).toBe(p.kind);
          const want = p.kind === KIND_NUMBER ? p.value : p.kind === KIND_TEXT ? p.value : (pool.shared.get(p.value as number) ?? { invalid: `den delade texten nr ${p.value} finns inte i arbetsboken` });
          expect(grid.get(p.row, p.col)).toEqual(want);
          expect(grid.format(p.row, p.col)).toBe(p.kind === KIND_NUMBER ? "0%" : null);
        }
        // Rows and columns next to the cells hold nothing.
        for (const p of model.values()) for (const [r, c] of [[p.row + 1, p.col], [p.row, p.col + 1]]) if (!model.has(`${r}|${c}`)) expect(grid.get(r, c)).toBeNull();
        expect(grid.rowCount).toBe(Math.max(0, ...[...rows].map((r) => r + 1)));
        expect(grid.colCount).toBe(Math.max(0, ...[...model.values()].map((p) => p.col + 1)));
        // A row is blank when every cell in it is empty or spaces.
        const blank = (row: number) => [...model.values()].filter((p) => p.row === row).every((p) => (p.kind === KIND_TEXT && String(p.value).trim() === "") || (p.kind === KIND_SHARED && p.value === 0));
        for (const r of rows) expect(grid.isRowBlank(r)).toBe(blank(r));
        const seen: string[] = [];
        grid.forEachCell((row, col) => seen.push(`${row}|${col}`));
        expect(seen.sort()).toEqual([...model.keys()].sort());
        // Bulk reading of numbers gives what reading cell by cell gives.
        const cols = [0, 1, 2, 3, -1];
        const wanted = Int32Array.from([...rows].sort((a, b) => a - b));
        const out = new Float64Array(wanted.length * cols.length);
        const odd = new Uint8Array(wanted.length);
        grid.numbers(cols, wanted, out, 1e15, odd);
        wanted.forEach((r, i) => {
          cols.forEach((c, j) => {
            const p = c >= 0 ? model.get(`${r}|${c}`) : undefined;
            if (p?.kind === KIND_NUMBER) expect(out[i * cols.length + j]).toBe(p.value);
          });
          const anyOdd = cols.some((c) => c >= 0 && model.has(`${r}|${c}`) && model.get(`${r}|${c}`)?.kind !== KIND_NUMBER);
          expect(odd[i]).toBe(anyOdd ? 1 : 0);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("costs the cells present: 16 384 columns of one value in the sheet's last row take little memory and time", () => {
    const pool = new StringPool();
    const grid = new ColumnGrid(ROWS, COLS, pool, [null]);
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    for (let c = 0; c < COLS; c++) grid.set(ROWS - 1, c, KIND_NUMBER, c, 0);
    let blank = 0;
    for (let r = 0; r < grid.rowCount; r++) if (grid.isRowBlank(r)) blank++;
    expect(blank).toBe(ROWS - 1);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses texts past the pool's limit, naming it", () => {
    const pool = new StringPool();
    pool.path = "fil.xlsx";
    const long = "x".repeat(1_000_000);
    let error: unknown = null;
    try {
      for (let i = 0; i <= LIMITS.maxTextChars / long.length; i++) pool.add(long + i);
    } catch (e) {
      error = e;
    }
    expect(error instanceof UppfoljningError && error.code).toBe("TEXT_TOO_LARGE");
  });
});
