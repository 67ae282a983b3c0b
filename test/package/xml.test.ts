/** The tree parser for the package's small parts: strict, namespace-aware, linear, and kind to every producer's spelling. */
import { parseXml, XmlElement } from "../../src/hosts/xlsx/package/xml/tree";
import { serializeXml } from "../../src/hosts/xlsx/package/xml/serialize";
import { UppfoljningError } from "../../src/findings/errors";
import { LIMITS } from "../../src/hosts/xlsx/package/limits";
import { countNodes } from "../../src/hosts/xlsx/package/xml/count";
import { prologVerdict } from "../../src/hosts/xlsx/package/xml/prolog";
import { ByteScanner } from "../../src/hosts/xlsx/package/xml/scanner";
import { collidingNames, fnv1a } from "../../scripts/hostile/flood";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const parse = (s: string | Buffer) => parseXml(typeof s === "string" ? Buffer.from(s, "utf8") : s, "xl/workbook.xml", "fil.xlsx");
const code = (s: string | Buffer) => {
  try {
    parse(s);
    return "ok";
  } catch (e) {
    return e instanceof UppfoljningError ? e.code : String(e);
  }
};

/** What the byte scanner makes of a part: "ok", or the code of its refusal. */
function scanCode(xml: string): string {
  const scanner = new ByteScanner({ wantText: false, code: () => 0, open: () => undefined, close: () => undefined, text: () => undefined }, "xl/x.xml", "fil.xlsx");
  try {
    scanner.write(Buffer.from(xml));
    scanner.end();
    return "ok";
  } catch (e) {
    return e instanceof UppfoljningError ? e.code : String(e);
  }
}

describe("reading", () => {
  it("matches elements by namespace and local name, whatever the prefix", () => {
    for (const xml of [
      `<workbook xmlns="${MAIN}"><sheets><sheet name="A"/></sheets></workbook>`,
      `<x:workbook xmlns:x="${MAIN}"><x:sheets><x:sheet name="A"/></x:sheets></x:workbook>`,
      `<q:workbook xmlns:q="${MAIN}"><sheets xmlns="${MAIN}"><sheet name='A'/></sheets></q:workbook>`,
    ]) {
      const root = parse(xml).root;
      expect([root.local, root.ns]).toEqual(["workbook", MAIN]);
      expect(root.element("sheets", MAIN)?.element("sheet", MAIN)?.attr("name")).toBe("A");
    }
    // The right name in the wrong namespace is not the element.
    expect(parse(`<workbook xmlns="urn:other"><sheets/></workbook>`).root.element("sheets", MAIN)).toBeNull();
  });

  it("decodes every reference: predefined, decimal and hexadecimal", () => {
    const root = parse(`<a b="&lt;&#x41;&#66;&quot;&apos;&amp;">x&#xE5;&#229;&gt;<![CDATA[<&>]]></a>`).root;
    expect(root.attr("b")).toBe(`<AB"'&`);
    expect(root.textContent()).toBe("xåå><&>");
  });

  it("reads UTF-16 (both byte orders, with or without a byte-order mark) and declared single-byte encodings", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><a b="å">ä</a>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const bytes of [le, le.subarray(2), Buffer.concat([Buffer.from([0xfe, 0xff]), be]), be]) {
      const root = parse(bytes).root;
      expect([root.attr("b"), root.textContent()]).toEqual(["å", "ä"]);
    }
    const latin = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe5</a>`, "latin1");
    expect(parse(latin).root.textContent()).toBe("å");
  });

  it("normalises line ends as XML does", () => {
    expect(parse("<a b='x\ty\r\nz'>1\r\n2\r3</a>").root.textContent()).toBe("1\n2\n3");
    expect(parse("<a b='x\ty\r\nz'/>").root.attr("b")).toBe("x y z");
  });
});

describe("refusing", () => {
  it.each([
    ["a DTD", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, "XML_DTD"],
    ["an entity without a DTD", `<a>&nbsp;</a>`, "XML_MALFORMED"],
    ["an undeclared prefix", `<x:a/>`, "XML_MALFORMED"],
    ["an undeclared attribute prefix", `<a r:id="1"/>`, "XML_MALFORMED"],
    ["mismatched tags", `<a><b></a></b>`, "XML_MALFORMED"],
    ["a duplicate attribute", `<a b="1" b="2"/>`, "XML_MALFORMED"],
    ["the same attribute through two prefixes", `<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`, "XML_MALFORMED"],
    ["< in an attribute value", `<a b="<"/>`, "XML_MALFORMED"],
    ["an unquoted attribute", `<a b=1/>`, "XML_MALFORMED"],
    ["text outside the root", `<a/>x`, "XML_MALFORMED"],
    ["two roots", `<a/><b/>`, "XML_MALFORMED"],
    ["a control character", `<a>\u0001</a>`, "XML_MALFORMED"],
    ["a reference to a control character", `<a>&#1;</a>`, "XML_MALFORMED"],
    ["]]> in text", `<a>]]></a>`, "XML_MALFORMED"],
    ["-- in a comment", `<a><!-- a -- b --></a>`, "XML_MALFORMED"],
    ["a declaration after the start", ` <?xml version="1.0"?><a/>`, "XML_MALFORMED"],
    ["a truncated document", `<a><b>`, "XML_MALFORMED"],
    ["nothing", ``, "XML_MALFORMED"],
  ])("%s", (_, xml, expected) => {
    expect(code(xml)).toBe(expected);
  });

  it("refuses invalid UTF-8 and an unknown encoding", () => {
    expect(code(Buffer.concat([Buffer.from("<a>"), Buffer.from([0xc3, 0x28]), Buffer.from("</a>")]))).toBe("XML_MALFORMED");
    expect(code(`<?xml version="1.0" encoding="x-nonsense"?><a/>`)).toBe("XML_MALFORMED");
  });

  it("refuses nesting deeper than the limit, without using the call stack", () => {
    expect(code("<a>".repeat(600) + "</a>".repeat(600))).toBe("XML_TOO_DEEP");
    expect(code("<a>".repeat(500) + "</a>".repeat(500))).toBe("ok");
  });
});

