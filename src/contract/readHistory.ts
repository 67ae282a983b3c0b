/**
 * Reads `Prognoshistorik` (contract v3), the forecast history kept in the workbook, with the same strictness as every
 * input range: each row's År, Period, Ansvar, Post, Typ, Prognos and Utfall, every problem a finding naming its cell,
 * and where the range and each of its rows stand on the sheet, so that a refresh can write the current period's rows
 * back in place (historyWrite.ts).
 *
 * Amounts are kept as entered (the input unit, the workbook's `Teckenkonvention`), as Budget and Utfall are; the
 * engine turns them to the report's signs once each row's kind is known (historyInput.ts). Two rows for the same (År, Period, Ansvar, Post, Typ) are an
 * error naming both cells. A row without Typ gets its kind from the current workbook's post of the same name (the
 * engine's step, historyInput.ts); a post or ansvar the workbook no longer has is kept, and the engine says so.
 */
import { CellRef } from "../core/references";
import { ItemKind, parseKind } from "../core/kinds";
import { canon } from "../core/text";
import { finding } from "../findings/findings";
import { HistoryInputRow } from "../engine/historyInput";
import { monthNumber } from "./settingsTable";
import { Cell } from "./source";
import { ColumnSpec, Table, TableRow } from "./table";
import { describe, parseSwedishNumber } from "./values";

/** The name of the range, and of the sheet a refresh creates for it. */
export const HISTORY_RANGE = "Prognoshistorik";

/** The columns, in the order a refresh writes them on a new sheet. */
export const HISTORY_COLUMNS: ColumnSpec[] = [
  { key: "ar", header: "År", aliases: ["Budgetår", "Året"] },
  { key: "period", header: "Period", aliases: ["Månader", "Månad", "Prognosperiod"] },
  { key: "ansvar", header: "Ansvar" },
  { key: "post", header: "Post" },
  { key: "typ", header: "Typ" },
  { key: "prognos", header: "Prognos", aliases: ["Helårsprognos", "Årsprognos"] },
  { key: "utfall", header: "Utfall", aliases: ["Utfall ack", "Utfall hittills"] },
  { key: "uppdaterad", header: "Uppdaterad", aliases: ["Sparad", "Tidpunkt"] },
];

export type HistoryKey = "ar" | "period" | "ansvar" | "post" | "typ" | "prognos" | "utfall" | "uppdaterad";
export const HISTORY_KEYS: readonly HistoryKey[] = ["ar", "period", "ansvar", "post", "typ", "prognos", "utfall", "uppdaterad"];

/** Budget years a history row may name. */
const YEARS = { min: 1900, max: 2200 };

/** Where the range stands, for writing the current period back in place. Rows and columns are zero-based. */
export interface HistoryLayout {
  sheet: string;
  /** A workbook name, or an Excel table (which a refresh does not write). */
  origin: "name" | "table";
  /** The header row and the range's first column. */
  top: number;
  left: number;
  /** The range's width in columns, as read. */
  width: number;
  /** The last row read (the range may reach further with empty rows: the hosts know its full extent). */
  bottom: number;
  /** The sheet column of each contract column the header has. */
  columns: Partial<Record<HistoryKey, number>>;
  /** Every data row (non-empty) with its sheet row and the År and Period it holds (null where unreadable). */
  rows: { row: number; year: number | null; period: number | null }[];
}

export type { HistoryInputRow };

export interface ReadHistory {
  rows: HistoryInputRow[];
  layout: HistoryLayout;
}

/** A whole number from a cell: a number, or text of digits; null otherwise. */
function wholeNumber(cell: Cell): number | null {
  const n = typeof cell === "number" ? cell : typeof cell === "string" ? parseSwedishNumber(cell) : null;
  return n !== null && Number.isInteger(n) ? n : null;
}

function readYear(row: TableRow): number | null {
  if (row.blank("ar")) {
    row.missing("ar");
    return null;
  }
  const cell = row.cell("ar");
  const n = wholeNumber(cell);
  if (n === null || n < YEARS.min || n > YEARS.max) {
    row.flag("HISTORY_YEAR_INVALID", "ar", describe(cell));
    return null;
  }
  return n;
}

function readPeriod(row: TableRow): number | null {
  if (row.blank("period")) {
    row.missing("period");
    return null;
  }
  const cell = row.cell("period");
  let n = wholeNumber(cell);
  if (n === null && typeof cell === "string") n = monthNumber(cell);
  if (n === null || n < 1 || n > 12) {
    row.flag("HISTORY_PERIOD_INVALID", "period", describe(cell));
    return null;
  }
  return n;
}

/** Reads `Prognoshistorik`: its rows, and where they stand. */
export function readHistory(table: Table, origin: "name" | "table"): ReadHistory {
  const raw = table.raw;
  const columns: HistoryLayout["columns"] = {};
  for (const key of HISTORY_KEYS) {
    const c = table.columns.get(key);
    if (c !== undefined) columns[key] = raw.col + c;
  }
  const layout: HistoryLayout = {
    sheet: raw.sheet,
    origin,
    top: raw.row,
    left: raw.col,
    width: raw.grid.colCount,
    bottom: raw.row + Math.max(0, raw.grid.rowCount - 1),
    columns,
    rows: [],
  };
  const rows: HistoryInputRow[] = [];
  if (!table.require("ar", "period", "post", "prognos")) return { rows, layout };
  const seen = new Map<string, { at: CellRef; item: string; responsibility: string | null }>();
  for (const row of table.rows) {
    const year = readYear(row);
    const period = readPeriod(row);
    layout.rows.push({ row: raw.row + row.offset, year, period });
    const item = row.requiredText("post");
    const responsibility = row.text("ansvar");
    const typ = row.text("typ");
    let kind: ItemKind | null = null;
    let kindOk = true;
    if (typ !== null) {
      kind = parseKind(typ);
      if (kind === null) {
        row.flag("TYPE_UNKNOWN", "typ", typ);
        kindOk = false;
      }
    }
    const forecast = row.number("prognos");
    const actual = row.number("utfall");
    if (year === null || period === null || item === null || !kindOk) continue;
    const key = [year, period, responsibility === null ? "" : canon(responsibility), canon(item), kind ?? ""].join("\u0000");
    const earlier = seen.get(key);
    if (earlier) {
      // Named as the first of the two rows spells it.
      table.findings.push(finding("HISTORY_DUPLICATE", table.name, earlier.at, { key: { item: earlier.item, responsibility: earlier.responsibility, kind }, year, period }, [row.at()]));
      continue;
    }
    seen.set(key, { at: row.at(), item, responsibility });
    rows.push({
      year,
      period,
      responsibility,
      item,
      kind,
      forecast,
      actual,
      at: row.at(),
      kindAt: row.at(table.has("typ") ? "typ" : "post"),
    });
  }
  return { rows, layout };
}
