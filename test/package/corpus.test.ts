/**
 * The conformance corpus: real workbooks from other producers (the folder named by UPPFOLJNING_CORPUS, else
 * ../shared/corpus beside the checkout, else the copy in test/corpus). Each workbook that openpyxl can open gets the contract added by a namespace-aware,
 * minimal-change editor (test/support/python/add_contract.py), goes through the CLI's copy path, and the copy is
 * checked against everything the splice promises (test/support/splice.ts); then the copy is refreshed and must
 * keep its shape. A sample is opened in LibreOffice too. A workbook openpyxl cannot open must be refused with
 * exit code 2, a Swedish message and no output file.
 */
import * as fs from "fs";
import * as path from "path";
import { figureProblems } from "../support/contractFigures";
import { firstSheetsAsCsv } from "../support/libreoffice";
import { addContract, ContractAdded, hasPythonOpenpyxl, Inspection, inspectXlsx, Inspector } from "../support/python";
import { runCli, tempDir } from "../support/sheets";
import { shapeProblems, spliceProblems } from "../support/splice";
import { hasProgram } from "../support/system";
import { foreignText } from "../support/userText";
import { CORPUS, CORPUS_FILES } from "../support/corpus";


const FILES = CORPUS_FILES;
const rel = (f: string) => path.relative(CORPUS, f);

interface Prepared {
  index: number;
  /** openpyxl opens the file as it came. */
  openable: boolean;
  openpyxlError?: string;
  contract: ContractAdded;
  input: string;
  outDir: string;
  ext: string;
}

let ready = false;
let inspector: Inspector;
const scratch: string[] = [];
const prepared = new Map<string, Prepared>();
const inputs = new Map<string, Inspection>();
/** The first copy of each workbook that went through, for the LibreOffice sample. */
const copies = new Map<string, string>();

beforeAll(() => {
  ready = FILES.length > 0 && hasPythonOpenpyxl();
  if (!ready) return;
  inspector = new Inspector();
  const work = tempDir();
  scratch.push(work);
  fs.mkdirSync(path.join(work, "in"));
  const originals = inspectXlsx(FILES, { openpyxl: "only" });
  const pairs: [string, string][] = FILES.map((f, i) => [f, path.join(work, "in", `${i}-${path.basename(f)}`)]);
  const added = addContract(pairs);
  FILES.forEach((f, i) => {
    const outDir = path.join(work, `ut-${i}`);
    fs.mkdirSync(outDir);
    const contract = added[i];
    const o = originals[f]?.openpyxl;
    prepared.set(f, {
      index: i,
      openable: !!o?.ok,
      openpyxlError: o?.error,
      contract,
      input: contract.ok ? pairs[i][1] : f,
      outDir,
      ext: path.extname(f).toLowerCase(),
    });
  });
  const toInspect = [...prepared.values()].filter((p) => p.openable && p.contract.ok).map((p) => p.input);
  for (const [file, info] of Object.entries(inspectXlsx(toInspect))) inputs.set(file, info);
}, 120_000);

afterAll(() => {
  inspector?.close();
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});

it("has a corpus to run", () => {
  if (FILES.length === 0) {
    const message = `Ingen korpus i ${CORPUS} (sätt UPPFOLJNING_CORPUS); korpustesterna hoppas över.`;
    if (process.env.CI === "true") throw new Error(message);
    console.warn(`VARNING: ${message}`);
  }
});

/** Describes only when there is a corpus (`it.each` refuses an empty table); the test above says why not. */
const describeIfCorpus = (name: string, body: () => void) => (FILES.length > 0 ? describe(name, body) : undefined);

