import * as fs from "fs";
import * as path from "path";
import { main } from "../src/hosts/xlsx/cli";
import { EXAMPLE_PATH, writeExample } from "./buildExample";

/** `npm run demo`: builds the example workbook if missing and writes its report next to it. */
async function demo(): Promise<number> {
  if (!fs.existsSync(EXAMPLE_PATH)) {
    await writeExample();
    process.stdout.write(`Exempelarbetsboken skapades: ${path.relative(process.cwd(), EXAMPLE_PATH)}\n`);
  }
  const out = EXAMPLE_PATH.replace(/\.xlsx$/, ".rapport.xlsx");
  const json = EXAMPLE_PATH.replace(/\.xlsx$/, ".rapport.json");
  return main([EXAMPLE_PATH, "--out", out, "--json", json]);
}

demo().then((code) => {
  process.exitCode = code;
});
