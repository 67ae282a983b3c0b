/**
 * The engine's row and list types: what its input holds (see input.ts) and the figures it computes. Amounts in the
 * input are as entered (input unit, the workbook's signs); figures are in the report's unit.
 */
import { ItemKind } from "../core/kinds";
import { CellRef, SourceRef } from "../core/references";

/** Where the rows of a columnar table came from: the range, its sheet, the first column and each row's sheet row. */
export interface RowOrigin {
  range: string;
  sheet: string;
  col: number;
  /** Zero-based sheet row of each table row. */
  rows: Int32Array;
}

/**
 * Budget rows by column (a kommun's ledger is a million rows: one object per row would not fit). Amounts are in
 * the input unit, as entered (signed: revenue +, cost −).
 */
export interface BudgetRows {
  size: number;
  responsibility: (string | null)[];
  item: string[];
  /** KIND_CODES index per row. */
  kind: Uint8Array;
  /** Annual budget: Helår as stated, or the sum of the months. */
  budgetYear: Float64Array;
  /** Monthly budget Jan…Dec, 12 per row, or null when the workbook gives only Helår. */
  months: Float64Array | null;
  origin: RowOrigin;
}

/** Outcome rows by column. Amounts in the input unit. */
export interface ActualRows {
  size: number;
  responsibility: (string | null)[];
  item: string[];
  /** KIND_CODES index, or NO_KIND when Utfall gives no Typ. */
  kind: Uint8Array;
  /** Outcome for the elapsed period, or null when monthly figures are given instead. */
  actual: Float64Array | null;
  months: Float64Array | null;
  /** Same period last year (0 for an empty cell), or null when the column is absent. */
  priorYear: Float64Array | null;
  /** Forecast for the year (NaN for an empty cell), or null when the column is absent. */
  forecast: Float64Array | null;
  /** Last year's full-year outcome, the bokslut (0 for an empty cell), or null when the column is absent. */
  priorYearFull: Float64Array | null;
  /** Sheet column of Prognos, for findings about empty forecast cells. */
  forecastCol: number;
  origin: RowOrigin;
}

/** Figures of one line or total, in the report unit. */
export interface Figures {
  actualPriorYear: number | null;
  actual: number;
  budgetPeriod: number;
  variance: number;
  variancePercent: number | null;
  budgetYear: number;
  forecast: number | null;
  forecastVariance: number | null;
  /** Last year's full-year outcome (Bokslut <År−1>), or null without the column `Utfall helår fg år`. */
  actualPriorYearFull: number | null;
  /** actual − actualPriorYear (positive is favourable, as every variance), or null without `Utfall fg år`. */
  changeFromPriorYear: number | null;
  /** changeFromPriorYear / |actualPriorYear|, null when last year's figure would print as zero. */
  changePercentFromPriorYear: number | null;
  /**
   * Prognosförändring (contract v3): the forecast at the latest earlier period of the year and forecast − it; present
   * only when the history has such a period (set by computeAll, outlook.ts), null where the line had no forecast then.
   */
  forecastPrevious?: number | null;
  forecastChange?: number | null;
}

export type IndicatorStatus = "met" | "partlyMet" | "notMet" | "notAssessable";
export type Direction = "higher" | "lower";
export type Trend = "improving" | "worsening" | "unchanged";

export interface IndicatorInput {
  indicator: string;
  actual: number | null;
  target: number;
  direction: Direction;
  tolerance: number | null;
  previous: number | null;
  unit: string | null;
  comment: string | null;
  /** True when the workbook shows Utfall/Mål as a percentage (0.43 shown as 43 %). */
  percentFormat: boolean;
  /** The group the indicator stands under (`Personal`, `Kund`), or null. */
  group: string | null;
  /** The year the target is to be reached, or null. */
  targetYear: number | null;
  /** Values for kvinnor and män (Utfall stays the total), or null. */
  actualWomen: number | null;
  actualMen: number | null;
  previousWomen: number | null;
  previousMen: number | null;
  source: SourceRef;
}

