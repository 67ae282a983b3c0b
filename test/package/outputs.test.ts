/**
 * Where the command line writes, black-box through `runCli` and the file system: `--json` may be neither the
 * workbook it writes nor the input (also through a symbolic link); a failed write leaves no output and no
 * temporary file; either all outputs appear or none does; temporary files are created exclusively under
 * unpredictable names, so a symbolic link planted under the name the old implementation used is never written
 * through; and the exit codes the README documents are 0, 1 and 2.
 */
import * as fs from "fs";
import * as path from "path";
import { minimalRanges, runCli, tempDir, writeXlsx } from "../support/sheets";
import { foreignText } from "../support/userText";

const REPO = path.join(__dirname, "..", "..");
const scratch: string[] = [];

interface Setup {
  dir: string;
  input: string;
  inputBytes: Buffer;
  outDir: string;
}

async function setup(): Promise<Setup> {
  const dir = tempDir();
  scratch.push(dir);
  fs.mkdirSync(path.join(dir, "in"));
  fs.mkdirSync(path.join(dir, "ut"));
  const input = await writeXlsx(path.join(dir, "in", "arbetsbok.xlsx"), minimalRanges());
  return { dir, input, inputBytes: fs.readFileSync(input), outDir: path.join(dir, "ut") };
}

/** The entries of a folder, with symbolic links marked. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((n) => (fs.lstatSync(path.join(dir, n)).isSymbolicLink() ? `${n} -> ${fs.readlinkSync(path.join(dir, n))}` : n))
    .sort();
}

/** How a refusal looks, to compare whole with the expected one so that every difference shows. */
function refusal(r: { code: number; err: string; out: string }, paths: string[]): { code: number; foreign: string[]; message: boolean } {
  return { code: r.code, foreign: foreignText(r.err + r.out, paths), message: r.err.trim().length > 0 };
}

const REFUSED = { code: 2, foreign: [], message: true };

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

