/**
 * The worker thread of sheetThreads.ts: reads the rectangles of the sheets it is sent, with the same reader and
 * checks as the main thread, and replies with the grids (typed arrays transferred), merges, shared-string
 * indices and its extra strings. Refusals go back as their code and parameters.
 */
import { parentPort } from "worker_threads";
import { UppfoljningError } from "../../../../findings/errors";
import { StringPool } from "./grid";
import { scanEntry } from "./parts";
import { SheetReader } from "./sheetReader";
import { WorkerJob, WorkerReply, WorkerSheetResult } from "./sheetThreads";
import { ZipArchive } from "../zip/archive";

async function run(job: WorkerJob): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  const pool = new StringPool();
  pool.date1904 = job.date1904;
  pool.path = job.file;
  const sheets: WorkerSheetResult[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const s of job.sheets) {
    const raw = Buffer.from(s.raw.buffer, s.raw.byteOffset, s.raw.byteLength);
    const zip = new ZipArchive(raw, [s.entry], job.file);
    const reader = new SheetReader(s.rects, pool, job.styles);
    await scanEntry(zip, s.entry, reader.attach(s.entry.part, job.file), job.file);
    sheets.push({
      grids: reader.results.map((r) => {
        const grid = r.grid.toTransfer();
        for (const c of grid.columns) transfer.push(c.kind.buffer as ArrayBuffer, c.num.buffer as ArrayBuffer, c.fmt.buffer as ArrayBuffer);
        return { rect: r.rect, grid, hiddenRows: r.hiddenRows, truncated: r.truncated };
      }),
      merges: reader.merges,
      shared: [...reader.sharedUsed],
    });
  }
  return { reply: { ok: true, sheets, extra: pool.extra }, transfer };
}

const port = parentPort;
if (port) {
  port.once("message", (job: WorkerJob) => {
    run(job).then(
      ({ reply, transfer }) => port.postMessage(reply, transfer),
      (e: unknown) => {
        const reply: WorkerReply =
          e instanceof UppfoljningError
            ? { ok: false, code: e.code, params: e.params, message: e.message }
            : { ok: false, code: null, params: {}, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
        port.postMessage(reply);
      },
    );
  });
}
