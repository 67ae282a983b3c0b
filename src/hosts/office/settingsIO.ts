/// <reference types="office-js" />
import { formatAddress, parseRangeRef, quoteSheetName, rangeAddress, splitSheetAddress } from "../../core/references";
import { canon } from "../../core/text";
import { checkChoice, checkInt, checkSheetName, monthNumber, parseLevels, SETTINGS_TABLE, SettingSpec } from "../../contract/settingsTable";
import { protectText } from "./renderOffice";
import { UppfoljningError } from "../../findings/errors";

/** A field of the task pane's settings form: its `Inställningar` key and label, the rest from the settings table. */
export type EditableSetting =
  | { key: string; label: string; kind: "int"; min: number; max: number; months: boolean }
  | { key: string; label: string; kind: "choice"; choices: readonly string[] }
  | { key: string; label: string; kind: "number" | "percent"; min: number }
  | { key: string; label: string; kind: "sheetName" }
  | { key: string; label: string; kind: "text" };

/** The settings the task pane edits, in the pane's words; a select for the few-valued ones. */
const PANE_FIELDS: readonly { key: string; label: string; select?: true }[] = [
  { key: "Period", label: "Period (månader 1–12)" },
  { key: "Enhet in", label: "Enhet i indata" },
  { key: "Enhet ut", label: "Enhet i rapporten" },
  { key: "Decimaler", label: "Decimaler" },
  { key: "Väsentlighet belopp", label: "Väsentlighet, belopp (rapportens enhet)" },
  { key: "Väsentlighet procent", label: "Väsentlighet, procent av budget" },
  { key: "Riskskala", label: "Riskskala", select: true },
  { key: "Indikatortolerans", label: "Indikatortolerans (procent av målet)" },
  { key: "Rapportflik", label: "Rapportflik (bladets namn)" },
  { key: "Resultaträkning per ansvar", label: "Resultaträkning per ansvar (Nej, Ja eller ansvar åtskilda med semikolon)" },
  { key: "Sannolikhet per nivå", label: "Sannolikhet per risknivå (t.ex. 5 %; 20 %; 50 %; 80 %)" },
  { key: "Spara prognoshistorik", label: "Spara prognosen i Prognoshistorik" },
  { key: "Prognosintervall", label: "Årets resultat som intervall" },
  { key: "Simuleringar", label: "Simuleringar i intervallet" },
];

/** The spec of a setting the pane edits (every pane field is one of the table's keys). */
function specOf(key: string): SettingSpec {
  return SETTINGS_TABLE[canon(key)];
}

/** A pane field from the settings table's spec of its key: the same kinds, bounds and choices the workbook takes. */
function editable(field: (typeof PANE_FIELDS)[number]): EditableSetting {
  const spec = specOf(field.key);
  const { key, label } = field;
  switch (spec.kind) {
    case "int":
      if (field.select) return { key, label, kind: "choice", choices: Array.from({ length: spec.max - spec.min + 1 }, (_, i) => String(spec.min + i)) };
      return { key, label, kind: "int", min: spec.min, max: spec.max, months: spec.months === true };
    case "choice":
      return { key, label, kind: "choice", choices: spec.shown };
    case "number":
      return { key, label, kind: "number", min: spec.min };
    case "share":
      return { key, label, kind: "percent", min: spec.min };
    case "sheetName":
      return { key, label, kind: "sheetName" };
    case "responsibilities":
    case "levels":
      return { key, label, kind: "text" };
    default:
      throw new Error(`Inställningen ${key} kan inte redigeras i panelen.`);
  }
}

/** The settings the task pane edits, with their `Inställningar` keys. */
export const EDITABLE_SETTINGS: readonly EditableSetting[] = PANE_FIELDS.map(editable);

export type SettingValues = Record<string, string>;

/** `a`, `a eller b`, `a, b eller c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} eller ${items[items.length - 1]}`;
}

/** A number typed into the form (`1 234,5`, `15 %`). */
function typedNumber(raw: string): number {
  return Number(raw.replace(",", ".").replace(/\s|%/g, ""));
}

/**
 * Validates form input by the settings table's rules (what the workbook takes, the pane takes); returns Swedish
 * messages by key (empty when all is well). Empty fields mean "default".
 */
