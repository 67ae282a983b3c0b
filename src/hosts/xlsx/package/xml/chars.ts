/**
 * The low-level rules of XML that the tree parser (tree.ts) and the byte scanner (scanner.ts) share: which
 * characters and bytes may stand where, UTF-8 checked byte by byte, where a run of bytes may be cut without
 * splitting a character or a reference, end-of-line and attribute whitespace normalisation, and references.
 */
import { XmlSyntaxError } from "./refusal";

/** A character XML allows anywhere (XML 1.0 production Char, BMP part). */
export function isXmlChar(c: number): boolean {
  return c >= 0x20 ? c !== 0xfffe && c !== 0xffff : c === 0x9 || c === 0xa || c === 0xd;
}

/** XML's white space: space, tab, LF, CR. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x9 || c === 0xa || c === 0xd;
}

/** Name characters as the byte scanner sees them: ASCII letters, `_`, `:`, and any character beyond ASCII. */
export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || (c >= 0x80 && c < 0xfffe);
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

const SPACE = 1, NAME_START = 2, NAME = 4;
/** Byte classes, one lookup instead of a chain of comparisons in the innermost loops. */
const BYTE_CLASS = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  let c = 0;
  if (b === 0x20 || b === 0x9 || b === 0xa || b === 0xd) c |= SPACE;
  if ((b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b === 95 || b === 58 || b >= 0xc2) c |= NAME_START;
  if ((b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 58) || b === 95 || b === 45 || b === 46 || b >= 0x80) c |= NAME;
  BYTE_CLASS[b] = c;
}

export function isSpaceByte(b: number): boolean {
  return (BYTE_CLASS[b] & SPACE) !== 0;
}

export function isNameStartByte(b: number): boolean {
  return (BYTE_CLASS[b] & NAME_START) !== 0;
}

/** A byte that may continue a name; `undefined` (past the end) is none. */
export function isNameByte(b: number): boolean {
  return (BYTE_CLASS[b] & NAME) !== 0;
}

/** Validates one UTF-8 sequence starting at `k` (a byte ≥ 0x80); returns the position after it. */
export function checkUtf8(buf: Uint8Array, k: number, end: number): number {
  const b = buf[k];
  let need: number, min: number, cp: number;
  if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
  else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
  else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
  else throw new XmlSyntaxError("ogiltig UTF-8");
  if (k + need >= end + 1) throw new XmlSyntaxError("ogiltig UTF-8");
  for (let i = 1; i <= need; i++) {
    const c = buf[k + i];
    if ((c & 0xc0) !== 0x80) throw new XmlSyntaxError("ogiltig UTF-8");
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) throw new XmlSyntaxError("ogiltig UTF-8");
  return k + need + 1;
}

/** Like checkUtf8, but -1 when the buffer ends inside the sequence (the rest is still to come). */
export function checkUtf8Partial(buf: Uint8Array, k: number, n: number): number {
  const b = buf[k];
  const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
  if (k + need >= n) return -1;
  return checkUtf8(buf, k, n);
}

/** The end of a run of bytes that splits no UTF-8 sequence, no CR LF and no reference. */
export function safeCut(buf: Uint8Array, start: number, end: number): number {
  let cut = end;
  // A CR whose LF may come in the next chunk: the pair becomes one newline.
  if (cut > start && buf[cut - 1] === 13) cut--;
  for (let back = 1; back <= 3 && cut - back >= start; back++) {
    const b = buf[cut - back];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < len) cut -= back;
    }
    break;
  }
  for (let k = cut - 1; k >= start && k >= cut - 12; k--) {
    if (buf[k] === 59) break;
    if (buf[k] === 38) {
      cut = k;
      break;
    }
  }
  return cut;
}

/** XML's end-of-line handling for text: CR LF and lone CR become LF. */
export function normaliseNewlines(s: string): string {
  if (s.indexOf("\r") < 0) return s;
  let out = "";
  for (let k = 0; k < s.length; k++) {
    if (s[k] !== "\r") out += s[k];
    else {
      out += "\n";
      if (s[k + 1] === "\n") k++;
    }
  }
  return out;
}

