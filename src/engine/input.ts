/**
 * What the engine computes from: the settings and the rows and lists of one workbook, read by the contract (which
 * adds what it found: see contract/readContract.ts) or built by tests. Amounts are as entered (input unit, the
 * workbook's signs).
 */
import { HistoryInputRow } from "./historyInput";
import { Settings } from "./settings";
import { AccountRule, ActualRows, BudgetRows, IndicatorInput, InvestmentInput, LedgerRows, MeasureInput, NonRecurringInput, RiskInput, SensitivityInput } from "./types";

export interface EngineInput {
  settings: Settings;
  budget: BudgetRows;
  actuals: ActualRows;
  hasPriorYear: boolean;
  hasForecast: boolean;
  indicators: IndicatorInput[];
  risks: RiskInput[];
  /** null when there is no `Känslighet` range: the engine then analyses every post. */
  sensitivity: SensitivityInput[] | null;
  /** Measures for a budget in balance, or null when there is no `Åtgärder` range. */
  measures: MeasureInput[] | null;
  /** A ledger with its account plan, in place of Budget and Utfall, or null. */
  ledger: { rows: LedgerRows; plan: AccountRule[] } | null;
  /** Investment projects, or null when there is no `Investeringar` range. */
  investments: InvestmentInput[] | null;
  /** The rows of `Prognoshistorik`, or null when the workbook has none. */
  history: HistoryInputRow[] | null;
  /** Non-recurring items (`Jämförelsestörande`), or null when there is no such range. */
  nonRecurring: NonRecurringInput[] | null;
}
