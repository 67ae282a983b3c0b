import { CellRef } from "../core/references";
import { Finding, finding } from "../findings/findings";

/** Where a value is read from, for the findings it may produce. */
export interface ValueContext {
  range: string;
  column: string;
  at: CellRef;
  findings: Finding[];
  /** Collects formulas without a computed value (reported once per column); without it each is a finding. */
  uncalculated?: (formula: string) => void;
}

/** Amounts at or above this size are refused: past 15 digits a double no longer holds every whole number Excel shows. */
export const MAX_AMOUNT = 1e15;

import { Cell, isBlank } from "./source";
export { isBlank };

/**
 * Parses a number typed as text the Swedish way: `1 234,5`, `−4,7` (Unicode minus), `12 %`,
 * non-breaking or thin spaces as thousands separators; a dot is a decimal point when there is no comma.
 * Returns null when the text is not a number.
 */
export function parseSwedishNumber(text: string): number | null {
  let s = text.trim().replace(/[\s\u00a0\u202f\u2009]+/g, "");
  if (s === "") return null;
  s = s.replace(/^[\u2212\u2013\u2012]/, "-");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s.includes(",")) {
    if (s.includes(".")) s = s.replace(/\./g, "");
    s = s.replace(",", ".");
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/** A cell's content as a message shows it (numbers are written by the catalogue, see findings/params.ts). */
export function describe(cell: Cell): string | number {
  if (typeof cell === "number") return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (cell !== null && typeof cell === "object") return "error" in cell ? cell.error : "formula" in cell ? cell.formula : cell.invalid;
  return String(cell);
}

/** Findings for the cells that are neither values nor blanks: errors, formulas without values, unreadable values. */
function oddCell(cell: { error: string } | { formula: string } | { invalid: string }, ctx: ValueContext): void {
  if ("error" in cell) ctx.findings.push(finding("CELL_ERROR_VALUE", ctx.range, ctx.at, { column: ctx.column, value: cell.error }));
  else if ("invalid" in cell) ctx.findings.push(finding("CELL_INVALID", ctx.range, ctx.at, { column: ctx.column, value: cell.invalid }));
  else if (ctx.uncalculated) ctx.uncalculated(cell.formula);
  else ctx.findings.push(finding("FORMULA_NOT_CALCULATED", ctx.range, ctx.at, { column: ctx.column, formula: cell.formula, more: 0 }));
}

/** True for a number the readers take as it is: finite and below MAX_AMOUNT. */
export function isPlainAmount(v: number): boolean {
  return Number.isFinite(v) && Math.abs(v) < MAX_AMOUNT;
}

/**
 * Reads a number. Blank gives null. Text that is a Swedish number is read with a notice;
 * anything else non-numeric is an error finding and gives null.
 */
export function readNumber(cell: Cell, ctx: ValueContext): number | null {
  const push = (code: "NUMBER_NOT_FINITE" | "NUMBER_EXPECTED" | "DATE_NOT_AMOUNT", value: string | number = describe(cell)) =>
    ctx.findings.push(finding(code, ctx.range, ctx.at, { column: ctx.column, value }));
  if (isBlank(cell)) return null;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || Math.abs(cell) >= MAX_AMOUNT) {
      push("NUMBER_NOT_FINITE");
      return null;
    }
    return cell;
  }
  if (typeof cell === "string") {
    const n = parseSwedishNumber(cell);
    if (n === null) {
      push("NUMBER_EXPECTED");
      return null;
    }
    if (Math.abs(n) >= MAX_AMOUNT) {
      push("NUMBER_NOT_FINITE");
      return null;
    }
    ctx.findings.push(finding("NUMBER_FROM_TEXT", ctx.range, ctx.at, { column: ctx.column, value: cell, number: n }));
    return n;
  }
  if (cell instanceof Date) {
    push("DATE_NOT_AMOUNT");
    return null;
  }
  if (typeof cell === "boolean") {
    push("NUMBER_EXPECTED", cell ? "SANT" : "FALSKT");
    return null;
  }
  if (cell === null) return null;
  oddCell(cell, ctx);
  return null;
}

/** Reads text. Numbers become their plain digits (account numbers); errors are findings. */
export function readText(cell: Cell, ctx: ValueContext): string | null {
  if (isBlank(cell)) return null;
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === "boolean") return cell ? "SANT" : "FALSKT";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (cell === null) return null;
  oddCell(cell, ctx);
  return null;
}

/**
 * Reads a share: `12 %` or 0.12 (with or without a % format) give 0.12; a plain number of 1 or more
 * is read as percent points (5 → 5 %).
 */
export function readShare(cell: Cell, ctx: ValueContext, isPercentFormat: boolean): number | null {
  const wasText = typeof cell === "string";
  const n = readNumber(cell, ctx);
  if (n === null) return null;
  if (wasText && /%\s*$/.test(cell as string)) return n;
  if (isPercentFormat) return n;
  return Math.abs(n) >= 1 ? n / 100 : n;
}
