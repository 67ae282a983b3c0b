import * as fs from "fs";
import * as path from "path";
import { previousReport, reportSheetTarget } from "../../contract/reportSheetPolicy";
import { isContractRangeName } from "../../contract/schema";
import { UppfoljningError } from "../../findings/errors";
import { Finding } from "../../findings/findings";
import { compute } from "../../pipeline";
import { buildReport } from "../../report/build";
import { contractJsonBytes } from "../../report/json";
import { layoutReport, printAreaOf } from "../../report/layout";
import { LIMITS } from "./package/limits";
import { CONTENT_TYPES_NS } from "./package/namespaces";
import { readWorkbook } from "./package/read/readWorkbook";
import { checkSignature } from "./package/zip/signature";
import { reportOnlyPackage, spliceReport, SpliceOptions } from "./package/write/splice";
import { WorkbookPackage } from "./package/read/workbookPackage";
import { reasonOf, writeOutputs } from "./package/write/outputs";
import { openHistorySheet } from "./package/write/historySheet";
import { historyTarget, historyWanted, planHistory } from "../../contract/historyWrite";
import { HISTORY_RANGE } from "../../contract/readHistory";
import { currentLines } from "../../engine/historyInput";

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

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    try {
      return fs.realpathSync(a) === fs.realpathSync(b);
    } catch {
      return false;
    }
  }
}

function readInput(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UppfoljningError("FILE_NOT_FOUND", { path: file });
  }
  if (!stat.isFile()) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path: file });
  if (stat.size > LIMITS.maxFileBytes) throw new UppfoljningError("FILE_TOO_LARGE", { path: file, limit: LIMITS.maxFileBytes });
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UppfoljningError("FILE_UNREADABLE", { path: file, detail: reasonOf(e) });
  }
}

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** The extension the copy must have for Excel to open it: the same kind of workbook as the input. */
function expectedExtension(pkg: WorkbookPackage): ".xlsx" | ".xlsm" {
  const wanted = "/" + pkg.workbookPart.toLowerCase();
  const override = pkg.contentTypes.root.elements("Override", CONTENT_TYPES_NS).find((o) => (o.attr("PartName") ?? "").toLowerCase() === wanted);
  return override?.attr("ContentType") === MACRO_MAIN ? ".xlsm" : ".xlsx";
}

/**
 * Reads a workbook, computes, and writes `out` (the input workbook with the report tab rebuilt, or the
 * report alone with `reportOnly`) and optionally the `--json` figures. The input file is only ever read; the
 * copy keeps every other part of it as it was (see package/write/splice.ts). All outputs appear, or none.
 */
export async function runXlsx(options: RunOptions): Promise<RunOutcome> {
  const input = path.resolve(options.input);
  const out = path.resolve(options.out);
  const json = options.json ? path.resolve(options.json) : null;
  if (sameFile(input, out)) throw new UppfoljningError("OUT_IS_INPUT", { path: options.out });
  if (json && sameFile(input, json)) throw new UppfoljningError("OUT_IS_INPUT", { path: options.json as string });
  if (json && sameFile(out, json)) throw new UppfoljningError("JSON_IS_OUT", { path: options.json as string });
  let clock = performance.now();
  const phase = (name: Phase) => {
    const now = performance.now();
    options.onPhase?.(name, now - clock);
    clock = now;
  };
  const bytes = readInput(input);
  checkSignature(bytes, options.input);
  const wb = await readWorkbook(bytes, options.input, isContractRangeName);
  phase("read");
  const computation = compute(wb.source, options.now);
  phase("compute");
  if (!computation.ok) return { ok: false, findings: computation.findings };
  const { result, findings } = computation;
  const extension = options.reportOnly ? ".xlsx" : expectedExtension(wb.pkg);
  if (path.extname(out).toLowerCase() !== extension) {
    throw new UppfoljningError(extension === ".xlsm" ? "MACROS_NEED_XLSM" : "OUT_NEEDS_XLSX", { path: options.out });
  }
  // The name itself was judged with the settings (reportSheetPolicy), as in Excel.
  const sheetName = result.settings.reportSheet;
  const existing = reportSheetTarget(sheetName, wb.source, wb.sheetNames);
  const explanations = previousReport(sheetName, existing, existing === null ? null : await wb.readWholeSheet(existing));
  // The current forecast goes into Prognoshistorik (never with --report-only, whose output holds the report alone).
  let history: SpliceOptions["history"];
  if (!options.reportOnly && historyWanted(result.settings, result.income.hasForecast, result.income.rowCount)) {
    const lines = currentLines(result.income);
    const target = historyTarget(computation.input.historyLayout, wb.sheetNames, lines.some((l) => l.responsibility !== null));
    const sheet = target.kind === "update" ? openHistorySheet(wb.pkg, target.layout, HISTORY_RANGE) : null;
    if (target.kind === "none") findings.push(...target.findings);
    else if (target.kind === "create" || sheet) {
      const current = { year: result.settings.year, period: result.settings.months, lines, costsPositive: result.settings.costsPositive, now: options.now ?? new Date() };
      const planned = planHistory(target, sheet?.facts ?? null, current);
      findings.push(...planned.findings);
      if (planned.plan) history = { plan: planned.plan, sheet };
    }
  }
  const model = buildReport(result, findings, { now: options.now ?? new Date(), explanations });
  const layout = layoutReport(model);
  phase("model");
  const splice: SpliceOptions = { sheetName: layout.sheetName, printArea: printAreaOf(layout), now: options.now, history };
  const copy = options.reportOnly ? reportOnlyPackage(layout, splice) : spliceReport(wb.pkg, layout, splice);
  phase("copy");
  const outputs = [{ path: out, data: copy }];
  if (json) outputs.push({ path: json, data: contractJsonBytes(result, findings) });
  writeOutputs(outputs);
  phase("write");
  return { ok: true, findings, out, json };
}
