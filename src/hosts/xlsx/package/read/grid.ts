/**
 * Cells of one contract range, stored by column in typed arrays: a kind byte, a number (the value, or an index
 * into a string table) and a format id per cell. A million rows of twelve months take ~130 MB instead of the
 * gigabytes an object per cell would, and columns that never get a value are never allocated.
 *
 * Work and memory follow the cells present, never the range's area: a range may be the whole sheet (a million rows
 * by 16 384 columns) with a handful of values. A column is stored densely (an entry per row up to its last value)
 * only while enough of those entries hold a value (a quarter to become dense, a sixteenth to stay so, so that a
 * column changes form only when its cells have grown fourfold); otherwise it keeps its cells as a sparse list. Which
 * rows are blank is worked out once, in one pass over the stored cells.
 */
import { UppfoljningError } from "../../../../findings/errors";
import { Cell, CellGrid } from "../../../../contract/source";
import { LIMITS } from "../limits";

/** The last day Excel can show as a date, 9999-12-31, as a serial. */
const MAX_DATE_SERIAL = 2_958_465;

export const KIND_EMPTY = 0;
export const KIND_NUMBER = 1;
/** A shared string: the number is its index in the shared-string table. */
export const KIND_SHARED = 2;
export const KIND_BOOL = 3;
/** An error value: the number indexes the extra strings. */
export const KIND_ERROR = 4;
/** A formula without a computed value: the number indexes the extra strings (the formula). */
export const KIND_FORMULA = 5;
/** A number shown as a date: the number is the date serial. */
export const KIND_DATE = 6;
/** A value that cannot be what the file says: the number indexes the extra strings (why). */
export const KIND_INVALID = 7;
/** Text held in the extra strings (inline strings, formula text results, ISO dates as text). */
export const KIND_TEXT = 8;
/** An ISO 8601 date (`t="d"`): the number is milliseconds since 1970. */
export const KIND_ISO_DATE = 9;

/**
 * Strings the grids of one workbook share: the shared strings that cells use, and every other text. The distinct
 * texts kept are counted against LIMITS.maxTextChars (a text repeated is kept once and counted once).
 */
export class StringPool {
  readonly shared = new Map<number, string>();
  readonly extra: string[] = [];
  private readonly extraIndex = new Map<string, number>();
  /** Whether the workbook counts dates from 1904 (old Mac workbooks). */
  date1904 = false;
  /** The file, for the refusal when the texts are too long together. */
  path = "";
  /** Characters of the texts kept so far. */
  private chars = 0;
  /**
   * Cells kept so far by all the grids of the workbook (the pool is what a workbook's reading shares), against
   * LIMITS.maxCells: a range as wide as the sheet could otherwise keep hundreds of millions.
   */
  private cells = 0;

  /** Counts `n` more cells kept; past the limit the workbook is refused, naming it. */
  keepCells(n: number): void {
    this.cells += n;
    if (this.cells > LIMITS.maxCells) throw new UppfoljningError("CELLS_TOO_MANY", { path: this.path, limit: LIMITS.maxCells });
  }

  private blankShared: Set<number> | null = null;
  private blankSharedFor = -1;

  /** Whether shared string `i` is empty or only spaces (worked out once per set of shared strings). */
  isBlankShared(i: number): boolean {
    if (this.blankSharedFor !== this.shared.size) {
      const blank = new Set<number>();
      for (const [k, v] of this.shared) if (v.trim() === "") blank.add(k);
      this.blankShared = blank;
      this.blankSharedFor = this.shared.size;
    }
    return (this.blankShared as Set<number>).has(i);
  }

  private count(s: string): void {
    this.chars += s.length;
    if (this.chars > LIMITS.maxTextChars) throw new UppfoljningError("TEXT_TOO_LARGE", { path: this.path, limit: LIMITS.maxTextChars });
  }

  /** Appends another pool's extra strings (from a worker); returns the index the first one got. */
  append(extra: readonly string[]): number {
    const offset = this.extra.length;
    for (const s of extra) {
      this.count(s);
      this.extra.push(s);
    }
    return offset;
  }

  /** Interns a text among the extra strings. */
  add(s: string): number {
    let i = this.extraIndex.get(s);
    if (i === undefined) {
      this.count(s);
      i = this.extra.length;
      this.extra.push(s);
      if (s.length <= 256) this.extraIndex.set(s, i);
    }
    return i;
  }

  /** Keeps shared string `i` (read from the shared-string table). */
  setShared(i: number, s: string): void {
    this.count(s);
    this.shared.set(i, s);
  }
}

/**
 * One column's cells: dense (`rows` null: entry r is row r) or sparse (entry k is row `rows[k]`, found through
 * `index` once rows came out of order, else by binary search).
 */
