import { AmountUnit } from "../engine/types";
import { Finding, finding } from "../findings/findings";
import { DEFAULT_RISK_THRESHOLDS, defaultSettings, Settings } from "../settings/settings";
import { canon } from "./text";
import { Table, TableRow } from "./table";

export const SETTINGS_COLUMNS = [
  { key: "key", header: "Inställning" },
  { key: "value", header: "Värde" },
];

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

const UNITS: Record<string, AmountUnit> = {
  kr: "kr", kronor: "kr",
  tkr: "tkr", "tusen kronor": "tkr", "tusental kronor": "tkr",
  mkr: "mkr", mnkr: "mkr", "miljoner kronor": "mkr", "milj kr": "mkr",
};

type Apply = (s: Settings, row: TableRow, invalid: (hint: string) => void) => void;

function integer(row: TableRow, min: number, max: number, invalid: (hint: string) => void, hint: string): number | null {
  const n = row.number("value");
  if (n === null) return null;
  if (!Number.isInteger(n) || n < min || n > max) {
    invalid(hint);
    return null;
  }
  return n;
}

function nonNegativeShare(row: TableRow, invalid: (hint: string) => void, hint: string): number | null {
  const n = row.share("value");
  if (n === null) return null;
  if (n < 0) {
    invalid(hint);
    return null;
  }
  return n;
}

function unit(row: TableRow, invalid: (hint: string) => void, allowed: AmountUnit[]): AmountUnit | null {
  const t = row.text("value");
  if (t === null) return null;
  const u = UNITS[canon(t).replace(/\.$/, "")];
  if (!u || !allowed.includes(u)) {
    invalid(`Använd ${allowed.join(", ")}.`);
    return null;
  }
  return u;
}

const KEYS: Record<string, { label: string; apply: Apply }> = {
  organisation: { label: "Organisation", apply: (s, r) => { s.organisation = r.text("value") ?? ""; } },
  rapport: { label: "Rapport", apply: (s, r) => { s.reportTitle = r.text("value") ?? s.reportTitle; } },
  ar: { label: "År", apply: (s, r, bad) => { s.year = integer(r, 1900, 2200, bad, "Ange ett årtal, t.ex. 2024.") ?? s.year; } },
  period: {
    label: "Period",
    apply: (s, r, bad) => {
      const c = r.cell("value");
      if (typeof c === "string" && !/^\s*[\d,.]+\s*$/.test(c)) {
        const name = canon(c);
        const i = MONTHS.findIndex((m) => name.length >= 3 && m.startsWith(name));
        if (i >= 0) s.months = i + 1;
        else bad("Ange antal månader 1–12 eller en månad, t.ex. augusti.");
        return;
      }
      s.months = integer(r, 1, 12, bad, "Ange antal månader 1–12 eller en månad, t.ex. augusti.") ?? s.months;
    },
  },
  "enhet in": { label: "Enhet in", apply: (s, r, bad) => { s.unitIn = unit(r, bad, ["kr", "tkr", "mkr"]) ?? s.unitIn; } },
  "enhet ut": { label: "Enhet ut", apply: (s, r, bad) => { s.unitOut = unit(r, bad, ["kr", "tkr", "mkr"]) ?? s.unitOut; } },
  decimaler: { label: "Decimaler", apply: (s, r, bad) => { s.decimals = integer(r, 0, 3, bad, "Ange 0, 1, 2 eller 3.") ?? s.decimals; } },
  "vasentlighet belopp": {
    label: "Väsentlighet belopp",
    apply: (s, r, bad) => {
      const n = r.number("value");
      if (n !== null && n < 0) bad("Ange ett belopp som är 0 eller större.");
      else if (n !== null) s.materialityAmount = n;
    },
  },
  "vasentlighet procent": { label: "Väsentlighet procent", apply: (s, r, bad) => { s.materialityPercent = nonNegativeShare(r, bad, "Ange en procentsats, t.ex. 5 %.") ?? s.materialityPercent; } },
  riskskala: {
    label: "Riskskala",
    apply: (s, r, bad) => {
      const n = integer(r, 4, 5, bad, "Ange 4 eller 5.");
      if (n === 4 || n === 5) s.riskScale = n;
    },
  },
  indikatortolerans: { label: "Indikatortolerans", apply: (s, r, bad) => { s.indicatorTolerance = nonNegativeShare(r, bad, "Ange en procentsats, t.ex. 20 %.") ?? s.indicatorTolerance; } },
  teckenkonvention: {
    label: "Teckenkonvention",
    apply: (s, r, bad) => {
      const t = r.text("value");
      if (t === null) return;
      const c = canon(t);
      if (c === "kostnader negativa") s.costsPositive = false;
      else if (c === "kostnader positiva") s.costsPositive = true;
      else bad("Ange Kostnader negativa eller Kostnader positiva.");
    },
  },
  rapportflik: {
    label: "Rapportflik",
    apply: (s, r, bad) => {
      const t = r.text("value");
      if (t === null) return;
      if (t.length > 31 || /[\[\]:*?/\\]/.test(t) || t.startsWith("'")) bad("Ett bladnamn får ha högst 31 tecken och inte innehålla [ ] : * ? / \\.");
      else s.reportSheet = t;
    },
  },
  "enhet atgarder": { label: "Enhet åtgärder", apply: (s, r, bad) => { s.measureUnit = unit(r, bad, ["kr", "tkr", "mkr"]) ?? s.measureUnit; } },
  "tecken i huvudbok": {
    label: "Tecken i huvudbok",
    apply: (s, r, bad) => {
      const t = r.text("value");
      if (t === null) return;
      const c = canon(t);
      if (c === "debet positiv" || c === "debet positivt") s.ledgerDebitPositive = true;
      else if (c === "som rapporten") s.ledgerDebitPositive = false;
      else bad("Ange Debet positiv eller Som rapporten.");
    },
  },
  "riskniva medel": { label: "Risknivå medel", apply: () => undefined },
  "riskniva hog": { label: "Risknivå hög", apply: () => undefined },
  "riskniva mycket hog": { label: "Risknivå mycket hög", apply: () => undefined },
};

