import { CellValue } from "./model";
import { Explanation } from "./model";

/** Written into the report's hidden key column on the first row, so a refresh knows the tab is its own. */
export const REPORT_MARKER = "Uppföljning-rapport v1";

const KEY = /^(rr|ansvar|ind|risk|inv)\|/;

/** True when a sheet's values show it is a report this add-in wrote. */
export function isOwnReport(values: readonly (readonly CellValue[])[]): boolean {
  return values.some((row) => row.some((v) => v === REPORT_MARKER));
}

/**
 * Collects the explanations typed into a previous report: on each row, the cell left of the row key
 * (the Förklaring column) holds the text, and the first cell the row's label. Empty ones are skipped.
 */
export function extractExplanations(values: readonly (readonly CellValue[])[]): Map<string, Explanation> {
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
