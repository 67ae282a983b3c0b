/**
 * Reads the cells of a worksheet part that fall inside the rectangles asked for, as a stream of bytes through
 * the strict scanner. Every cell type of ECMA-376 is understood (`n`, `s`, `str`, `inlineStr`, `b`, `e`, `d`,
 * no type, rich text, phonetic runs left out); a value that cannot be what its type says becomes an invalid cell
 * naming why, never a silent 0; a formula without a computed value stays a formula.
 */
import { ByteScanner, decodeText, normaliseNewlines, ScanHandler } from "./byteScanner";
import {
  ColumnGrid, KIND_BOOL, KIND_DATE, KIND_ERROR, KIND_FORMULA, KIND_INVALID, KIND_ISO_DATE, KIND_NUMBER, KIND_SHARED, KIND_TEXT, StringPool,
} from "./grid";
import { LIMITS } from "./limits";
import { SPREADSHEET_NS } from "./names";
import { Rect } from "../../../core/references";

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

const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

/** Longest formula text kept for messages. */
const FORMULA_CHARS = 200;

export class SheetReader implements ScanHandler {
  wantText = false;
  readonly results: RectResult[];
  readonly merges: Rect[] = [];
  /** Shared-string indices the kept cells use, for reading only those strings. */
  /** Shared-string indices used by kept cells, as a bitmap (a set of millions of small integers would cost more). */
  private sharedBits = new Uint8Array(1024);

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
  private readonly top: number;
  private readonly bottom: number;
  private readonly left: number;
  private readonly right: number;

  private scanner!: ByteScanner;
  private inSheetData = false;
  private rowNumber = 0;
  private rowKept = false;
  private nextCol = 1;
  private col = 0;
  private type = T_N;
  private fmt = 0;
  private isDate = false;
  private keep = false;
  private badStyle = false;
  private badRef: string | null = null;
  private hasFormula = false;
  private formula = "";
  private target = 0;
  private inIs = false;
  private inPhonetic = 0;
  private pieces: string[] = [];
  private pieceChars = 0;
  private vBuf: Buffer | null = null;
  private vStart = 0;
  private vEnd = 0;
  private vPieces = 0;
  private vText = "";
  private hasV = false;
  private cellTruncated = false;

  constructor(
    rects: readonly Rect[],
    private readonly strings: StringPool,
    private readonly styles: StyleInfo,
  ) {
    this.results = rects.map((rect) => ({
      rect,
      grid: new ColumnGrid(rect.bottom - rect.top + 1, rect.right - rect.left + 1, strings, styles.formats),
      hiddenRows: [],
      truncated: [],
    }));
    this.top = Math.min(...rects.map((r) => r.top));
    this.bottom = Math.max(...rects.map((r) => r.bottom));
    this.left = Math.min(...rects.map((r) => r.left));
    this.right = Math.max(...rects.map((r) => r.right));
  }

  /** The scanner to feed this part's bytes to. */
  attach(part: string, path: string): ByteScanner {
    this.scanner = new ByteScanner(this, part, path, WATCHED);
    return this.scanner;
  }

