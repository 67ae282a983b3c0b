import { CellRef } from "../core/references";
import { canon } from "../core/text";
import { Finding, finding, findingWith } from "../findings/findings";
import { FindingCode, ParamsOf } from "../findings/messages";
import { Cell, isBlank, RawRange } from "./source";
import { isPlainAmount, MAX_AMOUNT, readNumber, readShare, readText, ValueContext } from "./values";

/** A column the contract knows: its key, the header users write, and accepted alternatives. */
export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: string[];
}

/** One data row of a contract table, with typed accessors that record findings. */
export class TableRow {
  constructor(
    private readonly table: Table,
    /** Offset of the row within the raw range (the header is offset 0). */
    readonly offset: number,
  ) {}

  has(key: string): boolean {
    return this.table.columns.has(key);
  }

  /** The address of this row's cell in `key`'s column, or of its first cell when the column is absent. */
  at(key?: string): CellRef {
    const raw = this.table.raw;
    const col = key !== undefined ? (this.table.columns.get(key) ?? 0) : 0;
    return { sheet: raw.sheet, row: raw.row + this.offset, col: raw.col + col };
  }

  cell(key: string): Cell {
    const col = this.table.columns.get(key);
    return col === undefined ? null : this.table.raw.grid.get(this.offset, col);
  }

  format(key: string): string | null {
    const col = this.table.columns.get(key);
    if (col === undefined) return null;
    return this.table.raw.grid.format(this.offset, col);
  }

  private ctx(key: string): ValueContext {
    return {
      range: this.table.name,
      column: this.table.headerOf(key),
      at: this.at(key),
      findings: this.table.findings,
      uncalculated: (formula) => this.table.uncalculated(key, this.at(key), formula),
    };
  }

  number(key: string): number | null {
    return this.numberIn(this.table.columns.get(key), key);
  }

  /** `number` for a column already looked up (`table.columnOf(key)`), for loops over many rows. */
  numberIn(col: number | undefined, key: string): number | null {
    if (col === undefined) return null;
    const cell = this.table.raw.grid.get(this.offset, col);
    // Fast path for the common case; anything else goes through the reader that records findings.
    if (typeof cell === "number" && isPlainAmount(cell)) return cell;
    return readNumber(cell, this.ctx(key));
  }

  text(key: string): string | null {
    const col = this.table.columns.get(key);
    if (col === undefined) return null;
    const cell = this.table.raw.grid.get(this.offset, col);
    if (typeof cell === "string") {
      const t = cell.trim();
      return t === "" ? null : t;
    }
    return readText(cell, this.ctx(key));
  }

  share(key: string): number | null {
    return this.has(key) ? readShare(this.cell(key), this.ctx(key), isPercentFormat(this.format(key))) : null;
  }

  /** Like `text`, but an empty cell is a VALUE_REQUIRED error. */
  requiredText(key: string): string | null {
    const v = this.text(key);
    if (v === null && isBlank(this.cell(key))) this.missing(key);
    return v;
  }

  /** Like `number`, but an empty cell is a VALUE_REQUIRED error. */
  requiredNumber(key: string): number | null {
    const v = this.number(key);
    if (v === null && isBlank(this.cell(key))) this.missing(key);
    return v;
  }

  /** Records a finding about the value of this row's cell in `key`'s column; `extra` are the code's other parameters. */
  flag<C extends CellCode>(code: C, key: string, value: ParamsOf<C>["value"], ...extra: CellExtra<C>): void {
    const params = { column: this.table.headerOf(key), value, ...extra[0] } as ParamsOf<C>;
    this.table.findings.push(findingWith(code, this.table.name, this.at(key), params));
  }

  missing(key: string): void {
    this.table.findings.push(finding("VALUE_REQUIRED", this.table.name, this.at(key), { column: this.table.headerOf(key) }));
  }

  /** True when the row's cell in `key`'s column is empty (or only spaces). */
  blank(key: string): boolean {
    const c = this.cell(key);
    return c === null || (typeof c === "string" && c.trim() === "");
  }
}

/** Codes whose message is about the value of one cell in a column: `{cell} … {column} … {value}`. */
export type CellCode = { [C in FindingCode]: ParamsOf<C> extends { column: string; value: unknown } ? C : never }[FindingCode];
/** A cell code's parameters besides column and value, as a trailing argument (none for most). */
type CellExtra<C extends CellCode> = [Exclude<keyof ParamsOf<C>, "column" | "value">] extends [never] ? [] : [Omit<ParamsOf<C>, "column" | "value">];

/** True for number formats that show a value as a percentage. */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"/g, ""));
}

