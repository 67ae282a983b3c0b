/**
 * What a worksheet cell holds, from its type (`t`) and the text its tags brought: one pure function for the sheet
 * reader's two ways of reading a cell (the scanner's events, and the shortcut that takes a common cell whole). Every
 * cell type of ECMA-376 is understood; a value that cannot be what its type says is an invalid cell naming why,
 * never a silent 0; a formula without a computed value stays a formula.
 */
import { LIMITS } from "../limits";
import { KIND_BOOL, KIND_DATE, KIND_ERROR, KIND_FORMULA, KIND_INVALID, KIND_ISO_DATE, KIND_NUMBER, KIND_SHARED, KIND_TEXT } from "./grid";

/** The cell types (`t`): n (or none), s, str, inlineStr, b, e, d. */
export const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

/** The content of the cell being read, as its tags and their text arrive. */
export class CellText {
  type = T_N;
  /** Why the cell cannot be read whatever it holds (a type that does not exist, a style the workbook lacks), or null. */
  problem: string | null = null;
  hasV = false;
  /** Pieces of `<v>` text so far: a single plain piece stays bytes (vBuf, vStart, vEnd); more, or references, vText. */
  vPieces = 0;
  vBuf: Buffer | null = null;
  vStart = 0;
  vEnd = 0;
  vText = "";
  /** The `<v>` text was longer than a cell holds (vText keeps what a cell holds of it). */
  vOverflow = false;
  hasFormula = false;
  formula = "";
  /** The inline string's pieces (`<is><t>`), decoded, and their length so far. */
  pieces: string[] = [];
  pieceChars = 0;
  /** Set when the text was cut at Excel's limit for a cell while it was read. */
  truncated = false;

  /** Forgets the previous cell's content (value, formula, text pieces) before a kept cell's own is read. */
  clear(): void {
    this.hasFormula = false;
    this.formula = "";
    this.hasV = false;
    this.vPieces = 0;
    this.vText = "";
    this.vOverflow = false;
    if (this.pieces.length > 0) this.pieces = [];
    this.pieceChars = 0;
    this.truncated = false;
  }

  /** The `<v>` text (decoded); for one plain piece the bytes are turned into a string only now. */
  vString(): string {
    if (this.vPieces === 1 && this.vBuf) return this.vBuf.toString("utf8", this.vStart, this.vEnd);
    return this.vText;
  }
}

/** A cell's value: its kind (grid.ts) and number, or a text for the string pool (text, error, formula, or why invalid). */
export class CellValue {
  kind = 0;
  num = 0;
  text: string | null = null;
  /** The text was cut at Excel's 32 767 characters. */
  truncated = false;
}

/** Above any index a shared-strings part within the part size limit can have (each string, `<si/>`, takes ≥ 5 bytes). */
const MAX_SHARED_INDEX = Math.ceil(LIMITS.maxPartBytes / 5);

function is(out: CellValue, kind: number, num: number, text: string | null = null): void {
  out.kind = kind;
  out.num = num;
  out.text = text;
}

/**
 * What cell `c` holds, into `out` (kind 0: nothing). `isDate` says its number format shows a date. Pure: `c` is only
 * read.
 *
 *   t="s" and <v>13</v>        → KIND_SHARED 13
 *   t="b" and <v>2</v>         → KIND_INVALID ”2” är inte ett sanningsvärde
 *   <f>SUM(A1:A2)</f>, no <v>  → KIND_FORMULA =SUM(A1:A2)
 */
export function cellValue(c: CellText, isDate: boolean, out: CellValue): void {
  is(out, 0, 0);
  out.truncated = c.truncated;
  if (c.problem !== null) return is(out, KIND_INVALID, 0, c.problem);
  if (c.type === T_INLINE) {
    const text = inlineText(c, out);
    if (text !== "") is(out, KIND_TEXT, 0, text);
    return;
  }
  if (!c.hasV || (c.vPieces === 0 && c.type !== T_STR)) {
    if (c.hasFormula) is(out, KIND_FORMULA, 0, "=" + (c.formula || "(delad formel)"));
    return;
  }
  // A value longer than a cell holds: text is cut with a notice, anything else cannot be what it claims.
  if (c.vOverflow && c.type !== T_STR) return is(out, KIND_INVALID, 0, "värdet är längre än de 32\u00a0767 tecken en cell rymmer");
  switch (c.type) {
    case T_N: {
      const n = c.vPieces === 1 && c.vBuf ? parseNumberBytes(c.vBuf, c.vStart, c.vEnd) : parseNumberText(c.vText);
      // A number too large for a double (1e400) is kept as infinite: the reader names it as not finite.
      if (Number.isNaN(n)) return is(out, KIND_INVALID, 0, `”${c.vString().trim().slice(0, 40)}” är inte ett tal`);
      return is(out, isDate && Number.isFinite(n) ? KIND_DATE : KIND_NUMBER, n);
    }
    case T_S: {
      const n = c.vPieces === 1 && c.vBuf ? parseIndexBytes(c.vBuf, c.vStart, c.vEnd) : parseIndexText(c.vText);
      if (n < 0) return is(out, KIND_INVALID, 0, `”${c.vString().trim().slice(0, 40)}” är inte ett nummer på en delad text`);
      // More than a shared-strings part within the size limit can hold: it cannot exist.
      if (n >= MAX_SHARED_INDEX) return is(out, KIND_INVALID, 0, `den delade texten nr ${n} finns inte i arbetsboken`);
      return is(out, KIND_SHARED, n);
    }
    case T_STR: {
      const text = c.vPieces === 0 ? "" : decodeOoxml(c.vString());
      if (text.length > LIMITS.maxCellChars || c.vOverflow) out.truncated = true;
      if (text !== "") is(out, KIND_TEXT, 0, text.slice(0, LIMITS.maxCellChars));
      return;
    }
    case T_B: {
      const v = c.vString().trim();
      if (v === "1" || v === "true") return is(out, KIND_BOOL, 1);
      if (v === "0" || v === "false") return is(out, KIND_BOOL, 0);
      return is(out, KIND_INVALID, 0, `”${v.slice(0, 40)}” är inte ett sanningsvärde`);
    }
    case T_E:
      return is(out, KIND_ERROR, 0, c.vString().trim().slice(0, 40));
    case T_D: {
      const ms = parseIsoDate(c.vString().trim());
      if (Number.isNaN(ms)) return is(out, KIND_INVALID, 0, `”${c.vString().trim().slice(0, 40)}” är inte ett datum`);
      return is(out, KIND_ISO_DATE, ms);
    }
  }
}

/** An inline string's text: its pieces joined and OOXML escapes decoded, cut at Excel's limit for a cell. */
function inlineText(c: CellText, out: CellValue): string {
  const text = decodeOoxml(c.pieces.length === 1 ? c.pieces[0] : c.pieces.join(""));
  if (text.length <= LIMITS.maxCellChars) return text;
  out.truncated = true;
  return text.slice(0, LIMITS.maxCellChars);
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