class Column {
  kind: Uint8Array;
  num: Float64Array;
  fmt: Uint16Array;
  /** Sparse: the row of each entry; null when dense. */
  rows: Int32Array | null;
  /** Entries in use (sparse), or one past the last row holding anything (dense). */
  size = 0;
  /** Cells stored, and the last row holding one. */
  count = 0;
  last = -1;
  /** Sparse, rows not ascending: row → entry. */
  index: Map<number, number> | null = null;

  constructor(capacity: number, sparse: boolean) {
    this.kind = new Uint8Array(capacity);
    this.num = new Float64Array(capacity);
    this.fmt = new Uint16Array(capacity);
    this.rows = sparse ? new Int32Array(capacity) : null;
  }

  grow(size: number): void {
    const k = new Uint8Array(size);
    k.set(this.kind);
    this.kind = k;
    const n = new Float64Array(size);
    n.set(this.num);
    this.num = n;
    const f = new Uint16Array(size);
    f.set(this.fmt);
    this.fmt = f;
    if (this.rows) {
      const r = new Int32Array(size);
      r.set(this.rows);
      this.rows = r;
    }
  }

  /** The entry of `row`, or -1. */
  entry(row: number): number {
    const rows = this.rows;
    if (rows === null) return row < this.size && row >= 0 ? row : -1;
    if (this.index) return this.index.get(row) ?? -1;
    let lo = 0, hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid];
      if (r === row) return mid;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The row of entry `k`. */
  rowOf(k: number): number {
    return this.rows === null ? k : this.rows[k];
  }

  /** Entries that may hold a cell (dense: every row up to the last one used). */
  get entries(): number {
    return this.size;
  }
}

/** A sparse column's cells as a dense column's (entry r is row r). */
function toDense(c: Column): void {
  const rows = c.rows as Int32Array;
  const kind = new Uint8Array(c.last + 1);
  const num = new Float64Array(c.last + 1);
  const fmt = new Uint16Array(c.last + 1);
  for (let k = 0; k < c.size; k++) {
    const r = rows[k];
    kind[r] = c.kind[k];
    num[r] = c.num[k];
    fmt[r] = c.fmt[k];
  }
  [c.kind, c.num, c.fmt, c.rows, c.index, c.size] = [kind, num, fmt, null, null, c.last + 1];
}

/** A dense column's cells as a sparse column's (rows ascending). */
function toSparse(c: Column): void {
  const size = Math.max(4, c.count);
  const rows = new Int32Array(size);
  const kind = new Uint8Array(size);
  const num = new Float64Array(size);
  const fmt = new Uint16Array(size);
  let k = 0;
  for (let r = 0; r < c.size; r++) {
    if (c.kind[r] === KIND_EMPTY) continue;
    rows[k] = r;
    kind[k] = c.kind[r];
    num[k] = c.num[r];
    fmt[k] = c.fmt[r];
    k++;
  }
  [c.kind, c.num, c.fmt, c.rows, c.index, c.size] = [kind, num, fmt, rows, null, k];
}

/** A grid as plain data, to be sent from a worker thread with its typed arrays transferred, not copied. */
export interface GridTransfer {
  maxRows: number;
  maxCols: number;
  used: number;
  usedCols: number;
  columns: { col: number; kind: Uint8Array; num: Float64Array; fmt: Uint16Array; rows: Int32Array | null; size: number }[];
}

const EXTRA_KINDS = new Uint8Array(16);
for (const k of [KIND_ERROR, KIND_FORMULA, KIND_INVALID, KIND_TEXT]) EXTRA_KINDS[k] = 1;

/** A sparse column turns dense when its cells fill one in DENSE_SHARE of its rows, a dense one sparse below one in SPARSE_SHARE. */
const DENSE_SHARE = 4;
const SPARSE_SHARE = 16;
/** Rows a column always keeps densely (a table's first rows). */
const DENSE_ALWAYS = 64;

/** A range's cells; rows and columns beyond the last one holding anything are not stored. */
export class ColumnGrid implements CellGrid {
  /** By column offset; grown as columns get values (a range may be 16 384 columns wide and have one). */
  private columns: (Column | undefined)[] = [];
  /** The columns that hold anything (ascending once `sortAllocated` has run). */
  private allocated: number[] = [];
  private allocatedSorted = true;
  /** One past the last row (offset) holding anything. */
  private used = 0;
  private usedCols = 0;
  /** Cells stored so far: the blank rows worked out for another count are out of date. */
  private stored = 0;

