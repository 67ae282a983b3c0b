/**
 * Encodings as their standards define them (xml/encoding.ts): ISO-8859-1 is not windows-1252 (0x96 is a control
 * character, not an en dash, so `\x96 45411` is never −45411), US-ASCII has no byte above 0x7F, UTF-32 is read,
 * and what cannot be decoded exactly is refused by name. The tree parser and the streaming reader (in chunks of any
 * size) decode alike.
 */
import { UppfoljningError } from "../../src/findings/errors";
import { byteFamily, canonicalEncoding, decodeAll, partEncoding } from "../../src/hosts/xlsx/package/xml/encoding";
import { PartStream } from "../../src/hosts/xlsx/package/xml/partStream";
import { ByteScanner, ScanHandler } from "../../src/hosts/xlsx/package/xml/scanner";
import { parseXml } from "../../src/hosts/xlsx/package/xml/tree";

/** The text of `<a>` in `bytes`, through the tree parser. */
function viaTree(bytes: Buffer): string {
  return parseXml(bytes, "xl/x.xml", "fil.xlsx").root.textContent();
}

/** The text of `<a>` in `bytes`, through the part stream and the byte scanner, fed `chunk` bytes at a time. */
function viaStream(bytes: Buffer, chunk: number): string {
  let text = "";
  const handler: ScanHandler = {
    wantText: true,
    code: () => 1,
    open: () => undefined,
    close: () => undefined,
    text: (buf, start, end) => void (text += buf.toString("utf8", start, end)),
  };
  const stream = new PartStream(new ByteScanner(handler, "xl/x.xml", "fil.xlsx"), "fil.xlsx", "xl/x.xml");
  for (let at = 0; at < bytes.length; at += chunk) stream.write(bytes.subarray(at, at + chunk));
  stream.end();
  return text;
}

function declared(label: string, body: number[]): Buffer {
  return Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${label}"?><a>`, "latin1"), Buffer.from(body), Buffer.from("</a>")]);
}

function refusal(run: () => unknown): string {
  try {
    run();
    return "read";
  } catch (e) {
    return e instanceof UppfoljningError ? `${e.code}: ${String(e.params.detail ?? "")}` : String(e);
  }
}

const codes = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);

describe("single-byte encodings, exactly", () => {
  it("reads ISO-8859-1 byte for byte as U+0000–U+00FF, whatever WHATWG says of the label", () => {
    const high = Array.from({ length: 0x60 }, (_, i) => 0xa0 + i);
    for (const label of ["ISO-8859-1", "iso-8859-1", "latin1", "L1", "ISO_8859-1", "cp819"]) {
      const bytes = declared(label, [0x80, 0x96, 0x9f, ...high]);
      const want = [0x80, 0x96, 0x9f, ...high];
      for (const read of [viaTree(bytes), viaStream(bytes, 1), viaStream(bytes, 7), viaStream(bytes, 1 << 16)]) expect(codes(read)).toEqual(want);
    }
    // The fuzz's case: 0x96 then 45411 is a control character and digits, never a minus sign.
    expect(viaStream(declared("ISO-8859-1", [0x96, ...Buffer.from("45411")]), 3)).toBe("\u009645411");
  });

  it("reads windows-1252 as windows-1252, in one piece and in streamed pieces alike", () => {
    const bytes = declared("windows-1252", [0x96, 0x80, 0x81]);
    for (const read of [viaTree(bytes), viaStream(bytes, 1), viaStream(bytes, 5)]) expect(codes(read)).toEqual([0x2013, 0x20ac, 0x81]);
  });

  it("reads ISO-8859-9, ISO-8859-11 and TIS-620 by their own tables", () => {
    expect(codes(viaTree(declared("ISO-8859-9", [0x96, 0xdd, 0xfe])))).toEqual([0x96, 0x130, 0x15f]);
    expect(codes(viaTree(declared("ISO-8859-11", [0x96, 0xa0, 0xa1, 0xdf])))).toEqual([0x96, 0xa0, 0xe01, 0xe3f]);
    expect(refusal(() => viaTree(declared("TIS-620", [0xa0])))).toMatch(/^XML_MALFORMED: ogiltiga tecken/);
    expect(codes(viaTree(declared("ISO-8859-2", [0x96, 0xa1])))).toEqual([0x96, 0x104]);
  });

  it("refuses a byte above 0x7F in US-ASCII", () => {
    expect(refusal(() => viaTree(declared("US-ASCII", [0x41, 0xe4])))).toMatch(/^XML_MALFORMED: ogiltiga tecken för teckenkodningen US-ASCII/);
    expect(refusal(() => viaStream(declared("ascii", [0x41, 0xe4]), 4))).toMatch(/^XML_MALFORMED: ogiltiga tecken/);
  });
});

