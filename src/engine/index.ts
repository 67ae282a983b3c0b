import { ContractInput } from "../contract/readContract";
import { Finding } from "../findings/findings";
import { Settings } from "../settings/settings";
import { assessIndicators, IndicatorResult } from "./indicatorStatus";
import { assessRisks, RiskResult } from "./risk";
import { computeSensitivity, SensitivityResult } from "./sensitivity";
import { unitFactor } from "./units";
import { computeIncome, IncomeResult } from "./variance";

export interface EngineResult {
  settings: Settings;
  income: IncomeResult;
  indicators: IndicatorResult[];
  risks: RiskResult[];
  sensitivity: SensitivityResult[];
}

/** Runs every calculation on a read workbook. Data problems are appended to `findings`. */
export function computeAll(input: ContractInput, findings: Finding[]): EngineResult {
  const { settings } = input;
  const income = computeIncome(input.budget, input.actuals, settings, input.hasPriorYear, input.hasForecast, findings);
  return {
    settings,
    income,
    indicators: assessIndicators(input.indicators, settings.indicatorTolerance),
    risks: assessRisks(input.risks, settings.riskScale, settings.riskThresholds),
    sensitivity: computeSensitivity(input.sensitivity, income.statement, unitFactor(settings.unitIn, settings.unitOut), findings),
  };
}
