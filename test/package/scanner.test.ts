/**
 * The streaming byte scanner must accept exactly what the tree parser accepts, and see the same elements, attributes
 * (by namespace, local name and value) and text, however the bytes are cut into chunks. Generated documents (and
 * mutations of them) are run through both; the same documents, parsed, written out and parsed again, give the same
 * tree.
 */
import fc from "fast-check";
import { ByteScanner, ScanHandler } from "../../src/hosts/xlsx/package/xml/scanner";
import { decodeText, normaliseNewlines } from "../../src/hosts/xlsx/package/xml/chars";
import { parseXml, XmlDocument, XmlElement, XMLNS_NS } from "../../src/hosts/xlsx/package/xml/tree";
import { serializeXml } from "../../src/hosts/xlsx/package/xml/serialize";
import { PartStream } from "../../src/hosts/xlsx/package/xml/partStream";
import { UppfoljningError } from "../../src/findings/errors";
import { writeInChunks } from "../support/chunks";

/** Records every element with its attributes, and the text between, as the scanner reports them. */
class Recorder implements ScanHandler {
  wantText = true;
  events: string[] = [];
  scanner!: ByteScanner;
  private buffered = "";
  private names: string[] = [];
  code(ns: string, local: string): number {
    return this.names.push(`${ns}|${local}`);
  }
  private flush(): void {
    if (this.buffered !== "") this.events.push(`t:${this.buffered}`);
    this.buffered = "";
  }
  open(code: number): void {
    this.flush();
    const attrs: string[] = [];
    for (let i = 0; i < this.scanner.attrCount; i++) {
      const a = this.scanner.attrName(i);
      if (a) attrs.push(`${a.ns}|${a.local}=${this.scanner.attrValue(i)}`);
    }
    this.events.push(`<${this.names[code - 1]} ${JSON.stringify(attrs)}`);
  }
  close(code: number): void {
    this.flush();
    this.events.push(`>${this.names[code - 1]}`);
  }
  text(buf: Buffer, start: number, end: number, hasRef: boolean): void {
    const s = buf.toString("utf8", start, end);
    this.buffered += hasRef ? decodeText(s, false) : normaliseNewlines(s);
  }
}

function scan(bytes: Buffer, cuts: number[]): { ok: boolean; events: string[]; code?: string } {
  const rec = new Recorder();
  rec.scanner = new ByteScanner(rec, "part.xml", "fil.xlsx");
  const scanner = new PartStream(rec.scanner, "fil.xlsx", "part.xml");
  try {
    writeInChunks(scanner, bytes, cuts);
    return { ok: true, events: rec.events };
  } catch (e) {
    if (e instanceof UppfoljningError) return { ok: false, events: [], code: e.code };
    throw e;
  }
}

function parse(bytes: Buffer): { ok: boolean; events: string[]; code?: string } {
  try {
    const doc = parseXml(bytes, "part.xml", "fil.xlsx");
    const events: string[] = [];
    let text = "";
    const flush = () => {
      if (text !== "") events.push(`t:${text}`);
      text = "";
    };
    const walk = (el: XmlElement) => {
      flush();
      const attrs = el.attrs.filter((a) => a.ns !== XMLNS_NS).map((a) => `${a.ns}|${a.local}=${a.value}`);
      events.push(`<${el.ns}|${el.local} ${JSON.stringify(attrs)}`);
      for (const c of el.children) {
        if (c instanceof XmlElement) walk(c);
        else if (c.kind === "text") text += c.text;
      }
      flush();
      events.push(`>${el.ns}|${el.local}`);
    };
    walk(doc.root);
    return { ok: true, events };
  } catch (e) {
    if (e instanceof UppfoljningError) return { ok: false, events: [], code: e.code };
    throw e;
  }
}