  /** The common cell, taken whole without its tags' events (see takeCell). */
  readonly shortcut = { name: "c", code: C_C, take: (buf: Buffer, pos: number, n: number): number => this.takeCell(buf, pos, n) };

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
    if (!this.inSheetData || this.target !== 0 || limit + 8 > n) return -1;
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
      return after;
    }
    let col = this.nextCol;
    if (rStart >= 0) {
      col = 0;
      let j = rStart;
      while (j < rEnd && buf[j] >= 65 && buf[j] <= 90 && j - rStart < 3) col = col * 26 + (buf[j++] - 64);
      let row = 0;
      const digits = j;
      while (j < rEnd && buf[j] >= 48 && buf[j] <= 57 && j - digits < 7) row = row * 10 + (buf[j++] - 48);
      if (col === 0 || j !== rEnd || digits === rEnd || row !== this.rowNumber) return -1;
    }
    if (col > LIMITS.maxColumns) return -1;
    const kept = col >= this.left && col <= this.right;
    if (kept && style >= this.styles.xfFormat.length) return -1;
    this.keep = false;
    this.nextCol = col + 1;
    if (!kept) return after;
    this.col = col;
    this.type = type;
    this.badRef = null;
    this.badStyle = false;
    this.fmt = style >= 0 ? this.styles.xfFormat[style] : 0;
    this.isDate = style >= 0 && this.styles.xfIsDate[style] === 1;
    this.clearContent();
    // The state `<v>` and its text would leave, then the cell's end.
    this.hasV = true;
    this.vPieces = 1;
    this.vBuf = buf;
    this.vStart = vStart;
    this.vEnd = vEnd;
    this.keep = true;
    this.finishCell();
    this.keep = false;
    return after;
  }

  code(ns: string, local: string): number {
    return SPREADSHEET_NS.includes(ns) ? (CODES[local] ?? 0) : 0;
  }

  open(code: number, empty: boolean): void {
    const s = this.scanner;
    switch (code) {
      case C_SHEETDATA:
        this.inSheetData = true;
        this.rowNumber = 0;
        return;
      case C_ROW: {
        if (!this.inSheetData) return;
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
          const h = s.attr(A_HIDDEN);
          if (h >= 0 && (s.attrIs(h, "1") || s.attrIs(h, "true"))) {
            for (const res of this.results) if (this.rowNumber >= res.rect.top && this.rowNumber <= res.rect.bottom) res.hiddenRows.push(this.rowNumber - res.rect.top);
          }
        }
        return;
      }
      case C_C:
        if (!this.inSheetData) return;
        this.openCell(empty);
        return;
      case C_V:
        if (this.keep) {
          this.target = C_V;
          this.wantText = true;
          this.hasV = true;
          this.vPieces = 0;
          this.vText = "";
          this.vBuf = null;
        }
        return;
      case C_F:
        if (this.keep) {
          this.hasFormula = true;
          this.target = C_F;
          this.wantText = true;
        }
        return;
      case C_IS:
        this.inIs = true;
        return;
      case C_RPH:
        this.inPhonetic++;
        return;
      case C_T:
        if (this.keep && this.inIs && this.inPhonetic === 0) {
          this.target = C_T;
          this.wantText = true;
        }
        return;
      case C_MERGE: {
        const a = s.attr(A_REF);
        if (a >= 0) {
          const rect = parseRef(s.attrValue(a));
          if (rect) this.merges.push(rect);
        }
        return;
      }
    }
  }

  private openCell(empty: boolean): void {
    const s = this.scanner;
    this.keep = false;
    if (!this.rowKept) return;
    const a = s.attr(A_R);
    let col: number;
    this.badRef = null;
    if (a >= 0) {
      col = this.cellColumn(a);
      if (col < 0) return;
    } else col = this.nextCol;
    if (col > LIMITS.maxColumns) s.malformed("cellen ligger utanför bladets sista kolumn");
    this.nextCol = col + 1;
    if (col < this.left || col > this.right) return;
    this.col = col;
    const t = s.attr(A_T);
    this.type = T_N;
    if (t >= 0) {
      if (s.attrIs(t, "s")) this.type = T_S;
      else if (s.attrIs(t, "n")) this.type = T_N;
      else if (s.attrIs(t, "str")) this.type = T_STR;
      else if (s.attrIs(t, "inlineStr")) this.type = T_INLINE;
      else if (s.attrIs(t, "b")) this.type = T_B;
      else if (s.attrIs(t, "e")) this.type = T_E;
      else if (s.attrIs(t, "d")) this.type = T_D;
      else this.badRef = `celltypen ”${s.attrValue(t).slice(0, 20)}” finns inte`;
    }
    const st = s.attr(A_S);
    this.fmt = 0;
    this.isDate = false;
    this.badStyle = false;
    if (st >= 0) {
      const x = s.attrUint(st);
      if (x < 0 || x >= this.styles.xfFormat.length) {
        if (!(x === 0 && this.styles.xfFormat.length === 0)) this.badStyle = true;
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
    this.hasFormula = false;
    this.formula = "";
    this.hasV = false;
    this.vPieces = 0;
    this.vText = "";
    if (this.pieces.length > 0) this.pieces = [];
    this.pieceChars = 0;
    this.cellTruncated = false;
    this.inIs = false;
    this.inPhonetic = 0;
  }

  /** Column of a cell's `r` attribute, checking that it names the current row. */
  private cellColumn(a: number): number {
    const s = this.scanner;
    const b = s.buf;
    let k = s.attrStart(a);
    const end = s.attrEnd(a);
    let col = 0;
    while (k < end && b[k] >= 65 && b[k] <= 90) {
      col = col * 26 + (b[k] - 64);
      k++;
    }
    let row = 0;
    const digits = k;
    while (k < end && b[k] >= 48 && b[k] <= 57 && row <= MAX_ROWS) {
      row = row * 10 + (b[k] - 48);
      k++;
    }
    if (col === 0 || k !== end || digits === end || k - digits > 7) s.malformed(`cellreferensen ${s.attrValue(a).slice(0, 20)} är ogiltig`);
    if (row !== this.rowNumber) s.malformed(`cellen ${s.attrValue(a).slice(0, 20)} står i rad ${this.rowNumber}`);
    return col;
  }

  close(code: number): void {
    switch (code) {
      case C_SHEETDATA:
        this.inSheetData = false;
        return;
      case C_C:
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
        this.inIs = false;
        return;
      case C_RPH:
        this.inPhonetic--;
        return;
    }
  }

  text(buf: Buffer, start: number, end: number, hasRef: boolean): void {
    if (this.target === C_V) {
      if (this.vPieces === 0 && !hasRef) {
        this.vBuf = buf;
        this.vStart = start;
        this.vEnd = end;
      } else {
        // More than one piece, or references: fall back to text.
        if (this.vBuf) this.vText = this.vBuf.toString("utf8", this.vStart, this.vEnd);
        this.vBuf = null;
        if (this.vText.length < 400) this.vText += decode(buf, start, Math.min(end, start + 400), hasRef);
      }
      this.vPieces++;
      return;
    }
    if (this.target === C_F) {
      if (this.formula.length < FORMULA_CHARS) this.formula += decode(buf, start, Math.min(end, start + FORMULA_CHARS * 4), hasRef);
      return;
    }
    if (this.target === C_T) {
      if (this.pieceChars > LIMITS.maxCellChars) {
        this.cellTruncated = true;
        return;
      }
      const text = decode(buf, start, Math.min(end, start + (LIMITS.maxCellChars + 1) * 4), hasRef);
      this.pieces.push(text);
      this.pieceChars += text.length;
    }
  }

  /** The `<v>` text (decoded); for one plain piece the bytes are read without making a string when they are digits. */
  private vString(): string {
    if (this.vPieces === 1 && this.vBuf) return this.vBuf.toString("utf8", this.vStart, this.vEnd);
    return this.vText;
  }

  private finishCell(): void {
    const rowNumber = this.rowNumber;
    const col = this.col;
    let kind = 0;
    let num = 0;
    const pool = this.strings;
    // Why the cell cannot be what it says, if it cannot (no closure or array per cell: this runs millions of times).
    let why: string | null = null;
    if (this.badRef) why = this.badRef;
    else if (this.badStyle) why = "cellens format finns inte i arbetsbokens formatlista";
    else if (this.type === T_INLINE) {
      const text = this.cellText();
      if (text !== "") {
        kind = KIND_TEXT;
        num = pool.add(text);
      }
    } else if (!this.hasV || (this.vPieces === 0 && this.type !== T_STR)) {
      if (this.hasFormula) {
        kind = KIND_FORMULA;
        num = pool.add("=" + (this.formula || "(delad formel)"));
      }
    } else {
      switch (this.type) {
        case T_N: {
          const n = this.vPieces === 1 && this.vBuf ? parseNumberBytes(this.vBuf, this.vStart, this.vEnd) : parseNumberText(this.vText);
          // A number too large for a double (1e400) is kept as infinite: the reader names it as not finite.
          if (Number.isNaN(n)) why = `”${this.vString().trim().slice(0, 40)}” är inte ett tal`;
          else {
            kind = this.isDate && Number.isFinite(n) ? KIND_DATE : KIND_NUMBER;
            num = n;
          }
          break;
        }
        case T_S: {
          const n = this.vPieces === 1 && this.vBuf ? parseIndexBytes(this.vBuf, this.vStart, this.vEnd) : parseIndexText(this.vText);
          if (n < 0) why = `”${this.vString().trim().slice(0, 40)}” är inte ett nummer på en delad text`;
          // More than a shared-strings part within the size limit can hold: it cannot exist.
          else if (n >= MAX_SHARED_INDEX) why = `den delade texten nr ${n} finns inte i arbetsboken`;
          else {
            kind = KIND_SHARED;
            num = n;
            this.markShared(n);
          }
          break;
        }
        case T_STR: {
          const text = this.vPieces === 0 ? "" : decodeOoxml(this.vString());
          if (text !== "") {
            kind = KIND_TEXT;
            num = pool.add(text.slice(0, LIMITS.maxCellChars));
          }
          if (text.length > LIMITS.maxCellChars) this.cellTruncated = true;
          break;
        }
        case T_B: {
          const v = this.vString().trim();
          if (v === "1" || v === "true") {
            kind = KIND_BOOL;
            num = 1;
          }
          else if (v === "0" || v === "false") {
            kind = KIND_BOOL;
            num = 0;
          }
          else why = `”${v.slice(0, 40)}” är inte ett sanningsvärde`;
          break;
        }
        case T_E:
          kind = KIND_ERROR;
          num = pool.add(this.vString().trim().slice(0, 40));
          break;
        case T_D: {
          const ms = parseIsoDate(this.vString().trim());
          if (Number.isNaN(ms)) why = `”${this.vString().trim().slice(0, 40)}” är inte ett datum`;
          else {
            kind = KIND_ISO_DATE;
            num = ms;
          }
          break;
        }
      }
    }
    if (why !== null) {
      kind = KIND_INVALID;
      num = pool.add(why);
    }
    if (kind === 0) return;
    for (const res of this.results) {
      const r = res.rect;
      if (rowNumber < r.top || rowNumber > r.bottom || col < r.left || col > r.right) continue;
      const ro = rowNumber - r.top, co = col - r.left;
      if (res.grid.has(ro, co)) this.scanner.malformed(`cellen ${columnName(col)}${rowNumber} förekommer två gånger`);
      res.grid.set(ro, co, kind, num, this.fmt);
      if (this.cellTruncated) res.truncated.push({ row: ro, col: co });
    }
  }

  private cellText(): string {
    const s = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join("");
    const text = decodeOoxml(s);
    if (text.length > LIMITS.maxCellChars) {
      this.cellTruncated = true;
      return text.slice(0, LIMITS.maxCellChars);
    }
    return text;
  }
}

function decode(buf: Buffer, start: number, end: number, hasRef: boolean): string {
  const s = buf.toString("utf8", start, end);
  return hasRef ? decodeText(s, false) : normaliseNewlines(s);
}

/**
 * OOXML's escape for characters XML cannot carry: `_x000D_` is a carriage return, `_x005F_` an underscore
 * (so `_x005F_x000D_` is the literal text `_x000D_`).
 */
export function decodeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  let out = "";
  let k = 0;
  while (k < s.length) {
    const at = s.indexOf("_x", k);
    if (at < 0 || at + 7 > s.length) {
      out += s.slice(k);
      break;
    }
    out += s.slice(k, at);
    const hex = s.slice(at + 2, at + 6);
    if (s[at + 6] === "_" && isHex4(hex)) {
      out += String.fromCharCode(parseInt(hex, 16));
      k = at + 7;
    } else {
      out += "_";
      k = at + 1;
    }
  }
  return out;
}

