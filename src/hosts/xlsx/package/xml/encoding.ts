/**
 * A part's character encoding, and one decoder per encoding that decodes it exactly as its standard says: shared
 * by the tree parser (tree.ts), the part stream in front of the byte scanner (partStream.ts) and the check of the
 * prologs of parts that are only copied (prolog.ts).
 *
 * The encoding is told by the byte-order mark or by how `<?xml` is written (XML 1.0 appendix F), else by the XML
 * declaration, else it is UTF-8. The WHATWG Encoding Standard, which Node's TextDecoder follows, reads some labels
 * as another encoding: ISO-8859-1 and US-ASCII as windows-1252 (so byte 0x96 would be an en dash, and `\x96 45411`
 * would read as −45411), ISO-8859-9 as windows-1254, ISO-8859-11 and TIS-620 as windows-874. Those are decoded here
 * by their own tables. Node's windows-1252 decoder is itself wrong outside streaming (it gives U+0096 for 0x96), so
 * every single-byte encoding is decoded through a table of 256 code points, built once from the streaming decoder.
 * Legacy multi-byte encodings (Shift_JIS, EUC, GBK, Big5, ISO-2022), which WHATWG widens to the Microsoft
 * supersets, and EBCDIC are refused by name: no spreadsheet program writes them.
 */
import { pseudoAttributes } from "./chars";
import { XmlSyntaxError } from "./refusal";

/** How the first bytes say a part is written. `ascii`: ASCII-compatible, the declaration says which encoding. */
export type ByteFamily = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be" | "ebcdic" | "ascii";

