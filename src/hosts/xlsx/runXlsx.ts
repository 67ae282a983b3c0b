import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UppfoljningError } from "../../findings/errors";
import { Finding } from "../../findings/findings";
import { compute } from "../../pipeline";
import { buildReport } from "../../report/build";
import { toContractJson } from "../../report/json";
import { layoutReport } from "../../report/layout";
import { renderXlsx } from "./renderXlsx";
import { scanXlsx } from "./scanXlsx";
import { spliceReport } from "./spliceReport";
import { extractExplanations, isOwnReport } from "../../report/explanations";

export interface RunOptions {
  input: string;
  out: string;
  json?: string;
  reportOnly?: boolean;
  now?: Date;
  /** Told how long each phase took, for the benchmark. */
  onPhase?: (phase: Phase, ms: number) => void;
}

export type Phase = "read" | "compute" | "model" | "copy" | "write";

export type RunOutcome =
  | { ok: true; findings: Finding[]; out: string; json: string | null }
  | { ok: false; findings: Finding[] };

/**
 * Reads a workbook, computes, and writes `out` (the input workbook with the report tab rebuilt, or the
 * report alone with `reportOnly`) and optionally the `--json` figures. The input file is only ever read; the
 * copy keeps every other part of it byte for byte (see spliceReport). Outputs are written to a temporary file
 * and renamed, so a failure never leaves half a file.
 */
export async function runXlsx(options: RunOptions): Promise<RunOutcome> {
  const input = path.resolve(options.input);
  const out = path.resolve(options.out);
  if (samePath(input, out) || (options.json && samePath(input, path.resolve(options.json)))) {
    throw new UppfoljningError("OUT_IS_INPUT", { path: options.input });
  }
  let clock = performance.now();
  const phase = (name: Phase) => {
    const now = performance.now();
    options.onPhase?.(name, now - clock);
    clock = now;
  };
  const scanned = await scanXlsx(input);
  phase("read");
  const computation = compute(scanned.source, options.now);
  phase("compute");
  if (!computation.ok) return { ok: false, findings: computation.findings };
  const { result, findings } = computation;
  if (!options.reportOnly && scanned.unsupportedParts.includes("makron") && !/\.xlsm$/i.test(out)) {
    throw new UppfoljningError("MACROS_NEED_XLSM", { path: options.out });
  }
  const sheetName = result.settings.reportSheet;
  for (const e of scanned.source.entries) {
    if (e.lookup.kind === "cells" && e.lookup.range.sheet.toLowerCase() === sheetName.toLowerCase()) {
      throw new UppfoljningError("REPORT_SHEET_IS_INPUT", { sheet: sheetName, range: e.name });
    }
  }
  const previous = await scanned.readWholeSheet(sheetName);
  if (previous && !isOwnReport(previous)) throw new UppfoljningError("REPORT_SHEET_TAKEN", { sheet: sheetName });
  const explanations = previous ? extractExplanations(previous) : new Map();
  const model = buildReport(result, findings, { now: options.now ?? new Date(), explanations });
  const layout = layoutReport(model);
  phase("model");
  const report = new ExcelJS.Workbook();
  report.creator = "Uppföljning";
  renderXlsx(report, layout);
  const reportBytes = Buffer.from(await report.xlsx.writeBuffer());
  const repeat = layout.print.repeatRows;
  const bytes = options.reportOnly
    ? reportBytes
    : await spliceReport(scanned.bytes, reportBytes, layout.sheetName, repeat ? `$${repeat[0] + 1}:$${repeat[1] + 1}` : null);
  phase("copy");
  await writeAtomically(out, async (tmp) => fs.promises.writeFile(tmp, bytes));
  if (options.json) {
    const doc = JSON.stringify(toContractJson(result, findings), null, 2) + "\n";
    await writeAtomically(path.resolve(options.json), async (tmp) => fs.promises.writeFile(tmp, doc, "utf8"));
  }
  phase("write");
  return { ok: true, findings, out, json: options.json ? path.resolve(options.json) : null };
}

function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

async function writeAtomically(target: string, write: (tmp: string) => Promise<unknown>): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof UppfoljningError) throw e;
    throw new UppfoljningError("WRITE_FAILED", { path: target, detail: e instanceof Error ? e.message : String(e) });
  }
}

