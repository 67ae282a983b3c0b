/** The tree parser for the package's small parts: strict, namespace-aware, linear, and kind to every producer's spelling. */
import { parseXml, XmlElement } from "../../src/hosts/xlsx/package/xml/tree";
import { serializeXml } from "../../src/hosts/xlsx/package/xml/serialize";
import { UppfoljningError } from "../../src/findings/errors";

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
