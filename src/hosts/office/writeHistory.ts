/// <reference types="office-js" />
/**
 * The forecast history (`Prognoshistorik`) inside Excel: the plan of contract/historyWrite.ts carried out through
 * Office.js, after the report is in place, within the same refresh (Excel.run). The command line carries out the same
 * plan on the file (hosts/xlsx/package/write/historySheet.ts), so both leave the same cells behind.
 *
 * Requirement sets (Microsoft's Excel JavaScript API reference): changing what a name refers to is
 * `NamedItem.formula` (ExcelApi 1.7); adding a name `NamedItemCollection.add` (1.4); the used part of a range
 * `Range.getUsedRangeOrNullObject` (1.4); a sheet's protection `WorksheetProtection.protected` (1.2); column widths
 * `RangeFormat.columnWidth` (1.2). Without ExcelApi 1.7 the history is read but not written, and a notice says so.
 *
 * Order, so that whatever Excel stops at leaves a history the next refresh can mend ("Excel runs a request's
 * operations in order and stops at the first that fails, keeping what ran before it"): a new sheet gets its name
 * before its cells (a sheet without the name would be taken for the user's); an existing name grows before rows are
 * written below it (rows outside it would be read as pasted ones); then number formats, values, and cleared rows.
 */
import { columnsAddress, rangeAddress } from "../../core/references";
import { HistoryFacts, HistoryFormat, historyNameFormula, HistoryPlan, HistoryValue } from "../../contract/historyWrite";
import { HISTORY_RANGE, HistoryLayout } from "../../contract/readHistory";
import { Finding, finding } from "../../findings/findings";
import { columnPoints } from "../../report/measure";
import { swedishError } from "./officeErrors";
import { RequestBudget, TEXT_FORMAT } from "./renderOffice";

/** The ExcelApi version the history needs to be written (NamedItem.formula). */
export const HISTORY_API = "1.7";

/** Bytes a cell costs in a request, roughly. */
const CELL_BYTES = 40;
/** Most rows in one write: a long history is written in pieces that each stay well inside a request. */
const MAX_ROWS_PER_WRITE = 5000;

/**
 * What the plan needs to know of an existing history in Excel, in one round trip: the name's whole extent, the last
 * row its columns use, and the sheet's protection.
 */
export async function historyFacts(context: Excel.RequestContext, layout: HistoryLayout): Promise<HistoryFacts> {
  const ws = context.workbook.worksheets.getItem(layout.sheet);
  const protection = ws.protection.load("protected");
  const name = context.workbook.names.getItem(HISTORY_RANGE).getRange().load("rowIndex,columnIndex,rowCount,columnCount");
  // "Range.getUsedRangeOrNullObject: Returns the used range of the given range object. If there are no used cells
  // within the range, this function returns a null object." The read covers every used cell of the name's columns.
  const columns = ws.getRange(columnsAddress(layout.left, layout.left + Math.max(1, layout.width) - 1));
  const used = columns.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
  await context.sync();
  return {
    name: { top: name.rowIndex, left: name.columnIndex, bottom: name.rowIndex + name.rowCount - 1, right: name.columnIndex + name.columnCount - 1 },
    usedBottom: used.isNullObject ? -1 : used.rowIndex + used.rowCount - 1,
    protected: protection.protected,
  };
}

/** The number format a column's cells get: text kept as text (`2024-09-14 10:30` is not read as a date), numbers as they are. */
const FORMAT_CODE: Record<HistoryFormat, string | null> = { text: TEXT_FORMAT, number: null };

/** Consecutive numbers as [first, count] runs of at most `most`: 3, 4, 5, 9 → [3, 3], [9, 1]. */
function runs(sorted: readonly number[], most = Infinity): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n && last[1] < most) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}

/** Writes the planned cells (number formats first, then values) in runs of rows and columns. */
async function writeRows(ws: Excel.Worksheet, plan: HistoryPlan, budget: RequestBudget): Promise<void> {
  const byRow = new Map(plan.rows.map((r) => [r.row, r.values]));
  const segments = runs(plan.columns.map((c) => c.col));
  for (const [first, count] of runs(plan.rows.map((r) => r.row), MAX_ROWS_PER_WRITE)) {
    for (const [col, width] of segments) {
      const index = plan.columns.findIndex((c) => c.col === col);
      const cols = plan.columns.slice(index, index + width);
      await budget.spend(count * width * CELL_BYTES + 400);
      cols.forEach((c) => {
        const code = FORMAT_CODE[c.format];
        if (code) ws.getRange(rangeAddress(first, c.col, count, 1)).numberFormat = Array.from({ length: count }, () => [code]);
      });
      const values = Array.from({ length: count }, (_, i) => (byRow.get(first + i) as HistoryValue[]).slice(index, index + width).map((v) => (v === null ? "" : v)));
      // An empty string empties a cell (a null would leave what was there).
      ws.getRange(rangeAddress(first, col, count, width)).values = values;
    }
  }
  for (const [first, count] of runs(plan.clear, MAX_ROWS_PER_WRITE)) {
    for (const [col, width] of segments) {
      await budget.spend(200);
      ws.getRange(rangeAddress(first, col, count, width)).clear("Contents");
    }
  }
}

/**
 * Carries out the plan after the report is in place. Returns the notices to add (a failure is a notice: the report
 * stands), and counts its round trips in `budget`.
 */
export async function writeHistory(context: Excel.RequestContext, plan: HistoryPlan, budget: RequestBudget): Promise<Finding[]> {
  const names = context.workbook.names;
  try {
    if (plan.create) {
      const ws = context.workbook.worksheets.add(plan.sheet);
      const rect = plan.name as NonNullable<HistoryPlan["name"]>;
      names.add(HISTORY_RANGE, ws.getRange(rangeAddress(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1)));
      const header = ws.getRange(rangeAddress(0, plan.columns[0].col, 1, plan.columns.length));
      header.numberFormat = [plan.columns.map(() => TEXT_FORMAT)];
      header.values = [plan.columns.map((c) => c.header)];
      header.format.font.bold = true;
      for (const c of plan.columns) ws.getRange(columnsAddress(c.col)).format.columnWidth = columnPoints(c.width);
      await writeRows(ws, plan, budget);
    } else {
      const ws = context.workbook.worksheets.getItem(plan.sheet);
      if (plan.name) names.getItem(HISTORY_RANGE).formula = "=" + historyNameFormula(plan.sheet, plan.name);
      await writeRows(ws, plan, budget);
    }
    await budget.flush();
    return [];
  } catch (e) {
    if (plan.create) await removeUnnamed(context, plan.sheet);
    return [finding("HISTORY_WRITE_FAILED", HISTORY_RANGE, null, { detail: swedishError(e) })];
  }
}

/** A history sheet whose name was never made is removed again, in a fresh request (else it would look like the user's). */
async function removeUnnamed(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    const name = context.workbook.names.getItemOrNullObject(HISTORY_RANGE);
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (!name.isNullObject || ws.isNullObject) return;
    ws.delete();
    await context.sync();
  } catch {
    // The next refresh says the sheet is taken; nothing else is affected.
  }
}
