/**
 * Reads the cells of a worksheet part that fall inside the rectangles asked for, as a stream of bytes through
 * the strict scanner: rows, cells and their `<v>`, `<f>` and inline `<is><t>` text (rich text joined, phonetic runs
 * left out), hidden rows and merged cells. What a cell holds is decided by one pure function (cellValue.ts), for
 * cells read through the scanner's events and for the common cell the shortcut takes whole.
 *
 * The sheet's data is held to its schema's nesting, wherever a cell is: `<row>` only in `<sheetData>`, `<c>` only in
 * a `<row>`, `<v>`, `<f>` and `<is>` only in a `<c>` and each at most once there. A cell inside another cell's value,
 * a row inside a cell, a second value, is refused as malformed: read any other way it would be a figure the file
 * does not show. A value is read whole, in however many pieces it comes (comments, CDATA, references), up to the
 * characters a cell holds; a longer one names its cell.
 */
import { decodeText, normaliseNewlines, safeCut } from "../xml/chars";
import { ByteScanner, ScanHandler } from "../xml/scanner";
import { columnLetters, parseA1Bytes, parseRangeRef, Rect } from "../../../../core/references";
import { CellText, cellValue, CellValue, T_B, T_D, T_E, T_INLINE, T_N, T_S, T_STR } from "./cellValue";
import { ColumnGrid, KIND_SHARED, StringPool } from "./grid";
import { LIMITS } from "../limits";
import { SPREADSHEET_NS } from "../namespaces";

export type { Rect };

/** What the reader found for one rectangle. */
export interface RectResult {
  rect: Rect;
  grid: ColumnGrid;
  hiddenRows: number[];
  truncated: { row: number; col: number }[];
}

/** How the styles of the workbook show cells: for each cell format (xf) index, a format id and whether it is a date. */
export interface StyleInfo {
  /** Format id (index into `formats`) per xf index. */
  xfFormat: Uint16Array;
  xfIsDate: Uint8Array;
  formats: (string | null)[];
}

const C_SHEETDATA = 1, C_ROW = 2, C_C = 3, C_V = 4, C_F = 5, C_IS = 6, C_T = 7, C_RPH = 8, C_MERGE = 9;
const CODES: Record<string, number> = { sheetData: C_SHEETDATA, row: C_ROW, c: C_C, v: C_V, f: C_F, is: C_IS, t: C_T, rPh: C_RPH, mergeCell: C_MERGE };

const A_R = 0, A_T = 1, A_S = 2, A_HIDDEN = 3, A_REF = 4;
const WATCHED = ["r", "t", "s", "hidden", "ref"];

/** Longest formula text kept for messages. */
const FORMULA_CHARS = 200;

/** How a sheet reader is set up. */
export interface SheetReaderOptions {
  /**
   * Whether the common cell is taken in one step (takeCell) instead of through its tags' events. On by default; the
   * tests read with it off to show it changes nothing but speed.
   */
  shortcut?: boolean;
}

export class SheetReader implements ScanHandler {
  wantText = false;
  readonly results: RectResult[];
  readonly merges: Rect[] = [];
  /** The common cell, taken whole without its tags' events (see takeCell); undefined when turned off. */
  readonly shortcut?: { name: string; code: number; take(buf: Buffer, pos: number, n: number): number };
  /** How many cells the shortcut took (for the tests that compare reading with and without it). */
  shortcutCells = 0;
  /** Shared-string indices used by kept cells, as a bitmap (a set of millions of small integers would cost more). */
  private sharedBits = new Uint8Array(1024);

  private readonly top: number;
  private readonly bottom: number;
  private readonly left: number;
  private readonly right: number;

  private scanner!: ByteScanner;
  private inSheetData = false;
  /** The depths of the open `<sheetData>`, `<row>`, `<c>` and `<is>` (0: none open), for the nesting rules. */
  private sheetDataDepth = 0;
  private sheetDataSeen = false;
  private rowDepth = 0;
  private cellDepth = 0;
  private isDepth = 0;
  /** Which of `<v>`, `<f>`, `<is>` the open cell has had (bits 1, 2, 4). */
  private cellParts = 0;
  private rowNumber = 0;
  private rowKept = false;
  /** The rectangles that hold the current row (a cell is stored in each that also holds its column). */
  private rowResults: RectResult[] = [];
  private nextCol = 1;
  /** The cell being read: its column, number format and whether that shows dates, and whether it is kept. */
  private col = 0;
  private fmt = 0;
  private isDate = false;
  private keep = false;
  /** Which element's text is wanted (C_V, C_F, C_T), or 0. */
  private target = 0;
  private inIs = false;
  private inPhonetic = 0;
  /** What the cell's tags and text brought, and what it holds (cellValue.ts). */
  private readonly cell = new CellText();
  private readonly value = new CellValue();
  /** Where a cell's `r` attribute points (parseA1Bytes). */
  private readonly ref = { row: 0, col: 0 };