  /** How many cells this grid holds (for the pool's count of a worker's grids). */
  get cellCount(): number {
    return this.stored;
  }
  /** Per row, 1 when it holds anything that is not blank; for `blankStored` cells and `blankShared` shared strings. */
  private nonBlank: Uint8Array | null = null;
  private blankStored = -1;
  private blankShared = -1;

  constructor(
    /** Rows and columns the range may hold at most (its address, bounded by Excel's limits). */
    readonly maxRows: number,
    readonly maxCols: number,
    private readonly strings: StringPool,
    /** Format text of each format id (0 = General). */
    private readonly formats: readonly (string | null)[],
  ) {}

  get rowCount(): number {
    return this.used;
  }

  get colCount(): number {
    return this.usedCols;
  }

  private sortAllocated(): number[] {
    if (!this.allocatedSorted) {
      this.allocated.sort((a, b) => a - b);
      this.allocatedSorted = true;
    }
    return this.allocated;
  }

  /** The grid as plain data (see GridTransfer); the grid must not be used afterwards. */
  toTransfer(): GridTransfer {
    return {
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      used: this.used,
      usedCols: this.usedCols,
      columns: this.sortAllocated().map((col) => {
        const c = this.columns[col] as Column;
        return { col, kind: c.kind, num: c.num, fmt: c.fmt, rows: c.rows, size: c.size };
      }),
    };
  }

  /**
   * A grid from a worker's transfer whose extra strings were appended to `strings` at `offset` (see
   * StringPool.append): the indices of texts, errors, formulas and reasons are shifted by it.
   */
  static fromTransfer(t: GridTransfer, strings: StringPool, offset: number, formats: readonly (string | null)[]): ColumnGrid {
    const grid = new ColumnGrid(t.maxRows, t.maxCols, strings, formats);
    for (const { col, kind, num, fmt, rows, size } of t.columns) {
      if (offset > 0) for (let r = 0; r < size; r++) if (EXTRA_KINDS[kind[r]]) num[r] += offset;
      const c = new Column(0, false);
      c.kind = kind;
      c.num = num;
      c.fmt = fmt;
      c.rows = rows;
      c.size = size;
      for (let k = 0; k < size; k++) {
        if (kind[k] === KIND_EMPTY) continue;
        c.count++;
        c.last = Math.max(c.last, rows ? rows[k] : k);
      }
      if (rows) {
        for (let k = 1; k < size && !c.index; k++) if (rows[k] <= rows[k - 1]) c.index = new Map();
        if (c.index) for (let k = 0; k < size; k++) c.index.set(rows[k], k);
      }
      grid.columns[col] = c;
      grid.allocated.push(col);
      grid.stored += size;
    }
    grid.allocatedSorted = false;
    grid.used = t.used;
    grid.usedCols = t.usedCols;
    return grid;
  }

  /** Stores a cell (offsets within the range); empty cells are not stored. */
  set(row: number, col: number, kind: number, num: number, fmt: number): void {
    let c = this.columns[col];
    if (!c) {
      c = this.columns[col] = row < DENSE_ALWAYS ? new Column(16, false) : new Column(4, true);
      this.allocated.push(col);
      if (this.allocated.length > 1 && col < this.allocated[this.allocated.length - 2]) this.allocatedSorted = false;
    }
    if (c.rows === null && row >= c.kind.length && row >= DENSE_ALWAYS && (c.count + 1) * SPARSE_SHARE < row + 1) toSparse(c);
    let k: number;
    if (c.rows === null) {
      if (row >= c.kind.length) {
        let size = c.kind.length;
        while (size <= row) size *= 2;
        c.grow(Math.min(size, Math.max(this.maxRows, row + 1)));
      }
      k = row;
      if (row + 1 > c.size) c.size = row + 1;
    } else {
      k = c.entry(row);
      if (k < 0) {
        if (c.size === c.kind.length) c.grow(c.size * 2);
        k = c.size++;
        const rows = c.rows;
        if (!c.index && k > 0 && row < rows[k - 1]) {
          c.index = new Map();
          for (let e = 0; e < k; e++) c.index.set(rows[e], e);
        }
        rows[k] = row;
        c.index?.set(row, k);
      }
    }
    if (c.kind[k] === KIND_EMPTY) c.count++;
    c.kind[k] = kind;
    c.num[k] = num;
    c.fmt[k] = fmt;
    if (row > c.last) c.last = row;
    this.stored++;
    if (row + 1 > this.used) this.used = row + 1;
    if (col + 1 > this.usedCols) this.usedCols = col + 1;
    if (c.rows !== null && c.count * DENSE_SHARE >= c.last + 1) toDense(c);
  }

  /** True when the cell was stored already (a cell written twice in the file). */
  has(row: number, col: number): boolean {
    const c = this.columns[col];
    if (!c) return false;
    const k = c.entry(row);
    return k >= 0 && c.kind[k] !== KIND_EMPTY;
  }

