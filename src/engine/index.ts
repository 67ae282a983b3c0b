import { ContractInput } from "../contract/readContract";
import { Finding } from "../findings/findings";
import { Settings } from "../settings/settings";
import { assessIndicators, IndicatorResult } from "./indicatorStatus";
import { computeInvestments, InvestmentFigures, InvestmentGroup, InvestmentResult } from "./investments";
import { computeMeasures, MeasureResult, MeasuresSummary } from "./measures";
import { assessRisks, RiskResult } from "./risk";
import { computeSensitivity, SensitivityResult } from "./sensitivity";
import { computeIncome, IncomeResult } from "./variance";

export interface EngineResult {
  settings: Settings;
  income: IncomeResult;
  indicators: IndicatorResult[];
  risks: RiskResult[];
  sensitivity: SensitivityResult[];
  /** Measures for a budget in balance, when the workbook has them. */
  measures: { measures: MeasureResult[]; summary: MeasuresSummary } | null;
  /** The investment follow-up, when the workbook has it. */
  investments: { projects: InvestmentResult[]; groups: InvestmentGroup[]; total: InvestmentFigures } | null;
}

/** Runs every calculation on a read workbook. Data problems are appended to `findings`. */
export function computeAll(input: ContractInput, findings: Finding[]): EngineResult {
  const { settings } = input;
  const income = computeIncome(input.budget, input.actuals, settings, input.hasPriorYear, input.hasForecast, findings);
  const forecast = income.exactTotals.resultIncludingCarryover.forecast;
  return {
    settings,
    income,
    indicators: assessIndicators(input.indicators, settings.indicatorTolerance),
    risks: assessRisks(input.risks, settings.riskScale, settings.riskThresholds),
    sensitivity: computeSensitivity(input.sensitivity, income.statement, income.scale, findings),
    measures: input.measures ? computeMeasures(input.measures, settings.measureUnit, settings.unitOut, forecast === null ? null : { units: forecast, scale: income.scale }) : null,
    investments: input.investments ? computeInvestments(input.investments, settings.unitIn, settings.unitOut) : null,
  };
}
