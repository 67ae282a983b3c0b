/**
 * The settings of `Inställningar`, as one table: each key's label, what kind of value it takes and within which
 * bounds, the hint a wrong value gets, and where it goes in the engine's settings. readSettings.ts reads the range
 * with it, and the Office host builds the task pane's settings form from it (hosts/office/settingsIO.ts), so the
 * workbook and the pane accept the same values.
 */
import { CellRef } from "../core/references";
import { canon, own } from "../core/text";
import { AmountUnit } from "../core/units";
import { ResponsibilityChoice, Settings } from "../engine/settings";
import { KindSpread } from "../engine/forecastHistory";
import { MAX_SIMULATIONS } from "../engine/forecastInterval";
import { parseKind } from "../core/kinds";
import { reportSheetNameProblem } from "./reportSheetPolicy";
import { percentToShare } from "../engine/amounts";
import { parseSwedishNumber } from "./values";

/** A whole number from `min` to `max`; `months` also takes a month's name (augusti → 8). */
export interface IntSetting {
  kind: "int";
  min: number;
  max: number;
  months?: true;
  hint: string;
  apply(s: Settings, v: number): void;
}

/** One of a few words, each with its accepted spellings (folded, see canon). */
export interface ChoiceSetting<T> {
  kind: "choice";
  /** The choices as offered and documented, in order. */
  shown: readonly string[];
  /** Every accepted spelling, folded, to its value. */
  accepted: Readonly<Record<string, T>>;
  /** Abbreviations may end in a dot (`tkr.`). */
  abbreviated?: true;
  hint: string;
  apply(s: Settings, v: T): void;
}

/** A number of at least `min` (an amount in the report's unit). */
export interface NumberSetting {
  kind: "number";
  min: number;
  hint: string;
  apply(s: Settings, v: number): void;
}

/** A share of at least `min`: `5 %`, 0.05, or 5 read as percent points. */
export interface ShareSetting {
  kind: "share";
  min: number;
  hint: string;
  apply(s: Settings, v: number): void;
}

/** Free text. */
export interface TextSetting {
  kind: "text";
  apply(s: Settings, v: string): void;
}

/** A sheet name, judged by the report-sheet policy. */
export interface SheetNameSetting {
  kind: "sheetName";
  apply(s: Settings, v: string): void;
}

/** A share per Typ, `Intäkt 2 %; Kostnad 1 %` (Prognososäkerhet): the kinds not named keep their defaults. */
export interface SpreadSetting {
  kind: "spread";
  hint: string;
  apply(s: Settings, v: Partial<KindSpread>): void;
}

/** A risk level's lowest risk value, read after Riskskala (its bounds depend on the scale). */
export interface ThresholdSetting {
  kind: "threshold";
  level: "medium" | "high" | "veryHigh";
}

/** One percentage per likelihood level, `5 %; 20 %; 50 %; 80 %`, read after Riskskala (its length depends on the scale). */
export interface LevelsSetting {
  kind: "levels";
}

/** `Nej`, `Ja` or ansvar separated by `;` (each checked by the engine against the workbook's ansvar). */
export interface ResponsibilitiesSetting {
  kind: "responsibilities";
  apply(s: Settings, v: ResponsibilityChoice): void;
}

export type SettingSpec = { label: string } & (
  | IntSetting
  | ChoiceSetting<AmountUnit>
  | ChoiceSetting<boolean>
  | NumberSetting
  | ShareSetting
  | TextSetting
  | SheetNameSetting
  | SpreadSetting
  | ThresholdSetting
  | LevelsSetting
  | ResponsibilitiesSetting
);

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

const UNIT_SPELLINGS: Record<string, AmountUnit> = {
  kr: "kr", kronor: "kr",
  tkr: "tkr", "tusen kronor": "tkr", "tusental kronor": "tkr",
  mkr: "mkr", mnkr: "mkr", "miljoner kronor": "mkr", "milj kr": "mkr",
};

/** A unit setting taking `allowed` units in any of their spellings. */
function unitSetting(label: string, allowed: readonly AmountUnit[], apply: (s: Settings, u: AmountUnit) => void): SettingSpec {
  const accepted = Object.fromEntries(Object.entries(UNIT_SPELLINGS).filter(([, u]) => allowed.includes(u)));
  return { label, kind: "choice", shown: allowed, accepted, abbreviated: true, hint: `Använd ${allowed.join(", ")}.`, apply };
}

/** `Ja` or `Nej` (also `J`, `N`). */
function yesNo(label: string, apply: (s: Settings, v: boolean) => void): SettingSpec {
  return { label, kind: "choice", shown: ["Ja", "Nej"], accepted: { ja: true, j: true, nej: false, n: false }, hint: "Ange Ja eller Nej.", apply };
}

/** The fewest draws the forecast interval is worth: below a thousand its P10 and P90 move visibly with the seed. */
export const MIN_SIMULATIONS = 1000;

