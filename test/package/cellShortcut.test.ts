/**
 * The sheet reader takes the common cell (`<c r="B2" s="1"><v>12</v></c>`) in one step instead of through its
 * tags' events (SheetReader.takeCell). That must change nothing but speed: on generated sheets, cut into chunks
 * anywhere and damaged at random, reading with the shortcut gives exactly what reading without it gives, the same
 * cells or the same refusal.
 */
import fc from "fast-check";
import { PartStream } from "../../src/hosts/xlsx/package/xml/partStream";
import { StringPool } from "../../src/hosts/xlsx/package/read/grid";
import { SheetReader, StyleInfo } from "../../src/hosts/xlsx/package/read/sheetReader";
import { UppfoljningError } from "../../src/findings/errors";
import { writeInChunks } from "../support/chunks";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STYLES: StyleInfo = { xfFormat: Uint16Array.from([0, 1, 2]), xfIsDate: Uint8Array.from([0, 0, 1]), formats: [null, "0.00", "yyyy-mm-dd"] };
const RECTS = [
  { top: 1, left: 1, bottom: 4, right: 3 },
  { top: 3, left: 2, bottom: 6, right: 5 },
];

let taken = 0;

function read(xml: string, cuts: number[], shortcut: boolean) {
  const reader = new SheetReader(RECTS, new StringPool(), STYLES, { shortcut });
  const bytes = Buffer.from(xml, "utf8");
  const stream = new PartStream(reader.attach("xl/worksheets/sheet1.xml", "fil.xlsx"), "fil.xlsx", "xl/worksheets/sheet1.xml");
  try {
    writeInChunks(stream, bytes, cuts);
  } catch (e) {
    if (e instanceof UppfoljningError) return { refused: e.code, params: e.params };
    throw e;
  } finally {
    taken += reader.shortcutCells;
  }
  return {
    grids: reader.results.map((r) => ({
      hiddenRows: r.hiddenRows,
      truncated: r.truncated,
      cells: Array.from({ length: r.grid.rowCount }, (_, row) => Array.from({ length: r.grid.colCount }, (_, col) => [r.grid.get(row, col), r.grid.format(row, col)])),
    })),
    merges: reader.merges,
    shared: [...reader.sharedUsed],
  };
}

const colLetter = fc.constantFrom("A", "B", "C", "D", "E", "AA", "a", "");
const attr = (row: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(colLetter, fc.constantFrom(0, 0, 0, 0, 1)).map(([c, off]) => ` r="${c}${row + off}"`) },
    { weight: 3, arbitrary: fc.constantFrom(' s="0"', ' s="1"', ' s="2"', ' s="3"', ' s="99"', ' s=""', ' s="1234567"') },
    { weight: 3, arbitrary: fc.constantFrom(' t="n"', ' t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="d"', ' t="inlineStr"', ' t="q"', ' t=""') },
    { weight: 1, arbitrary: fc.constantFrom(` r='B${row}'`, `  r="C${row}"`, ' x="1"', ' xmlns="urn:other"', ' xmlns:x="urn:x" x:r="1"', ' r = "A1"', ` r="B${row}" r="C${row}"`) },
  );
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("<v>12</v>", "<v>-1.5E3</v>", "<v>0</v>", "<v>3</v>", "<v>.25</v>", "<v>1e400</v>", "<v>abc</v>", "<v>0x10</v>", "<v>1</v>") },
  { weight: 2, arbitrary: fc.constantFrom("<v> 1</v>", "<v></v>", "<v>&#49;2</v>", `<v>${"9".repeat(70)}</v>`, "<v>1,5</v>", "<v>#N/A</v>", "<v>2024-06-30</v>", "<v>1</v ><!-- x -->") },
  // Cells inside an open <t>, <f> or <v> of another cell: the next cell's text must not land in the outer one.
  { weight: 2, arbitrary: fc.constantFrom('<is><t><c><v>1</v></c><c t="inlineStr">HELLO</c></t></is>', "<f><c><v>1</v></c><c>X<f/></c></f>", "<v><c><v>1</v></c>2</v>", '<is><t><c r="B1"><v>1</v></c><c r="B1" t="inlineStr">X</c></t></is>') },
  { weight: 2, arbitrary: fc.constantFrom("", "<f>1+1</f><v>2</v>", "<is><t>text</t></is>", "<v>1</v><v>2</v>", "<x:v xmlns:x=\"" + MAIN + "\">5</x:v>", "<v xmlns=\"urn:other\">5</v>", "<V>5</V>") },
);
const common = (row: number) =>
  fc
    .tuple(fc.constantFrom("A", "B", "C", "D", "E"), fc.constantFrom("", ' s="1"', ' s="2"'), fc.constantFrom("", ' t="n"', ' t="s"'), fc.constantFrom("12", "-1.5E3", "0", "3", "1e400", "abc"), fc.boolean())
    .map(([c, st, t, v, swap]) => (swap ? `<c${t}${st} r="${c}${row}"><v>${v}</v></c>` : `<c r="${c}${row}"${st}${t}><v>${v}</v></c>`));
