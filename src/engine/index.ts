import { Finding } from "../findings/findings";
import { EngineInput } from "./input";
import { Settings } from "./settings";
import { assessIndicators, IndicatorResult } from "./indicatorStatus";
import { computeInvestments, InvestmentFigures, InvestmentGroup, InvestmentResult } from "./investments";
import { computeMeasures, MeasureResult, MeasuresSummary } from "./measures";
import { assessRisks, RiskResult, RiskSummary, summariseRisks } from "./risk";
import { computeSensitivity, SensitivityResult } from "./sensitivity";
import { computeIncome, IncomeResult } from "./variance";
import { AccountLine, mapLedger } from "./ledger";
import { AmountScale, decimalsOf } from "./amounts";
import { prepareHistory } from "./historyInput";
import { attachForecastChange, ForecastOutlook, forecastOutlook, IntervalRisk } from "./outlook";
import { computeNonRecurring, NonRecurringResult } from "./nonRecurring";
import { computeResponsibilityStatements, ResponsibilityStatement } from "./responsibilityStatement";

/** An account behind a post, in the report's unit (the JSON's `accounts`, the report's appendix). */
export interface AccountResult {
  account: string;
  item: string;
  kind: AccountLine["kind"];
  responsibility: string | null;
  actual: number | null;
  budgetYear: number | null;
  forecast: number | null;
}

export interface EngineResult {
  settings: Settings;
  income: IncomeResult;
  indicators: IndicatorResult[];
  risks: RiskResult[];
  /** The risks' expected effects and unweighted consequences, summed. */
  riskSummary: RiskSummary;
  sensitivity: SensitivityResult[];
  /** Measures for a budget in balance, when the workbook has them. */
  measures: { measures: MeasureResult[]; summary: MeasuresSummary } | null;
  /** The investment follow-up, when the workbook has it. */
  investments: { projects: InvestmentResult[]; groups: InvestmentGroup[]; total: InvestmentFigures } | null;
  /** The accounts behind each post, when the workbook is a ledger (Huvudbok). */
  accounts: AccountResult[] | null;
  /** Prognosförändring, Prognossäkerhet and the forecast interval (each null when the workbook cannot give it). */
  outlook: ForecastOutlook;
  /** Non-recurring items and the result without them, when the workbook has `Jämförelsestörande`. */
  nonRecurring: NonRecurringResult | null;
  /** The ansvar that get a resultaträkning of their own (setting `Resultaträkning per ansvar`); empty for none. */
  responsibilityStatements: ResponsibilityStatement[];
}

/** Runs every calculation on a read workbook. Data problems are appended to `findings`. */
export function computeAll(input: EngineInput, findings: Finding[]): EngineResult {
  const { settings } = input;
  const ledger = input.ledger ? mapLedger(input.ledger.rows, input.ledger.plan, settings.costsPositive, findings) : null;
  const income = ledger
    ? computeIncome(ledger.budget, ledger.actuals, settings, ledger.hasPriorYear, ledger.hasForecast, findings)
    : computeIncome(input.budget, input.actuals, settings, input.hasPriorYear, input.hasForecast, findings);
  const forecast = income.exactTotals.resultIncludingCarryover.forecast;
  const history = prepareHistory(input.history, income, settings, findings);
  const risks = assessRisks(input.risks, settings.riskThresholds, settings.probabilityPerLevel);
  const responsibilityStatements = computeResponsibilityStatements(income, settings.responsibilityStatements, settings, findings);
  const outlook = forecastOutlook(history, income, settings, intervalRisks(risks));
  attachForecastChange(outlook.change, income, responsibilityStatements);
  return {
    settings,
    income,
    indicators: assessIndicators(input.indicators, settings.indicatorTolerance),
    risks,
    riskSummary: summariseRisks(risks),
    sensitivity: computeSensitivity(input.sensitivity, income.statement, income.scale, findings, settings.unitIn, income.totals.resultIncludingCarryover.forecast),
    measures: input.measures ? computeMeasures(input.measures, settings.measureUnit, settings.unitOut, forecast === null ? null : { units: forecast, scale: income.scale }) : null,
    investments: input.investments ? computeInvestments(input.investments, settings.unitIn, settings.unitOut) : null,
    accounts: ledger ? accountsInReportUnit(ledger.accounts, settings) : null,
    nonRecurring: input.nonRecurring ? computeNonRecurring(input.nonRecurring, income, settings, findings) : null,
    responsibilityStatements,
    outlook,
  };
}

/** The risks that enter the forecast interval: those with both a probability and an economic consequence (report unit, a loss negative). */
function intervalRisks(risks: readonly RiskResult[]): IntervalRisk[] {
  const out: IntervalRisk[] = [];
  for (const r of risks) if (r.probability !== null && r.economicConsequence !== null) out.push({ risk: r.risk, probability: r.probability, consequence: r.economicConsequence });
  return out;
}

/** The ledger's accounts in the report's unit, exactly (each on the scale of its own decimals). */
function accountsInReportUnit(lines: readonly AccountLine[], settings: Settings): AccountResult[] {
  let d = 0;
  for (const l of lines) for (const v of [l.actual, l.budgetYear, l.forecast]) if (v !== null && !Number.isInteger(v)) d = Math.max(d, decimalsOf(v));
  const scale = new AmountScale(d, settings.unitIn, settings.unitOut);
  const r = (v: number | null) => (v === null ? null : scale.toReport(scale.units(v)));
  return lines.map((l) => ({ account: l.account, item: l.item, kind: l.kind, responsibility: l.responsibility, actual: r(l.actual), budgetYear: r(l.budgetYear), forecast: r(l.forecast) }));
}
