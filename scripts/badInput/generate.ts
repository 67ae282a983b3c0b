import * as fs from "fs";
import * as path from "path";
import { writeXlsx } from "../workbookWriter";
import { BadInputCase, CASES } from "./cases";

/** Writes one case's workbook (or file) to `file`. */
export async function writeCase(c: BadInputCase, file: string): Promise<string> {
  if (c.file) {
    fs.writeFileSync(file, c.file());
    return file;
  }
  return writeXlsx(file, c.ranges ?? {}, undefined, c.rawNames ?? {}, c.sheetScoped ?? {});
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? "felaktiga-indata");
  fs.mkdirSync(dir, { recursive: true });
  Promise.all(CASES.map((c) => writeCase(c, path.join(dir, `${c.id}.xlsx`)))).then(() =>
    process.stdout.write(`${CASES.length} arbetsböcker skrivna till ${dir}\n`),
  );
}
