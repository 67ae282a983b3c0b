import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UppfoljningError } from "../../findings/errors";
import { Finding } from "../../findings/findings";
import { compute } from "../../pipeline";
import { buildReport } from "../../report/build";
import { toContractJson } from "../../report/json";
import { layoutReport } from "../../report/layout";
import { loadXlsx } from "./readXlsx";
import { renderXlsx } from "./renderXlsx";
import { scanXlsx } from "./scanXlsx";
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
 * report alone with `reportOnly`) and optionally the `--json` figures. The input file is only ever read.
 * Outputs are written to a temporary file and renamed, so a failure never leaves half a file.
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
  if (scanned.unsupportedParts.length && !options.reportOnly) {
    throw new UppfoljningError("UNSUPPORTED_PARTS", { parts: joinSwedish(scanned.unsupportedParts) });
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
  const target = options.reportOnly ? new ExcelJS.Workbook() : (await loadXlsx(input)).workbook;
  phase("copy");
  target.creator = target.creator || "Uppföljning";
  renderXlsx(target, layout);
  await writeAtomically(out, async (tmp) => target.xlsx.writeFile(tmp));
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

function joinSwedish(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}