/** A contract table: header row mapped to column keys, wholly empty rows skipped. */
export class Table {
  readonly columns = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly raw: RawRange,
    private readonly specs: readonly ColumnSpec[],
    readonly findings: Finding[],
  ) {
    const grid = raw.grid;
    const byCanon = new Map<string, ColumnSpec>();
    for (const s of specs) for (const h of [s.header, ...(s.aliases ?? [])]) byCanon.set(canon(h), s);
    const merged = new Set(raw.mergedHeaderCols ?? []);
    for (let col = 0; col < grid.colCount; col++) {
      const cell = grid.get(0, col);
      if (typeof cell !== "string") continue;
      const folded = canon(cell);
      // A unit after the name (`Effekt 2024 (tkr)`) is the reader's note; the name is what counts.
      const paren = folded.lastIndexOf(" (");
      const spec = byCanon.get(folded) ?? (paren > 0 && folded.endsWith(")") ? byCanon.get(folded.slice(0, paren)) : undefined);
      if (!spec) continue;
      const first = this.columns.get(spec.key);
      if (first !== undefined) {
        if (merged.has(col) && merged.has(first)) continue;
        findings.push(finding("HEADER_DUPLICATE", name, this.headerAt(first), { column: spec.header }, [this.headerAt(col)]));
        continue;
      }
      if (merged.has(col)) findings.push(finding("HEADER_MERGED", name, this.headerAt(col), {}));
      this.columns.set(spec.key, col);
    }
    const offsets: number[] = [];
    for (let r = 1; r < grid.rowCount; r++) if (!grid.isRowBlank(r)) offsets.push(r);
    this.rowOffsets = Int32Array.from(offsets);
    const hidden = (raw.hiddenRows ?? []).filter((r) => r > 0 && r < grid.rowCount && !grid.isRowBlank(r));
    if (hidden.length > 0) {
      findings.push(finding("HIDDEN_ROW_INCLUDED", name, { sheet: raw.sheet, row: raw.row + hidden[0], col: raw.col }, { count: hidden.length }));
    }
    const usedCols = new Set(this.columns.values());
    for (const t of raw.truncated ?? []) {
      if (usedCols.has(t.col)) findings.push(finding("TEXT_TRUNCATED", name, { sheet: raw.sheet, row: raw.row + t.row, col: raw.col + t.col }, {}));
    }
  }

  /** Offsets (within the range) of the data rows: every row after the header that is not wholly empty. */
  readonly rowOffsets: Int32Array;

  /** Number of data rows. */
  get size(): number {
    return this.rowOffsets.length;
  }

  /** The `i`th data row. */
  row(i: number): TableRow {
    return new TableRow(this, this.rowOffsets[i]);
  }

  /** The column of `key` within the range (undefined when absent), looked up once for loops over many rows. */
  colOf(key: string): number | undefined {
    return this.columns.get(key);
  }

  // Row `i`'s value in column `col` (from `colOf(key)`), as `row(i).text(key)` and the others read it. The common
  // cells (a number, a non-empty text) are taken here; every other cell goes through the row's reader and its
  // findings, so both give the same values and the same findings in the same order.

  /** `row(i).text(key)` for a column already looked up. */
  textOf(i: number, col: number | undefined, key: string): string | null {
    if (col === undefined) return null;
    const cell = this.raw.grid.get(this.rowOffsets[i], col);
    if (typeof cell === "string") {
      const t = cell.trim();
      if (t !== "") return t;
    }
    return cell === null ? null : this.row(i).text(key);
  }

  /** `row(i).requiredText(key)` for a column already looked up. */
  requiredTextOf(i: number, col: number | undefined, key: string): string | null {
    if (col !== undefined) {
      const cell = this.raw.grid.get(this.rowOffsets[i], col);
      if (typeof cell === "string") {
        const t = cell.trim();
        if (t !== "") return t;
      }
    }
    return this.row(i).requiredText(key);
  }

  /** `row(i).number(key)` for a column already looked up. */
  numberOf(i: number, col: number | undefined, key: string): number | null {
    if (col === undefined) return null;
    const cell = this.raw.grid.get(this.rowOffsets[i], col);
    if (typeof cell === "number" && isPlainAmount(cell)) return cell;
    return cell === null ? null : this.row(i).numberIn(col, key);
  }

  /**
   * The numbers of columns `cols` (from `colOf`; undefined for none) for every data row `i` into
   * `out[i * cols.length + j]`, leaving `out` alone where a cell is empty. Rows holding anything else (text, a date,
   * an error, a number too large) are marked in `odd`: read those with `numberOf`, in row order, so that their
   * values and findings are the ones row-by-row reading gives.
   */
  numbersInto(cols: readonly (number | undefined)[], out: Float64Array, odd: Uint8Array): void {
    const rows = this.rowOffsets;
    const grid = this.raw.grid;
    const present = cols.map((c) => c ?? -1);
    if (grid.numbers) return grid.numbers(present, rows, out, MAX_AMOUNT, odd);
    const width = cols.length;
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < width; j++) {
        if (present[j] < 0) continue;
        const cell = grid.get(rows[i], present[j]);
        if (typeof cell === "number" && isPlainAmount(cell)) out[i * width + j] = cell;
        else if (cell !== null) odd[i] = 1;
      }
    }
  }

  /** Every data row (for small tables; large ones are walked with `row(i)`). */
  get rows(): TableRow[] {
    return Array.from(this.rowOffsets, (offset) => new TableRow(this, offset));
  }

  private readonly formulas = new Map<string, { at: CellRef; count: number; formula: string }>();

  /** Notes a formula without a computed value; reported once per column, with the count, by `finish`. */
  uncalculated(key: string, at: CellRef, formula: string): void {
    const seen = this.formulas.get(key);
    if (seen) seen.count++;
    else this.formulas.set(key, { at, count: 1, formula });
  }

  /** Reports what reading the rows collected (formulas without values, one finding per column). */
  finish(): void {
    for (const [key, f] of this.formulas) {
      this.findings.push(finding("FORMULA_NOT_CALCULATED", this.name, f.at, { column: this.headerOf(key), formula: f.formula, more: f.count - 1 }));
    }
    this.formulas.clear();
  }

  headerAt(col: number): CellRef {
    return { sheet: this.raw.sheet, row: this.raw.row, col: this.raw.col + col };
  }

  /** Where the header row starts. */
  get origin(): CellRef {
    return this.headerAt(0);
  }

  headerOf(key: string): string {
    return this.specs.find((s) => s.key === key)?.header ?? key;
  }

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /** Records HEADER_MISSING for each absent key; returns true when all are present. */
  require(...keys: string[]): boolean {
    let ok = true;
    for (const k of keys) {
      if (!this.columns.has(k)) {
        this.findings.push(finding("HEADER_MISSING", this.name, this.origin, { column: this.headerOf(k) }));
        ok = false;
      }
    }
    return ok;
  }
}
