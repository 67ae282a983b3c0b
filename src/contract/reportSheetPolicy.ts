/**
 * The report tab's rules, for both hosts and for the settings it is named by: which names a sheet may have in Excel,
 * which sheet the report may take (never one holding an input range, never one that is not a report of ours), how a
 * report of ours is recognised, and the explanations read back from the previous one. The command line, the Office
 * host and readSettings all ask here, so they refuse the same names in the same words.
 *
 *   reportSheetNameProblem("History")     // "Excel reserverar namnet History …": readSettings makes it a finding
 *   const existing = reportSheetTarget(name, source, sheetNames)        // throws REPORT_SHEET_IS_INPUT
 *   const explanations = previousReport(name, existing, previousValues) // throws REPORT_SHEET_TAKEN
 */
import { UppfoljningError } from "../findings/errors";
import { SourceWorkbook } from "./source";

/** The report tab's name when Inställningar names none. */
export const DEFAULT_REPORT_SHEET = "Rapport";

/** Written into the report's hidden key column on the first row, so a refresh knows the tab is its own. */
export const REPORT_MARKER = "Uppföljning-rapport v1";

/** A value of a sheet as hosts read it back. */
export type SheetValue = string | number | boolean | null;

/** An explanation found in the previous report: its text and the label its row had. */
export interface Explanation {
  text: string;
  label: string;
}

/** Longest sheet name Excel takes. */
export const MAX_SHEET_NAME = 31;

/**
 * Why Excel would refuse `name` for a sheet, as a hint for the setting Rapportflik, or null when it may be used.
 * Microsoft: a worksheet name cannot "exceed 31 characters, contain / \ ? * : [ ], begin or end with an apostrophe
 * ('), or be named History" (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
export function reportSheetNameProblem(name: string): string | null {
  if (name.length > MAX_SHEET_NAME || /[[\]:*?/\\]/.test(name)) return "Ett bladnamn får ha högst 31 tecken och inte innehålla [ ] : * ? / \\.";
  // Control characters (a `_x0001_` in the cell) cannot stand in a sheet's name, nor in the workbook's XML at all.
  if (/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name)) return "Ett bladnamn får inte innehålla styrtecken.";
  if (name.startsWith("'") || name.endsWith("'")) return "Ett bladnamn får inte börja eller sluta med apostrof (').";
  if (name.toLowerCase() === "history") return "Excel reserverar namnet History för ett eget blad; välj ett annat namn.";
  if (name.toLowerCase() === "prognoshistorik") return "Bladet Prognoshistorik är prognoshistorikens eget; välj ett annat namn på rapportfliken.";
  return null;
}

/** The workbook's sheet of that name, compared as Excel compares sheet names (case ignored), or null. */
export function findSheet(name: string, sheetNames: readonly string[]): string | null {
  const lower = name.toLowerCase();
  return sheetNames.find((n) => n.toLowerCase() === lower) ?? null;
}

/**
 * Where the report goes: the existing sheet of its name (to be rebuilt, once previousReport has agreed), or null
 * for a new one. Throws REPORT_SHEET_IS_INPUT when that sheet holds one of the input ranges.
 */
export function reportSheetTarget(sheetName: string, source: SourceWorkbook, sheetNames: readonly string[]): string | null {
  const lower = sheetName.toLowerCase();
  for (const e of source.entries) {
    if (e.lookup.kind === "cells" && e.lookup.range.sheet.toLowerCase() === lower) throw new UppfoljningError("REPORT_SHEET_IS_INPUT", { sheet: sheetName, range: e.name });
  }
  return findSheet(sheetName, sheetNames);
}

/**
 * The explanations typed into the previous report, when the sheet that is there is one (`values` are its cells as
 * read). Throws REPORT_SHEET_TAKEN when a sheet of that name exists and is not a report of ours: it is the user's.
 */
export function previousReport(sheetName: string, existing: string | null, values: readonly (readonly SheetValue[])[] | null): Map<string, Explanation> {
  if (existing === null) return new Map();
  if (!values || !isOwnReport(values)) throw new UppfoljningError("REPORT_SHEET_TAKEN", { sheet: sheetName });
  return extractExplanations(values);
}

/** True when a sheet's values show it is a report this add-in wrote. */
export function isOwnReport(values: readonly (readonly SheetValue[])[]): boolean {
  return values.some((row) => row.some((v) => v === REPORT_MARKER));
}

const KEY = /^(rr|ansvar|ind|risk|inv)\|/;

/**
 * Collects the explanations typed into a previous report: on each row, the cell left of the row key
 * (the Förklaring column) holds the text, and the first cell the row's label. Empty ones are skipped.
 */
export function extractExplanations(values: readonly (readonly SheetValue[])[]): Map<string, Explanation> {
  const found = new Map<string, Explanation>();
  for (const row of values) {
    for (let c = 1; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || !KEY.test(v)) continue;
      const text = row[c - 1];
      if (text !== null && text !== undefined && String(text).trim() !== "" && !found.has(v)) {
        found.set(v, { text: String(text), label: row[0] === null || row[0] === undefined ? "" : String(row[0]) });
      }
      break;
    }
  }
  return found;
}
