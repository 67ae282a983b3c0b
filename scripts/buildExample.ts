import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "./exampleWorkbook";
import { buildLedgerExampleWorkbook } from "./exampleLedger";

/** Where the bundled example workbook is written. */
export const EXAMPLE_PATH = path.join(__dirname, "..", "..", "..", "example", "servicenamnden-delar2-2024.xlsx");
/** The same example as a ledger export (Huvudbok and Kontoplan). */
export const LEDGER_EXAMPLE_PATH = EXAMPLE_PATH.replace(/\.xlsx$/, "-huvudbok.xlsx");

/** Writes the example workbook and returns its path. */
export async function writeExample(target = EXAMPLE_PATH): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await buildExampleWorkbook().xlsx.writeFile(target);
  return target;
}

/** Writes the ledger version of the example and returns its path. */
export async function writeLedgerExample(target = LEDGER_EXAMPLE_PATH): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await buildLedgerExampleWorkbook().xlsx.writeFile(target);
  return target;
}

if (require.main === module) {
  Promise.all([writeExample(), writeLedgerExample()]).then((p) => process.stdout.write(`Exempelarbetsböckerna är skrivna till ${p.join(" och ")}\n`));
}
