import fc from "fast-check";
import { readContract } from "../../src/contract/readContract";
import { arrayGrid, Cell, CellGrid, SourceWorkbook } from "../../src/contract/source";
import * as G from "../../src/hosts/xlsx/package/read/grid";
import { workbook } from "../support/sheets";

// The contract reader takes Budget's and Utfall's numbers a column at a time (Table.numbersInto, CellGrid.numbers)
// and reads only the rows holding something else cell by cell. Whatever the cells, that must give exactly what
// reading every row cell by cell gives: the same rows, values and findings, in the same order.

/** The real grid of the .xlsx host, holding `cells`. */
function columnGrid(cells: readonly (readonly Cell[])[]): CellGrid {
  const pool = new G.StringPool();
  const grid = new G.ColumnGrid(cells.length, Math.max(1, ...cells.map((r) => r.length)), pool, [null]);
  cells.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c === null) return;
      if (typeof c === "number") grid.set(r, col, G.KIND_NUMBER, c, 0);
      else if (typeof c === "string") grid.set(r, col, G.KIND_TEXT, pool.add(c), 0);
      else if (typeof c === "boolean") grid.set(r, col, G.KIND_BOOL, c ? 1 : 0, 0);
      else if (c instanceof Date) grid.set(r, col, G.KIND_ISO_DATE, c.getTime(), 0);
      else if ("error" in c) grid.set(r, col, G.KIND_ERROR, pool.add(c.error), 0);
      else if ("formula" in c) grid.set(r, col, G.KIND_FORMULA, pool.add(c.formula), 0);
      else grid.set(r, col, G.KIND_INVALID, pool.add(c.invalid), 0);
    }),
  );
  return grid;
}

/** A grid whose bulk read hands every non-empty cell back to be read alone: every row is read cell by cell. */
function cellByCell(cells: readonly (readonly Cell[])[]): CellGrid {
  const grid = arrayGrid(cells);
  return { ...grid, numbers: (cols, rows, _out, _below, odd) => rows.forEach((r, i) => cols.some((c) => c >= 0 && grid.get(r, c) !== null) && (odd[i] = 1)) };
}

function withGrids(wb: SourceWorkbook, make: (cells: Cell[][]) => CellGrid): SourceWorkbook {
  return {
    entries: wb.entries.map((e) => {
      if (e.lookup.kind !== "cells") return e;
      const g = e.lookup.range.grid;
      const cells = Array.from({ length: g.rowCount }, (_, r) => Array.from({ length: g.colCount }, (_, c) => g.get(r, c)));
      return { ...e, lookup: { kind: "cells", range: { ...e.lookup.range, grid: make(cells) } } };
    }),
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
const amount: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(0, -0, 1e15, -1e15, 999_999_999_999_999, Infinity, 1e300) },
  { weight: 2, arbitrary: fc.constantFrom<Cell>(null, "", "  ", "1 234,5", "\u22124,7", "abc", true, { error: "#N/A" }, { formula: "=A1" }, new Date(2024, 0, 31)) },
);
const text = (words: string[]): fc.Arbitrary<Cell> =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Cell>(...words) }, { weight: 1, arbitrary: fc.constantFrom<Cell>(null, " ", 42, { error: "#REF!" }) });
const post = text(["Lön", "Hyra", "Avgifter", "Rullat underskott", " Bidrag "]);
const typ = text(["Intäkt", "Kostnad", "kostnader", "Finansiell", "Över-/underskott", "Okänd"]);
const ansvar = text(["Skola", "Vård", "Kultur"]);

/** A table with the given columns (some left out, in any order) and up to eight rows of cells of the column's kind. */
function table(columns: Record<string, fc.Arbitrary<Cell>>): fc.Arbitrary<Cell[][]> {
  const names = Object.keys(columns);
  return fc
    .subarray(names, { minLength: 1 })
    .chain((h) => fc.shuffledSubarray(h, { minLength: h.length }))
    .chain((h) => fc.array(fc.tuple(...h.map((k) => columns[k])), { maxLength: 8 }).map((rows) => [h as Cell[], ...rows]));
}

const monthColumns = Object.fromEntries(MONTHS.map((m) => [m, amount]));
const budget = fc.oneof(
  table({ Post: post, Typ: typ, Ansvar: ansvar, Helår: amount, ...monthColumns }),
  // Often whole: every month, so that Helår is checked against their sum.
  fc.tuple(fc.boolean(), fc.array(fc.tuple(post, typ, ansvar, amount, ...MONTHS.map(() => amount)), { maxLength: 8 })).map(([withYear, rows]) => [
    ["Post", "Typ", "Ansvar", withYear ? "Helår" : "Not", ...MONTHS] as Cell[],
    ...rows.map((r) => r as Cell[]),
  ]),
);
const utfall = fc.oneof(
  table({ Post: post, Ansvar: ansvar, Typ: typ, Utfall: amount, "Utfall fg år": amount, Prognos: amount }),
  table({ Post: post, Ansvar: ansvar, ...monthColumns }),
);

describe("numbers read a column at a time", () => {
  it("give the rows, values and findings that reading cell by cell gives, in the same order", () => {
    fc.assert(
      fc.property(budget, utfall, fc.integer({ min: 1, max: 12 }), (b, u, period) => {
        const wb = workbook({ Budget: { rows: b }, Utfall: { rows: u }, Inställningar: { rows: [["Inställning", "Värde"], ["Period", period]] } });
        const reference = readContract(withGrids(wb, cellByCell));
        for (const make of [columnGrid, arrayGrid]) {
          const bulk = readContract(withGrids(wb, make));
          expect(bulk.findings).toEqual(reference.findings);
          expect(bulk.input).toEqual(reference.input);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("leave dates, texts and errors to the cell reader, which names them", () => {
    const rows: Cell[][] = [["Post", "Typ", "Helår"], ["Lön", "Kostnad", new Date(2024, 0, 31)], ["Hyra", "Kostnad", "12 tkr"], ["Avgifter", "Intäkt", 100]];
    const wb = workbook({ Budget: { rows }, Utfall: { rows: [["Post", "Utfall"], ["Avgifter", 1]] } });
    const { input, findings } = readContract(withGrids(wb, columnGrid));
    expect(findings.map((f) => [f.code, f.at?.row])).toEqual(expect.arrayContaining([["DATE_NOT_AMOUNT", 1], ["NUMBER_EXPECTED", 2]]));
    expect(Array.from(input.budget.budgetYear)).toEqual([0, 0, 100]);
  });
});
