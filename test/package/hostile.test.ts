/**
 * The hostile-file suite (scripts/hostile/cases.ts) through the BUILT command line, one process per case, with
 * its wall time and peak memory measured (scripts/hostile/child.ts reports them; a watchdog here kills a run
 * that goes far past its bounds, so a bomb that is not refused fails the test instead of the machine). Every
 * case: the expected exit code (never 3), Swedish messages without stack trace or errno text, no output or
 * temporary file left when the exit code is not 0, the input unchanged, within its time and memory bounds.
 */
import { execFileSync, spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { CASES, checkCases, ExitCode, HostileCase } from "../../scripts/hostile/cases";
import { renderDoc } from "../../scripts/hostile/doc";
import { listZip } from "../../scripts/hostile/zip";
import { hasPythonOpenpyxl, inspectXlsx } from "../support/python";
import { tempDir } from "../support/sheets";
import { foreignText } from "../support/userText";

const REPO = path.join(__dirname, "..", "..");
const DIST = path.join(REPO, "dist", "cli");
const CHILD = path.join(DIST, "scripts", "hostile", "child.js");
const OUTSIDE = "uppfoljning-utanfor.xml";

/** Builds dist/cli when it is missing or older than the sources, through the one launcher that leaves the stamp. */
function ensureBuilt(): void {
  execFileSync(process.execPath, [path.join(REPO, "scripts", "run-built.js"), "--build"], { cwd: REPO, stdio: "pipe" });
}

interface Run {
  exit: number | null;
  stdout: string;
  stderr: string;
  /** From the child: the work's wall time and the process's peak RSS. */
  report?: { code: number; ms: number; maxRssMB: number; codes?: { code: string; cell: string | null }[] };
  killed?: string;
  peakRssMB: number;
}

function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const CAP = 256 * 1024;

function runChild(c: HostileCase, input: string, outDir: string, codesDir: string | null): Promise<Run> {
  const args = [CHILD, input, "--out", path.join(outDir, "kopia.xlsx"), "--json", path.join(outDir, "kopia.json"), ...(c.args ?? [])];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.UPPFOLJNING_DEBUG;
  if (codesDir) env.UPPFOLJNING_HOSTILE_CODES = codesDir;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe", "pipe"], env, cwd: path.dirname(input) });
    const run: Run = { exit: null, stdout: "", stderr: "", peakRssMB: 0 };
    let fd3 = "";
    child.stdout?.on("data", (d: Buffer) => void (run.stdout.length < CAP && (run.stdout += d.toString("utf8"))));
    child.stderr?.on("data", (d: Buffer) => void (run.stderr.length < CAP && (run.stderr += d.toString("utf8"))));
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => void (fd3 += d.toString("utf8")));
    const started = Date.now();
    const memoryKill = c.expect.maxRssMB * 2 + 200;
    const timeKill = c.expect.maxMs + 4000;
    const watch = setInterval(() => {
      if (!child.pid) return;
      run.peakRssMB = Math.max(run.peakRssMB, rssMB(child.pid));
      if (run.peakRssMB > memoryKill) run.killed = `stopped at ${Math.round(run.peakRssMB)} MB resident (bound ${c.expect.maxRssMB} MB)`;
      else if (Date.now() - started > timeKill) run.killed = `stopped after ${Date.now() - started} ms (bound ${c.expect.maxMs} ms of work)`;
      if (run.killed) child.kill("SIGKILL");
    }, 50);
    child.on("close", (code) => {
      clearInterval(watch);
      run.exit = code;
      const line = fd3.trim().split("\n").pop();
      if (line) run.report = JSON.parse(line);
      resolve(run);
    });
  });
}

/** The parts the copy edits (or adds); every other part of the input must be in it unchanged. */
const EDITED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"]);

/** What the expectations of a case say about the copy and the figures when the report was written. */
function copyProblems(c: HostileCase, input: string, copy: string, json: string): string[] {
  const problems: string[] = [];
  if (c.expect.json) problems.push(...c.expect.json(JSON.parse(fs.readFileSync(json, "utf8"))));
  if (c.expect.sameNames) {
    const out = listZip(fs.readFileSync(copy));
    for (const e of listZip(fs.readFileSync(input))) {
      const twin = out.find((o) => o.name.equals(e.name));
      if (!twin) problems.push(`the copy has no entry named ${e.name.toString("hex")}`);
      else if ((twin.flags & 0x800) !== (e.flags & 0x800)) problems.push(`the UTF-8 flag of ${e.name.toString("latin1")} changed`);
    }
  }
  if (c.expect.copyOpens && hasPythonOpenpyxl()) {
    const info = inspectXlsx([copy, input], { openpyxl: true });
    const out = info[copy];
    if (!out.openpyxl?.ok) problems.push(`openpyxl cannot open the copy: ${out.openpyxl?.error}`);
    for (const x of out.xml ?? []) if (!x.wellFormed) problems.push(`${x.part} of the copy is not well-formed: ${x.error}`);
    const kept = new Map((out.parts ?? []).map((p) => [p.name, p.sha256]));
    for (const p of info[input].parts ?? []) {
      if (EDITED.has(p.name) || p.error) continue;
      if (!kept.has(p.name)) problems.push(`the copy lost ${p.name}`);
      else if (kept.get(p.name) !== p.sha256) problems.push(`the copy changed ${p.name}`);
    }
  }
  return problems;
}