/** 20000 → `20 000` (a non-breaking space between thousands), for hints. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** Every key of Inställningar, by its folded name. */
export const SETTINGS_TABLE: Readonly<Record<string, SettingSpec>> = {
  organisation: { label: "Organisation", kind: "text", apply: (s, v) => void (s.organisation = v) },
  rapport: { label: "Rapport", kind: "text", apply: (s, v) => void (s.reportTitle = v) },
  ar: { label: "År", kind: "int", min: 1900, max: 2200, hint: "Ange ett årtal, t.ex. 2024.", apply: (s, v) => void (s.year = v) },
  period: { label: "Period", kind: "int", min: 1, max: 12, months: true, hint: "Ange antal månader 1–12 eller en månad, t.ex. augusti.", apply: (s, v) => void (s.months = v) },
  "enhet in": unitSetting("Enhet in", ["kr", "tkr", "mkr"], (s, u) => void (s.unitIn = u)),
  "enhet ut": unitSetting("Enhet ut", ["kr", "tkr", "mkr"], (s, u) => void (s.unitOut = u)),
  decimaler: { label: "Decimaler", kind: "int", min: 0, max: 3, hint: "Ange 0, 1, 2 eller 3.", apply: (s, v) => void (s.decimals = v) },
  "vasentlighet belopp": { label: "Väsentlighet belopp", kind: "number", min: 0, hint: "Ange ett belopp som är 0 eller större.", apply: (s, v) => void (s.materialityAmount = v) },
  "vasentlighet procent": { label: "Väsentlighet procent", kind: "share", min: 0, hint: "Ange en procentsats, t.ex. 5 %.", apply: (s, v) => void (s.materialityPercent = v) },
  riskskala: { label: "Riskskala", kind: "int", min: 4, max: 5, hint: "Ange 4 eller 5.", apply: (s, v) => void (s.riskScale = v as 4 | 5) },
  indikatortolerans: { label: "Indikatortolerans", kind: "share", min: 0, hint: "Ange en procentsats, t.ex. 20 %.", apply: (s, v) => void (s.indicatorTolerance = v) },
  teckenkonvention: {
    label: "Teckenkonvention",
    kind: "choice",
    shown: ["Kostnader negativa", "Kostnader positiva"],
    accepted: { "kostnader negativa": false, "kostnader positiva": true },
    hint: "Ange Kostnader negativa eller Kostnader positiva.",
    apply: (s: Settings, costsPositive: boolean) => void (s.costsPositive = costsPositive),
  },
  rapportflik: { label: "Rapportflik", kind: "sheetName", apply: (s, v) => void (s.reportSheet = v) },
  "enhet atgarder": unitSetting("Enhet åtgärder", ["kr", "tkr", "mkr"], (s, u) => void (s.measureUnit = u)),
  "tecken i huvudbok": {
    label: "Tecken i huvudbok",
    kind: "choice",
    shown: ["Debet positiv", "Som rapporten"],
    accepted: { "debet positiv": true, "debet positivt": true, "som rapporten": false },
    hint: "Ange Debet positiv eller Som rapporten.",
    apply: (s: Settings, debitPositive: boolean) => void (s.ledgerDebitPositive = debitPositive),
  },
  avrundning: {
    label: "Avrundning",
    kind: "choice",
    shown: ["Per rad", "Summerbar"],
    accepted: { "per rad": false, summerbar: true, summerbara: true },
    hint: "Ange Per rad eller Summerbar.",
    apply: (s: Settings, summable: boolean) => void (s.summableRounding = summable),
  },
  "spara prognoshistorik": yesNo("Spara prognoshistorik", (s, v) => void (s.saveHistory = v)),
  prognosintervall: yesNo("Prognosintervall", (s, v) => void (s.forecastInterval = v)),
  simuleringar: {
    label: "Simuleringar",
    kind: "int",
    min: MIN_SIMULATIONS,
    max: MAX_SIMULATIONS,
    hint: `Ange ett heltal från ${groupDigits(MIN_SIMULATIONS)} till ${groupDigits(MAX_SIMULATIONS)}, t.ex. 20 000.`,
    apply: (s, v) => void (s.simulations = v),
  },
  prognososakerhet: {
    label: "Prognososäkerhet",
    kind: "spread",
    hint: "Ange en procentsats per typ, åtskilda med semikolon, t.ex. Intäkt 2 %; Kostnad 1 %; Finansiell 1 %.",
    apply: (s, v) => void (s.forecastSpread = { ...s.forecastSpread, ...v }),
  },
  diagram: {
    label: "Diagram",
    kind: "choice",
    shown: ["Ja", "Nej"],
    accepted: { ja: true, nej: false },
    hint: "Ange Ja eller Nej.",
    apply: (s: Settings, charts: boolean) => void (s.charts = charts),
  },
  "resultatrakning per ansvar": { label: "Resultaträkning per ansvar", kind: "responsibilities", apply: (s, v) => void (s.responsibilityStatements = v) },
  "sannolikhet per niva": { label: "Sannolikhet per nivå", kind: "levels" },
  "riskniva medel": { label: "Risknivå medel", kind: "threshold", level: "medium" },
  "riskniva hog": { label: "Risknivå hög", kind: "threshold", level: "high" },
  "riskniva mycket hog": { label: "Risknivå mycket hög", kind: "threshold", level: "veryHigh" },
};

