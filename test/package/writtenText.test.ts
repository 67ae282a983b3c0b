/**
 * Issue 19, class 14: every string the copy writes into XML is XML 1.0, whatever code points the user's text holds.
 * As a property over text drawn from every code point (and lone surrogates): post names and a risk's name and comment
 * with such text go through the whole command (contract, report, the charts that draw the posts, the copy), and
 * every XML part of the copy is well-formed to an independent parser (saxes); the report sheet holds the names as the
 * workbook held them, once SpreadsheetML's `_xHHHH_` is decoded.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { decodeOoxml } from "../../src/hosts/xlsx/package/read/cellValue";
import { readZip } from "../../src/hosts/xlsx/package/zip/archive";
import { minimalWorkbook, rawZip } from "../support/rawZip";
import { runCli, tempDir } from "../support/sheets";

/**
 * `s` as the text of a cell in an input workbook, written independently of src/: markup escaped, what XML 1.0 cannot
 * carry as `_xHHHH_` (each UTF-16 code unit), and a literal `_xHHHH_` escaped as `_x005F_` so that it reads back as itself.
 */
function cellText(s: string): string {
  let out = "";
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const hi = c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && s.charCodeAt(k + 1) >= 0xdc00 && s.charCodeAt(k + 1) <= 0xdfff;
    if (hi) {
      out += s.slice(k, k + 2);
      k++;
    } else if ((c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
    } else if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(k, k + 7))) out += "_x005F_";
    else out += c === 0x26 ? "&amp;" : c === 0x3c ? "&lt;" : c === 0x3e ? "&gt;" : c === 0xd ? "&#13;" : s[k];
  }
  return out;
}

/** Any code point but a surrogate, a lone surrogate, or one of the characters XML gives a meaning. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\ufffe", "\uffff", "&", "<", ">", '"', "]]>", "_x0041_", "_x00", "\r\n"),
);
const text = fc.array(unit, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${cellText(s)}</t></is></c>`;
const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

function workbook(income: string, cost: string, risk: string, comment: string): Buffer {
  const rows = [
    `<row r="1">${inline("A1", "Post")}${inline("B1", "Typ")}${inline("C1", "Helår")}${inline("D1", "Utfall")}${inline("E1", "Prognos")}</row>`,
    `<row r="2">${inline("A2", income)}${inline("B2", "Intäkt")}${num("C2", 1200)}${num("D2", 610)}${num("E2", 1150)}</row>`,
    `<row r="3">${inline("A3", cost)}${inline("B3", "Kostnad")}${num("C3", -900)}${num("D3", -470)}${num("E3", -980)}</row>`,
    `<row r="4">${inline("A4", "Inställning")}${inline("B4", "Värde")}</row>`,
    `<row r="5">${inline("A5", "Period")}${num("B5", 6)}</row>`,
    `<row r="6">${inline("A6", "Enhet in")}${inline("B6", "tkr")}</row>`,
    `<row r="8">${inline("A8", "Risk")}${inline("B8", "Sannolikhet")}${inline("C8", "Konsekvens")}${inline("D8", "Kommentar")}</row>`,
    `<row r="9">${inline("A9", risk)}${num("B9", 2)}${num("C9", 3)}${inline("D9", comment)}</row>`,
  ].join("");
  const names = { Budget: "Blad1!$A$1:$C$3", Utfall: "Blad1!$A$1:$E$3", Inställningar: "Blad1!$A$4:$B$6", Risker: "Blad1!$A$8:$D$9" };
  return rawZip(minimalWorkbook({ sheetData: rows, names }));
}

/** The first error saxes finds in `xml`, or null. */
function saxesError(xml: string): string | null {
  const p = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  p.on("error", (e) => void (error ??= e.message));
  try {
    p.write(xml).close();
  } catch (e) {
    error ??= String(e);
  }
  return error;
}

/** Every text of `<t>` in the report sheet of `copy`, decoded as SpreadsheetML text. */
function reportTexts(parts: Map<string, Buffer>): string[] {
  const texts: string[] = [];
  for (const [name, bytes] of parts) {
    if (!name.startsWith("xl/worksheets/") || name === "xl/worksheets/sheet1.xml") continue;
    const p = new SaxesParser();
    let inT = false;
    let t = "";
    p.on("opentag", (tag) => void (tag.name === "t" && ((inT = true), (t = ""))));
    p.on("text", (s) => void (inT && (t += s)));
    p.on("closetag", (tag) => void (tag.name === "t" && ((inT = false), texts.push(decodeOoxml(t)))));
    p.write(bytes.toString("utf8")).close();
  }
  return texts;
}

it("writes well-formed XML 1.0 in every part for user text drawn from every code point", async () => {
  const dir = tempDir();
  try {
    await fc.assert(
      fc.asyncProperty(text, text, text, text, async (a, b, risk, comment) => {
        const [income, cost] = [`Intäkt ${a}`, `Kostnad ${b}`];
        const input = path.join(dir, "in.xlsx");
        const output = path.join(dir, "ut.xlsx");
        fs.rmSync(output, { force: true });
        fs.writeFileSync(input, workbook(income, cost, `Risk ${risk}`, comment));
        const r = await runCli([input, "--out", output]);
        expect([r.code, r.err]).toEqual([0, expect.any(String)]);
        const zip = readZip(fs.readFileSync(output), "ut.xlsx");
        const parts = new Map(zip.entries.map((e) => [e.part, zip.inflate(e, "stream")]));
        const bad = [...parts].filter(([p]) => /\.(xml|rels)$/.test(p)).map(([p, bytes]) => [p, saxesError(bytes.toString("utf8"))]).filter(([, e]) => e !== null);
        expect(bad).toEqual([]);
        const texts = reportTexts(parts);
        // Leading and trailing white space is not part of a post's name.
        for (const name of [income.trim(), cost.trim()]) expect({ name, found: texts.some((t) => t.includes(name)) }).toEqual({ name, found: true });
      }),
      { numRuns: 40 },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
