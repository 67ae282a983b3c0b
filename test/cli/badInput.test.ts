/**
 * The command line's own cases: files that are not workbooks, wrong arguments, a good workbook. Bad data in a
 * workbook is the bad-input suite's (test/badInput/suite.test.ts, scripts/badInput/cases.ts), through every host.
 */
import * as fs from "fs";
import * as path from "path";
import { minimalRanges, runCli, SheetRange, tempDir, writeXlsx } from "../support/sheets";

/** Runs the CLI on a workbook made of `ranges` and checks the input is byte-identical afterwards. */
async function run(ranges: Record<string, SheetRange>) {
  const dir = tempDir();
  const input = await writeXlsx(path.join(dir, "in.xlsx"), ranges);
  const before = fs.readFileSync(input);
  const out = path.join(dir, "out.xlsx");
  const result = await runCli([input, "--out", out]);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
  return { ...result, outExists: fs.existsSync(out), dir };
}

describe("files that are not usable workbooks", () => {
  it("a text file is refused without a stack trace", async () => {
    const dir = tempDir();
    const input = path.join(dir, "inte.xlsx");
    fs.writeFileSync(input, "Post;Utfall\nIntäkter;82\n");
    const r = await runCli([input, "--out", path.join(dir, "o.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("är inte en Excel-arbetsbok");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(input, "utf8")).toBe("Post;Utfall\nIntäkter;82\n");
  });

  it("a missing file, a missing --out and --out equal to the input", async () => {
    const dir = tempDir();
    expect((await runCli([path.join(dir, "finns-inte.xlsx"), "--out", path.join(dir, "o.xlsx")])).err).toContain("finns inte");
    const input = await writeXlsx(path.join(dir, "in.xlsx"), minimalRanges());
    const noOut = await runCli([input]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("Ange utfilen med --out");
    const same = await runCli([input, "--out", input]);
    expect(same.code).toBe(2);
    expect(same.err).toContain("får inte vara samma fil");
  });

  it("--help prints the usage and exit codes on stdout and exits 0; an unknown flag exits 2", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("Användning: uppfoljning <in.xlsx> --out <ut.xlsx>");
    expect(help.out).toContain("Slutkod: 0 rapporten skrevs, 1 fel i arbetsbokens data, 2");
    const unknown = await runCli(["in.xlsx", "--snabb"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Okänd flagga --snabb.");
  });

  it("a zip that is not a workbook", async () => {
    const dir = tempDir();
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("hej.txt", "hej");
    const input = path.join(dir, "z.xlsx");
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await runCli([input, "--out", path.join(dir, "o.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("är inte en Excel-arbetsbok");
  });
});

describe("a good workbook", () => {
  it("writes the report, keeps every other sheet, and says where", async () => {
    const r = await run(minimalRanges());
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Rapporten är skriven till");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(r.dir, "out.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Rapport", "Budget", "Utfall", "Inställningar"]);
    expect(wb.getWorksheet("Utfall")?.getCell("B2").value).toBe(82);
  });
});
