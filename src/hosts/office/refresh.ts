/// <reference types="office-js" />
import { FoundRange } from "../../contract/readContract";
import { UppfoljningError } from "../../findings/errors";
import { PublicFinding, toPublic } from "../../findings/findings";
import { compute } from "../../pipeline";
import { buildReport } from "../../report/build";
import { extractExplanations, isOwnReport } from "../../report/explanations";
import { layoutReport } from "../../report/layout";
import { CellValue } from "../../report/model";
import { summarise, Summary } from "../../report/summary";
import { readOfficeSource } from "./officeSource";
import { writeLayout } from "./renderOffice";

export const DEFAULT_REPORT_SHEET = "Rapport";

export interface RefreshOutcome {
  ok: boolean;
  findings: PublicFinding[];
  found: FoundRange[];
  summary: Summary | null;
  sheetName: string | null;
  syncs: number;
}

export interface RefreshOptions {
  now?: Date;
  /** Whether the running Excel supports an ExcelApi version, e.g. "1.9". */
  supports: (version: string) => boolean;
  /** Largest request to send; the default stays under Excel on the web's 5 MB limit. */
  maxRequestBytes?: number;
  /** Largest response to ask for when reading (Excel on the web: 4 MB; desktop: no limit). */
  maxResponseBytes?: number;
}

function tempName(base: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const suffix = ` (ny${i > 1 ? " " + i : ""})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.some((t) => t.toLowerCase() === name.toLowerCase())) return name;
  }
}

/**
 * Refreshes the report tab inside Excel. The new report is written in full to a hidden sheet first; only then
 * is the old one replaced, so a failure at any point leaves the previous report as it was. Inputs and other
 * sheets are never written. Round trips: two to read and one to write and swap (more only where Excel on the
 * web's size limits ask for slices).
 */
export async function refreshReport(context: Excel.RequestContext, options: RefreshOptions): Promise<RefreshOutcome> {
  let syncs = 0;
  const counted = async () => {
    await context.sync();
    syncs++;
  };
  const read = await readOfficeSource(context, DEFAULT_REPORT_SHEET, { maxResponseBytes: options.maxResponseBytes });
  syncs += read.syncs;
  const computation = compute(read.source, options.now);
  const found = computation.input.found;
  if (!computation.ok) return { ok: false, findings: computation.findings.map(toPublic), found, summary: null, sheetName: null, syncs };
  const { result, findings } = computation;
  const sheetName = result.settings.reportSheet;

  let previousValues: CellValue[][] | null = read.previousReport;
  if (sheetName.toLowerCase() !== DEFAULT_REPORT_SHEET.toLowerCase()) {
    const used = context.workbook.worksheets.getItemOrNullObject(sheetName).getUsedRangeOrNullObject(true);
    used.load("values");
    await counted();
    previousValues = used.isNullObject ? null : (used.values as CellValue[][]);
  }
  const exists = read.sheetNames.some((n) => n.toLowerCase() === sheetName.toLowerCase());
  for (const e of read.source.entries) {
    if (e.lookup.kind === "cells" && e.lookup.range.sheet.toLowerCase() === sheetName.toLowerCase()) {
      throw new UppfoljningError("REPORT_SHEET_IS_INPUT", { sheet: sheetName, range: e.name });
    }
  }
  if (exists && !(previousValues && isOwnReport(previousValues))) throw new UppfoljningError("REPORT_SHEET_TAKEN", { sheet: sheetName });

  const explanations = previousValues ? extractExplanations(previousValues) : new Map();
  const model = buildReport(result, findings, { now: options.now ?? new Date(), explanations });
  const layout = layoutReport(model);

  const sheets = context.workbook.worksheets;
  const fresh = sheets.add(tempName(sheetName, read.sheetNames));
  fresh.visibility = Excel.SheetVisibility.hidden;
  try {
    if (options.supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
    syncs += await writeLayout(context, fresh, layout, options.supports, options.maxRequestBytes);
    // The swap goes in the same request as the last of the writing: Excel runs a request's operations in
    // order and stops at the first that fails, so the old report is replaced only once the new one is whole.
    if (exists) {
      const old = sheets.getItem(sheetName);
      old.name = tempName(`${sheetName} gammal`, read.sheetNames);
      fresh.name = sheetName;
      old.delete();
    } else {
      fresh.name = sheetName;
    }
    fresh.visibility = Excel.SheetVisibility.visible;
    fresh.position = 0;
    fresh.activate();
    await counted();
  } catch (e) {
    try {
      fresh.delete();
      await context.sync();
    } catch {
      // The temporary sheet may not exist; the previous report is untouched either way.
    }
    throw e;
  }
  return { ok: true, findings: findings.map(toPublic), found, summary: summarise(result), sheetName, syncs };
}
