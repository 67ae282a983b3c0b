import * as fs from "fs";
import * as path from "path";
import { main } from "../src/hosts/xlsx/cli";
import { EXAMPLE_PATH, LEDGER_EXAMPLE_PATH, writeExample, writeLedgerExample } from "./buildExample";

/**
 * `npm run demo`: builds the example workbooks if missing (the summarised one and its ledger twin) and writes each
 * one's report next to it.
 */
async function demo(): Promise<number> {
  for (const [file, write] of [[EXAMPLE_PATH, writeExample], [LEDGER_EXAMPLE_PATH, writeLedgerExample]] as const) {
    if (!fs.existsSync(file)) {
      await write();
      process.stdout.write(`Exempelarbetsboken skapades: ${path.relative(process.cwd(), file)}\n`);
    }
  }
  let code = 0;
  for (const file of [EXAMPLE_PATH, LEDGER_EXAMPLE_PATH]) {
    const out = file.replace(/\.xlsx$/, ".rapport.xlsx");
    const json = file.replace(/\.xlsx$/, ".rapport.json");
    code = Math.max(code, await main([file, "--out", out, "--json", json]));
  }
  return code;
}

demo().then((code) => {
  process.exitCode = code;
});
