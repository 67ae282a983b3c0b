/** Kinds of income-statement lines, in the order a report shows them. */
export type ItemKind = "revenue" | "cost" | "financial";

/** Units an amount can be expressed in. */
export type AmountUnit = "kr" | "tkr" | "mkr";

/** One budget line, already read from the workbook and signed (revenue +, cost −). Amounts in the input unit. */
export interface BudgetLine {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  /** Annual budget. */
  budgetYear: number;
  /** Monthly budget Jan…Dec, or null when the workbook gives only Helår. */
  months: number[] | null;
  /** Where the line came from, so results can point back at it. */
  source: SourceRef;
}

/** One outcome line, signed like the budget. Amounts in the input unit. */
export interface ActualLine {
  responsibility: string | null;
  item: string;
  /** Type given in Utfall, if any. */
  kind: ItemKind | null;
  /** Outcome for the elapsed period, or null when only monthly figures are given. */
  actual: number | null;
  months: number[] | null;
  actualPriorYear: number | null;
  forecast: number | null;
  /** Set when the Prognos column exists but this row's cell is empty. */
  forecastBlankAt?: CellRef;
  source: SourceRef;
}

/** A zero-based position in a sheet; turned into `Blad!C7` only at the edges. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A row's origin: the input range and the cell of its first column. */
export interface SourceRef {
  range: string;
  at: CellRef;
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
  /** Amount in the report unit if the risk occurs. */
  economicConsequence: number | null;
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
