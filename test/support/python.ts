/**
 * The Python side of the package tests: Debian's /usr/bin/python3 with python3-openpyxl (not a pyenv python3
 * that may come first on PATH). Scripts live in test/support/python/. Without them the tests that need them
 * are skipped with a visible warning, except under CI=true, where a missing package fails the run.
 */
import { ChildProcessWithoutNullStreams, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as readline from "readline";

export const PYTHON = "/usr/bin/python3";
export const PYTHON_DIR = path.join(__dirname, "python");

const PY_ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" };

let available: boolean | undefined;

/** Whether /usr/bin/python3 can import openpyxl; warns (or, under CI=true, throws) when it cannot. */
export function hasPythonOpenpyxl(): boolean {
  if (available !== undefined) return available;
  try {
    execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
    available = true;
  } catch {
    const message = `${PYTHON} med modulen openpyxl saknas (Debian-paketet python3-openpyxl); testerna som behöver det hoppas över.`;
    if (process.env.CI === "true") throw new Error(`${message} Under CI=true måste det finnas: .ci/run installerar det.`);
    console.warn(`VARNING: ${message}`);
    available = false;
  }
  return available;
}

/** Runs one of the scripts and returns its stdout (throws with stderr on a non-zero exit outside `okCodes`). */
export function runPython(script: string, args: string[], okCodes: number[] = [0]): string {
  try {
    return execFileSync(PYTHON, [path.join(PYTHON_DIR, script), ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, env: PY_ENV });
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status !== undefined && okCodes.includes(err.status) && err.stdout !== undefined) return err.stdout;
    throw new Error(`${script} ${args.join(" ")} failed (${err.status}): ${err.stderr ?? e}`);
  }
}

export interface ContractAdded {
  ok: boolean;
  input: string;
  sheet?: string;
  reportSheet?: string;
  part?: string;
  names?: Record<string, string>;
  strict?: boolean;
  /** The user's workbook-scoped names that would have been read as contract ranges, renamed aside. */
  renamed?: Record<string, string>;
  reason?: "unreadable" | "no-workbook" | "conflict";
  error?: string;
}

/** add_contract.py for many files in one process: [input, output] pairs, one result per pair. */
export function addContract(pairs: [string, string][]): ContractAdded[] {
  if (!pairs.length) return [];
  const out = runPython("add_contract.py", pairs.flat(), [0, 2, 3]);
  return out.trim().split("\n").map((line) => JSON.parse(line) as ContractAdded);
}

export interface SheetInfo {
  name: string;
  sheetId: string | null;
  state: string;
  rid: string | null;
  part: string | null;
  exists: boolean;
  relType: string | null;
  contentType: string | null;
  tabSelected: boolean | null;
  relsPart: string | null;
  relTargets: string[];
  /** Every part the sheet reaches through relationships at any depth (a drawing, its charts, theirs), rels included. */
  ownedParts?: string[];
  /** Largest cell style index (`s`) used in the sheet, -1 when none. */
  maxStyle?: number;
  /** Cells (A1 form) holding a formula with no value or an empty one. */
  formulasWithoutValue?: string[];
  /** Namespace of the sheet part's root element. */
  rootNs?: string | null;
}

export interface StyleSection {
  occurrences: number;
  count?: string | null;
  children?: number;
  digests?: string[];
  refs?: Record<"numFmtId" | "fontId" | "fillId" | "borderId" | "xfId", string | null>[];
  ids?: (string | null)[];
}

export interface DefinedNameInfo {
  name: string;
  value: string;
  scope: string | null;
  localSheetId: string | null;
  hidden: string | null;
}

export interface Inspection {
  file: string;
  zipError?: string;
  zip?: { entries: string[]; duplicates: string[]; badNames: string[] };
  parts?: { name: string; sha256?: string; size?: number; error?: string }[];
  xml?: { part: string; wellFormed: boolean; error: string | null; dtd: boolean; encoding: string }[];
  contentTypes?: { missing?: string[]; error?: string };
  workbook?: { part: string; rels: string | null; ns: string; root: string; relTargets: { type: string; part: string | null; mode: string }[]; children: string[] };
  workbookError?: string;
  sheets?: SheetInfo[];
  active?: { index: number; name: string | null; bookViews: boolean; firstSheet: number };
  names?: DefinedNameInfo[];
  app?: { titles: string[] | null; headingPairs: [string | null, number | null][] | null; consistent: boolean; error?: string };
  cells?: Record<string, { maxChars?: number; error?: string }>;
  styles?: { part: string; error?: string; root?: string; sections?: Record<string, StyleSection>; foreign?: string[] };
  openpyxl?: { ok: boolean; error?: string; sheetnames?: string[]; missing?: boolean };
}

/** inspect_xlsx.py for many files in one process. */
export function inspectXlsx(files: string[], options: { cells?: boolean; openpyxl?: boolean | "only" } = {}): Record<string, Inspection> {
  if (!files.length) return {};
  const flags = [
    ...(options.cells ? ["--cells"] : []),
    ...(options.openpyxl === false ? ["--no-openpyxl"] : options.openpyxl === "only" ? ["--only-openpyxl"] : []),
  ];
  const parsed = JSON.parse(runPython("inspect_xlsx.py", [...flags, ...files]));
  return files.length === 1 ? { [files[0]]: parsed as Inspection } : (parsed as Record<string, Inspection>);
}

/**
 * One long-lived inspect_xlsx.py (`--serve`): a request per line, a JSON answer per line, so that a test per
 * file does not pay for starting Python and importing openpyxl each time.
 */
export class Inspector {
  private child: ChildProcessWithoutNullStreams;
  private waiting: ((line: string) => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    this.child = spawn(PYTHON, [path.join(PYTHON_DIR, "inspect_xlsx.py"), "--serve"], { stdio: ["pipe", "pipe", "pipe"], env: PY_ENV });
    readline.createInterface({ input: this.child.stdout }).on("line", (line) => this.waiting.shift()?.(line));
    this.child.stderr.on("data", (d) => process.stderr.write(d));
    this.child.on("exit", (code) => {
      // Answer whoever still waits, so a crash fails their test instead of hanging it.
      for (const w of this.waiting.splice(0)) w(JSON.stringify({ serveError: `inspect_xlsx.py ended (exit ${code})` }));
    });
  }

  inspect(file: string, options: { cells?: boolean; openpyxl?: boolean } = {}): Promise<Inspection> {
    const next = this.queue.then(
      () =>
        new Promise<Inspection>((resolve, reject) => {
          this.waiting.push((line) => {
            const answer = JSON.parse(line) as Inspection & { serveError?: string };
            if (answer.serveError) reject(new Error(`inspect_xlsx.py: ${answer.serveError}`));
            else resolve(answer);
          });
          this.child.stdin.write(JSON.stringify({ file, cells: !!options.cells, openpyxl: options.openpyxl !== false }) + "\n");
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.child.stdin.end();
  }
}

/** True when the path exists; for tidy assertions. */
export function exists(file: string): boolean {
  return fs.existsSync(file);
}
