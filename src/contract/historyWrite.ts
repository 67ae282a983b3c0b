/**
 * What a refresh writes into `Prognoshistorik`, decided once for both hosts: where the range is and whether it is
 * ours to write (historyTarget), and which cells get which values (planHistory). The hosts only carry the plan out
 * (hosts/xlsx/package/write/historySheet.ts, hosts/office/writeHistory.ts), so the command line and Excel leave the
 * same history behind.
 *
 * Ours is the sheet `Prognoshistorik` holding the workbook name `Prognoshistorik`. On the first refresh the sheet is
 * created (last) with a header and the current lines, and the name made. Later, the rows of the current (År, Period)
 * are replaced where they stand, in the order they stand; lines beyond them are appended below the last row the
 * range's columns use, and rows of the current period left over are cleared (left empty in the range, where the
 * reader skips them). Every other row is left exactly as it
 * is, and so are the cells outside the range's contract columns. The name grows to cover what was written (and rows a
 * controller pasted below it). A range on another sheet, or an Excel table, is read and never written; a sheet of
 * that name without the name is left alone. Refreshing twice in one period writes the same cells, apart from the
 * time in `Uppdaterad`.
 */
import { canon } from "../core/text";
import { ItemKind } from "../core/kinds";
import { columnLetters, quoteSheetName, SHEET_ROWS } from "../core/references";
import { CurrentLine } from "../engine/forecastHistory";
import { Settings } from "../engine/settings";
import { Finding, finding } from "../findings/findings";
import { HISTORY_COLUMNS, HISTORY_KEYS, HISTORY_RANGE, HistoryKey, HistoryLayout } from "./readHistory";

/** The Typ written for each kind: as Budget spells it. */
const KIND_TYP: Record<ItemKind, string> = { revenue: "Intäkt", cost: "Kostnad", financial: "Finansiell", carryover: "Över-/underskott" };

/**
 * How a column's values are shown: text kept as text, or a plain number. Uppdaterad is text (`2024-09-14 10:30`, the
 * refresh's local time): the same in every host and date system, sorted as it reads, and no date cell that would cost
 * Excel a round trip to learn the workbook's date system on every later refresh (officeSource.ts).
 */
export type HistoryFormat = "text" | "number";
const FORMAT: Record<HistoryKey, HistoryFormat> = { ar: "number", period: "number", ansvar: "text", post: "text", typ: "text", prognos: "number", utfall: "number", uppdaterad: "text" };
/** Column widths of a new history sheet, in Excel's character units. */
const WIDTH: Record<HistoryKey, number> = { ar: 7, period: 8, ansvar: 24, post: 30, typ: 16, prognos: 15, utfall: 15, uppdaterad: 17 };

/**
 * Whether a refresh writes the history at all: `Spara prognoshistorik` (Ja by default), and something to remember: a
 * forecast, or at period 12 the year's outcome (against which earlier forecasts are judged).
 */
export function historyWanted(settings: Settings, hasForecast: boolean, lines: number): boolean {
  return settings.saveHistory && lines > 0 && (hasForecast || settings.months === 12);
}

/** A zero-based rectangle of a sheet, inclusive. */
export interface SheetRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where the current forecast goes, as far as the read tells. */
export type HistoryTarget =
  | { kind: "create"; sheet: string }
  /** `header`: the range is ours but wholly empty (a first write that stopped early): the header is written too. */
  | { kind: "update"; layout: HistoryLayout; header?: boolean }
  /** Not written; the findings say why. */
  | { kind: "none"; findings: Finding[] };

/**
 * Whether and where a refresh may write the history: `layout` is the range as read (null without one), `sheetNames`
 * the workbook's sheets, `hasResponsibility` whether the current lines have ansvar (then the range needs that column).
 */
export function historyTarget(layout: HistoryLayout | null, sheetNames: readonly string[], hasResponsibility: boolean): HistoryTarget {
  const none = (f: Finding): HistoryTarget => ({ kind: "none", findings: [f] });
  if (layout === null) {
    if (sheetNames.some((n) => n.toLowerCase() === HISTORY_RANGE.toLowerCase())) return none(finding("HISTORY_SHEET_TAKEN", HISTORY_RANGE, null));
    return { kind: "create", sheet: HISTORY_RANGE };
  }
  const origin = { sheet: layout.sheet, row: layout.top, col: layout.left };
  if (layout.origin === "table") return none(finding("HISTORY_TABLE", HISTORY_RANGE, origin));
  if (canon(layout.sheet) !== canon(HISTORY_RANGE)) return none(finding("HISTORY_NOT_OURS", HISTORY_RANGE, origin, { sheet: layout.sheet }));
  if (Object.keys(layout.columns).length === 0 && layout.rows.length === 0) {
    // Our range with nothing in it, not even its header: written afresh where it stands.
    const columns = Object.fromEntries(HISTORY_KEYS.map((k, i) => [k, layout.left + i]));
    return { kind: "update", layout: { ...layout, columns }, header: true };
  }
  const needed: HistoryKey[] = ["ar", "period", "post", "typ", "prognos", ...(hasResponsibility ? (["ansvar"] as HistoryKey[]) : [])];
  const missing = needed.find((k) => layout.columns[k] === undefined);
  if (missing) return none(finding("HISTORY_COLUMN_MISSING", HISTORY_RANGE, origin, { column: headerOf(missing) }));
  return { kind: "update", layout };
}

function headerOf(key: HistoryKey): string {
  return (HISTORY_COLUMNS.find((c) => c.key === key) as { header: string }).header;
}