  constructor(
    rects: readonly Rect[],
    private readonly strings: StringPool,
    private readonly styles: StyleInfo,
    options: SheetReaderOptions = {},
  ) {
    this.results = rects.map((rect) => ({
      rect,
      grid: new ColumnGrid(rect.bottom - rect.top + 1, rect.right - rect.left + 1, strings, styles.formats),
      hiddenRows: [],
      truncated: [],
    }));
    // The bounds of all rectangles, in a loop: there may be more of them than a call takes arguments.
    let [top, bottom, left, right] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const r of rects) {
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
      left = Math.min(left, r.left);
      right = Math.max(right, r.right);
    }
    [this.top, this.bottom, this.left, this.right] = [top, bottom, left, right];
    if (options.shortcut !== false) this.shortcut = { name: "c", code: C_C, take: (buf, pos, n) => this.takeCell(buf, pos, n) };
  }

  /** The shared-string indices the kept cells use. */
  get sharedUsed(): Set<number> {
    const used = new Set<number>();
    const bits = this.sharedBits;
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i];
      if (b === 0) continue;
      for (let j = 0; j < 8; j++) if (b & (1 << j)) used.add(i * 8 + j);
    }
    return used;
  }

  private markShared(n: number): void {
    const at = n >>> 3;
    if (at >= this.sharedBits.length) {
      const grown = new Uint8Array(Math.max(at + 1, this.sharedBits.length * 2));
      grown.set(this.sharedBits);
      this.sharedBits = grown;
    }
    this.sharedBits[at] |= 1 << (n & 7);
  }

  /** The scanner to feed this part's bytes to. */
  attach(part: string, path: string): ByteScanner {
    this.scanner = new ByteScanner(this, part, path, WATCHED);
    return this.scanner;
  }

  /**
   * Takes the common form of a cell in one step, as `<c r="D2" s="1" t="s"><v>13</v></c>` is written by every
   * producer: attributes only `r`, `s` and `t` (each at most once, double quotes, one space before each), `t` only
   * `s` or `n`, the value 1 to 64 bytes of `[0-9A-Za-z.+-]`, end tags written out without spaces. The result is the
   * one the element's events give (openCell, the `<v>` text, finishCell), with the same checks; anything else, and
   * every cell the checks refuse, returns -1 before anything changes, so that the scanner reads it as always.
   */
  private takeCell(buf: Buffer, pos: number, n: number): number {
    // Reads stay below `limit + 8`, inside the chunk: a read past its end would cost more than the shortcut saves
    // (the optimised code is thrown away). A cell near the end of a chunk goes the usual way.
    const limit = pos + 128;
    // Inside another cell's open `<t>`, `<f>` or `<v>` (a cell nested in a cell), the `<v>` events would also reset
    // where that element's text goes: left to the scanner.
    // Only a cell directly in an open row (never in another cell's value): anywhere else the events name the fault.
    if (this.rowDepth === 0 || this.cellDepth !== 0 || this.scanner.level !== this.rowDepth || limit + 8 > n) return -1;
    let k = pos + 2;
    let rStart = -1, rEnd = -1, style = -1, type = T_N, seen = 0;
    while (buf[k] === 32) {
      if (k > limit) return -1;
      const a = buf[k + 1];
      if (buf[k + 2] !== 61 || buf[k + 3] !== 34) return -1;
      const start = k + 4;
      let end = start;
      if (a === 114 /* r */ && !(seen & 1)) {
        seen |= 1;
        while (end < limit && ((buf[end] >= 65 && buf[end] <= 90) || (buf[end] >= 48 && buf[end] <= 57))) end++;
        rStart = start;
        rEnd = end;
      } else if (a === 115 /* s */ && !(seen & 2)) {
        seen |= 2;
        let v = 0;
        while (end < limit && buf[end] >= 48 && buf[end] <= 57 && end - start < 6) v = v * 10 + (buf[end++] - 48);
        if (end === start) return -1;
        style = v;
      } else if (a === 116 /* t */ && !(seen & 4)) {
        seen |= 4;
        if (buf[start] === 115) type = T_S;
        else if (buf[start] !== 110) return -1;
        end = start + 1;
      } else return -1;
      if (buf[end] !== 34) return -1;
      k = end + 1;
    }
    // `><v>` value `</v></c>`
    if (buf[k] !== 62 || buf[k + 1] !== 60 || buf[k + 2] !== 118 || buf[k + 3] !== 62) return -1;
    const vStart = k + 4;
    const vLimit = Math.min(limit, vStart + 65);
    let vEnd = vStart;
    while (vEnd < vLimit && isLeafByte(buf[vEnd])) vEnd++;
    if (vEnd === vStart || vEnd - vStart > 64) return -1;
    if (buf[vEnd] !== 60 || buf[vEnd + 1] !== 47 || buf[vEnd + 2] !== 118 || buf[vEnd + 3] !== 62) return -1;
    if (buf[vEnd + 4] !== 60 || buf[vEnd + 5] !== 47 || buf[vEnd + 6] !== 99 || buf[vEnd + 7] !== 62) return -1;
    const after = vEnd + 8;
    // What openCell does, with its refusals left to it.
    if (!this.rowKept) {
      this.keep = false;
      this.shortcutCells++;
      return after;
    }
    let col = this.nextCol;
    if (rStart >= 0) {
      if (!parseA1Bytes(buf, rStart, rEnd, this.ref) || this.ref.row !== this.rowNumber) return -1;
      col = this.ref.col;
    }
    if (col > LIMITS.maxColumns) return -1;
    const kept = col >= this.left && col <= this.right;
    if (kept && style >= this.styles.xfFormat.length) return -1;
    this.keep = false;
    this.nextCol = col + 1;
    this.shortcutCells++;
    if (!kept) return after;
    this.col = col;
    this.fmt = style >= 0 ? this.styles.xfFormat[style] : 0;
    this.isDate = style >= 0 && this.styles.xfIsDate[style] === 1;
    const c = this.cell;
    c.type = type;
    c.problem = null;
    this.clearContent();
    // The state `<v>` and its text would leave, then the cell's end.
    c.hasV = true;
    c.vPieces = 1;
    c.vBuf = buf;
    c.vStart = vStart;
    c.vEnd = vEnd;
    this.finishCell();
    return after;
  }

  code(ns: string, local: string): number {
    return SPREADSHEET_NS.includes(ns) ? (CODES[local] ?? 0) : 0;
  }

  open(code: number, empty: boolean): void {
    const s = this.scanner;
    // The element's own depth: the scanner has counted a start tag when its element is not empty.
    const depth = empty ? s.level + 1 : s.level;
    switch (code) {
      case C_SHEETDATA:
        if (depth !== 2 || this.sheetDataSeen) s.malformed(this.sheetDataSeen ? "bladet har två <sheetData>" : "<sheetData> står inne i ett annat element");
        this.sheetDataSeen = true;
        this.inSheetData = true;
        this.sheetDataDepth = depth;
        this.rowNumber = 0;
        return;
      case C_ROW:
        if (!this.inSheetData) return;
        if (depth !== this.sheetDataDepth + 1) s.malformed("en rad står inne i en annan rad eller cell");
        this.rowDepth = depth;
        this.openRow();
        return;
      case C_C:
        if (!this.inSheetData) return;
        if (this.cellDepth !== 0) s.malformed("en cell står inne i en annan cell");
        if (this.rowDepth === 0 || depth !== this.rowDepth + 1) s.malformed("en cell står utanför en rad");
        this.cellDepth = depth;
        this.cellParts = 0;
        this.openCell(empty);
        return;
      case C_V:
        if (!this.inSheetData) return;
        this.cellPart(depth, 1, "<v>");
        if (this.keep) {
          const c = this.cell;
          this.target = C_V;
          this.wantText = true;
          c.hasV = true;
          c.vPieces = 0;
          c.vText = "";
          c.vBuf = null;
        }
        return;
      case C_F:
        if (!this.inSheetData) return;
        this.cellPart(depth, 2, "<f>");
        if (this.keep) {
          this.cell.hasFormula = true;
          this.target = C_F;
          this.wantText = true;
        }
        return;
      case C_IS:
        if (!this.inSheetData) return;
        this.cellPart(depth, 4, "<is>");
        this.inIs = true;
        this.isDepth = depth;
        return;
      case C_RPH:
        if (this.inSheetData && this.isDepth === 0) s.malformed("<rPh> står utanför en cells text");
        this.inPhonetic++;
        return;
      case C_T:
        if (this.inSheetData && this.isDepth === 0) s.malformed("<t> står utanför en cells text");
        if (this.keep && this.inIs && this.inPhonetic === 0) {
          this.target = C_T;
          this.wantText = true;
        }
        return;
      case C_MERGE: {
        const a = s.attr(A_REF);
        if (a >= 0) {
          // Only merges across a range's header row matter (readWorkbook.ts): the others are not kept, however many.
          const rect = parseRangeRef(s.attrValue(a));
          if (rect && this.results.some(({ rect: r }) => rect.top <= r.top && rect.bottom >= r.top && rect.left <= r.right && rect.right >= r.left)) this.merges.push(rect);
        }
        return;
      }
    }
  }

  /** A `<v>`, `<f>` or `<is>` (bit `bit` of cellParts): directly in an open cell, once. */
  private cellPart(depth: number, bit: number, name: string): void {
    if (this.cellDepth === 0 || depth !== this.cellDepth + 1) this.scanner.malformed(`${name} står utanför en cell`);
    if (this.cellParts & bit) this.scanner.malformed(`en cell har två ${name}`);
    this.cellParts |= bit;
  }

  /** A row: its number (given, or the one after the last), whether the rectangles want it, and whether it is hidden. */
  private openRow(): void {
    const s = this.scanner;
    const a = s.attr(A_R);
    if (a >= 0) {
      const r = s.attrUint(a);
      if (r < 1 || r > LIMITS.maxRows) s.malformed(`radnumret ${s.attrValue(a).slice(0, 20)} är ogiltigt`);
      this.rowNumber = r;
    } else this.rowNumber++;
    if (this.rowNumber > LIMITS.maxRows) s.malformed("för många rader");
    this.nextCol = 1;
    this.rowKept = this.rowNumber >= this.top && this.rowNumber <= this.bottom;
    if (this.rowKept) {
      const n = this.rowNumber;
      this.rowResults = this.results.length === 1 ? this.results : this.results.filter((res) => n >= res.rect.top && n <= res.rect.bottom);
      const h = s.attr(A_HIDDEN);
      if (h >= 0 && (s.attrIs(h, "1") || s.attrIs(h, "true"))) {
        for (const res of this.results) if (this.rowNumber >= res.rect.top && this.rowNumber <= res.rect.bottom) res.hiddenRows.push(this.rowNumber - res.rect.top);
      }
    }
  }

  private openCell(empty: boolean): void {
    const s = this.scanner;
    const c = this.cell;
    this.keep = false;
    if (!this.rowKept) return;
    const a = s.attr(A_R);
    let col: number;
    c.problem = null;
    if (a >= 0) col = this.cellColumn(a);
    else col = this.nextCol;
    if (col > LIMITS.maxColumns) s.malformed("cellen ligger utanför bladets sista kolumn");
    this.nextCol = col + 1;
    if (col < this.left || col > this.right) return;
    this.col = col;
    const t = s.attr(A_T);
    c.type = T_N;
    if (t >= 0) {
      if (s.attrIs(t, "s")) c.type = T_S;
      else if (s.attrIs(t, "n")) c.type = T_N;
      else if (s.attrIs(t, "str")) c.type = T_STR;
      else if (s.attrIs(t, "inlineStr")) c.type = T_INLINE;
      else if (s.attrIs(t, "b")) c.type = T_B;
      else if (s.attrIs(t, "e")) c.type = T_E;
      else if (s.attrIs(t, "d")) c.type = T_D;
      else c.problem = `celltypen ”${s.attrValue(t).slice(0, 20)}” finns inte`;
    }
    const st = s.attr(A_S);
    this.fmt = 0;
    this.isDate = false;
    if (st >= 0) {
      const x = s.attrUint(st);
      if (x < 0 || x >= this.styles.xfFormat.length) {
        if (!(x === 0 && this.styles.xfFormat.length === 0)) c.problem ??= "cellens format finns inte i arbetsbokens formatlista";
      } else {
        this.fmt = this.styles.xfFormat[x];
        this.isDate = this.styles.xfIsDate[x] === 1;
      }
    }
    this.keep = true;
    this.clearContent();
    if (empty) this.finishCell();
  }

  /** Forgets the previous cell's content (value, formula, text pieces) before a kept cell's own is read. */
  private clearContent(): void {
    this.cell.clear();
    this.inIs = false;
    this.inPhonetic = 0;
  }

  /** Column of a cell's `r` attribute, checking that it names the current row. */
  private cellColumn(a: number): number {
    const s = this.scanner;
    if (!parseA1Bytes(s.buf, s.attrStart(a), s.attrEnd(a), this.ref)) s.malformed(`cellreferensen ${s.attrValue(a).slice(0, 20)} är ogiltig`);
    if (this.ref.row !== this.rowNumber) s.malformed(`cellen ${s.attrValue(a).slice(0, 20)} står i rad ${this.rowNumber}`);
    return this.ref.col;
  }

  close(code: number): void {
    switch (code) {
      case C_SHEETDATA:
        if (this.scanner.level + 1 === this.sheetDataDepth) {
          this.inSheetData = false;
          this.sheetDataDepth = 0;
        }
        return;
      case C_ROW:
        if (this.scanner.level + 1 === this.rowDepth) this.rowDepth = 0;
        return;
      case C_C:
        if (this.scanner.level + 1 !== this.cellDepth) return;
        this.cellDepth = 0;
        if (this.keep) this.finishCell();
        this.keep = false;
        return;
      case C_V:
      case C_F:
      case C_T:
        if (this.target === code) {
          this.target = 0;
          this.wantText = false;
        }
        return;
      case C_IS:
        if (this.scanner.level + 1 === this.isDepth) {
          this.inIs = false;
          this.isDepth = 0;
        }
        return;
      case C_RPH:
        this.inPhonetic--;
        return;
    }
  }

  text(buf: Buffer, start: number, end: number, hasRef: boolean): void {
    const c = this.cell;
    if (this.target === C_V) {
      if (c.vPieces === 0 && !hasRef && end - start <= LIMITS.maxCellChars) {
        c.vBuf = buf;
        c.vStart = start;
        c.vEnd = end;
      } else {
        // More than one piece, references, or a long piece: the text, whole up to what a cell holds.
        if (c.vBuf) c.vText = c.vBuf.toString("utf8", c.vStart, c.vEnd);
        c.vBuf = null;
        if (!c.vOverflow) {
          c.vText += textUpTo(buf, start, end, hasRef, LIMITS.maxCellChars + 1 - c.vText.length);
          if (c.vText.length > LIMITS.maxCellChars) {
            c.vOverflow = true;
            c.vText = c.vText.slice(0, LIMITS.maxCellChars);
          }
        }
      }
      c.vPieces++;
      return;
    }
    if (this.target === C_F) {
      if (c.formula.length < FORMULA_CHARS) c.formula += textUpTo(buf, start, end, hasRef, FORMULA_CHARS - c.formula.length);
      return;
    }
    if (this.target === C_T) {
      if (c.pieceChars > LIMITS.maxCellChars) {
        c.truncated = true;
        return;
      }
      const text = textUpTo(buf, start, end, hasRef, LIMITS.maxCellChars + 1 - c.pieceChars);
      c.pieces.push(text);
      c.pieceChars += text.length;
    }
  }

  /** The cell's value (cellValue.ts) into the grid of every rectangle that holds the cell. */
  private finishCell(): void {
    const v = this.value;
    cellValue(this.cell, this.isDate, v);
    this.keep = false;
    if (v.kind === 0) return;
    let num = v.num;
    if (v.text !== null) num = this.strings.add(v.text);
    else if (v.kind === KIND_SHARED) this.markShared(num);
    const rowNumber = this.rowNumber;
    const col = this.col;
    this.strings.keepCells(1);
    for (const res of this.rowResults) {
      const r = res.rect;
      if (rowNumber < r.top || rowNumber > r.bottom || col < r.left || col > r.right) continue;
      const ro = rowNumber - r.top, co = col - r.left;
      if (res.grid.has(ro, co)) this.scanner.malformed(`cellen ${columnLetters(col - 1)}${rowNumber} förekommer två gånger`);
      res.grid.set(ro, co, v.kind, num, this.fmt);
      if (v.truncated) res.truncated.push({ row: ro, col: co });
    }
  }
}

/**
 * Text of a run of bytes, references decoded (or just end-of-line normalised), at least `chars` characters of it when
 * the run has them: the bytes are cut (four per character at most) where no character or reference is split, so that
 * a long run costs what a cell holds, and what is cut off is only ever past the `chars` asked for.
 */
export function textUpTo(buf: Buffer, start: number, end: number, hasRef: boolean, chars: number): string {
  const stop = end - start > chars * 4 + 16 ? safeCut(buf, start, start + chars * 4 + 16) : end;
  const s = buf.toString("utf8", start, stop);
  return hasRef ? decodeText(s, false) : normaliseNewlines(s);
}

/** A byte takeCell accepts in a value: numbers, shared-string indices. */
function isLeafByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 43 || b === 45 || b === 46;
}
