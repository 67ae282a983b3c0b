/**
 * What comes before a part's root element, for parts Uppföljning copies without parsing: whether their prolog holds a
 * document type declaration (which the Open Packaging Conventions forbid, and which a copy must not carry onward).
 * Any part may hold XML whatever its name or content type says (`customXml/item1.dat`), so every part is looked at
 * by its first bytes: written in UTF-8 or any ASCII-compatible encoding, in UTF-16 or UTF-32 (either byte order, with
 * or without a byte-order mark) or in EBCDIC, a part whose first character after white space is `<` is XML-like, and
 * its prolog is read; anything else (an image, a binary) has none.
 */
import { isSpace } from "./chars";
import { byteFamily } from "./encoding";

/** The characters EBCDIC (code page 037) needs for a prolog: markup, white space and the letters of DOCTYPE. */
const EBCDIC: Record<number, string> = {
  0x40: " ", 0x05: "\t", 0x25: "\n", 0x15: "\n", 0x0d: "\r", 0x4c: "<", 0x6e: ">", 0x6f: "?", 0x5a: "!", 0x60: "-",
  0xc4: "D", 0xd6: "O", 0xc3: "C", 0xe3: "T", 0xe8: "Y", 0xd7: "P", 0xc5: "E",
  0x84: "d", 0x96: "o", 0x83: "c", 0xa3: "t", 0xa8: "y", 0x97: "p", 0x85: "e",
};

/** The first bytes of a part as text, read by their byte family; characters that matter for a prolog are exact. */
function headText(head: Buffer): string {
  const { family, bom } = byteFamily(head);
  const b = head.subarray(bom);
  switch (family) {
    case "utf-16le":
      return b.subarray(0, b.length - (b.length % 2)).toString("utf16le");
    case "utf-16be":
      return Buffer.from(b.subarray(0, b.length - (b.length % 2))).swap16().toString("utf16le");
    case "utf-32le":
    case "utf-32be": {
      let s = "";
      for (let k = 0; k + 4 <= b.length; k += 4) {
        const cp = family === "utf-32le" ? b.readUInt32LE(k) : b.readUInt32BE(k);
        s += cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : "\ufffd";
      }
      return s;
    }
    case "ebcdic": {
      let s = "";
      for (const x of b) s += EBCDIC[x] ?? "\u001a";
      return s;
    }
    default:
      return b.toString("latin1");
  }
}

/** What the first bytes of a part say about its prolog. `open`: the bytes end inside it (more are needed). */
export type PrologVerdict = "doctype" | "clean" | "open";

/**
 * Whether the prolog of a part (its first bytes in `head`; `complete` when that is the whole part) holds a document
 * type declaration. The prolog may only hold a byte-order mark, an XML declaration, white space, comments and
 * processing instructions, so it is read as exactly that; the first `<` that starts anything else ends it, and a
 * part whose first character is not `<` has no prolog at all.
 */
export function prologVerdict(head: Buffer, complete: boolean): PrologVerdict {
  const text = headText(head);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return complete ? "clean" : "open";
    if (text[i] !== "<") return "clean";
    // What follows `<` decides; a `<!` needs nine characters to tell a comment from a DOCTYPE.
    if (i + 1 >= text.length) return complete ? "clean" : "open";
    const next = text[i + 1];
    if (next !== "?" && next !== "!") return "clean";
    if (next === "!" && text.length - i < 9 && !text.startsWith("<!--", i) && !complete) return "open";
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end < 0) return complete ? "clean" : "open";
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return complete ? "clean" : "open";
      i = end + 3;
    } else return text.startsWith("<!DOCTYPE", i) || text.startsWith("<!doctype", i) ? "doctype" : "clean";
  }
}