/** The family of a part's first bytes and the length of its byte-order mark. */
export function byteFamily(h: Uint8Array): { family: ByteFamily; bom: number } {
  const [a, b, c, d] = [h[0], h[1], h[2], h[3]];
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return { family: "utf-32be", bom: 4 };
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return { family: "utf-32le", bom: 4 };
  if (a === 0x00 && b === 0x00 && c === 0x00 && d === 0x3c) return { family: "utf-32be", bom: 0 };
  if (a === 0x3c && b === 0x00 && c === 0x00 && d === 0x00) return { family: "utf-32le", bom: 0 };
  if (a === 0xfe && b === 0xff) return { family: "utf-16be", bom: 2 };
  if (a === 0xff && b === 0xfe) return { family: "utf-16le", bom: 2 };
  if (a === 0x00 && b === 0x3c) return { family: "utf-16be", bom: 0 };
  if (a === 0x3c && b === 0x00) return { family: "utf-16le", bom: 0 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { family: "utf-8", bom: 3 };
  if (a === 0x4c && b === 0x6f && c === 0xa7 && d === 0x94) return { family: "ebcdic", bom: 0 };
  return { family: "ascii", bom: 0 };
}

const ALIASES: Record<string, string> = {};
const alias = (canonical: string, labels: string[]) => labels.forEach((l) => (ALIASES[l] = canonical));
alias("utf-8", ["utf-8", "utf8", "unicode-1-1-utf-8"]);
alias("utf-16", ["utf-16", "utf16", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "utf-16le", "utf-16be"]);
alias("utf-32", ["utf-32", "utf32", "ucs-4", "iso-10646-ucs-4", "utf-32le", "utf-32be"]);
alias("us-ascii", ["us-ascii", "ascii", "iso646-us", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso-ir-6", "cp367", "ibm367", "csascii", "us", "iso_646.irv:1991"]);
alias("iso-8859-1", ["iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1"]);
alias("iso-8859-9", ["iso-8859-9", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "latin5", "l5", "iso-ir-148", "csisolatin5"]);
alias("iso-8859-11", ["iso-8859-11", "iso8859-11", "iso885911", "iso_8859-11"]);
alias("tis-620", ["tis-620", "tis620"]);
/** The Microsoft code pages, under their own names only: WHATWG also gives them to the ISO labels above. */
alias("windows-1252", ["windows-1252", "cp1252", "x-cp1252"]);
alias("windows-1254", ["windows-1254", "cp1254", "x-cp1254"]);
alias("windows-874", ["windows-874", "cp874", "dos-874"]);

/** What WHATWG decodes a label as, allowed when it is the encoding the label names (see above for the rest). */
const WHATWG_SINGLE_BYTE = new Set([
  "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13",
  "iso-8859-14", "iso-8859-15", "iso-8859-16", "windows-1250", "windows-1251", "windows-1253", "windows-1255", "windows-1256",
  "windows-1257", "windows-1258", "koi8-r", "koi8-u", "ibm866", "macintosh", "x-mac-cyrillic",
]);

/**
 * The canonical name of a declared encoding: one of the families, a single-byte encoding decoded by a table, or
 * null when it is not one this reader decodes exactly (a legacy multi-byte encoding, an unknown name).
 */
export function canonicalEncoding(declared: string): string | null {
  const label = declared.trim().toLowerCase();
  const known = Object.prototype.hasOwnProperty.call(ALIASES, label) ? ALIASES[label] : undefined;
  if (known) return known;
  let whatwg: string;
  try {
    whatwg = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  return WHATWG_SINGLE_BYTE.has(whatwg) ? whatwg : null;
}

/**
 * The encoding a part's first bytes give, as a canonical name (`utf-8`, `utf-16le`, `iso-8859-1`, …), and the
 * length of its byte-order mark. A declared encoding this reader cannot decode exactly is refused.
 */
export function partEncoding(head: Uint8Array): { label: string; bom: number } {
  const { family, bom } = byteFamily(head);
  if (family === "ebcdic") throw new XmlSyntaxError("teckenkodningen EBCDIC läses inte", 0);
  if (family !== "ascii") return { label: family, bom };
  if (head[0] !== 0x3c || head[1] !== 0x3f) return { label: "utf-8", bom: 0 };
  // An ASCII-compatible encoding: the declaration says which.
  const text = Buffer.from(head.subarray(0, Math.min(head.length, 256))).toString("latin1");
  const end = text.indexOf("?>");
  const declared = end > 0 && text.startsWith("<?xml") ? pseudoAttributes(text.slice(5, end)).get("encoding") : undefined;
  if (declared === undefined) return { label: "utf-8", bom: 0 };
  const canonical = canonicalEncoding(declared);
  if (canonical === null) throw new XmlSyntaxError(`teckenkodningen ${declared.slice(0, 40)} läses inte`, 0);
  // A two- or four-byte encoding declared in one-byte characters: the bytes are not what the declaration says.
  if (canonical === "utf-16" || canonical === "utf-32") throw new XmlSyntaxError(`delen säger sig vara ${canonical.toUpperCase()} men är skriven med en byte per tecken`, 0);
  return { label: canonical, bom: 0 };
}

/** Decodes a part's bytes to text, piece by piece; invalid bytes for the encoding throw. */
export interface PartDecoder {
  /** The text of `bytes`; with `more`, a character split at the end waits for the next piece. */
  decode(bytes: Uint8Array, more: boolean): string;
}

function invalid(label: string): XmlSyntaxError {
  return new XmlSyntaxError(`ogiltiga tecken för teckenkodningen ${label}`, 0);
}

/** WHATWG's decoders (TextDecoder), used in streaming mode: UTF-8 and UTF-16. */
class TextDecoderPart implements PartDecoder {
  private readonly decoder: TextDecoder;
  constructor(private readonly label: string) {
    this.decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  }
  decode(bytes: Uint8Array, more: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream: more });
    } catch {
      throw invalid(this.label);
    }
  }
}

/** UTF-32, little or big endian: four bytes per code point, never a surrogate, never past U+10FFFF. */
class Utf32Part implements PartDecoder {
  private rest = Buffer.alloc(0);
  constructor(private readonly littleEndian: boolean) {}
  decode(bytes: Uint8Array, more: boolean): string {
    const b = this.rest.length ? Buffer.concat([this.rest, bytes]) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const whole = b.length - (b.length % 4);
    if (!more && whole !== b.length) throw invalid("UTF-32");
    this.rest = Buffer.from(b.subarray(whole));
    const units = new Uint16Array(whole / 2);
    let n = 0;
    for (let k = 0; k < whole; k += 4) {
      const cp = this.littleEndian ? b.readUInt32LE(k) : b.readUInt32BE(k);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw invalid("UTF-32");
      if (cp < 0x10000) units[n++] = cp;
      else {
        units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      }
    }
    return Buffer.from(units.buffer, 0, n * 2).toString("utf16le");
  }
}

/** A single-byte encoding by its table of 256 code units (0xFFFF: a byte the encoding does not define). */
class TablePart implements PartDecoder {
  constructor(
    private readonly label: string,
    private readonly table: Uint16Array | null,
  ) {}
  decode(bytes: Uint8Array): string {
    const table = this.table;
    if (table === null) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    const units = new Uint16Array(bytes.length);
    for (let k = 0; k < bytes.length; k++) {
      const u = table[bytes[k]];
      if (u === 0xffff) throw invalid(this.label);
      units[k] = u;
    }
    return Buffer.from(units.buffer, 0, units.length * 2).toString("utf16le");
  }
}

const TABLES = new Map<string, Uint16Array | null>();

/** The 256 code units of a single-byte encoding; null for ISO-8859-1, where each byte is its own code point. */
function tableOf(label: string): Uint16Array | null {
  if (TABLES.has(label)) return TABLES.get(label) as Uint16Array | null;
  let table: Uint16Array | null = new Uint16Array(256);
  if (label === "iso-8859-1") table = null;
  else if (label === "us-ascii") for (let b = 0; b < 256; b++) table[b] = b < 0x80 ? b : 0xffff;
  else if (label === "iso-8859-9") {
    // ISO-8859-1 with six Turkish letters in place of Icelandic ones (ISO/IEC 8859-9).
    for (let b = 0; b < 256; b++) table[b] = b;
    for (const [b, u] of [[0xd0, 0x11e], [0xdd, 0x130], [0xde, 0x15e], [0xf0, 0x11f], [0xfd, 0x131], [0xfe, 0x15f]]) table[b] = u;
  } else if (label === "iso-8859-11" || label === "tis-620") {
    // Thai (ISO/IEC 8859-11, TIS 620-2533): 0xA1–0xDA and 0xDF–0xFB are U+0E01–U+0E3A and U+0E3F–U+0E5B; TIS-620
    // leaves 0xA0 undefined where ISO-8859-11 has a no-break space.
    for (let b = 0; b < 256; b++) table[b] = b < 0xa0 ? b : 0xffff;
    if (label === "iso-8859-11") table[0xa0] = 0xa0;
    for (let b = 0xa1; b <= 0xda; b++) table[b] = 0x0e01 + (b - 0xa1);
    for (let b = 0xdf; b <= 0xfb; b++) table[b] = 0x0e3f + (b - 0xdf);
  } else {
    // WHATWG's table, from its decoder in streaming mode (which Node gets right), one byte at a time.
    for (let b = 0; b < 256; b++) {
      try {
        const d = new TextDecoder(label, { fatal: true });
        const s = d.decode(Uint8Array.of(b), { stream: true }) + d.decode();
        table[b] = s.length === 1 ? s.charCodeAt(0) : 0xffff;
      } catch {
        table[b] = 0xffff;
      }
    }
  }
  TABLES.set(label, table);
  return table;
}

/** A decoder for a canonical encoding (partEncoding), or null for UTF-8 (which the byte scanner reads as it is). */
export function decoderFor(label: string): PartDecoder | null {
  if (label === "utf-8") return null;
  if (label === "utf-16le" || label === "utf-16be") return new TextDecoderPart(label);
  if (label === "utf-32le" || label === "utf-32be") return new Utf32Part(label === "utf-32le");
  return new TablePart(label.toUpperCase(), tableOf(label));
}

/** Decodes a whole part's bytes (after its byte-order mark) to text. */
export function decodeAll(bytes: Uint8Array, label: string): string {
  const decoder = decoderFor(label) ?? new TextDecoderPart("utf-8");
  return decoder.decode(bytes, false);
}