const name = fc.constantFrom("a", "row", "c", "v", "x:t", "y:t", "rPh", "é", "_n.1");
// Text nodes stand side by side, so a `>` in a node's first two characters could close a `]]` the previous node
// ended with: `]]>` is not allowed in character data (XML 1.0 §2.4). Those are escaped; `>` elsewhere stays raw.
const text = fc.stringMatching(/^[a-zA-Z0-9 åäö\u00e9\u4e2d\u{1F600}&<>;#x\]\r\n\t"'=-]{0,12}$/u).map((s) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/]]>/g, "]]&gt;")
    .replace(/^(\]?)>/, "$1&gt;"),
);
const attrValue = fc.stringMatching(/^[a-z0-9 åä&<"'\t]{0,6}$/).map((s) => s.replace(/&/g, "&#38;").replace(/</g, "&lt;").replace(/"/g, "&quot;"));

/** A small well-formed document with two namespaces, attributes, references, comments, CDATA and PIs. */
const doc: fc.Arbitrary<string> = fc
  .letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text,
      fc.constantFrom("<!-- c -->", "<?pi data?>", "<![CDATA[ a<b ]]>", "&#x41;", "&#66;", "&apos;", "\r\n"),
      tie("element"),
    ),
    element: fc
      .tuple(name, fc.array(fc.tuple(fc.constantFrom("r", "s", "t", "x:a", "y:a", "b"), attrValue, fc.boolean()), { maxLength: 3 }), fc.array(tie("node"), { maxLength: 4 }))
      .map(([n, attrs, children]) => {
        const seen = new Set<string>();
        const a = attrs
          .filter(([k]) => (seen.has(k) ? false : (seen.add(k), true)))
          .map(([k, v, single]) => ` ${k}=${single ? `'${v.replace(/'/g, "&apos;")}'` : `"${v}"`}`)
          .join("");
        return children.length ? `<${n}${a}>${(children as string[]).join("")}</${n}>` : `<${n}${a}/>`;
      }),
  }))
  .element.map((root) => {
    const i = root.search(/[\s/>]/);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${root.slice(0, i)} xmlns="urn:main" xmlns:x="urn:x" xmlns:y="urn:y"${root.slice(i)}`;
  });

const noise = fc.constantFrom("<", ">", "&", '"', "'", "/", "=", ":", "\u0001", "\uffff", " ", "x", ";", "#", "!", "-", "?", "]", "]]>", "<!DOCTYPE x>", "&foo;", "xmlns:z='u'", "z:a='1'", "</a>", "<a>", "\u00ff");

describe("the byte scanner and the tree parser agree", () => {
  it("on well-formed documents, cut into chunks anywhere", () => {
    fc.assert(
      fc.property(doc, fc.array(fc.nat(400), { maxLength: 6 }), (xml, cuts) => {
        const bytes = Buffer.from(xml, "utf8");
        const a = parse(bytes);
        const b = scan(bytes, cuts);
        expect(a.ok).toBe(true);
        expect(b).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });

  it("on damaged documents: one refuses exactly when the other does", () => {
    fc.assert(
      fc.property(doc, fc.array(fc.tuple(fc.nat(400), noise), { minLength: 1, maxLength: 3 }), fc.nat(400), fc.array(fc.nat(400), { maxLength: 4 }), (xml, edits, truncate, cuts) => {
        let s = xml;
        for (const [at, what] of edits) s = s.slice(0, at % (s.length + 1)) + what + s.slice(at % (s.length + 1));
        if (truncate % 3 === 0) s = s.slice(0, truncate % (s.length + 1));
        const bytes = Buffer.from(s, "utf8");
        const a = parse(bytes);
        const b = scan(bytes, cuts);
        expect({ ok: b.ok, code: b.code }).toEqual({ ok: a.ok, code: a.code });
        if (a.ok) expect(b.events).toEqual(a.events);
      }),
      { numRuns: 1500 },
    );
  });

  it("see the same attribute values: references, white space, prefixes and the xml namespace", () => {
    const xml = `<a xmlns="urn:main" xmlns:p="urn:p" b="1&#9;2\r\n3" p:c='x&amp;y' xml:lang="sv" d="&lt;&#x41;"><e p:f=" g " h=""/></a>`;
    const bytes = Buffer.from(xml, "utf8");
    const a = parse(bytes);
    expect(a.events).toEqual([`<urn:main|a ${JSON.stringify(["|b=1\t2 3", "urn:p|c=x&y", "http://www.w3.org/XML/1998/namespace|lang=sv", "|d=<A"])}`, `<urn:main|e ${JSON.stringify(["urn:p|f= g ", "|h="])}`, ">urn:main|e", ">urn:main|a"]);
    for (const cut of [0, 10, 31, 33, 60, 90]) expect(scan(bytes, [cut])).toEqual(a);
  });

  it("name the first fault in document order: text before a DTD is text outside the root (CI seed 705868215)", () => {
    for (const xml of ['"<!DOCTYPE x><a/>', '<?xml version="1.0"?>\nx<!DOCTYPE a><a/>']) {
      const bytes = Buffer.from(xml, "utf8");
      expect(parse(bytes)).toMatchObject({ ok: false, code: "XML_MALFORMED" });
      expect(scan(bytes, [])).toMatchObject({ ok: false, code: "XML_MALFORMED" });
    }
    const dtd = Buffer.from('<?xml version="1.0"?>\n <!DOCTYPE a><a/>', "utf8");
    expect(parse(dtd)).toMatchObject({ ok: false, code: "XML_DTD" });
    expect(scan(dtd, [])).toMatchObject({ ok: false, code: "XML_DTD" });
  });

  it("on attributes through prefixes: two prefixes for one namespace, undeclared prefixes, watched attributes beside them", () => {
    const decl = `xmlns="urn:main" xmlns:p="urn:u" xmlns:q="urn:u" xmlns:z="urn:z"`;
    const cases: [string, boolean][] = [
      [`<a ${decl} p:b="1" q:b="2"/>`, false],
      [`<a ${decl} r="1" p:b="1" s="2" q:b="2"/>`, false],
      [`<a ${decl} p:b="1" z:b="2" q:b="3"/>`, false],
      [`<a ${decl} p:b="1" z:b="2"/>`, true],
      [`<a ${decl} p:b="1" q:c="2" z:b="3"/>`, true],
      [`<a ${decl}><c p:b="1"/><c q:b="1"/><c p:b="1" p:c="2"/></a>`, true],
      [`<a ${decl}><c p:b="1" w:b="2"/></a>`, false],
      [`<a ${decl}><c xmlns:w="urn:u" p:b="1" w:b="2"/></a>`, false],
      [`<a ${decl}><c xmlns:w="urn:w" p:b="1" w:b="2"/><c w:b="2"/></a>`, false],
    ];
    for (const [xml, ok] of cases) {
      const bytes = Buffer.from(xml, "utf8");
      expect(parse(bytes).ok).toBe(ok);
      expect(scan(bytes, []).ok).toBe(ok);
    }
  });

  it("on invalid bytes: broken UTF-8, control characters, lone surrogates", () => {
    const bad = [Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0x01]), Buffer.from([0xef, 0xbf, 0xbe])];
    for (const b of bad) {
      for (const where of ["text", "attr", "comment", "name"]) {
        const [pre, post] =
          where === "text" ? ["<a>x", "y</a>"] : where === "attr" ? ['<a b="', '"/>'] : where === "comment" ? ["<a><!--", "--></a>"] : ["<a", "/>"];
        const bytes = Buffer.concat([Buffer.from(pre), b, Buffer.from(post)]);
        expect(scan(bytes, [pre.length + 1]).ok).toBe(false);
        expect(parse(bytes).ok).toBe(false);
      }
    }
  });
});

/** A parsed document as plain data: every element, attribute (as written and resolved), text, comment and instruction. */
function plain(doc: XmlDocument): unknown {
  const node = (n: XmlElement | { kind: string }): unknown =>
    n instanceof XmlElement
      ? { q: n.qname, ns: n.ns, local: n.local, attrs: n.attrs.map((a) => [a.qname, a.ns, a.local, a.value]), children: n.children.map(node) }
      : n;
  return { declaration: doc.declaration, before: doc.before, root: node(doc.root), after: doc.after };
}

describe("the tree parser and the serialiser", () => {
  it("give the same tree when a parsed part is written out and parsed again", () => {
    fc.assert(
      fc.property(doc, (xml) => {
        const first = parseXml(Buffer.from(xml, "utf8"), "part.xml", "fil.xlsx");
        const written = serializeXml(first);
        const again = parseXml(written, "part.xml", "fil.xlsx");
        expect(plain(again)).toEqual(plain(first));
        expect(serializeXml(again).equals(written)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