afterAll(() => {
  for (const d of scratch) {
    try {
      fs.chmodSync(path.join(d, "ut", "skrivskyddad"), 0o755);
    } catch {
      // only some tests make it
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
});

describe("--json may not be the workbook the command writes", () => {
  it.each([
    ["the same path", (out: string) => out],
    ["the same file spelled differently", (out: string) => path.join(path.dirname(out), "..", "ut", ".", path.basename(out))],
  ])("%s: exit 2, nothing written, an existing file left as it was", async (_label, json) => {
    const s = await setup();
    const out = path.join(s.outDir, "rapport.xlsx");
    fs.writeFileSync(out, "en fil som redan fanns");
    const r = await runCli([s.input, "--out", out, "--json", json(out)]);
    expect({ ...refusal(r, [s.dir]), out: fs.readFileSync(out, "utf8").slice(0, 40), folder: listing(s.outDir), inputKept: fs.readFileSync(s.input).equals(s.inputBytes) }).toEqual({
      ...REFUSED, out: "en fil som redan fanns", folder: ["rapport.xlsx"], inputKept: true,
    });
  });

  it("through a symbolic link: exit 2, nothing written", async () => {
    const s = await setup();
    const out = path.join(s.outDir, "rapport.xlsx");
    fs.writeFileSync(out, "en fil som redan fanns");
    const link = path.join(s.dir, "siffror.json");
    fs.symlinkSync(out, link);
    const r = await runCli([s.input, "--out", out, "--json", link]);
    expect({ ...refusal(r, [s.dir]), out: fs.readFileSync(out, "utf8").slice(0, 40), link: fs.lstatSync(link).isSymbolicLink(), folder: listing(s.outDir) }).toEqual({
      ...REFUSED, out: "en fil som redan fanns", link: true, folder: ["rapport.xlsx"],
    });
  });
});

describe("no output may be the input", () => {
  it.each([
    ["--json is the input", (s: Setup) => ["--out", path.join(s.outDir, "rapport.xlsx"), "--json", s.input]],
    ["--json is a symbolic link to the input", (s: Setup) => {
      const link = path.join(s.outDir, "siffror.json");
      fs.symlinkSync(s.input, link);
      return ["--out", path.join(s.outDir, "rapport.xlsx"), "--json", link];
    }],
    ["--out is the input", (s: Setup) => ["--out", s.input]],
    ["--out is a symbolic link to the input", (s: Setup) => {
      const link = path.join(s.outDir, "rapport.xlsx");
      fs.symlinkSync(s.input, link);
      return ["--out", link];
    }],
  ])("%s: exit 2, the input unchanged, nothing written", async (_label, args) => {
    const s = await setup();
    const extra = args(s);
    const before = listing(s.outDir);
    const r = await runCli([s.input, ...extra]);
    expect({ ...refusal(r, [s.dir]), inputKept: fs.readFileSync(s.input).equals(s.inputBytes), folder: listing(s.outDir), inFolder: listing(path.dirname(s.input)) }).toEqual({
      ...REFUSED, inputKept: true, folder: before, inFolder: ["arbetsbok.xlsx"],
    });
  });
});

describe("a failed write leaves neither output nor temporary file", () => {
  const cases: [string, (s: Setup) => string][] = [
    ["the --json folder does not exist", (s) => path.join(s.dir, "saknas", "siffror.json")],
    ["--json names an existing folder", (s) => {
      fs.mkdirSync(path.join(s.dir, "en-mapp"));
      return path.join(s.dir, "en-mapp");
    }],
    ["--json is under a regular file", (s) => {
      fs.writeFileSync(path.join(s.dir, "vanlig-fil"), "");
      return path.join(s.dir, "vanlig-fil", "siffror.json");
    }],
    [isRoot ? "the --json folder cannot be written (/proc, as root ignores permissions)" : "the --json folder is read-only", (s) => {
      if (isRoot) return "/proc/uppfoljning-siffror.json";
      const ro = path.join(s.outDir, "skrivskyddad");
      fs.mkdirSync(ro);
      fs.chmodSync(ro, 0o555);
      return path.join(ro, "siffror.json");
    }],
  ];
  it.each(cases)("%s: exit 2, no .xlsx left behind", async (_label, json) => {
    const s = await setup();
    const target = json(s);
    const out = path.join(s.outDir, "rapport.xlsx");
    const beforeOut = listing(s.outDir);
    const beforeRoot = listing(s.dir);
    const r = await runCli([s.input, "--out", out, "--json", target]);
    expect({ ...refusal(r, [s.dir, target]), xlsxLeft: fs.existsSync(out), folder: listing(s.outDir), top: listing(s.dir), inputKept: fs.readFileSync(s.input).equals(s.inputBytes) }).toEqual({
      ...REFUSED, xlsxLeft: false, folder: beforeOut, top: beforeRoot, inputKept: true,
    });
  });

  it("the --out folder does not exist: exit 2, no JSON written", async () => {
    const s = await setup();
    const json = path.join(s.outDir, "siffror.json");
    const r = await runCli([s.input, "--out", path.join(s.dir, "saknas", "rapport.xlsx"), "--json", json]);
    expect({ ...refusal(r, [s.dir]), folder: listing(s.outDir) }).toEqual({ ...REFUSED, folder: [] });
  });

  it("bad input data (exit 1): existing outputs stay as they were, no temporary file", async () => {
    const s = await setup();
    const ranges = minimalRanges();
    ranges.Utfall.rows[1][1] = "åttio";
    const input = await writeXlsx(path.join(s.dir, "in", "felaktig.xlsx"), ranges);
    const out = path.join(s.outDir, "rapport.xlsx");
    const json = path.join(s.outDir, "siffror.json");
    fs.writeFileSync(out, "förra rapporten");
    fs.writeFileSync(json, "förra siffrorna");
    const r = await runCli([input, "--out", out, "--json", json]);
    expect(r.code).toBe(1);
    expect([fs.readFileSync(out, "utf8"), fs.readFileSync(json, "utf8")]).toEqual(["förra rapporten", "förra siffrorna"]);
    expect(listing(s.outDir)).toEqual(["rapport.xlsx", "siffror.json"]);
  });
});

describe("temporary files", () => {
  it("a successful run leaves exactly the outputs in the folder", async () => {
    const s = await setup();
    const r = await runCli([s.input, "--out", path.join(s.outDir, "rapport.xlsx"), "--json", path.join(s.outDir, "siffror.json")]);
    expect(r.code).toBe(0);
    expect(listing(s.outDir)).toEqual(["rapport.xlsx", "siffror.json"]);
  });

  it("symbolic links planted at the old implementation's temporary names are never written through", async () => {
    const s = await setup();
    const victim = path.join(s.dir, "annan-fil.txt");
    fs.writeFileSync(victim, "rör inte");
    // The old writeAtomically used `.<basename>.<pid>.tmp` in the target folder, opened without O_EXCL.
    const planted = [
      [`.rapport.xlsx.${process.pid}.tmp`, s.input],
      [`.siffror.json.${process.pid}.tmp`, victim],
      [`.rapport.xlsx.${process.pid + 1}.tmp`, victim],
    ];
    for (const [name, target] of planted) fs.symlinkSync(target, path.join(s.outDir, name));
    const out = path.join(s.outDir, "rapport.xlsx");
    const r = await runCli([s.input, "--out", out, "--json", path.join(s.outDir, "siffror.json")]);
    expect({
      code: r.code,
      inputKept: fs.readFileSync(s.input).equals(s.inputBytes),
      victim: fs.readFileSync(victim, "utf8").slice(0, 40),
      outIsFile: fs.lstatSync(out).isFile(),
      jsonIsFile: fs.lstatSync(path.join(s.outDir, "siffror.json")).isFile(),
      folder: listing(s.outDir),
    }).toEqual({
      code: 0, inputKept: true, victim: "rör inte", outIsFile: true, jsonIsFile: true,
      folder: [...planted.map(([n, t]) => `${n} -> ${t}`), "rapport.xlsx", "siffror.json"].sort(),
    });
    expect(fs.readFileSync(out).subarray(0, 4).toString("hex")).toBe("504b0304");
  });
});

describe("misuse ends in exit 2 with a Swedish message", () => {
  it.each([
    ["no arguments", () => []],
    ["an unknown flag", (s: Setup) => [s.input, "--out", path.join(s.outDir, "r.xlsx"), "--okand"]],
    ["--out without a file name", (s: Setup) => [s.input, "--out"]],
    ["--json without a file name", (s: Setup) => [s.input, "--out", path.join(s.outDir, "r.xlsx"), "--json"]],
    ["two input files", (s: Setup) => [s.input, s.input, "--out", path.join(s.outDir, "r.xlsx")]],
    ["no --out", (s: Setup) => [s.input]],
    ["an input file that does not exist", (s: Setup) => [path.join(s.dir, "saknas.xlsx"), "--out", path.join(s.outDir, "r.xlsx")]],
    ["an input that is a folder", (s: Setup) => [s.outDir, "--out", path.join(s.dir, "r.xlsx")]],
    ["an empty input file", (s: Setup) => {
      fs.writeFileSync(path.join(s.dir, "tom.xlsx"), "");
      return [path.join(s.dir, "tom.xlsx"), "--out", path.join(s.outDir, "r.xlsx")];
    }],
  ] as [string, (s: Setup) => string[]][])("%s", async (_label, args) => {
    const s = await setup();
    const r = await runCli(args(s));
    expect({ ...refusal(r, [s.dir]), folder: listing(s.outDir) }).toEqual({ ...REFUSED, folder: [] });
  });
});

it("the README documents exit codes 0, 1 and 2 and no other", () => {
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const start = readme.indexOf("Slutkod");
  expect(start).toBeGreaterThan(-1);
  // The section runs to the next heading or paragraph that is not about exit codes: "Efter `npm run build:cli`".
  const end = readme.indexOf("Efter `npm run build:cli`", start);
  const sentence = readme.slice(start, end > 0 ? end : undefined);
  expect([...new Set([...sentence.matchAll(/\b(\d)\b/g)].map((m) => Number(m[1])))].sort()).toEqual([0, 1, 2]);
});