  kindAt(row: number, col: number): number {
    const c = this.columns[col];
    if (!c) return KIND_EMPTY;
    const k = c.entry(row);
    return k < 0 ? KIND_EMPTY : c.kind[k];
  }

  /** Calls `each` for every stored cell (row and column offsets, kind and number), column by column. */
  forEachCell(each: (row: number, col: number, kind: number, num: number) => void): void {
    for (const col of this.sortAllocated()) {
      const c = this.columns[col] as Column;
      for (let k = 0; k < c.size; k++) if (c.kind[k] !== KIND_EMPTY) each(c.rowOf(k), col, c.kind[k], c.num[k]);
    }
  }

  get(row: number, col: number): Cell {
    const c = this.columns[col];
    if (!c) return null;
    const k = c.entry(row);
    if (k < 0) return null;
    const v = c.num[k];
    switch (c.kind[k]) {
      case KIND_NUMBER:
        return v;
      case KIND_SHARED:
        return this.strings.shared.get(v) ?? { invalid: `den delade texten nr ${v} finns inte i arbetsboken` };
      case KIND_TEXT:
        return this.strings.extra[v];
      case KIND_BOOL:
        return v === 1;
      case KIND_ERROR:
        return { error: this.strings.extra[v] };
      case KIND_FORMULA:
        return { formula: this.strings.extra[v] };
      case KIND_INVALID:
        return { invalid: this.strings.extra[v] };
      case KIND_DATE: {
        // A serial outside Excel's dates (day 0 to 9999-12-31, 2 958 465) is no date: Excel shows ##### and keeps
        // the number, and so does the reader (a Date that far out would be invalid, and no invalid Date is a value).
        if (!(v >= 0 && v <= MAX_DATE_SERIAL)) return v;
        return new Date(Math.round((v - (this.strings.date1904 ? 24107 : 25569)) * 86400000));
      }
      case KIND_ISO_DATE:
        return new Date(v);
      default:
        return null;
    }
  }

  numbers(cols: readonly number[], rows: Int32Array, out: Float64Array, below: number, odd: Uint8Array): void {
    // Row by row across the columns, so that `out` is written in order (a column at a time would stride through it).
    const width = cols.length;
    const dense: { kind: Uint8Array; num: Float64Array; size: number; at: number }[] = [];
    const sparse: { column: Column; at: number }[] = [];
    cols.forEach((col, j) => {
      const c = col >= 0 ? this.columns[col] : undefined;
      if (!c) return;
      if (c.rows === null) dense.push({ kind: c.kind, num: c.num, size: c.size, at: j });
      else sparse.push({ column: c, at: j });
    });
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const base = i * width;
      for (let j = 0; j < dense.length; j++) {
        const d = dense[j];
        if (r >= d.size) continue;
        const k = d.kind[r];
        if (k === KIND_NUMBER) {
          const v = d.num[r];
          if (Math.abs(v) < below) out[base + d.at] = v;
          else odd[i] = 1;
        } else if (k !== KIND_EMPTY) odd[i] = 1;
      }
      for (let j = 0; j < sparse.length; j++) {
        const { column, at } = sparse[j];
        const e = column.entry(r);
        if (e < 0) continue;
        const k = column.kind[e];
        if (k === KIND_NUMBER) {
          const v = column.num[e];
          if (Math.abs(v) < below) out[base + at] = v;
          else odd[i] = 1;
        } else if (k !== KIND_EMPTY) odd[i] = 1;
      }
    }
  }

  format(row: number, col: number): string | null {
    const c = this.columns[col];
    if (!c) return null;
    const k = c.entry(row);
    return k < 0 ? null : (this.formats[c.fmt[k]] ?? null);
  }

  /** Whether a row holds nothing but empty cells and blank text: looked up in the rows worked out in one pass. */
  isRowBlank(row: number): boolean {
    if (this.nonBlank === null || this.blankStored !== this.stored || this.blankShared !== this.strings.shared.size) {
      const nonBlank = new Uint8Array(this.used);
      this.forEachCell((r, _col, kind, num) => {
        if (nonBlank[r]) return;
        if (kind === KIND_SHARED) {
          // An index with no shared string is an invalid cell, not a blank one.
          if (this.strings.shared.has(num) && this.strings.isBlankShared(num)) return;
        } else if (kind === KIND_TEXT) {
          if (this.strings.extra[num].trim() === "") return;
        }
        nonBlank[r] = 1;
      });
      this.nonBlank = nonBlank;
      this.blankStored = this.stored;
      this.blankShared = this.strings.shared.size;
    }
    return row >= this.used || this.nonBlank[row] === 0;
  }
}