/** What the host knows of the range and its sheet besides the read (zero-based rows). */
export interface HistoryFacts {
  /** The name's whole extent (a read may stop at the sheet's last used row). */
  name: SheetRect;
  /** The last row holding a value in the name's columns, anywhere on the sheet; -1 for none. */
  usedBottom: number;
  /** The sheet is protected. */
  protected: boolean;
}

/** A value as written: text, a number, or an empty cell. */
export type HistoryValue = string | number | null;

export interface HistoryPlan {
  sheet: string;
  /** A new sheet (added last), with the header written on its first row. */
  create: boolean;
  /** The contract columns written, in sheet order, each with its sheet column, how it is shown and (new sheet) its width. */
  columns: { key: HistoryKey; col: number; header: string; format: HistoryFormat; width: number }[];
  /** Rows written, ascending; `values` by `columns`. */
  rows: { row: number; values: HistoryValue[] }[];
  /** Rows whose contract cells are emptied: rows of the current period the current lines no longer fill. */
  clear: number[];
  /** What the name `Prognoshistorik` is to refer to, or null when it stays as it is. */
  name: SheetRect | null;
}

/** The current refresh, as the history records it. */
export interface HistoryCurrent {
  year: number;
  period: number;
  lines: readonly CurrentLine[];
  /** Teckenkonvention = Kostnader positiva: costs are written positive, as the workbook enters them. */
  costsPositive: boolean;
  /** The time of the refresh, for Uppdaterad. */
  now: Date;
}

/** `2024-09-14 10:30`: the local date and time of `d`, to the minute, as Uppdaterad shows it. */
export function stampOf(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The values of one line, for the columns written. */
function lineValues(line: CurrentLine, columns: HistoryPlan["columns"], current: HistoryCurrent, stamp: string): HistoryValue[] {
  const negate = current.costsPositive && line.kind === "cost";
  const signed = (v: number | null) => (v === null ? null : negate ? -v || 0 : v);
  const value: Record<HistoryKey, HistoryValue> = {
    ar: current.year,
    period: current.period,
    ansvar: line.responsibility,
    post: line.item,
    typ: KIND_TYP[line.kind],
    prognos: signed(line.forecast),
    utfall: signed(line.actual),
    uppdaterad: stamp,
  };
  return columns.map((c) => value[c.key]);
}

/**
 * The cells to write for the current refresh, or why none are written (findings). For `create` the facts are not
 * needed; for `update` they are the host's.
 */
export function planHistory(target: Exclude<HistoryTarget, { kind: "none" }>, facts: HistoryFacts | null, current: HistoryCurrent): { plan: HistoryPlan | null; findings: Finding[] } {
  const stamp = stampOf(current.now);
  if (target.kind === "create") {
    const columns = HISTORY_KEYS.map((key, col) => ({ key, col, header: headerOf(key), format: FORMAT[key], width: WIDTH[key] }));
    const rows = current.lines.map((line, i) => ({ row: i + 1, values: lineValues(line, columns, current, stamp) }));
    const name = { top: 0, left: 0, bottom: current.lines.length, right: columns.length - 1 };
    return { plan: { sheet: target.sheet, create: true, columns, rows, clear: [], name }, findings: [] };
  }
  const { layout } = target;
  const origin = { sheet: layout.sheet, row: layout.top, col: layout.left };
  const f = facts as HistoryFacts;
  if (f.protected) return { plan: null, findings: [finding("HISTORY_SHEET_PROTECTED", HISTORY_RANGE, origin, { sheet: layout.sheet })] };
  const columns = HISTORY_KEYS.filter((k) => layout.columns[k] !== undefined)
    .map((key) => ({ key, col: layout.columns[key] as number, header: headerOf(key), format: FORMAT[key], width: WIDTH[key] }))
    .sort((a, b) => a.col - b.col);
  // The rows of the current period, where they stand, are filled first; the rest go below the last row the range's
  // columns use (inside the name when it reaches further, below rows pasted under it when there are any).
  const places = layout.rows.filter((r) => r.year === current.year && r.period === current.period).map((r) => r.row).sort((a, b) => a - b);
  const end = Math.max(f.usedBottom, layout.top);
  const appended = Math.max(0, current.lines.length - places.length);
  if (end + appended >= SHEET_ROWS) return { plan: null, findings: [finding("HISTORY_FULL", HISTORY_RANGE, origin)] };
  const rows = current.lines.map((line, i) => ({ row: i < places.length ? places[i] : end + 1 + (i - places.length), values: lineValues(line, columns, current, stamp) as HistoryValue[] }));
  if (target.header) rows.push({ row: layout.top, values: columns.map((c) => c.header) });
  rows.sort((a, b) => a.row - b.row);
  const clear = places.slice(current.lines.length);
  const bottom = Math.max(end, rows.length ? rows[rows.length - 1].row : -1);
  const findings: Finding[] = [];
  if (f.usedBottom > f.name.bottom) {
    const [first, last] = [f.name.bottom + 2, f.usedBottom + 1];
    findings.push(finding("HISTORY_RANGE_EXTENDED", HISTORY_RANGE, origin, { rows: first === last ? `rad ${first}` : `rad ${first}–${last}` }));
  }
  const name = bottom > f.name.bottom ? { ...f.name, bottom } : null;
  return { plan: { sheet: layout.sheet, create: false, columns, rows, clear, name }, findings };
}

/** The formula of the history's name, as both hosts write it: `Prognoshistorik!$A$1:$H$40`. */
export function historyNameFormula(sheet: string, rect: SheetRect): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  return `${quoteSheetName(sheet)}!${abs(rect.top, rect.left)}:${abs(rect.bottom, rect.right)}`;
}