describe("UTF-32 and what is refused", () => {
  const utf32 = (s: string, le: boolean, bom: boolean) => {
    const cps = codes(s);
    const out = Buffer.alloc((cps.length + (bom ? 1 : 0)) * 4);
    const write = (v: number, at: number) => (le ? out.writeUInt32LE(v, at) : out.writeUInt32BE(v, at));
    if (bom) write(0xfeff, 0);
    cps.forEach((cp, i) => write(cp, (i + (bom ? 1 : 0)) * 4));
    return out;
  };

  it("reads UTF-32 in either byte order, with or without a byte-order mark", () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const bytes = utf32(`<?xml version="1.0" encoding="UTF-32"?><a>å😀</a>`, le, bom);
        expect([viaTree(bytes), viaStream(bytes, 3)]).toEqual(["å😀", "å😀"]);
      }
    }
    const bad = Buffer.concat([utf32("<a>", true, false), Buffer.from([0x00, 0xd8, 0x00, 0x00]), utf32("</a>", true, false)]);
    expect(refusal(() => viaTree(bad))).toMatch(/^XML_MALFORMED: ogiltiga tecken för teckenkodningen UTF-32/);
  });

  it("refuses legacy multi-byte encodings, EBCDIC and a two-byte encoding declared in one-byte characters", () => {
    for (const label of ["Shift_JIS", "EUC-JP", "GB2312", "Big5", "ISO-2022-JP", "EUC-KR", "x-unknown"]) {
      expect(canonicalEncoding(label)).toBeNull();
      expect(refusal(() => viaTree(declared(label, [0x41])))).toBe(`XML_MALFORMED: teckenkodningen ${label} läses inte`);
    }
    expect(byteFamily(Buffer.from([0x4c, 0x6f, 0xa7, 0x94])).family).toBe("ebcdic");
    expect(refusal(() => viaTree(Buffer.from([0x4c, 0x6f, 0xa7, 0x94, 0x93])))).toBe("XML_MALFORMED: teckenkodningen EBCDIC läses inte");
    expect(refusal(() => viaTree(declared("UTF-16", [0x41])))).toMatch(/säger sig vara UTF-16/);
  });

  it("names each family by its first bytes, as XML 1.0 appendix F does", () => {
    expect(partEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]))).toEqual({ label: "utf-8", bom: 3 });
    expect(partEncoding(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toEqual({ label: "utf-16le", bom: 2 });
    expect(partEncoding(Buffer.from([0x00, 0x3c, 0x00, 0x3f]))).toEqual({ label: "utf-16be", bom: 0 });
    expect(partEncoding(Buffer.from([0xff, 0xfe, 0x00, 0x00]))).toEqual({ label: "utf-32le", bom: 4 });
    expect(partEncoding(Buffer.from("<a/>"))).toEqual({ label: "utf-8", bom: 0 });
    expect(decodeAll(Buffer.from([0x41, 0x96]), "windows-1252")).toBe("A\u2013");
  });
});