const THRESHOLD_KEYS = { "riskniva medel": "medium", "riskniva hog": "high", "riskniva mycket hog": "veryHigh" } as const;

/** Reads `Inställningar` into a validated settings object, defaults where a key is absent or invalid. */
export function readSettings(table: Table | null, findings: Finding[], now?: Date): Settings {
  const settings = defaultSettings(now);
  settings.measureUnit = settings.unitIn;
  if (!table) return settings;
  if (!table.require("key", "value")) return settings;
  const seen = new Map<string, TableRow>();
  const thresholds: Partial<Record<keyof typeof THRESHOLD_KEYS, TableRow>> = {};
  for (const row of table.rows) {
    const name = row.text("key");
    if (name === null) continue;
    const key = canon(name);
    const spec = KEYS[key];
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
    const invalid = (hint: string) =>
      findings.push(finding("SETTING_INVALID", table.name, row.at("value"), { key: spec.label, value: String(row.cell("value") ?? ""), hint }));
    if (key in THRESHOLD_KEYS) thresholds[key as keyof typeof THRESHOLD_KEYS] = row;
    else spec.apply(settings, row, invalid);
  }
  if (!seen.has("enhet atgarder")) settings.measureUnit = settings.unitIn;
  settings.riskThresholds = { ...DEFAULT_RISK_THRESHOLDS[settings.riskScale] };
  const max = settings.riskScale * settings.riskScale;
  for (const [key, row] of Object.entries(thresholds) as [keyof typeof THRESHOLD_KEYS, TableRow][]) {
    const invalid = (hint: string) =>
      findings.push(finding("SETTING_INVALID", table.name, row.at("value"), { key: KEYS[key].label, value: String(row.cell("value") ?? ""), hint }));
    const n = integer(row, 2, max, invalid, `Ange ett heltal från 2 till ${max}.`);
    if (n !== null) settings.riskThresholds[THRESHOLD_KEYS[key]] = n;
  }
  const t = settings.riskThresholds;
  if (!(t.medium < t.high && t.high < t.veryHigh)) {
    findings.push(finding("SETTING_INVALID", table.name, table.origin, { key: "Risknivåer", value: `${t.medium}/${t.high}/${t.veryHigh}`, hint: "Gränserna måste öka: medel < hög < mycket hög." }));
  }
  return settings;
}
