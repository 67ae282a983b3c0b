/**
 * The report tab's name (Inställningar › Rapportflik) is judged once, by the report-sheet policy, for both hosts:
 * a name Excel refuses for a sheet stops the report with the same finding, in the same words, naming the setting's
 * cell, on the command line and in Excel. (Before, the command line wrote sheets named History or Rapport' and
 * exited 0; Excel refused them.)
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_REPORT_SHEET, reportSheetNameProblem } from "../../src/contract/reportSheetPolicy";
import { refreshReport } from "../../src/hosts/office/refresh";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromRanges, installFake, supportsAll } from "../support/officeFixtures";
import { minimalRanges, runCli, tempDir, writeXlsx } from "../support/sheets";

const REFUSED = ["History", "history", "Rapport'", "'Rapport", "Del:1", "Rapport/2024", "[Rapport]", "R?", "x".repeat(32)];
const ACCEPTED = ["Rapport 2024", "Delår 2", "Årsrapport", "Rapport's", "x".repeat(31), "Historik", "History 2"];

function withReportSheet(name: string) {
  const ranges = minimalRanges();
  ranges.Inställningar.rows.push(["Rapportflik", name]);
  return ranges;
}

/** Whether the strict fake Excel (Microsoft's rules, quoted in fakeExcel.js) takes `name` for a new sheet. */
async function excelTakes(name: string): Promise<boolean> {
  const fake = new FakeExcel();
  fake.model.addSheet("Blad1");
  installFake(fake);
  try {
    await fake.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

describe("the report-sheet policy", () => {
  it.each([...REFUSED, ...ACCEPTED].map((n) => [n]))("judges %j as Excel does", async (name) => {
    expect(reportSheetNameProblem(name) === null).toBe(await excelTakes(name));
    expect(reportSheetNameProblem(name) === null).toBe(ACCEPTED.includes(name));
  });

  it("takes its own default", () => {
    expect(reportSheetNameProblem(DEFAULT_REPORT_SHEET)).toBeNull();
  });
});

describe.each(REFUSED.map((n) => [n]))("Rapportflik %j", (name) => {
  it("is refused by both hosts with the same finding, in the same words, naming the setting's cell", async () => {
    const ranges = withReportSheet(name);
    const dir = tempDir();
    const input = await writeXlsx(path.join(dir, "in.xlsx"), ranges);
    const out = path.join(dir, "ut.xlsx");
    const cli = await runCli([input, "--out", out]);
    expect(cli.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);

    const fake = fakeFromRanges(ranges);
    installFake(fake);
    const before = fake.model.sheets.map((s) => s.name);
    const office = await fake.run((context) => refreshReport(context, { supports: supportsAll }));
    expect(office.ok).toBe(false);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(before);

    const found = office.findings.filter((f) => f.code === "SETTING_INVALID");
    expect(found).toEqual([expect.objectContaining({ range: "Inställningar", cell: "Inställningar!B5" })]);
    expect(found[0].message).toContain(`Inställningar!B5: inställningen Rapportflik kan inte vara ”${name}”.`);
    expect(found[0].message).toContain(reportSheetNameProblem(name) as string);
    expect(cli.err).toContain(`FEL: ${found[0].message}\n`);
  });
});

describe("an accepted Rapportflik", () => {
  it("names the report tab on the command line and in Excel alike", async () => {
    const ranges = withReportSheet("Rapport's");
    const dir = tempDir();
    const input = await writeXlsx(path.join(dir, "in.xlsx"), ranges);
    const out = path.join(dir, "ut.xlsx");
    expect((await runCli([input, "--out", out])).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].name).toBe("Rapport's");

    const fake = fakeFromRanges(ranges);
    installFake(fake);
    expect((await fake.run((context) => refreshReport(context, { supports: supportsAll }))).ok).toBe(true);
    expect(fake.model.sheets[0].name).toBe("Rapport's");
  });
});