export type RiskLevel = "low" | "medium" | "high" | "veryHigh";

export interface RiskInput {
  risk: string;
  likelihood: number;
  consequence: number;
  action: string | null;
  owner: string | null;
  comment: string | null;
  /**
   * The effect on the result if the risk occurs, in the report unit, signed as the report signs its effects on the
   * result: a loss is negative, whatever Teckenkonvention says about how costs are entered (as non-recurring items).
   */
  economicConsequence: number | null;
  /** The risk's own probability of occurring this year (`Sannolikhet %`), 0…1, or null. */
  ownProbability: number | null;
  previousRiskValue: number | null;
  source: SourceRef;
}

export interface SensitivityInput {
  factor: string;
  /** A post name, or a type meaning the sum of that type. */
  item: string | null;
  /** Explicit base in the input unit, signed (cost negative). */
  base: number | null;
  change: number;
  source: SourceRef;
  /** The Post cell, for findings about the post named. */
  itemAt?: CellRef;
}

export type MeasureStatus = "decided" | "proposed";

/** A measure for a budget in balance (åtgärd), in the unit of the setting `Enhet åtgärder`. */
export interface MeasureInput {
  measure: string;
  status: MeasureStatus;
  /** Effect on this year's and next year's result (positive improves it), or null when not given. */
  effectThisYear: number | null;
  effectNextYear: number | null;
  /** Whether the forecast already counts the measure (default: decided yes, proposed no). */
  inForecast: boolean;
  responsibility: string | null;
  comment: string | null;
  /** Another nämnd or party where the saving lands (`Effekt hos`): it does not improve this nämnd's result. */
  effectAt: string | null;
  source: SourceRef;
}

/** A non-recurring item (jämförelsestörande post), already inside Utfall and Prognos. Amounts in the input unit, gain positive. */
export interface NonRecurringInput {
  description: string;
  item: string;
  responsibility: string | null;
  actual: number | null;
  forecast: number | null;
  source: SourceRef;
  /** The Post and Ansvar cells, for findings about the post or ansvar named. */
  itemAt: CellRef;
  responsibilityAt: CellRef | null;
}

/** One investment project, in the input unit, spending negative. */
export interface InvestmentInput {
  project: string;
  category: string | null;
  actual: number | null;
  budgetYear: number | null;
  forecast: number | null;
  actualToDate: number | null;
  projectBudget: number | null;
  projectForecast: number | null;
  source: SourceRef;
}

/**
 * Ledger rows (huvudbok / saldolista) by column: one per account and ansvar (and whatever other dimensions the
 * export had, already summed or left as separate rows). Amounts in the input unit, signed as the report signs them
 * (revenue +, cost −): the reader has turned a debit-positive export around.
 */
export interface LedgerRows {
  size: number;
  /** Account numbers as digits (`3011`). */
  account: string[];
  responsibility: (string | null)[];
  /** Annual budget, or null when the ledger has no budget (NaN: the months' sum). */
  budget: Float64Array | null;
  /** Monthly budget, 12 per row, or null. */
  months: Float64Array | null;
  actual: Float64Array | null;
  priorYear: Float64Array | null;
  /** Last year's full-year outcome (the bokslut), or null when the ledger has no such column. */
  priorYearFull: Float64Array | null;
  /** Forecast (NaN for an empty cell), or null when the ledger has none. */
  forecast: Float64Array | null;
  /** True when the export booked debit positive (the amounts above have been turned), for messages in its own sign. */
  debitPositive: boolean;
  origin: RowOrigin;
}

/** One row of an account plan: a whole account, a prefix or an interval of accounts, mapped to a post. */
export interface AccountRule {
  /** As written: `3911`, `50`, `3000-3099`. */
  text: string;
  /** First and last account it covers, at `digits` digits. */
  first: number;
  last: number;
  digits: number;
  item: string;
  kind: ItemKind;
  /** Where the rule stands in Kontoplan, or null for the built-in Kommun-Bas default. */
  source: SourceRef | null;
}
