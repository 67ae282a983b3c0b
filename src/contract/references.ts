/**
 * What a defined name or a table points at: one rectangle of one sheet, or why it is not one. Both hosts judge
 * names with this one function, so the command line and Excel give the same findings for the same workbook.
 */
import { columnNumber, Rect, SHEET_COLUMNS, SHEET_ROWS } from "../core/references";
import { RangeLookup } from "./source";

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!]+))!`;
const CELLS = new RegExp(`^${SHEET}\\$?([A-Z]{1,3})\\$?(\\d{1,7})(?::\\$?([A-Z]{1,3})\\$?(\\d{1,7}))?$`);
const COLUMNS = new RegExp(`^${SHEET}\\$?([A-Z]{1,3}):\\$?([A-Z]{1,3})$`);
const ROWS = new RegExp(`^${SHEET}\\$?(\\d{1,7}):\\$?(\\d{1,7})$`);

/**
 * Where a name's formula points: a sheet and a rectangle (1-based, inclusive, within Excel's limits), or why it
 * is not one block of cells (a broken reference, a constant or formula, several areas).
 */
export function classifyFormula(formula: string, sheetNames: readonly string[]): { sheet: string; rect: Rect } | Exclude<RangeLookup, { kind: "cells" }> {
  const f = formula.replace(/^=/, "").trim();
  if (f.includes("#REF!")) return { kind: "brokenRef", formula: f };
  const cells = CELLS.exec(f);
  const columns = cells ? null : COLUMNS.exec(f);
  const rows = cells || columns ? null : ROWS.exec(f);
  const m = cells ?? columns ?? rows;
  if (!m) {
    const parts = splitTopLevel(f);
    if (parts.length > 1 && parts.every((p) => CELLS.test(p) || COLUMNS.test(p) || ROWS.test(p))) return { kind: "multiArea", formula: f };
    return { kind: "notCells", formula: f };
  }
  const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
  const actual = sheetNames.find((s) => s === sheet) ?? sheetNames.find((s) => s.toLowerCase() === sheet.toLowerCase());
  if (actual === undefined) return { kind: "brokenRef", formula: f };
  let rect: Rect;
  if (cells) {
    const top = Number(m[4]), left = columnNumber(m[3]);
    const bottom = m[6] ? Number(m[6]) : top, right = m[5] ? columnNumber(m[5]) : left;
    rect = { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
  } else if (columns) {
    const left = columnNumber(m[3]), right = columnNumber(m[4]);
    rect = { top: 1, left: Math.min(left, right), bottom: SHEET_ROWS, right: Math.max(left, right) };
  } else {
    const top = Number(m[3]), bottom = Number(m[4]);
    rect = { top: Math.min(top, bottom), left: 1, bottom: Math.max(top, bottom), right: SHEET_COLUMNS };
  }
  if (rect.top < 1 || rect.left < 1 || rect.bottom > SHEET_ROWS || rect.right > SHEET_COLUMNS) return { kind: "brokenRef", formula: f };
  return { sheet: actual, rect };
}

/** Splits a formula at top-level commas (outside quotes and parentheses). */
export function splitTopLevel(f: string): string[] {
  const parts: string[] = [];
  let depth = 0, quote = false, start = 0;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") quote = !quote;
    else if (!quote && ch === "(") depth++;
    else if (!quote && ch === ")") depth--;
    else if (!quote && depth === 0 && ch === ",") {
      parts.push(f.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(f.slice(start));
  return parts.map((p) => p.trim().replace(/^\(|\)$/g, ""));
}
