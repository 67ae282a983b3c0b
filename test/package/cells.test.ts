/** Every cell type of ECMA-376, read from the sheet's XML as producers write it; never a guess, never a silent 0. */
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { Cell } from "../../src/contract/source";
import { minimalWorkbook, rawZip } from "../support/rawZip";

async function cells(sheetData: string, options: { sharedStrings?: string[]; styles?: string; name?: string } = {}): Promise<Cell[][]> {
  const wb = await readWorkbook(rawZip(minimalWorkbook({ sheetData, names: { Budget: options.name ?? "Blad1!$A$1:$C$3" }, ...options })), "fil.xlsx", () => true);
  const e = wb.source.entries[0];
  if (e.lookup.kind !== "cells") throw new Error(e.lookup.kind);
  const g = e.lookup.range.grid;
  return Array.from({ length: g.rowCount }, (_, r) => Array.from({ length: g.colCount }, (_, c) => g.get(r, c)));
}

const row = (r: number, ...cs: string[]) => `<row r="${r}">${cs.join("")}</row>`;

describe("cell types", () => {
  it("numbers, in every lexical form xsd:double allows", async () => {
    expect(await cells(row(1, '<c r="A1"><v>-12.50</v></c>', '<c r="B1" t="n"><v> 1.5E3 </v></c>', '<c r="C1"><v>.25</v></c>'))).toEqual([[-12.5, 1500, 0.25]]);
  });

  it("a number the type cannot be is an invalid cell naming the text, never 0 or a guess", async () => {
    const [[a, b, c]] = await cells(row(1, '<c r="A1"><v>0x10</v></c>', '<c r="B1"><v>1,5</v></c>', '<c r="C1"><v>1e400</v></c>'));
    expect(a).toEqual({ invalid: expect.stringContaining("0x10") });
    expect(b).toEqual({ invalid: expect.stringContaining("1,5") });
    expect(c).toBe(Infinity);
  });

  it("a value written with references after a plain one is read from its own text", async () => {
    expect(await cells(row(1, '<c r="A1"><v>12</v></c>', '<c r="B1"><v>&#49;&#x32;.5</v></c>', '<c r="C1" t="s"><v>&#48;</v></c>'), { sharedStrings: ["noll"] })).toEqual([[12, 12.5, "noll"]]);
  });

  it("shared strings by index; an index out of range, negative or not a number is invalid", async () => {
    const got = await cells(row(1, '<c r="A1" t="s"><v>1</v></c>', '<c r="B1" t="s"><v>5</v></c>', '<c r="C1" t="s"><v>-1</v></c>') + row(2, '<c r="A2" t="s"><v>abc</v></c>'), { sharedStrings: ["noll", "ett"] });
    expect(got[0][0]).toBe("ett");
    expect(got[0][1]).toEqual({ invalid: expect.stringContaining("nr 5") });
    expect(got[0][2]).toEqual({ invalid: expect.any(String) });
    expect(got[1][0]).toEqual({ invalid: expect.any(String) });
  });

  it("rich text runs are joined and phonetic runs left out; OOXML escapes and references decoded", async () => {
    const sst = ["<r><t>Perso</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">nal &amp; </t></r><r><t>lön</t></r><rPh sb=\"0\" eb=\"1\"><t>X</t></rPh>"];
    const got = await cells(row(1, '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="inlineStr"><is><t>a_x000D_b&#x41;</t></is></c>'), { sharedStrings: sst });
    expect(got[0][0]).toBe("Personal & lön");
    expect(got[0][1]).toBe("a\rbA");
  });

  it("formula results of every type, and a formula without a value is a formula, never 0", async () => {
    const got = await cells(
      row(1, '<c r="A1"><f>SUM(B1:C1)</f><v>12</v></c>', '<c r="B1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>', '<c r="C1"><f>1+1</f><v></v></c>') +
        row(2, '<c r="A2"><f t="shared" si="0"/></c>', '<c r="B2" t="b"><f>TRUE()</f><v>1</v></c>', '<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'),
    );
    expect(got[0]).toEqual([12, "xy", { formula: "=1+1" }]);
    expect(got[1]).toEqual([{ formula: "=(delad formel)" }, true, { error: "#DIV/0!" }]);
  });

  it("booleans must be 0 or 1; ISO dates are dates; a bad type is invalid", async () => {
    const got = await cells(row(1, '<c r="A1" t="b"><v>2</v></c>', '<c r="B1" t="d"><v>2024-06-30</v></c>', '<c r="C1" t="q"><v>1</v></c>'));
    expect(got[0][0]).toEqual({ invalid: expect.any(String) });
    expect(got[0][1]).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(got[0][2]).toEqual({ invalid: expect.stringContaining("celltypen") });
  });

  it("ISO 8601 in t=\"d\": dates, date-times with fractions, and a time of day alone (as openpyxl writes) on Excel's day 0", async () => {
    const got = await cells(
      row(1, '<c r="A1" t="d"><v>10:10:10</v></c>', '<c r="B1" t="d"><v>2024-06-30T12:00:00.25Z</v></c>', '<c r="C1" t="d"><v>23:59</v></c>') +
        row(2, '<c r="A2" t="d"><v>25:00:00</v></c>', '<c r="B2" t="d"><v>2024-02-30</v></c>', '<c r="C2" t="d"><v>2024-06-3010:00</v></c>'),
    );
    expect(got[0]).toEqual([new Date(Date.UTC(1899, 11, 30, 10, 10, 10)), new Date(Date.UTC(2024, 5, 30, 12, 0, 0, 250)), new Date(Date.UTC(1899, 11, 30, 23, 59))]);
    for (const bad of got[1]) expect(bad).toEqual({ invalid: expect.stringContaining("inte ett datum") });
  });

  it("numbers in date formats are dates, by custom code and built-in id, counting from 1904 when the workbook does", async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const got = await cells(row(1, '<c r="A1" s="1"><v>45473</v></c>', '<c r="B1" s="2"><v>45473</v></c>', '<c r="C1" s="0"><v>45473</v></c>'), { styles });
    expect(got[0]).toEqual([new Date(Date.UTC(2024, 5, 30)), new Date(Date.UTC(2024, 5, 30)), 45473]);
    const bad = await cells(row(1, '<c r="A1" s="9"><v>1</v></c>'), { styles });
    expect(bad[0][0]).toEqual({ invalid: expect.any(String) });
    const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const workbook = `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Budget">Blad1!$A$1</definedName></definedNames></workbook>`;
    const wb = await readWorkbook(rawZip(minimalWorkbook({ sheetData: row(1, '<c r="A1" s="2"><v>44011</v></c>'), styles, workbook })), "f", () => true);
    const e = wb.source.entries[0];
    expect(e.lookup.kind === "cells" && e.lookup.range.grid.get(0, 0)).toEqual(new Date(Date.UTC(2024, 5, 30)));
  });

  it("rows and cells without r attributes follow on from the previous ones", async () => {
    expect(await cells("<row><c><v>1</v></c><c><v>2</v></c></row><row><c r=\"B2\"><v>3</v></c><c><v>4</v></c></row>")).toEqual([
      [1, 2, null],
      [null, 3, 4],
    ]);
  });

  it("refuses a cell written twice and a cell reference outside its row", async () => {
    await expect(cells(row(1, '<c r="A1"><v>1</v></c>', '<c r="A1"><v>2</v></c>'))).rejects.toMatchObject({ code: "XML_MALFORMED" });
    await expect(cells(row(1, '<c r="A2"><v>1</v></c>'))).rejects.toMatchObject({ code: "XML_MALFORMED" });
  });

  it("reads a value in pieces whole (comments, CDATA, references inside <v>), up to what a cell holds", async () => {
    const zeros = "0".repeat(450);
    const got = await cells(
      row(1, `<c r="A1"><v>${zeros}<!-- x -->45411</v></c>`, `<c r="B1"><v>${zeros}&#52;5411</v></c>`, `<c r="C1"><v>-${zeros}<![CDATA[470]]></v></c>`) +
        row(2, `<c r="A2" t="str"><v>${"å".repeat(500)}&amp;${"b".repeat(500)}</v></c>`, `<c r="B2"><v>${"0".repeat(40_000)}<!---->1</v></c>`, `<c r="C2" t="str"><v>${"x".repeat(40_000)}&amp;</v></c>`),
    );
    expect(got[0]).toEqual([45411, 45411, -470]);
    expect(got[1][0]).toBe(`${"å".repeat(500)}&${"b".repeat(500)}`);
    expect(got[1][1]).toEqual({ invalid: expect.stringContaining("32\u00a0767 tecken") });
    expect((got[1][2] as string).length).toBe(32_767);
  });

  it("refuses a cell inside another cell, a row inside a cell, a second <v>, and values outside cells", async () => {
    for (const bad of [
      row(1, '<c r="A1"><v>45411<c r="A1"><v>1</v></c></v></c>'),
      row(1, '<c r="Z1"><v>1<c r="A1"><v>45411</v></c></v></c>'),
      row(1, '<c r="A1"><v>1</v><c r="B1"><v>2</v></c></c>'),
      row(1, '<c r="A1"><row r="2"/></c>'),
      row(1, '<c r="A1"><v>100</v><v>45411</v></c>'),
      row(1, '<c r="A1"><f>A2</f><f>A3</f><v>1</v></c>'),
      row(1, "<v>1</v>"),
      '<c r="A1"><v>1</v></c>',
      `<row r="1">${row(2, '<c r="A2"><v>1</v></c>')}</row>`,
      row(1, '<c r="A1" t="inlineStr"><v>1</v><is><t>a</t></is><is><t>b</t></is></c>'),
      row(1, '<c r="A1"><t>1</t></c>'),
    ]) {
      await expect(cells(bad)).rejects.toMatchObject({ code: "XML_MALFORMED" });
    }
  });

  it("refuses a shared string inside another, which would shift the indices the cells use", async () => {
    const cell = row(1, '<c r="A1" t="s"><v>1</v></c>');
    await expect(cells(cell, { sharedStrings: ["a</t><si><t>b</t></si><t>", "c"] })).rejects.toMatchObject({ code: "XML_MALFORMED" });
    expect(await cells(cell, { sharedStrings: ["a", "c"] })).toEqual([["c"]]);
  });

  it("names an unknown style or type of an empty cell, not a cell written twice", async () => {
    const got = await cells(row(1, '<c r="A1" s="99"/>', '<c r="B1" t="x"/>', '<c r="C1" s="99"></c>'));
    expect(got[0]).toEqual([{ invalid: expect.stringContaining("format") }, { invalid: expect.stringContaining("celltypen") }, { invalid: expect.stringContaining("format") }]);
  });

  it("a whole-sheet range with one far cell costs no more than the cells that exist", async () => {
    const before = process.memoryUsage().rss;
    const wb = await readWorkbook(
      rawZip(minimalWorkbook({ sheetData: row(1, '<c r="A1"><v>1</v></c>') + row(1048576, '<c r="XFD1048576"><v>2</v></c>'), names: { Budget: "Blad1!$A$1:$XFD$1048576" } })),
      "fil.xlsx",
      () => true,
    );
    const e = wb.source.entries[0];
    if (e.lookup.kind !== "cells") throw new Error("not cells");
    const g = e.lookup.range.grid;
    expect([g.rowCount, g.colCount, g.get(0, 0), g.get(1048575, 16383), g.get(5, 5)]).toEqual([1048576, 16384, 1, 2, null]);
    expect(g.isRowBlank(500_000)).toBe(true);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("reads a name whose sheet is quoted, in any case, and bounds whole columns to the sheet", async () => {
    const got = await cells(row(1, '<c r="A1"><v>1</v></c>') + row(2, '<c r="B2"><v>2</v></c>'), { name: "'BLAD1'!$A:$B" });
    expect(got).toEqual([
      [1, null],
      [null, 2],
    ]);
  });
});
