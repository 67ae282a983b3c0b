/**
 * What comes before a part's root element: its encoding (by byte-order mark, by how `<` is written, or by the XML
 * declaration, as XML 1.0 appendix F reads it), the declaration's pseudo-attributes, and whether the prolog holds a
 * document type declaration. Shared by the tree parser, the part stream that feeds the byte scanner, and the package
 * reader's check of parts it copies without parsing.
 */
import { isSpace } from "./chars";

/**
 * The encoding a part's first bytes say it has, as a WHATWG label (`utf-8`, `utf-16le`, or what the declaration
 * names), and the length of its byte-order mark.
 */
export function sniffEncoding(head: Uint8Array): { label: string; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: "utf-8", bom: 3 };
  const utf16 = utf16ByBytes(head);
  if (utf16) return { label: utf16, bom: head[0] === 0x3c || head[1] === 0x3c ? 0 : 2 };
  if (head[0] === 0x3c && head[1] === 0x3f) {
    // An ASCII-compatible encoding: the declaration says which.
    const text = Buffer.from(head.subarray(0, Math.min(head.length, 200))).toString("latin1");
    const end = text.indexOf("?>");
    const declared = end > 0 ? pseudoAttributes(text.slice(5, end)).get("encoding")?.toLowerCase() : undefined;
    if (declared === "utf-16" || declared === "ucs-2" || declared === "unicode") return { label: "utf-16le", bom: 0 };
    if (declared && declared !== "utf8") return { label: declared, bom: 0 };
  }
  return { label: "utf-8", bom: 0 };
}

/** UTF-16 as the first bytes alone tell it: a byte-order mark, or `<` written in two bytes. */
function utf16ByBytes(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0x00)) return "utf-16le";
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x00 && head[1] === 0x3c)) return "utf-16be";
  return null;
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

/**
 * Whether the bytes before a document's root element hold a document type declaration. The prolog may only hold a
 * byte-order mark, an XML declaration, whitespace, comments and processing instructions, so it is read as exactly
 * that; the first `<` that starts anything else ends it. Null when the bytes end inside the prolog.
 */
export function prologHasDoctype(head: Buffer, complete: boolean): boolean | null {
  // By the bytes alone, never by what a declaration claims: a part may lie about its encoding.
  const label = utf16ByBytes(head);
  let text: string;
  if (label === "utf-16le") text = head.toString("utf16le");
  else if (label === "utf-16be") text = Buffer.from(head).swap16().toString("utf16le");
  else text = head.toString("latin1");
  let i = text.charCodeAt(0) === 0xfeff ? 1 : text.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return complete ? false : null;
    if (text[i] !== "<") return false;
    if (text.length - i < 9 && !complete) return null;
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end < 0) return complete ? false : null;
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return complete ? false : null;
      i = end + 3;
    } else return text.startsWith("<!DOCTYPE", i) || text.startsWith("<!doctype", i);
  }
}