function isHex4(s: string): boolean {
  if (s.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x9 || b === 0xa || b === 0xd;
}

/**
 * A number as xsd:double allows it in a cell (`-12`, `3.5`, `.5`, `1.2E-3`, surrounding spaces), read from bytes.
 * NaN for anything else (`0x10`, `1,5`, `Infinity`, empty); ±Infinity when it overflows.
 */
export function parseNumberBytes(b: Buffer, start: number, end: number): number {
  while (start < end && isWs(b[start])) start++;
  while (end > start && isWs(b[end - 1])) end--;
  if (start === end) return NaN;
  let k = start;
  let neg = false;
  if (b[k] === 45 || b[k] === 43) {
    neg = b[k] === 45;
    k++;
  }
  let v = 0;
  let digits = 0;
  while (k < end && b[k] >= 48 && b[k] <= 57) {
    v = v * 10 + (b[k] - 48);
    digits++;
    k++;
  }
  if (k === end && digits > 0 && digits <= 15) return neg ? -v : v;
  // Anything beyond plain integers: check the grammar, then let the engine's decimal conversion do the rest.
  let frac = 0;
  if (k < end && b[k] === 46) {
    k++;
    while (k < end && b[k] >= 48 && b[k] <= 57) {
      frac++;
      k++;
    }
  }
  if (digits + frac === 0) return NaN;
  if (k < end && (b[k] === 69 || b[k] === 101)) {
    k++;
    if (k < end && (b[k] === 45 || b[k] === 43)) k++;
    let exp = 0;
    while (k < end && b[k] >= 48 && b[k] <= 57) {
      exp++;
      k++;
    }
    if (exp === 0) return NaN;
  }
  if (k !== end) return NaN;
  return Number(b.toString("latin1", start, end));
}

/** The same check on text that arrived in pieces or with references. */
export function parseNumberText(s: string): number {
  const b = Buffer.from(s, "utf8");
  return parseNumberBytes(b, 0, b.length);
}

function parseIndexText(s: string): number {
  const b = Buffer.from(s, "utf8");
  return parseIndexBytes(b, 0, b.length);
}

/** Above any index a shared-strings part within the part size limit can have (each string, `<si/>`, takes ≥ 5 bytes). */
const MAX_SHARED_INDEX = Math.ceil(LIMITS.maxPartBytes / 5);
/** Excel's last row, as a constant for the innermost loop. */
const MAX_ROWS = LIMITS.maxRows;

/** A byte takeCell accepts in a value: numbers, shared-string indices. */
function isLeafByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 43 || b === 45 || b === 46;
}

