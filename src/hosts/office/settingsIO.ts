/// <reference types="office-js" />
import { canon } from "../../contract/text";
import { protectText } from "./renderOffice";
import { UppfoljningError } from "../../findings/errors";

/** The settings the task pane edits, with their `Inställningar` keys. */
export const EDITABLE_SETTINGS = [
  { key: "Period", label: "Period (månader 1–12)", kind: "int", min: 1, max: 12 },
  { key: "Enhet in", label: "Enhet i indata", kind: "choice", choices: ["kr", "tkr", "mkr"] },
  { key: "Enhet ut", label: "Enhet i rapporten", kind: "choice", choices: ["tkr", "mkr"] },
  { key: "Decimaler", label: "Decimaler", kind: "int", min: 0, max: 3 },
  { key: "Väsentlighet belopp", label: "Väsentlighet, belopp (rapportens enhet)", kind: "number", min: 0 },
  { key: "Väsentlighet procent", label: "Väsentlighet, procent av budget", kind: "percent", min: 0 },
  { key: "Riskskala", label: "Riskskala", kind: "choice", choices: ["4", "5"] },
  { key: "Indikatortolerans", label: "Indikatortolerans (procent av målet)", kind: "percent", min: 0 },
] as const;

export type SettingValues = Record<string, string>;

/** Validates form input; returns Swedish messages by key (empty when all is well). Empty fields mean "default". */
export function validateSettingsForm(values: SettingValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const s of EDITABLE_SETTINGS) {
    const raw = (values[s.key] ?? "").trim();
    if (raw === "") continue;
    if (s.kind === "choice") {
      if (!(s.choices as readonly string[]).includes(raw)) errors[s.key] = `Välj ${s.choices.join(" eller ")}.`;
      continue;
    }
    const n = Number(raw.replace(",", ".").replace(/\s|%/g, ""));
    if (!Number.isFinite(n)) errors[s.key] = "Ange ett tal.";
    else if (s.kind === "int" && (!Number.isInteger(n) || n < s.min || n > s.max)) errors[s.key] = `Ange ett heltal från ${s.min} till ${s.max}.`;
    else if ((s.kind === "number" || s.kind === "percent") && n < s.min) errors[s.key] = "Ange 0 eller mer.";
  }
  return errors;
}

function formValue(key: string, raw: string): string | number {
  const s = EDITABLE_SETTINGS.find((x) => x.key === key);
  if (!s || s.kind === "choice") return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw.trim();
  const n = Number(raw.replace(",", ".").replace(/\s|%/g, ""));
  return s.kind === "percent" ? n / 100 : n;
}

/** `Blad!A1:B4` grown by `rows` rows → `A1:B6` (ExcelApi 1.4 has no getResizedRange). */
export function growAddress(address: string, rows: number): string {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(local);
  if (!m) throw new Error(`Okänd adress ${address}`);
  const lastRow = Number(m[4] ?? m[2]) + rows;
  return `${m[1]}${m[2]}:${m[3] ?? m[1]}${lastRow}`;
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
 * Writes the form into `Inställningar`: existing keys are updated in place; missing keys are added as rows
 * (to the table, or below the named range, whose name is then widened). Creates the sheet and name when the
 * workbook has none. Nothing else is written.
 */
export async function writeSettingValues(context: Excel.RequestContext, values: SettingValues): Promise<void> {
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
  range.load("values,columnCount,rowCount,address");
  await context.sync();
  if (range.isNullObject) throw new UppfoljningError("SETTINGS_NOT_CELLS");
  const all = range.values as unknown[][];
  const { k, v } = columnsOf(all);
  if (k < 0 || v < 0) throw new Error("Området Inställningar saknar kolumnerna Inställning och Värde.");
  const missing: (string | number)[][] = [];
  for (const [key, raw] of entries) {
    const row = all.findIndex((r, i) => i > 0 && canon(String(r[k])) === canon(key));
    if (row > 0) range.getCell(row, v).values = [[formValue(key, raw)]];
    else {
      const r: (string | number)[] = new Array(range.columnCount).fill("");
      r[k] = key;
      r[v] = formValue(key, raw);
      missing.push(r);
    }
  }
  if (missing.length && table) table.rows.add(undefined, missing);
  else if (missing.length) {
    range.getRowsBelow(missing.length).values = missing;
    const sheet = range.worksheet;
    const grown = sheet.getRange(growAddress(range.address, missing.length));
    context.workbook.names.getItem("Inställningar").delete();
    context.workbook.names.add("Inställningar", grown);
  }
  await context.sync();
}
