/**
 * Cells of one contract range, stored by column in typed arrays: a kind byte, a number (the value, or an index
 * into a string table) and a format id per cell. A million rows of twelve months take ~130 MB instead of the
 * gigabytes an object per cell would, and columns that never get a value are never allocated.
 */
import { Cell, CellGrid } from "../../../../contract/source";

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

/** Strings the grids of one workbook share: the shared strings that cells use, and every other text. */
export class StringPool {
  readonly shared = new Map<number, string>();
  readonly extra: string[] = [];
  private readonly extraIndex = new Map<string, number>();
  /** Whether the workbook counts dates from 1904 (old Mac workbooks). */
  date1904 = false;

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

  /** Appends another pool's extra strings (from a worker); returns the index the first one got. */
  append(extra: readonly string[]): number {
    const offset = this.extra.length;
    for (const s of extra) this.extra.push(s);
    return offset;
  }

  /** Interns a text among the extra strings. */
  add(s: string): number {
    let i = this.extraIndex.get(s);
    if (i === undefined) {
      i = this.extra.length;
      this.extra.push(s);
      if (s.length <= 256) this.extraIndex.set(s, i);
    }
    return i;
  }
}

class Column {
  kind: Uint8Array;
  num: Float64Array;
  fmt: Uint16Array;
  constructor(size: number) {
    this.kind = new Uint8Array(size);
    this.num = new Float64Array(size);
    this.fmt = new Uint16Array(size);
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
  }
}

/** A grid as plain data, to be sent from a worker thread with its typed arrays transferred, not copied. */
export interface GridTransfer {
  maxRows: number;
  maxCols: number;
  used: number;
  usedCols: number;
  capacity: number;
  columns: { col: number; kind: Uint8Array; num: Float64Array; fmt: Uint16Array }[];
}

const EXTRA_KINDS = new Uint8Array(16);
for (const k of [KIND_ERROR, KIND_FORMULA, KIND_INVALID, KIND_TEXT]) EXTRA_KINDS[k] = 1;

/** A range's cells; rows and columns beyond the last one holding anything are not stored. */
export class ColumnGrid implements CellGrid {
  private columns: (Column | undefined)[];
  /** The columns that hold anything, ascending: a whole-sheet range with one value has one. */
  private allocated: number[] = [];
  private capacity = 0;
  /** One past the last row (offset) holding anything. */
  private used = 0;
  private usedCols = 0;

  constructor(
    /** Rows and columns the range may hold at most (its address, bounded by Excel's limits). */
    readonly maxRows: number,
    readonly maxCols: number,
    private readonly strings: StringPool,
    /** Format text of each format id (0 = General). */
    private readonly formats: readonly (string | null)[],
  ) {
    this.columns = new Array(maxCols);
  }

  get rowCount(): number {
    return this.used;
  }

  /** The grid as plain data (see GridTransfer); the grid must not be used afterwards. */
  toTransfer(): GridTransfer {
    return {
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      used: this.used,
      usedCols: this.usedCols,
      capacity: this.capacity,
      columns: this.allocated.map((col) => {
        const c = this.columns[col] as Column;
        return { col, kind: c.kind, num: c.num, fmt: c.fmt };
      }),
    };
  }

  /**
   * A grid from a worker's transfer whose extra strings were appended to `strings` at `offset` (see
   * StringPool.append): the indices of texts, errors, formulas and reasons are shifted by it.
   */
  static fromTransfer(t: GridTransfer, strings: StringPool, offset: number, formats: readonly (string | null)[]): ColumnGrid {
    const grid = new ColumnGrid(t.maxRows, t.maxCols, strings, formats);
    for (const { col, kind, num, fmt } of t.columns) {
      if (offset > 0) for (let r = 0; r < kind.length; r++) if (EXTRA_KINDS[kind[r]]) num[r] += offset;
      const c = new Column(0);
      c.kind = kind;
      c.num = num;
      c.fmt = fmt;
      grid.columns[col] = c;
      grid.allocated.push(col);
    }
    grid.allocated.sort((a, b) => a - b);
    grid.used = t.used;
    grid.usedCols = t.usedCols;
    grid.capacity = t.capacity;
    return grid;
  }

  get colCount(): number {
    return this.usedCols;
  }

  /** Stores a cell (offsets within the range); empty cells are not stored. */
  set(row: number, col: number, kind: number, num: number, fmt: number): void {
    let c = this.columns[col];
    if (!c) {
      c = this.columns[col] = new Column(Math.max(16, this.capacity));
      if (col + 1 > this.usedCols) this.usedCols = col + 1;
      this.allocated.push(col);
      this.allocated.sort((a, b) => a - b);
    }
    if (row >= c.kind.length) {
      let size = c.kind.length;
      while (size <= row) size *= 2;
      size = Math.min(size, Math.max(this.maxRows, row + 1));
      c.grow(size);
      if (size > this.capacity) this.capacity = size;
    }
    c.kind[row] = kind;
    c.num[row] = num;
    c.fmt[row] = fmt;
    if (row + 1 > this.used) this.used = row + 1;
    if (col + 1 > this.usedCols) this.usedCols = col + 1;
  }

  /** True when the cell was stored already (a cell written twice in the file). */
  has(row: number, col: number): boolean {
    const c = this.columns[col];
    return !!c && row < c.kind.length && c.kind[row] !== KIND_EMPTY;
  }

  kindAt(row: number, col: number): number {
    const c = this.columns[col];
    return c && row < c.kind.length ? c.kind[row] : KIND_EMPTY;
  }

  get(row: number, col: number): Cell {
    const c = this.columns[col];
    if (!c || row >= c.kind.length) return null;
    const v = c.num[row];
    switch (c.kind[row]) {
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
    const kinds: Uint8Array[] = [];
    const nums: Float64Array[] = [];
    const at: number[] = [];
    cols.forEach((col, j) => {
      const c = col >= 0 ? this.columns[col] : undefined;
      if (!c) return;
      kinds.push(c.kind);
      nums.push(c.num);
      at.push(j);
    });
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const base = i * width;
      for (let j = 0; j < kinds.length; j++) {
        const kind = kinds[j];
        if (r >= kind.length) continue;
        const k = kind[r];
        if (k === KIND_NUMBER) {
          const v = nums[j][r];
          if (Math.abs(v) < below) out[base + at[j]] = v;
          else odd[i] = 1;
        } else if (k !== KIND_EMPTY) odd[i] = 1;
      }
    }
  }

  format(row: number, col: number): string | null {
    const c = this.columns[col];
    if (!c || row >= c.fmt.length) return null;
    return this.formats[c.fmt[row]] ?? null;
  }

  isRowBlank(row: number): boolean {
    for (const col of this.allocated) {
      const c = this.columns[col] as Column;
      if (row >= c.kind.length) continue;
      const k = c.kind[row];
      if (k === KIND_EMPTY) continue;
      if (k === KIND_SHARED) {
        // An index with no shared string is an invalid cell, not a blank one.
        const v = c.num[row];
        if (this.strings.shared.has(v) && this.strings.isBlankShared(v)) continue;
      } else if (k === KIND_TEXT) {
        if (this.strings.extra[c.num[row]].trim() === "") continue;
      }
      return false;
    }
    return true;
  }
}
