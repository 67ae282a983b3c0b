/**
 * What a host hands the contract reader: the workbook's names and tables as plain cells.
 * Hosts fill this from ExcelJS or Office.js; the reader never sees either.
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
  | { formula: string };

/** A rectangular block of cells; `row`/`col` are the zero-based position of its top-left cell. */
export interface RawRange {
  sheet: string;
  row: number;
  col: number;
  cells: Cell[][];
  /** Number format per cell where known (`0.0%`), same shape as `cells`. */
  formats?: (string | null)[][];
  /** Zero-based row offsets (within `cells`) that are hidden in the sheet. */
  hiddenRows?: number[];
  /** Header cells (column offsets) that are part of a merge spanning several columns. */
  mergedHeaderCols?: number[];
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
}
