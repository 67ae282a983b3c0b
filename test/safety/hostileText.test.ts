/** Text from cells that looks like a formula, in every place the report copies text to, through both hosts. */
import * as path from "path";
import ExcelJS from "exceljs";
import { refreshReport } from "../../src/hosts/office/refresh";
import { fakeFromRanges, installFake, supportsAll } from "../support/officeFixtures";
import { runCli, SheetRange, tempDir, writeXlsx } from "../support/sheets";

const HOSTILE = ["=1+1", "+46 8 123", "-2+3", "@SUM(A1:A2)", "\t=TAB()", "\r=CR()", "=HYPERLINK(\"http://x\",\"klicka\")", "=cmd|' /C calc'!A0"];

function hostileRanges(): Record<string, SheetRange> {
  const [a, b, c, d, e, f, g, h] = HOSTILE;
  return {
    Budget: { rows: [["Ansvar", "Post", "Typ", "Helår"], [a, b, "Intäkt", 100], [c, d, "Kostnad", -80]] },
    Utfall: { rows: [["Ansvar", "Post", "Utfall"], [a, b, 60], [c, d, -40]] },
    Indikatorer: { rows: [["Indikator", "Utfall", "Mål", "Kommentar", "Enhet"], [e, 1, 2, f, "st"]] },
    Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig", "Kommentar"], [g, 2, 2, h, a, b]] },
    Känslighet: { rows: [["Faktor", "Bas", "Förändring"], [c, -10, 0.01]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["Organisation", d], ["Rapport", e], ["År", 2024], ["Period", 6]] },
  };
}

/** Every text that must reach the report as itself (some inside longer texts, e.g. the risk's number). */
function expectAllAsText(texts: string[]): void {
  const joined = texts.join("\n");
  for (const t of HOSTILE) expect(joined).toContain(t.trim() === t ? t : t.trim());
}

it("stays text in the file host: no cell of the report is a formula", async () => {
  const dir = tempDir();
  const file = await writeXlsx(path.join(dir, "in.xlsx"), hostileRanges());
  const r = await runCli([file, "--out", path.join(dir, "out.xlsx")]);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
  const texts: string[] = [];
  (wb.getWorksheet("Rapport") as ExcelJS.Worksheet).eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBeUndefined();
      if (typeof cell.value === "string") texts.push(cell.value);
    }),
  );
  expectAllAsText(texts);
  expect(texts).toContain("=1+1");
  expect(texts).toContain("+46 8 123");
});

it("stays text in the Office host: every value starting with = + - @ is written with the text prefix", async () => {
  const fake = fakeFromRanges(hostileRanges());
  installFake(fake);
  const outcome = await fake.run((c) => refreshReport(c, { supports: supportsAll }));
  expect(outcome.ok).toBe(true);
  const values = [...(fake.model.sheet("Rapport")?.cells.values() ?? [])].map((c) => c.value);
  expect(values.filter((v) => v !== null && typeof v === "object")).toEqual([]);
  expectAllAsText(values.filter((v): v is string => typeof v === "string"));
});

it("nothing from a cell is ever evaluated: no expression evaluator in the code", () => {
  const fs = jest.requireActual("fs") as typeof import("fs");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(__dirname, "../../src"));
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    expect([f, /from "mathjs"|require\("mathjs"\)|\beval\(|new Function\(/.test(text)]).toEqual([f, false]);
  }
});
