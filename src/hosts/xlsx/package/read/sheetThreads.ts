/**
 * Reading sheets on a second thread. A workbook's Budget and Utfall usually sit on two sheets; with two cores the
 * smaller ones are read by a worker thread while this thread reads the largest, and their grids come back with
 * their typed arrays transferred, not copied. The worker runs the same reader (sheetWorker.ts) on a copy of the
 * parts' compressed bytes, with the same checks; its refusals come back as the same typed errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { UppfoljningError } from "../../../../findings/errors";
import { FailureCode } from "../../../../findings/messages";
import { AnyParamValue } from "../../../../findings/params";
import { ColumnGrid, GridTransfer, StringPool } from "./grid";
import { Rect, RectResult, StyleInfo } from "./sheetReader";
import { WorkbookPackage } from "./workbookPackage";
import { ZipEntry } from "../zip/archive";

/** When sheets are read on a second thread: `auto` when it pays (two cores, large sheets), `never`, or `always` (tests). */
export type Threads = "auto" | "never" | "always";

/** Compressed bytes of the sheets a worker would read, below which starting it (about 40 ms) does not pay. */
const WORKER_MIN_BYTES = 1 << 20;

/** The worker's script: the compiled sheetWorker.js beside this file, or null when running from sources. */
function workerScript(): string | null {
  const js = path.join(__dirname, "sheetWorker.js");
  return __filename.endsWith(".js") && fs.existsSync(js) ? js : null;
}

/** Whether reading `entries` on a worker thread is worth it (and possible). */
export function workerWorthIt(entries: readonly (ZipEntry | null)[], threads: Threads = "auto"): boolean {
  if (threads === "never" || entries.every((e) => e === null) || workerScript() === null) return false;
  if (threads === "always") return true;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const bytes = entries.reduce((s, e) => s + (e?.compressedSize ?? 0), 0);
  return cores >= 2 && bytes >= WORKER_MIN_BYTES;
}

/** One sheet for the worker: its part's entry (offset 0 in `raw`), the compressed bytes, and the rectangles to read. */
export interface WorkerSheet {
  entry: ZipEntry;
  raw: Uint8Array;
  rects: Rect[];
}

export interface WorkerJob {
  file: string;
  styles: StyleInfo;
  date1904: boolean;
  sheets: WorkerSheet[];
}

export interface WorkerSheetResult {
  grids: { rect: Rect; grid: GridTransfer; hiddenRows: number[]; truncated: { row: number; col: number }[] }[];
  merges: Rect[];
  shared: number[];
}

export type WorkerReply =
  | { ok: true; sheets: WorkerSheetResult[]; extra: string[] }
  | { ok: false; code: FailureCode | null; params: Readonly<Record<string, AnyParamValue>>; message: string };

/** What a worker read, taken over sheet by sheet into this thread's string pool. */
export class WorkerRead {
  private offset: number | null = null;

  constructor(
    private readonly reply: Extract<WorkerReply, { ok: true }>,
    private readonly formats: readonly (string | null)[],
  ) {}

  adopt(i: number, pool: StringPool): { results: RectResult[]; merges: Rect[]; shared: Set<number> } {
    this.offset ??= pool.append(this.reply.extra);
    const s = this.reply.sheets[i];
    const results = s.grids.map((g) => ({ rect: g.rect, grid: ColumnGrid.fromTransfer(g.grid, pool, this.offset as number, this.formats), hiddenRows: g.hiddenRows, truncated: g.truncated }));
    // The worker counted its cells against the limit on its own; here they count with this thread's.
    pool.keepCells(results.reduce((n, r) => n + r.grid.cellCount, 0));
    return {
      results,
      merges: s.merges,
      shared: new Set(s.shared),
    };
  }
}

/** Reads `sheets` of `pkg` on a worker thread. Their sizes count against the package's limits from now. */
export function readSheetsInWorker(pkg: WorkbookPackage, sheets: { entry: ZipEntry; rects: Rect[] }[], styles: StyleInfo): Promise<WorkerRead> {
  const script = workerScript() as string;
  const job: WorkerJob = {
    file: pkg.file,
    styles,
    date1904: pkg.date1904,
    sheets: sheets.map(({ entry, rects }) => {
      pkg.zip.reserve(entry);
      return { entry: { ...entry, dataOffset: 0 }, raw: new Uint8Array(pkg.zip.raw(entry)), rects };
    }),
  };
  return new Promise<WorkerRead>((resolve, reject) => {
    const worker = new Worker(script);
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.once("message", (reply: WorkerReply) =>
      settle(() => {
        if (reply.ok) resolve(new WorkerRead(reply, styles.formats));
        else reject(reply.code ? UppfoljningError.revive(reply.code, reply.params) : new Error(reply.message));
      }),
    );
    worker.once("error", (e) => settle(() => reject(e)));
    worker.once("exit", (code) => settle(() => reject(new Error(`arbetstråden avslutades (${code})`))));
    worker.postMessage(job, job.sheets.map((s) => s.raw.buffer as ArrayBuffer));
  });
}