export function validateSettingsForm(values: SettingValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const s of EDITABLE_SETTINGS) {
    const raw = (values[s.key] ?? "").trim();
    if (raw === "") continue;
    const spec = specOf(s.key);
    if (s.kind === "text") {
      // The levels are as many as the risk scale the form (or the workbook's default) says.
      if (spec.kind === "levels") {
        const scale = (values.Riskskala ?? "").trim() === "5" ? 5 : 4;
        const parsed = parseLevels(raw, scale);
        if ("problem" in parsed) errors[s.key] = parsed.problem;
      }
      continue;
    }
    if (s.kind === "sheetName") {
      // The report-sheet policy's words, as the workbook's own check gives them.
      const problem = checkSheetName(raw);
      if (problem) errors[s.key] = problem;
      continue;
    }
    if (s.kind === "choice") {
      const ok = spec.kind === "choice" ? checkChoice<unknown>(spec, raw) !== undefined : s.choices.includes(raw);
      if (!ok) errors[s.key] = `Välj ${orList(s.choices)}.`;
      continue;
    }
    // A month by its name, as Inställningar takes it (augusti).
    if (s.kind === "int" && s.months && monthNumber(raw) !== null) continue;
    const n = typedNumber(raw);
    if (!Number.isFinite(n)) errors[s.key] = "Ange ett tal.";
    else if (spec.kind === "int" && checkInt(spec, n) === null) errors[s.key] = `Ange ett heltal från ${spec.min} till ${spec.max}.`;
    else if ((s.kind === "number" || s.kind === "percent") && n < s.min) errors[s.key] = "Ange 0 eller mer.";
  }
  return errors;
}

function formValue(key: string, raw: string): string | number {
  const s = EDITABLE_SETTINGS.find((x) => x.key === key);
  if (s?.kind === "sheetName" || s?.kind === "text") return raw.trim();
  if (!s || s.kind === "choice") return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw.trim();
  const n = typedNumber(raw);
  if (!Number.isFinite(n)) return raw.trim();
  return s.kind === "percent" ? n / 100 : n;
}

/** `Blad!A1:B4` grown by `rows` rows → `A1:B6` (ExcelApi 1.4 has no getResizedRange). */
export function growAddress(address: string, rows: number): string {
  const r = parseRangeRef(splitSheetAddress(address)?.local ?? address);
  if (!r) throw new Error(`Okänd adress ${address}`);
  return rangeAddress(r.top - 1, r.left - 1, r.bottom - r.top + 1 + rows, r.right - r.left + 1);
}

interface SettingsLocation {
  range: Excel.Range | null;
  table: Excel.Table | null;
}

/**
 * Finds `Inställningar` as a workbook name or an Excel table (a table wins, as when reading the contract). A name
 * that is no single range (OFFSET, several areas) gives a null range object instead of Excel's InvalidOperation
 * (NamedItem.getRangeOrNullObject); the caller checks `isNullObject` after its next sync.
 */
async function locateSettings(context: Excel.RequestContext): Promise<SettingsLocation> {
  const table = context.workbook.tables.getItemOrNullObject("Inställningar");
  const name = context.workbook.names.getItemOrNullObject("Inställningar");
  await context.sync();
  if (!table.isNullObject) return { range: table.getRange(), table };
  if (!name.isNullObject) return { range: name.getRangeOrNullObject(), table: null };
  return { range: null, table: null };
}

function columnsOf(values: unknown[][]): { k: number; v: number } {
  const headers = (values[0] ?? []).map((h) => canon(String(h)));
  return { k: headers.indexOf("installning"), v: headers.indexOf("varde") };
}

/** Reads the `Inställningar` range as key → displayed text. */
export async function readSettingValues(context: Excel.RequestContext): Promise<SettingValues> {
  const { range } = await locateSettings(context);
  const out: SettingValues = {};
  if (!range) return out;
  range.load("values");
  await context.sync();
  if (range.isNullObject) return out;
  const values = range.values as unknown[][];
  const { k, v } = columnsOf(values);
  if (k < 0 || v < 0) return out;
  values.slice(1).forEach((row) => {
    const spec = EDITABLE_SETTINGS.find((s) => canon(s.key) === canon(String(row[k])));
    if (!spec) return;
    const value = row[v];
    const shown = spec.kind === "percent" && typeof value === "number" ? Math.round(value * 1000) / 10 : value;
    out[spec.key] = typeof shown === "number" ? String(shown).replace(".", ",") : String(shown ?? "");
  });
  return out;
}

