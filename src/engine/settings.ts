import { CellRef } from "../core/references";
import { AmountUnit } from "../core/units";
import { DEFAULT_SPREAD, KindSpread } from "./forecastHistory";
import { DEFAULT_SIMULATIONS } from "./forecastInterval";

/** Thresholds (lowest riskvärde) for each level above low. */
export interface RiskThresholds {
  medium: number;
  high: number;
  veryHigh: number;
}

/**
 * Every setting the add-in uses, typed, with the defaults below: part of the engine's input (input.ts), read once from
 * `Inställningar` by the contract. The presentation settings (title, organisation, report tab) ride along for the report.
 */
export interface Settings {
  /** Shown in the report title. */
  organisation: string;
  /** Report title, e.g. Delårsrapport. */
  reportTitle: string;
  /** Budget year. */
  year: number;
  /** Months elapsed, 1–12. */
  months: number;
  unitIn: AmountUnit;
  unitOut: AmountUnit;
  /** Decimals shown in the report, 0–3. */
  decimals: number;
  /** A variance below this amount (report unit) is not flagged. */
  materialityAmount: number;
  /** A variance below this share of budget is not flagged (0.05 = 5 %). */
  materialityPercent: number;
  riskScale: 4 | 5;
  riskThresholds: RiskThresholds;
  /** Relative distance from Mål still judged partly met when a row has no Tolerans (0.2 = 20 %). */
  indicatorTolerance: number;
  /** True when the workbook enters costs as positive amounts. */
  costsPositive: boolean;
  /** Name of the report tab. */
  reportSheet: string;
  /** Unit of the amounts in Åtgärder (default: the input unit). */
  measureUnit: AmountUnit;
  /** True when Huvudbok books debit positive (revenue negative, costs positive), as ledgers do. */
  ledgerDebitPositive: boolean;
  /** Avrundning = Summerbar: the report rounds parts so that they sum to their rounded totals. */
  summableRounding: boolean;
  /** Spara prognoshistorik: whether a refresh writes the current forecast into `Prognoshistorik` (it is read either way). */
  saveHistory: boolean;
  /** Prognosintervall: whether the year's result is also given as an interval (P10, P50, P90). */
  forecastInterval: boolean;
  /** Simuleringar: draws of the forecast interval. */
  simulations: number;
  /** Prognososäkerhet: the spread of each post's remaining part, per kind, used when the history cannot give it. */
  forecastSpread: KindSpread;
  /** Diagram = Ja: the report tab has its charts (Nej leaves them out). */
  charts: boolean;
  /**
   * Sannolikhet per nivå: the probability (0…1) of each likelihood level 1…Riskskala, or null when not set. No
   * probability is ever assumed from a level without it.
   */
  probabilityPerLevel: number[] | null;
  /** Resultaträkning per ansvar: none (Nej), every ansvar (Ja), or the ansvar named, with the setting's cell. */
  responsibilityStatements: ResponsibilityChoice;
}

/** Which ansvar get a resultaträkning of their own. */
export type ResponsibilityChoice = { kind: "none" } | { kind: "all" } | { kind: "some"; names: string[]; at: CellRef | null };

/** Default risk thresholds for each scale: 4-point 1–3 low, 4–6 medium, 8–9 high, 12–16 very high. */
export const DEFAULT_RISK_THRESHOLDS: Record<4 | 5, RiskThresholds> = {
  4: { medium: 4, high: 8, veryHigh: 12 },
  5: { medium: 5, high: 10, veryHigh: 15 },
};

/** The documented defaults. `year` is the current year when not set. */
export function defaultSettings(now: Date = new Date()): Settings {
  return {
    organisation: "",
    reportTitle: "Delårsrapport",
    year: now.getFullYear(),
    months: 12,
    unitIn: "kr",
    unitOut: "mkr",
    decimals: 1,
    materialityAmount: 0,
    materialityPercent: 0,
    riskScale: 4,
    riskThresholds: { ...DEFAULT_RISK_THRESHOLDS[4] },
    indicatorTolerance: 0.2,
    costsPositive: false,
    reportSheet: "Rapport",
    measureUnit: "kr",
    ledgerDebitPositive: true,
    summableRounding: false,
    saveHistory: true,
    forecastInterval: true,
    simulations: DEFAULT_SIMULATIONS,
    forecastSpread: { ...DEFAULT_SPREAD },
    charts: true,
    probabilityPerLevel: null,
    responsibilityStatements: { kind: "none" },
  };
}
