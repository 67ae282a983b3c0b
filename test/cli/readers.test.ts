/** The fast package reader (used by the command line) and ExcelJS's full model must read a workbook alike. */
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { CASES } from "../../scripts/badInput/cases";
import { writeCase } from "../../scripts/badInput/generate";
import { loadXlsx } from "../../src/hosts/xlsx/readXlsx";
import { scanXlsx } from "../../src/hosts/xlsx/scanXlsx";
import { compute } from "../../src/pipeline";
import { toPublic } from "../../src/findings/findings";
import { toContractJson } from "../../src/report/json";
import { tempDir } from "../support/sheets";

const NOW = new Date(2024, 8, 1);

async function both(file: string) {
  const [fast, full] = [await scanXlsx(file), await loadXlsx(file)];
  return [compute(fast.source, NOW), compute(full.source, NOW)] as const;
}

it("reads the example the same way", async () => {
  const file = path.join(tempDir(), "exempel.xlsx");
  await buildExampleWorkbook().xlsx.writeFile(file);
  const [fast, full] = await both(file);
  expect(fast.ok && full.ok).toBe(true);
  if (!fast.ok || !full.ok) return;
  expect(toContractJson(fast.result, fast.findings)).toEqual(toContractJson(full.result, full.findings));
});

it.each(CASES.filter((c) => c.ranges).map((c) => [c.id, c] as const))("reads the bad-input workbook %s the same way", async (id, c) => {
  const file = await writeCase(c, path.join(tempDir(), `${id}.xlsx`));
  const [fast, full] = await both(file);
  expect(fast.findings.map(toPublic)).toEqual(full.findings.map(toPublic));
  expect(fast.ok).toBe(full.ok);
});