/** The spec of a setting by the name written in Inställningar (any case, spaces, å/ä/ö), or undefined. */
export function settingSpec(name: string): SettingSpec | undefined {
  return own(SETTINGS_TABLE, canon(name));
}

/** A whole number within the spec's bounds, or null. */
export function checkInt(spec: IntSetting, n: number): number | null {
  return Number.isInteger(n) && n >= spec.min && n <= spec.max ? n : null;
}

/** A month named by text (`aug`, `augusti`, at least three letters) as its number, or null. */
export function monthNumber(text: string): number | null {
  const name = canon(text);
  const i = MONTHS.findIndex((m) => name.length >= 3 && m.startsWith(name));
  return i >= 0 ? i + 1 : null;
}

/** The value of a choice written in any accepted spelling (an abbreviation's dot ignored: `tkr.`), or undefined. */
export function checkChoice<T>(spec: ChoiceSetting<T>, text: string): T | undefined {
  const c = canon(text);
  return own(spec.accepted, spec.abbreviated ? c.replace(/\.$/, "") : c);
}

/** `Nej` (or empty), `Ja` (also `Alla`) or a list of ansvar separated by `;`. */
export function parseResponsibilityChoice(text: string, at: CellRef | null): ResponsibilityChoice {
  const c = canon(text);
  if (c === "" || c === "nej" || c === "n" || c === "inga") return { kind: "none" };
  if (c === "ja" || c === "j" || c === "alla") return { kind: "all" };
  const names = text.split(";").map((n) => n.trim()).filter((n) => n !== "");
  return names.length === 0 ? { kind: "none" } : { kind: "some", names, at };
}

const LEVEL_WORDS = ["", "en", "två", "tre", "fyra", "fem"];

/**
 * `Sannolikhet per nivå` as probabilities (0…1), one per level of a `scale`-point scale, or the reason it cannot be
 * used: each a percentage 0–100 (the % sign optional), as many as the levels, never falling from one level to the next.
 */
export function parseLevels(text: string, scale: number): { levels: number[] } | { problem: string } {
  const example = scale === 4 ? "5 %; 20 %; 50 %; 80 %" : "5 %; 15 %; 30 %; 50 %; 80 %";
  const hint = `Ange ${LEVEL_WORDS[scale]} procentsatser, en för varje sannolikhetsnivå 1–${scale}, åtskilda med semikolon, t.ex. ${example}.`;
  const parts = text.split(";").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length !== scale) return { problem: `Listan har ${parts.length === 0 ? "inga värden" : parts.length === 1 ? "ett värde" : `${parts.length} värden`} men skalan har ${scale} nivåer. ${hint}` };
  const levels: number[] = [];
  for (const p of parts) {
    const n = parseSwedishNumber(p);
    if (n === null) return { problem: hint };
    const share = /%\s*$/.test(p) ? n : percentToShare(n);
    if (!(share >= 0 && share <= 1)) return { problem: `Varje procentsats ska vara från 0 till 100. ${hint}` };
    levels.push(share);
  }
  for (let i = 1; i < levels.length; i++) if (levels[i] < levels[i - 1]) return { problem: `En högre nivå kan inte ha lägre sannolikhet än en lägre nivå. ${hint}` };
  return { levels };
}

/** Why a sheet name cannot be the report tab's (the report-sheet policy's words), or null. */
export function checkSheetName(name: string): string | null {
  return reportSheetNameProblem(name);
}

/**
 * `Intäkt 2 %; Kostnad 1 %; Finansiell 1 %` as shares per kind (0.02 …): each part a Typ (as Budget names it, singular or
 * plural) and a percentage 0–100, the % sign optional; the kinds not named are left out (they keep their defaults).
 * Null when the text cannot be read that way (an unknown Typ, Över-/underskott, a kind twice, a number outside 0–100).
 */
export function parseSpread(text: string): Partial<KindSpread> | null {
  const out: Partial<KindSpread> = {};
  const parts = text.split(";").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) return null;
  for (const part of parts) {
    const m = /^(.*?)\s*([+\-\u2212]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*)\s*(%?)$/u.exec(part);
    if (!m) return null;
    const kind = parseKind(m[1].replace(/:$/, ""));
    if (kind === null || kind === "carryover" || kind in out) return null;
    const n = parseSwedishNumber(m[2]);
    if (n === null || n < 0 || n > 100) return null;
    out[kind] = n / 100;
  }
  return out;
}