describeIfCorpus("every workbook of the corpus", () => {
  it.each(FILES.map((f) => [rel(f), f]))("%s", async (_name, file) => {
    if (!ready) return;
    const p = prepared.get(file) as Prepared;
    const out = path.join(p.outDir, `kopia${p.ext}`);
    const json = path.join(p.outDir, "kopia.json");

    if (!p.openable) {
      // openpyxl cannot open it (encrypted, not a zip, or a quirk openpyxl does not handle). The command may read it
      // anyway, or refuse it clearly: never a crash, never English, nothing left behind when it refuses.
      const r = await runCli([p.input, "--out", out, "--json", json]);
      const problems: string[] = [];
      problems.push(...foreignText(r.err + r.out, [p.input, p.outDir]));
      if (r.code !== 0 && r.code !== 1 && r.code !== 2) problems.push(`exit ${r.code} (openpyxl: ${p.openpyxlError})`);
      if (r.code !== 0) {
        if (!r.err.trim()) problems.push("no message on stderr");
        const left = fs.readdirSync(p.outDir);
        if (left.length) problems.push(`files left in the output folder: ${left.join(", ")}`);
      } else if (p.contract.ok) {
        const before = await inspector.inspect(p.input);
        const after = await inspector.inspect(out);
        problems.push(...figureProblems(JSON.parse(fs.readFileSync(json, "utf8"))));
        problems.push(...spliceProblems(before, after, { report: p.contract.reportSheet as string }));
      }
      expect(problems).toEqual([]);
      return;
    }

    if (p.contract.reason === "conflict") {
      // A table already bears a contract name; the contract cannot be added without editing that table.
      console.warn(`VARNING: ${rel(file)}: kontraktet kan inte läggas till (${p.contract.error}); filen hoppas över.`);
      return;
    }
    expect({ ok: p.contract.ok, error: p.contract.error }).toEqual({ ok: true, error: undefined });
    const report = p.contract.reportSheet as string;
    const before = inputs.get(p.input) as Inspection;
    const problems: string[] = [];

    const first = await runCli([p.input, "--out", out, "--json", json]);
    problems.push(...foreignText(first.err + first.out, [p.input, p.outDir]));
    if (first.code !== 0) {
      problems.push(`exit ${first.code}, expected 0: ${first.err.trim().slice(0, 500)}`);
      expect(problems).toEqual([]);
      return;
    }
    problems.push(...figureProblems(JSON.parse(fs.readFileSync(json, "utf8"))));
    const after = await inspector.inspect(out);
    problems.push(...spliceProblems(before, after, { report }));
    copies.set(file, out);

    // Refresh the copy: the report is rebuilt in place and the package keeps its shape.
    const out2 = path.join(p.outDir, `kopia2${p.ext}`);
    const json2 = path.join(p.outDir, "kopia2.json");
    const second = await runCli([out, "--out", out2, "--json", json2]);
    problems.push(...foreignText(second.err + second.out, [p.input, p.outDir]).map((x) => `refresh: ${x}`));
    if (second.code !== 0) problems.push(`refresh: exit ${second.code}, expected 0: ${second.err.trim().slice(0, 500)}`);
    else {
      problems.push(...figureProblems(JSON.parse(fs.readFileSync(json2, "utf8"))).map((x) => `refresh: ${x}`));
      const again = await inspector.inspect(out2);
      problems.push(...spliceProblems(after, again, { report, userStyles: before }).map((x) => `refresh: ${x}`));
      problems.push(...shapeProblems(after, again));
    }
    const left = fs.readdirSync(p.outDir).filter((f) => ![`kopia${p.ext}`, "kopia.json", `kopia2${p.ext}`, "kopia2.json"].includes(f));
    if (left.length) problems.push(`unexpected files in the output folder: ${left.join(", ")}`);
    expect(problems).toEqual([]);
  });
});

/** Every 8th workbook of the corpus (at least 5 when there are that many), the same on every run. */
function sample(): string[] {
  const every8th = FILES.filter((_, i) => i % 8 === 0);
  if (every8th.length >= 5 || FILES.length <= every8th.length) return every8th;
  const step = FILES.length / Math.min(5, FILES.length);
  return [...new Set([0, 1, 2, 3, 4].map((k) => FILES[Math.floor(k * step)]).filter(Boolean))];
}
const SAMPLE = sample();

describeIfCorpus("LibreOffice opens a sample of the copies", () => {
  let csv = new Map<string, string | null>();
  let lo = false;
  beforeAll(() => {
    lo = ready && hasProgram("soffice", "libreoffice-calc-nogui");
    if (!lo) return;
    const dir = tempDir();
    scratch.push(dir);
    const staged = SAMPLE.filter((f) => copies.has(f)).map((f) => {
      const target = path.join(dir, `kopia-${prepared.get(f)?.index}${path.extname(f)}`);
      fs.copyFileSync(copies.get(f) as string, target);
      return [f, target] as const;
    });
    const converted = firstSheetsAsCsv(staged.map(([, t]) => t), path.join(dir, "csv"));
    csv = new Map(staged.map(([f, t]) => [f, converted.get(t) ?? null]));
  }, 300_000);

  it.each(SAMPLE.map((f) => [rel(f), f]))("%s", (_name, file) => {
    if (!lo || !prepared.get(file)?.openable) return; // a refused file has no copy to open
    if (!copies.has(file)) throw new Error("no copy to open: the CLI did not write one (see the corpus test of this file)");
    expect(csv.get(file) ?? "LibreOffice could not load the copy").toContain("Resultaträkning");
  });
});