describe("work stays linear in the size of the part", () => {
  it("300 000 tags inside a comment, and a 5 MB attribute, take well under a second", () => {
    const comment = `<a><!--${"<b>x</b>".repeat(300_000)}--><c d="${"x".repeat(5_000_000)}"/></a>`;
    const t = performance.now();
    expect(parse(comment).root.local).toBe("a");
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe("writing back", () => {
  it("keeps the producer's prefixes, attribute order and comments", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook xmlns:x="${MAIN}" xmlns:r="urn:r"><!-- hej --><x:sheets><x:sheet b='2' a="1" r:id="r1"/></x:sheets></x:workbook>`;
    const out = serializeXml(parse(xml)).toString("utf8");
    expect(out).toContain(`<x:workbook xmlns:x="${MAIN}" xmlns:r="urn:r"><!-- hej --><x:sheets><x:sheet b="2" a="1" r:id="r1"/></x:sheets></x:workbook>`);
    expect(parse(out).root.element("sheets", MAIN)?.element("sheet", MAIN)?.attr("id", "urn:r")).toBe("r1");
  });

  it("declares a namespace where a new element or attribute needs it (openpyxl declares r: on each sheet, not on the root)", () => {
    const doc = parse(`<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="urn:r" name="A" r:id="rId1"/></sheets></workbook>`);
    const sheets = doc.root.element("sheets", MAIN) as XmlElement;
    const sheet = sheets.create("sheet", MAIN);
    sheet.setAttr("name", "Rapport");
    sheet.setAttr("id", "rId2", "urn:r", "r");
    sheets.insert(sheet, 0);
    const again = parse(serializeXml(doc));
    const first = again.root.element("sheets", MAIN)?.elements("sheet", MAIN)[0];
    expect(first?.attr("id", "urn:r")).toBe("rId2");
  });

  it("escapes what must be escaped and nothing is lost on a round trip", () => {
    const doc = parse(`<a b="&quot;&lt;&amp;&#10;&#9;">&lt;&amp;&gt;\u00e5&#13;</a>`);
    const again = parse(serializeXml(doc));
    expect(again.root.attr("b")).toBe(`"<&\n\t`);
    expect(again.root.textContent()).toBe("<&>å\r");
  });
});

describe("bounds (issue 19)", () => {
  it("refuses more attributes on an element than the limit, in the tree parser and in the scanner alike", () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, k) => ` a${k}="1"`).join("");
    expect(code(`<a${attrs(LIMITS.maxXmlAttributes)}/>`)).toBe("ok");
    expect(code(`<a${attrs(LIMITS.maxXmlAttributes + 1)}/>`)).toBe("XML_TOO_MANY_ATTRIBUTES");
    expect(scanCode(`<a${attrs(LIMITS.maxXmlAttributes)}/>`)).toBe("ok");
    expect(scanCode(`<a${attrs(LIMITS.maxXmlAttributes + 1)}/>`)).toBe("XML_TOO_MANY_ATTRIBUTES");
    // Declarations count as attributes, and prefixes declared after their use are found.
    const decls = Array.from({ length: 600 }, (_, k) => ` p:b${k}="1"`).join("");
    expect(code(`<a${decls} xmlns:p="urn:p"/>`)).toBe("ok");
    expect(code(`<a${decls} p:b7="2" xmlns:p="urn:p"/>`)).toBe("XML_MALFORMED");
    expect(scanCode(`<a${decls} xmlns:q="urn:p" q:b7="2" xmlns:p="urn:p"/>`)).toBe("XML_MALFORMED");
  });

  it("counts a tree part's nodes before building it, against the budget of all tree parts", () => {
    const xml = Buffer.from(`<a>${"<b/>".repeat(1000)}</a>`);
    expect(countNodes(xml, "x.xml", "fil.xlsx", 1001)).toBe(1001);
    expect(() => countNodes(xml, "x.xml", "fil.xlsx", 1000)).toThrow(expect.objectContaining({ code: "XML_TOO_MANY_NODES" }));
    expect(() => parseXml(xml, "x.xml", "fil.xlsx", { maxNodes: 1000 })).toThrow(expect.objectContaining({ code: "XML_TOO_MANY_NODES" }));
    expect(parseXml(xml, "x.xml", "fil.xlsx", { maxNodes: 1001 }).root.children).toHaveLength(1000);
  });

  it("refuses more distinct names in a part than the limit, and interns names sharing one FNV-1a hash", () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `<e${i.toString(36)}/>`).join("");
    expect(scanCode(`<a>${names(LIMITS.maxXmlNames - 1)}</a>`)).toBe("ok");
    expect(scanCode(`<a>${names(LIMITS.maxXmlNames + 1)}</a>`)).toBe("XML_TOO_MANY_NAMES");
    const flood = collidingNames(12);
    expect(new Set(flood.map(fnv1a)).size).toBe(1);
    expect(scanCode(`<a>${flood.map((n) => `<${n}/><${n} x="1"/>`).join("")}</a>`)).toBe("ok");
  });
});

