/**
 * The conformance corpus: the folder named by UPPFOLJNING_CORPUS, else ../shared/corpus beside the checkout, else
 * the copy in test/corpus (calamine's test workbooks, MIT, licence beside them).
 */
import * as fs from "fs";
import * as path from "path";

const REPO = path.join(__dirname, "..", "..");
const SHARED = path.resolve(REPO, "..", "shared", "corpus");

export const CORPUS = process.env.UPPFOLJNING_CORPUS ? path.resolve(process.env.UPPFOLJNING_CORPUS) : fs.existsSync(SHARED) ? SHARED : path.join(REPO, "test", "corpus");

/** Every .xlsx and .xlsm under `dir`, sorted. */
export function workbooksUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(e.name)) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

/** The corpus's workbooks, or none when there is no corpus. */
export const CORPUS_FILES = fs.existsSync(CORPUS) ? workbooksUnder(CORPUS) : [];
