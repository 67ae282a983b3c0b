/// <reference types="office-js" />
import { canon } from "../../contract/text";
import { protectText } from "./renderOffice";

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
  if (!s || s.kind === "choice") return raw.trim();
  const n = Number(raw.replace(",", ".").replace(/\s|%/g, ""));
  return s.kind === "percent" ? n / 100 : n;
}

/** Reads the `Inställningar` range as key → displayed text. One round trip. */
export async function readSettingValues(context: Excel.RequestContext): Promise<SettingValues> {
  const range = findSettingsRange(context);
  range.load("values,text,isNullObject");
  await context.sync();
  const out: SettingValues = {};
  if (range.isNullObject) return out;
  const values = range.values as unknown[][];
  const headers = values[0].map((h) => canon(String(h)));
  const k = headers.indexOf("installning"), v = headers.indexOf("varde");
  if (k < 0 || v < 0) return out;
  values.slice(1).forEach((row) => {
    const spec = EDITABLE_SETTINGS.find((s) => canon(s.key) === canon(String(row[k])));
    if (!spec) return;
    const value = row[v];
    out[spec.key] = spec.kind === "percent" && typeof value === "number" ? String(Math.round(value * 1000) / 10) : String(value ?? "");
  });
  return out;
}

function findSettingsRange(context: Excel.RequestContext): Excel.Range {
  return context.workbook.names.getItemOrNullObject("Inställningar").getRangeOrNullObject();
}

/**
 * Writes the form into `Inställningar`: existing keys are updated in place; missing keys are appended below the
 * range and the name is widened to include them. Creates the sheet and name when the workbook has none.
 */
export async function writeSettingValues(context: Excel.RequestContext, values: SettingValues): Promise<void> {
  const errors = validateSettingsForm(values);
  if (Object.keys(errors).length) throw new Error("Ogiltiga inställningar");
  const range = findSettingsRange(context);
  range.load("values,rowCount,columnCount,address,isNullObject");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const entries = Object.entries(values).filter(([, v]) => v.trim() !== "");
  if (range.isNullObject) {
    const sheetName = sheets.items.some((s) => canon(s.name) === "installningar") ? "Uppföljning inställningar" : "Inställningar";
    const ws = context.workbook.worksheets.add(sheetName);
    const rows = [["Inställning", "Värde"], ...entries.map(([k, v]) => [k, formValue(k, v)])];
    const target = ws.getRange(`A1:B${rows.length}`);
    target.values = rows.map((r) => r.map(protectText)) as (string | number)[][];
    context.workbook.names.add("Inställningar", target);
    await context.sync();
    return;
  }
  const all = range.values as unknown[][];
  const headers = all[0].map((h) => canon(String(h)));
  const k = headers.indexOf("installning"), v = headers.indexOf("varde");
  const missing: [string, string | number][] = [];
  for (const [key, raw] of entries) {
    const row = all.findIndex((r, i) => i > 0 && canon(String(r[k])) === canon(key));
    if (row > 0) range.getCell(row, v).values = [[formValue(key, raw) as string | number]];
    else missing.push([key, formValue(key, raw)]);
  }
  if (missing.length) {
    const below = range.getRowsBelow(missing.length);
    const rows = missing.map(([key, val]) => {
      const r: (string | number)[] = new Array(range.columnCount).fill("");
      r[k] = key;
      r[v] = val;
      return r;
    });
    below.values = rows;
    const grown = range.getResizedRange(missing.length, 0);
    context.workbook.names.getItem("Inställningar").delete();
    context.workbook.names.add("Inställningar", grown);
  }
  await context.sync();
}
