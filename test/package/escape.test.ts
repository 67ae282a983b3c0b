/**
 * xml/escape.ts, the one place where strings become XML: over every code point (and every lone surrogate), what it
 * writes is well-formed XML 1.0 to an independent parser (saxes) and to our own, and a value reads back as exactly
 * the text it was once SpreadsheetML's `_xHHHH_` is decoded. Also as a property over random text mixing control
 * characters, surrogates, markup and literal `_xHHHH_` sequences.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { decodeOoxml } from "../../src/hosts/xlsx/package/read/cellValue";
import { encodeXml, escapeAttr, escapeText, ooxmlValue, valueText } from "../../src/hosts/xlsx/package/xml/escape";
import { serializeXml } from "../../src/hosts/xlsx/package/xml/serialize";
import { parseXmlText } from "../../src/hosts/xlsx/package/xml/tree";

/** The text and the attribute `v` of `<r v="…">…</r>` as saxes reads it; throws when it is not well-formed. */
function saxes(xml: string): { text: string; attr: string } {
  const p = new SaxesParser({ xmlns: false });
  let text = "";
  let attr = "";
  let error: Error | null = null;
  p.on("error", (e) => (error ??= e));
  p.on("text", (t) => (text += t));
  p.on("opentag", (t) => (attr = String(t.attributes.v ?? "")));
  p.write(xml).close();
  if (error) throw error;
  return { text, attr };
}

/** The value `s` written as element text and as an attribute, read back by both parsers and decoded. */
function roundTrip(s: string): { ours: [string, string]; theirs: [string, string] } {
  const xml = `<r v="${encodeXml(s, "attribute", true)}">${valueText(s)}</r>`;
  const root = parseXmlText(xml).root;
  const independent = saxes(xml);
  return {
    ours: [decodeOoxml(root.textContent()), decodeOoxml(root.attr("v") ?? "")],
    theirs: [decodeOoxml(independent.text), decodeOoxml(independent.attr)],
  };
}

describe("every code point", () => {
  it("is written as well-formed XML that reads back as itself, in text and in attributes", () => {
    const BLOCK = 0x1000;
    for (let start = 0; start <= 0x10ffff; start += BLOCK) {
      let s = "";
      for (let cp = start; cp < Math.min(start + BLOCK, 0x110000); cp++) {
        // Surrogate code points cannot stand alone in a code-point string; they are tested as lone code units below.
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        s += String.fromCodePoint(cp);
      }
      const { ours, theirs } = roundTrip(s);
      expect({ start, same: ours[0] === s && ours[1] === s && theirs[0] === s && theirs[1] === s }).toEqual({ start, same: true });
    }
  });

  it("writes each lone surrogate, and a pair split by the escape of another, as _xHHHH_", () => {
    for (let u = 0xd800; u <= 0xdfff; u++) {
      const s = `a${String.fromCharCode(u)}b`;
      const { ours, theirs } = roundTrip(s);
      expect([ours, theirs]).toEqual([[s, s], [s, s]]);
    }
    expect(valueText("\ud800\u0001\udc00")).toBe("_xD800__x0001__xDC00_");
    // A valid pair stays as it is.
    expect(valueText("\ud83d\ude00")).toBe("\ud83d\ude00");
  });
});

describe("values and parts", () => {
  it("escapes a value's literal _xHHHH_ so that it reads back unchanged, but never a part's own text", () => {
    expect(valueText("Intäkter_x0001_")).toBe("Intäkter_x005F_x0001_");
    expect(decodeOoxml(valueText("Intäkter_x0001_"))).toBe("Intäkter_x0001_");
    expect(valueText("Intäkter\u0001")).toBe("Intäkter_x0001_");
    expect(escapeText("Intäkter_x0001_")).toBe("Intäkter_x0001_");
    expect(ooxmlValue("Rapport\u0001 & <x>")).toBe("Rapport_x0001_ & <x>");
    expect(escapeAttr('a"\t\n\r<&>b')).toBe("a&quot;&#9;&#10;&#13;&lt;&amp;&gt;b");
  });

  it("serialises a tree with a control character set on it as well-formed XML", () => {
    const doc = parseXmlText('<workbook xmlns="urn:x"><sheets/></workbook>');
    const sheets = doc.root.element("sheets") as NonNullable<ReturnType<typeof doc.root.element>>;
    const sheet = sheets.create("sheet", "urn:x");
    sheet.setAttr("name", "Rapport\u0001");
    sheets.insert(sheet);
    const xml = serializeXml(doc).toString("utf8");
    expect(() => saxes(xml)).not.toThrow();
    expect(xml).toContain('name="Rapport_x0001_"');
  });

  it("round-trips any text, as a property", () => {
    const unit = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 4 }),
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom("\ufffe", "\uffff", "&", "<", ">", '"', "'", "]]>", "_x0041_", "_x005F_", "_x00", "\r\n", "\t"),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        const { ours, theirs } = roundTrip(s);
        return ours[0] === s && ours[1] === s && theirs[0] === s && theirs[1] === s;
      }),
      { numRuns: 2000 },
    );
  });
});