describe("prologs of parts that are only copied", () => {
  const doctype = '<?xml version="1.0"?><!-- c --><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>';
  const utf32 = (s: string, le: boolean) => {
    const out = Buffer.alloc(s.length * 4);
    Array.from(s).forEach((c, i) => (le ? out.writeUInt32LE(c.codePointAt(0) as number, i * 4) : out.writeUInt32BE(c.codePointAt(0) as number, i * 4)));
    return out;
  };
  const ebcdic = (s: string) => {
    const map: Record<string, number> = { "<": 0x4c, ">": 0x6e, "?": 0x6f, "!": 0x5a, "-": 0x60, " ": 0x40, D: 0xc4, O: 0xd6, C: 0xc3, T: 0xe3, Y: 0xe8, P: 0xd7, E: 0xc5, a: 0x81, x: 0xa7, m: 0x94, l: 0x93 };
    return Buffer.from(Array.from(s, (c) => map[c] ?? 0x40));
  };

  it("finds a DTD in any encoding a part can be written in, whatever its name", () => {
    for (const bytes of [
      Buffer.from(doctype),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doctype)]),
      Buffer.from(doctype, "utf16le"),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(doctype, "utf16le").swap16()]),
      utf32(doctype, true),
      utf32(doctype, false),
      Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(doctype, true)]),
      ebcdic("<?xml?><!DOCTYPE a><a/>"),
    ]) {
      expect(prologVerdict(bytes, true)).toBe("doctype");
    }
  });

  it("says when the prolog is clean, when the part is no XML, and when more bytes are needed", () => {
    expect(prologVerdict(Buffer.from('<?xml version="1.0"?>\n<!-- c --><a/>'), false)).toBe("clean");
    expect(prologVerdict(Buffer.from("89504e470d0a1a0a", "hex"), false)).toBe("clean");
    expect(prologVerdict(Buffer.from("<?xml version"), false)).toBe("open");
    expect(prologVerdict(Buffer.from(`<!--${"x".repeat(100)}`), false)).toBe("open");
    expect(prologVerdict(Buffer.from("   "), true)).toBe("clean");
  });
});
