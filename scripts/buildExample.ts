import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "./exampleWorkbook";

/** Where the bundled example workbook is written. */
export const EXAMPLE_PATH = path.join(__dirname, "..", "..", "..", "example", "servicenamnden-delar2-2024.xlsx");

/** Writes the example workbook and returns its path. */
export async function writeExample(target = EXAMPLE_PATH): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await buildExampleWorkbook().xlsx.writeFile(target);
  return target;
}

if (require.main === module) {
  writeExample(process.argv[2]).then((p) => process.stdout.write(`Exempelarbetsboken är skriven till ${p}\n`));
}
