/**
 * How every string the package writes becomes XML: the one place for it, used by the serialiser of edited parts
 * (serialize.ts), the report sheet (write/reportSheet.ts) and the parts the copy adds (write/splice.ts).
 *
 * XML 1.0 allows neither most control characters (U+0000–U+001F but tab, line feed and carriage return) nor U+FFFE,
 * U+FFFF or a surrogate without its pair, not even as a character reference. Text from a user can hold them (the
 * reader decodes `_x0001_` in a cell to U+0001). They are written as SpreadsheetML does (ECMA-376 part 1, 22.9.2.19
 * ST_Xstring): `_xHHHH_`, the UTF-16 code unit in hex, which Excel, LibreOffice and openpyxl read back. A value written
 * that way also has its literal `_xHHHH_` sequences escaped (`_x005F_` is the underscore), so that it reads back as
 * exactly the text it was. Everything else is escaped as XML requires: `&`, `<`, `>`, and in attributes `"` and the
 * white space that attribute normalisation would turn into spaces.
 */

/** Whether UTF-16 code unit `c` at `k` of `s` may stand in XML 1.0 (a surrogate only as half of a pair). */
function allowed(s: string, k: number, c: number): boolean {
  if (c >= 0x20) {
    if (c < 0xd800) return true;
    if (c <= 0xdbff) {
      const next = s.charCodeAt(k + 1);
      return next >= 0xdc00 && next <= 0xdfff;
    }
    if (c <= 0xdfff) {
      const prev = s.charCodeAt(k - 1);
      return k > 0 && prev >= 0xd800 && prev <= 0xdbff;
    }
    return c !== 0xfffe && c !== 0xffff;
  }
  return c === 0x9 || c === 0xa || c === 0xd;
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, "0");
}

/** Whether `s` at `k` starts a literal `_xHHHH_` (which a reader of ST_Xstring would decode). */
function startsEscape(s: string, k: number): boolean {
  if (s.charCodeAt(k) !== 95 || s.charCodeAt(k + 1) !== 120 || s.charCodeAt(k + 6) !== 95) return false;
  for (let i = k + 2; i < k + 6; i++) {
    const d = s.charCodeAt(i);
    if (!((d >= 48 && d <= 57) || (d >= 65 && d <= 70) || (d >= 97 && d <= 102))) return false;
  }
  return true;
}

/**
 * `s` as XML text (`context` "text") or as a double-quoted attribute value, or with `context` null not escaped for
 * XML at all (for a value set on a tree that is serialised afterwards). With `value`, `s` is a value in
 * SpreadsheetML's sense (a cell's text, a sheet's name): its literal `_xHHHH_` sequences are escaped so that it reads
 * back unchanged. Characters XML cannot carry are written as `_xHHHH_` either way, so the output is always
 * well-formed.
 */
export function encodeXml(s: string, context: "text" | "attribute" | null, value: boolean): string {
  let out = "";
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    let rep: string | null = null;
    if (context !== null && (c === 38 || c === 60 || c === 62 || c === 13)) rep = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : "&#13;";
    else if (context === "attribute" && (c === 34 || c === 9 || c === 10)) rep = c === 34 ? "&quot;" : c === 9 ? "&#9;" : "&#10;";
    else if (!allowed(s, k, c)) rep = `_x${hex4(c)}_`;
    else if (value && c === 95 && startsEscape(s, k)) rep = "_x005F_";
    if (rep !== null) {
      out += s.slice(last, k) + rep;
      last = k + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Text of a part (from a parsed part, or markup of our own) for element content. */
export function escapeText(s: string): string {
  return encodeXml(s, "text", false);
}

/** Text of a part for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return encodeXml(s, "attribute", false);
}

/** A value (a user's text, a setting) as SpreadsheetML writes it, for element content. */
export function valueText(s: string): string {
  return encodeXml(s, "text", true);
}

/** A value as SpreadsheetML writes it, for a tree that escapes it as XML when it is serialised. */
export function ooxmlValue(s: string): string {
  return encodeXml(s, null, true);
}
