/**
 * What a host hands the contract reader: the workbook's names and tables as cells.
 * Hosts fill this from the .xlsx package or from Office.js; the reader never sees either.
 */

/** One cell's content as the host found it. Formulas arrive as their cached result. */
export type Cell =
  | null
  | number
  | string
  | boolean
  | Date
  /** An Excel error value such as `#N/A`. */
  | { error: string }
  /** A formula with no cached result (never calculated). */
  | { formula: string }
  /** A value that cannot be what the file says it is (a shared-string index outside the table, `0x10` as a number). */
  | { invalid: string };

/** A rectangle of cells, addressed by offsets from its top-left cell. */
export interface CellGrid {
  readonly rowCount: number;
  readonly colCount: number;
  get(row: number, col: number): Cell;
  /** Number format of a cell where known (`0.0%`). */
  format(row: number, col: number): string | null;
  /** True when every cell of the row is empty or only spaces. */
  isRowBlank(row: number): boolean;
  /**
   * Optional bulk read of number columns, for large tables: for each data row `rows[i]` (never the header row) and
   * each column `cols[j]` (-1 for none), a number of magnitude below `below` (not a date) goes to
   * `out[i * cols.length + j]`; an empty cell leaves `out` alone; any other cell sets `odd[i]`, to be read with `get`.
   */
  numbers?(cols: readonly number[], rows: Int32Array, out: Float64Array, below: number, odd: Uint8Array): void;
}

/** A rectangular block of cells; `row`/`col` are the zero-based position of its top-left cell. */
export interface RawRange {
  sheet: string;
  row: number;
  col: number;
  grid: CellGrid;
  /** Zero-based row offsets (within the range) that are hidden in the sheet. */
  hiddenRows?: number[];
  /** Header cells (column offsets) that are part of a merge spanning several columns. */
  mergedHeaderCols?: number[];
  /** Cells (offsets within the range) whose text was cut at Excel's 32 767 characters. */
  truncated?: { row: number; col: number }[];
}

/** How a name or table was resolved. */
export type RangeLookup =
  | { kind: "cells"; range: RawRange }
  | { kind: "brokenRef"; formula: string }
  | { kind: "notCells"; formula: string }
  | { kind: "multiArea"; formula: string };

/** A workbook-scoped name or an Excel table, as the host found it. */
export interface RangeEntry {
  name: string;
  origin: "name" | "table";
  lookup: RangeLookup;
}

export interface SourceWorkbook {
  entries: RangeEntry[];
  /**
   * Contract names the workbook has only with a sheet's scope (`localSheetId` in the file, `worksheet.names` in
   * Excel). They are not read: like a formula on another sheet, the report sees only names of the whole workbook.
   * The reader says so in a finding.
   */
  sheetScoped?: { name: string; sheet: string }[];
}

/** True for a blank cell: empty, or text of only spaces. */
export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A grid over plain arrays of rows, as Office.js returns them and tests write them. */
export function arrayGrid(cells: readonly (readonly Cell[])[], formats?: readonly (readonly (string | null)[])[]): CellGrid {
  const colCount = cells.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    rowCount: cells.length,
    colCount,
    get: (row, col) => cells[row]?.[col] ?? null,
    format: (row, col) => formats?.[row]?.[col] ?? null,
    isRowBlank: (row) => (cells[row] ?? []).every(isBlank),
  };
}

/** A range over plain arrays. */
export function arrayRange(r: {
  sheet: string;
  row: number;
  col: number;
  cells: readonly (readonly Cell[])[];
  formats?: readonly (readonly (string | null)[])[];
  hiddenRows?: number[];
  mergedHeaderCols?: number[];
}): RawRange {
  return { sheet: r.sheet, row: r.row, col: r.col, grid: arrayGrid(r.cells, r.formats), hiddenRows: r.hiddenRows, mergedHeaderCols: r.mergedHeaderCols };
}

/** Every value of a range as rows of plain arrays (for small ranges: the previous report, tests). */
export function gridValues(grid: CellGrid): Cell[][] {
  const out: Cell[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < grid.colCount; c++) row.push(grid.get(r, c));
    out.push(row);
  }
  return out;
}