const wild = (row: number) =>
  fc.tuple(fc.array(attr(row), { maxLength: 3 }), value, fc.constantFrom("</c>", "</c>", "</c>", "</c >", "/>")).map(([attrs, v, end]) =>
    end === "/>" ? `<c${attrs.join("")}/>` : `<c${attrs.join("")}>${v}${end}`,
  );
const cell = (row: number) => fc.oneof({ weight: 2, arbitrary: common(row) }, { weight: 1, arbitrary: wild(row) });
const rowXml = (row: number) =>
  fc
    .tuple(fc.array(cell(row), { maxLength: 5 }), fc.constantFrom(` r="${row}"`, ` r="${row}"`, "", ` r="${row}" hidden="1"`, ` r="${row}" xmlns="urn:other"`))
    .map(([cells, attrs]) => `<row${attrs}>${cells.join("")}</row>`);
const sheet = fc
  .tuple(...[1, 2, 3, 4, 5].map(rowXml), fc.boolean())
  .map(([r1, r2, r3, r4, r5, merges]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}"><sheetData>${r1}${r2}${r3}${r4}${r5}</sheetData>` +
    (merges ? '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' : "") +
    // Room after the last cell, so that it is not left to the scanner for being near the end of the bytes.
    `<!--${"x".repeat(200)}--></worksheet>`,
  );
const noise = fc.constantFrom("<", ">", "&", '"', "/", "=", " ", "x", "]]>", "</c>", "<c>", "<v>", "</v>", "\u0001", "\u00e9");

describe("the cell shortcut", () => {
  it("reads every generated sheet as the tags' events do, cut into chunks anywhere", () => {
    taken = 0;
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(2000), { maxLength: 6 }), (xml, cuts) => {
        expect(read(xml, cuts, true)).toEqual(read(xml, cuts, false));
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: the shortcut took cells.
    expect(taken).toBeGreaterThan(1500);
  });

  it("refuses a damaged sheet exactly when, and as, the tags' events do", () => {
    fc.assert(
      fc.property(sheet, fc.array(fc.tuple(fc.nat(2000), noise), { minLength: 1, maxLength: 3 }), fc.array(fc.nat(2000), { maxLength: 4 }), (xml, edits, cuts) => {
        let s = xml;
        for (const [at, what] of edits) s = s.slice(0, at % (s.length + 1)) + what + s.slice(at % (s.length + 1));
        expect(read(s, cuts, true)).toEqual(read(s, cuts, false));
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps a date-formatted number outside Excel's dates as the number it is, with or without the shortcut (fast-check seed −43635262)", () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="2"><v>1e70</v></c><c r="B1" s="2"><v>-1</v></c><c r="C1" s="2"><v>45411</v></c></row></sheetData></worksheet>`;
    const [a, b] = [read(xml, [], true), read(xml, [], false)];
    expect(a).toEqual(b);
    const row = (a as { grids: { cells: unknown[][][] }[] }).grids[0].cells[0];
    expect(row.map((c) => c[0])).toEqual([1e70, -1, new Date(Date.UTC(2024, 3, 29))]);
  });
});
