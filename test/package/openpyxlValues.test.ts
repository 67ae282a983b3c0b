/**
 * The package reader gives openpyxl's values, cell by cell, on every workbook of the conformance corpus (the folder
 * named by UPPFOLJNING_CORPUS, else ../shared/corpus beside the checkout, else the copy in test/corpus).
 * The comparison and its documented normalisations are in test/support/openpyxlValues.ts; the producer variants
 * get the same check in variants.test.ts.
 */
import * as path from "path";
import { differencesFromOpenpyxl, openpyxlValues, Ref } from "../support/openpyxlValues";
import { hasPythonOpenpyxl } from "../support/python";
import { CORPUS, CORPUS_FILES } from "../support/corpus";


const FILES = CORPUS_FILES;
const withPython = hasPythonOpenpyxl();

(withPython && FILES.length ? describe : describe.skip)("the package reader gives openpyxl's values", () => {
  let refs: Record<string, Ref>;
  beforeAll(() => {
    refs = openpyxlValues(FILES);
  }, 120_000);

  it("reads most of the corpus as openpyxl does (openpyxl opens at least half of it)", () => {
    expect(Object.values(refs).filter((r) => r.ok).length).toBeGreaterThanOrEqual(FILES.length / 2);
  });

  it.each(FILES.map((f) => [path.relative(CORPUS, f), f]))("%s", async (_name, file) => {
    expect(await differencesFromOpenpyxl(file, refs[file])).toEqual([]);
  });
});