const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
let root: string;

beforeAll(() => {
  ensureBuilt();
  root = tempDir();
}, 180_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

it("has well-formed cases with unique ids", () => {
  expect(checkCases()).toEqual([]);
  expect(CASES.length).toBeGreaterThanOrEqual(30);
});

it("is documented case by case in docs/fientliga-filer.md", () => {
  expect(fs.readFileSync(path.join(REPO, "docs", "fientliga-filer.md"), "utf8")).toBe(renderDoc());
});

describe.each(CASES.map((c) => [c.id, c] as [string, HostileCase]))("%s", (id, c) => {
  const allowed: readonly ExitCode[] = typeof c.expect.exit === "number" ? [c.expect.exit] : c.expect.exit;
  it(
    `exit ${allowed.join("/")} within ${c.expect.maxMs} ms and ${c.expect.maxRssMB} MB, in Swedish, leaving nothing behind`,
    async () => {
      const dir = path.join(root, id);
      const inDir = path.join(dir, "in");
      const outDir = path.join(dir, "ut");
      const codesDir = c.expect.code ? path.join(dir, "koder") : null;
      for (const d of [inDir, outDir, ...(codesDir ? [codesDir] : [])]) fs.mkdirSync(d, { recursive: true });
      const input = path.join(inDir, "indata.xlsx");
      fs.writeFileSync(input, await c.build());
      const before = sha(input);

      const run = await runChild(c, input, outDir, codesDir);
      const problems: string[] = [];
      if (run.killed) problems.push(run.killed);
      else {
        if (run.exit === 3) problems.push(`exit 3 (internal error): ${run.stderr.trim().slice(0, 300)}`);
        else if (!allowed.includes(run.exit as ExitCode)) problems.push(`exit ${run.exit}, expected ${allowed.join(" or ")}: ${(run.stderr || run.stdout).trim().slice(0, 300)}`);
        if (!run.report) problems.push(`no report from the wrapper (it crashed?): ${run.stderr.trim().slice(0, 300)}`);
        else {
          if (run.report.ms > c.expect.maxMs) problems.push(`took ${Math.round(run.report.ms)} ms of work, bound ${c.expect.maxMs} ms`);
          if (run.report.maxRssMB > c.expect.maxRssMB) problems.push(`peak RSS ${Math.round(run.report.maxRssMB)} MB, bound ${c.expect.maxRssMB} MB`);
        }
      }
      problems.push(...foreignText(run.stderr + run.stdout, [dir]));
      const left = fs.readdirSync(outDir).sort();
      if (run.exit !== 0 && left.length) problems.push(`left in the output folder: ${left.join(", ")}`);
      if (run.exit === 0 && JSON.stringify(left) !== JSON.stringify(["kopia.json", "kopia.xlsx"])) problems.push(`output folder holds ${JSON.stringify(left)}`);
      if (sha(input) !== before) problems.push("the input file was changed");
      for (const candidate of [path.resolve(outDir, "..", "..", OUTSIDE), path.resolve(inDir, "..", "..", OUTSIDE), path.resolve(root, "..", OUTSIDE)]) {
        if (fs.existsSync(candidate)) problems.push(`a file was written outside the output folder: ${candidate}`);
      }
      if (c.expect.cell && run.exit === 1 && !run.stderr.includes(c.expect.cell)) problems.push(`the message does not name ${c.expect.cell}: ${run.stderr.trim().slice(0, 300)}`);
      if (c.expect.message && run.exit !== 0 && !run.stderr.includes(c.expect.message)) problems.push(`the message does not say ${JSON.stringify(c.expect.message)}: ${run.stderr.trim().slice(0, 300)}`);
      if (run.exit === 0) problems.push(...copyProblems(c, input, path.join(outDir, "kopia.xlsx"), path.join(outDir, "kopia.json")));
      if (c.expect.code && run.report && !(run.report.codes ?? []).some((x) => x.code === c.expect.code)) {
        problems.push(`code ${c.expect.code} not among ${JSON.stringify(run.report.codes)}`);
      }
      for (const f of c.expect.forbidden ?? []) {
        const json = path.join(outDir, "kopia.json");
        if ((run.stdout + run.stderr).includes(f) || (fs.existsSync(json) && fs.readFileSync(json, "utf8").includes(f))) problems.push(`output contains ${JSON.stringify(f)}`);
      }
      if (c.expect.reportCellsMax !== undefined && run.exit === 0 && hasPythonOpenpyxl()) {
        const out = path.join(outDir, "kopia.xlsx");
        const info = inspectXlsx([out], { cells: true, openpyxl: false })[out];
        const longest = Math.max(...Object.entries(info.cells ?? {}).filter(([s]) => s === "Rapport").map(([, v]) => v.maxChars ?? 0), 0);
        if (longest > c.expect.reportCellsMax) problems.push(`a report cell holds ${longest} characters, more than ${c.expect.reportCellsMax}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
      expect(problems).toEqual([]);
    },
    c.expect.maxMs + 60_000,
  );
});