function parseIndexBytes(b: Buffer, start: number, end: number): number {
  while (start < end && isWs(b[start])) start++;
  while (end > start && isWs(b[end - 1])) end--;
  if (start === end || end - start > 10) return -1;
  let v = 0;
  for (let k = start; k < end; k++) {
    const d = b[k] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * An ISO 8601 date, date-time or time of day (`2024-06-30`, `2024-06-30T12:00:00.5`, `10:10:10`, as openpyxl writes
 * times in `t="d"` cells), as UTC milliseconds; a time alone falls on Excel's day 0, 1899-12-30. A zone suffix is
 * accepted and the wall-clock time kept, since Excel has no zones. NaN for anything else, out-of-range fields too.
 */
function parseIsoDate(s: string): number {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:(^|T)(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m || (m[1] === undefined && m[5] === undefined)) return NaN;
  const [year, month, day] = m[1] === undefined ? [1899, 12, 30] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const millis = m[8] === undefined ? 0 : Math.round(Number(`0.${m[8]}`) * 1000);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : NaN;
}

/** `AB12` → column letters to number (1-based). */
function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `A1:C3` (or `A1`) → a rectangle, bounded by Excel's limits; null when it is not a reference. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const cells = parts.map(parseCell);
  if (cells.some((c) => c === null)) return null;
  const [a, b] = [cells[0] as [number, number], (cells[1] ?? cells[0]) as [number, number]];
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

function parseCell(s: string): [number, number] | null {
  let k = 0, col = 0, row = 0;
  if (s[k] === "$") k++;
  const c0 = k;
  while (k < s.length && s.charCodeAt(k) >= 65 && s.charCodeAt(k) <= 90) col = col * 26 + (s.charCodeAt(k++) - 64);
  if (k === c0 || k - c0 > 3) return null;
  if (s[k] === "$") k++;
  const r0 = k;
  while (k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) row = row * 10 + (s.charCodeAt(k++) - 48);
  if (k === r0 || k !== s.length || k - r0 > 7) return null;
  if (row < 1 || row > LIMITS.maxRows || col > LIMITS.maxColumns) return null;
  return [row, col];
}