/**
 * Writes the form into `Inställningar`: existing keys are updated in place; missing keys are added as rows (to the
 * table, or below the named range, whose name is then widened). Creates the sheet and name when the workbook has
 * none. Nothing else is written: a protected sheet, or a cell below the named range that is not empty, stops the save
 * with a message before anything is written. The name is widened in place (NamedItem.formula, ExcelApi 1.7), keeping
 * its comment; below 1.7 it is added again with the comment it had.
 */
export async function writeSettingValues(context: Excel.RequestContext, values: SettingValues, supports: (version: string) => boolean = () => false): Promise<void> {
  const errors = validateSettingsForm(values);
  if (Object.keys(errors).length) throw new Error("Ogiltiga inställningar: " + Object.values(errors).join(" "));
  const entries = Object.entries(values).filter(([, v]) => v.trim() !== "");
  const { range, table } = await locateSettings(context);
  if (!range) {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const sheetName = sheets.items.some((s) => canon(s.name) === "installningar") ? "Uppföljning inställningar" : "Inställningar";
    const ws = context.workbook.worksheets.add(sheetName);
    const rows = [["Inställning", "Värde"], ...entries.map(([k, v]) => [k, formValue(k, v)])];
    const target = ws.getRange(`A1:B${rows.length}`);
    target.values = rows.map((r) => r.map(protectText)) as (string | number)[][];
    context.workbook.names.add("Inställningar", target);
    await context.sync();
    return;
  }
  range.load("values,columnCount,rowCount,rowIndex,columnIndex,address");
  await context.sync();
  if (range.isNullObject) throw new UppfoljningError("SETTINGS_NOT_CELLS");
  // "Use the worksheet's `protection` property when your add-in needs to control whether users can edit worksheet
  // data" (ExcelApi 1.2): a protected sheet would refuse the first write; it is asked first.
  const sheet = range.worksheet.load("name");
  const protection = range.worksheet.protection.load("protected");
  await context.sync();
  if (protection.protected) throw new UppfoljningError("SETTINGS_SHEET_PROTECTED", { sheet: sheet.name });
  const all = range.values as unknown[][];
  const { k, v } = columnsOf(all);
  if (k < 0 || v < 0) throw new Error("Området Inställningar saknar kolumnerna Inställning och Värde.");
  const updates: { row: number; value: string | number }[] = [];
  const missing: (string | number)[][] = [];
  for (const [key, raw] of entries) {
    const row = all.findIndex((r, i) => i > 0 && canon(String(r[k])) === canon(key));
    if (row > 0) updates.push({ row, value: formValue(key, raw) });
    else {
      const r: (string | number)[] = new Array(range.columnCount).fill("");
      r[k] = key;
      r[v] = formValue(key, raw);
      missing.push(r);
    }
  }
  let name: Excel.NamedItem | null = null;
  if (missing.length && !table) {
    // The rows below the named range are the user's until they are shown to be empty: formulas too, so that a formula
    // giving "" is not taken for an empty cell.
    const below = range.getRowsBelow(missing.length).load("formulas");
    name = context.workbook.names.getItem("Inställningar").load(supports("1.7") ? "name" : "name,comment");
    await context.sync();
    const taken = (below.formulas as unknown[][]).flatMap((r, i) => r.map((f, j) => ({ i, j, f }))).find((c) => c.f !== "" && c.f !== null);
    if (taken) throw new UppfoljningError("SETTINGS_CELL_TAKEN", { cell: formatAddress({ sheet: sheet.name, row: range.rowIndex + range.rowCount + taken.i, col: range.columnIndex + taken.j }) });
  }
  for (const u of updates) range.getCell(u.row, v).values = [[u.value]];
  if (missing.length && table) table.rows.add(undefined, missing);
  else if (missing.length && name) {
    range.getRowsBelow(missing.length).values = missing;
    const grown = growAddress(range.address, missing.length);
    const target = `=${quoteSheetName(sheet.name)}!${absolute(grown)}`;
    if (supports("1.7")) {
      // Microsoft's "update-named-item" sample: `myNamedItem.formula = "=Sample!$B$10:$D$14"` (ExcelApi 1.7).
      name.formula = target;
    } else {
      const comment = name.comment;
      name.delete();
      context.workbook.names.add("Inställningar", range.worksheet.getRange(grown), comment || undefined);
    }
  }
  await context.sync();
}

/** `A1:B6` → `$A$1:$B$6`, as Excel writes a name's reference. */
function absolute(a1: string): string {
  return a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}