/** Attribute-value normalisation of literal white space: tab, LF and CR each become a space, CR LF one space. */
export function normaliseAttrSpace(s: string): string {
  let plain = true;
  for (let k = 0; k < s.length && plain; k++) {
    const c = s.charCodeAt(k);
    if (c === 9 || c === 10 || c === 13) plain = false;
  }
  if (plain) return s;
  let out = "";
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === "\r" && s[k + 1] === "\n") continue;
    out += c === "\t" || c === "\n" || c === "\r" ? " " : c;
  }
  return out;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes one character or entity reference starting at `s[i] === "&"`; returns the text and the end. */
export function decodeReference(s: string, i: number): [string, number] {
  const semi = s.indexOf(";", i);
  if (semi < 0 || semi - i > 12) throw new XmlSyntaxError("ogiltig teckenreferens", i);
  const body = s.slice(i + 1, semi);
  if (body.startsWith("#")) {
    const hex = body[1] === "x";
    const digits = body.slice(hex ? 2 : 1);
    let code = digits === "" ? -1 : 0;
    for (let k = 0; k < digits.length && code >= 0; k++) {
      const d = digits.charCodeAt(k);
      const v = d >= 48 && d <= 57 ? d - 48 : hex && d >= 97 && d <= 102 ? d - 87 : hex && d >= 65 && d <= 70 ? d - 55 : -1;
      code = v < 0 || code > 0x10ffff ? -1 : code * (hex ? 16 : 10) + v;
    }
    if (!(code <= 0x10ffff && isXmlChar(code) && !(code >= 0xd800 && code <= 0xdfff))) throw new XmlSyntaxError("teckenreferens till ett otillåtet tecken", i);
    return [String.fromCodePoint(code), semi + 1];
  }
  const v = Object.prototype.hasOwnProperty.call(PREDEFINED, body) ? PREDEFINED[body] : undefined;
  if (v === undefined) throw new XmlSyntaxError(`okänd entitet &${body.slice(0, 20)};`, i);
  return [v, semi + 1];
}

/** Decodes references in text (and, for attribute values, normalises literal white space to spaces). */
export function decodeText(s: string, attribute: boolean): string {
  let out = "";
  let k = 0;
  while (k < s.length) {
    const amp = s.indexOf("&", k);
    const end = amp < 0 ? s.length : amp;
    const run = s.slice(k, end);
    out += attribute ? normaliseAttrSpace(run) : normaliseNewlines(run);
    if (amp < 0) break;
    const [v, next] = decodeReference(s, amp);
    out += v;
    k = next;
  }
  return out;
}

/** `1.0` (or another 1.x): the versions an XML 1.0 parser reads. */
export function isXmlVersion(v: string | undefined): boolean {
  if (!v || v.length < 3 || !v.startsWith("1.")) return false;
  for (let i = 2; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return false;
  return true;
}

/** The pseudo-attributes of an XML declaration (`version="1.0" encoding="UTF-8"`). */
export function pseudoAttributes(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let k = 0;
  while (k < body.length) {
    while (k < body.length && isSpace(body.charCodeAt(k))) k++;
    const start = k;
    while (k < body.length && body[k] !== "=" && !isSpace(body.charCodeAt(k))) k++;
    const name = body.slice(start, k);
    while (k < body.length && isSpace(body.charCodeAt(k))) k++;
    if (name === "" || body[k] !== "=") break;
    k++;
    while (k < body.length && isSpace(body.charCodeAt(k))) k++;
    const q = body[k];
    if (q !== '"' && q !== "'") break;
    const close = body.indexOf(q, k + 1);
    if (close < 0) break;
    out.set(name, body.slice(k + 1, close));
    k = close + 1;
  }
  return out;
}
