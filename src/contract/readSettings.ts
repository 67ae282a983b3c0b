/**
 * Reads `Inställningar` into the engine's settings, by the one table of settings (settingsTable.ts): defaults where a
 * key is absent or its value invalid, and a finding naming the cell for every unknown key, duplicate or invalid value.
 */
import { canon } from "../core/text";
import { DEFAULT_RISK_THRESHOLDS, defaultSettings, Settings } from "../engine/settings";
import { Finding, finding } from "../findings/findings";
import { checkChoice, checkInt, checkSheetName, LevelsSetting, monthNumber, parseLevels, parseResponsibilityChoice, parseSpread, SettingSpec, settingSpec, ThresholdSetting } from "./settingsTable";
import { Table, TableRow } from "./table";

export const SETTINGS_COLUMNS = [
  { key: "key", header: "Inställning" },
  { key: "value", header: "Värde" },
];

/** Applies one row's value by its spec; `invalid` records why it cannot be used (the setting keeps its default). */
function applyRow(spec: Exclude<SettingSpec, ThresholdSetting | LevelsSetting>, settings: Settings, row: TableRow, invalid: (hint: string) => void): void {
  switch (spec.kind) {
    case "text": {
      const t = row.text("value");
      if (t !== null) spec.apply(settings, t);
      return;
    }
    case "int": {
      const c = row.cell("value");
      if (spec.months && typeof c === "string" && !/^\s*[\d,.]+\s*$/.test(c)) {
        const m = monthNumber(c);
        if (m !== null) spec.apply(settings, m);
        else invalid(spec.hint);
        return;
      }
      const n = row.number("value");
      if (n === null) return;
      const v = checkInt(spec, n);
      if (v === null) invalid(spec.hint);
      else spec.apply(settings, v);
      return;
    }
    case "number": {
      const n = row.number("value");
      if (n !== null && n < spec.min) invalid(spec.hint);
      else if (n !== null) spec.apply(settings, n);
      return;
    }
    case "share": {
      const n = row.share("value");
      if (n !== null && n < spec.min) invalid(spec.hint);
      else if (n !== null) spec.apply(settings, n);
      return;
    }
    case "choice": {
      const t = row.text("value");
      if (t === null) return;
      const v = checkChoice<unknown>(spec, t);
      if (v === undefined) invalid(spec.hint);
      else (spec.apply as (s: Settings, v: unknown) => void)(settings, v);
      return;
    }
    case "spread": {
      const t = row.text("value");
      if (t === null) return;
      const v = parseSpread(t);
      if (v === null) invalid(spec.hint);
      else spec.apply(settings, v);
      return;
    }
    case "responsibilities": {
      const t = row.text("value");
      if (t !== null) spec.apply(settings, parseResponsibilityChoice(t, row.at("value")));
      return;
    }
    case "sheetName": {
      const t = row.text("value");
      if (t === null) return;
      const problem = checkSheetName(t);
      if (problem) invalid(problem);
      else spec.apply(settings, t);
      return;
    }
  }
}

/** Reads `Inställningar` into a validated settings object, defaults where a key is absent or invalid. */
export function readSettings(table: Table | null, findings: Finding[], now?: Date): Settings {
  const settings = defaultSettings(now);
  settings.measureUnit = settings.unitIn;
  if (!table) return settings;
  if (!table.require("key", "value")) return settings;
  const seen = new Map<string, TableRow>();
  const thresholds: { spec: ThresholdSetting & { label: string }; row: TableRow }[] = [];
  let levels: { label: string; row: TableRow } | null = null;
  const invalidAt = (row: TableRow, label: string) => (hint: string) =>
    findings.push(finding("SETTING_INVALID", table.name, row.at("value"), { key: label, value: String(row.cell("value") ?? ""), hint }));
  for (const row of table.rows) {
    const name = row.text("key");
    if (name === null) continue;
    const key = canon(name);
    const spec = settingSpec(name);
    if (!spec) {
      findings.push(finding("SETTING_UNKNOWN", table.name, row.at("key"), { key: name }));
      continue;
    }
    const earlier = seen.get(key);
    if (earlier) {
      findings.push(finding("SETTING_DUPLICATE", table.name, earlier.at("key"), { key: spec.label }, [row.at("key")]));
      continue;
    }
    seen.set(key, row);
    if (spec.kind === "threshold") thresholds.push({ spec, row });
    else if (spec.kind === "levels") levels = { label: spec.label, row };
    else applyRow(spec, settings, row, invalidAt(row, spec.label));
  }
  if (!seen.has("enhet atgarder")) settings.measureUnit = settings.unitIn;
  // Risk levels: their bounds depend on the scale, read above.
  settings.riskThresholds = { ...DEFAULT_RISK_THRESHOLDS[settings.riskScale] };
  const max = settings.riskScale * settings.riskScale;
  for (const { spec, row } of thresholds) {
    const n = row.number("value");
    if (n === null) continue;
    if (!Number.isInteger(n) || n < 2 || n > max) invalidAt(row, spec.label)(`Ange ett heltal från 2 till ${max}.`);
    else settings.riskThresholds[spec.level] = n;
  }
  // Probabilities per level: as many as the scale, read above, has levels.
  if (levels) {
    const text = levels.row.text("value");
    if (text !== null) {
      const parsed = parseLevels(text, settings.riskScale);
      if ("levels" in parsed) settings.probabilityPerLevel = parsed.levels;
      else invalidAt(levels.row, levels.label)(parsed.problem);
    }
  }
  const t = settings.riskThresholds;
  if (!(t.medium < t.high && t.high < t.veryHigh)) {
    findings.push(finding("SETTING_INVALID", table.name, table.origin, { key: "Risknivåer", value: `${t.medium}/${t.high}/${t.veryHigh}`, hint: "Gränserna måste öka: medel < hög < mycket hög." }));
  }
  return settings;
}
