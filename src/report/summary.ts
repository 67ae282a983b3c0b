import { EngineResult } from "../engine";
import { LEVEL_LABEL } from "./build";
import { Voice } from "./language/words";

/** What the task pane shows after a refresh: a few lines a controller reads at a glance. */
export interface Summary {
  result: string;
  /** The measures' effects, when the workbook has measures. */
  measures: string | null;
  variances: string[];
  indicatorsNotMet: string[];
  highRisks: string[];
}

/** The headline figures of a refresh, as Swedish text. */
export function summarise(result: EngineResult): Summary {
  const { income, settings } = result;
  const v = new Voice(settings.decimals, settings.unitOut);
  const amount = (n: number, plus = false) => (plus ? v.signed(n) : v.plain(n));
  const res = income.totals.result;
  const incl = income.totals.resultIncludingCarryover;
  const m = result.measures?.summary;
  return {
    result: income.hasCarryover
      ? `Resultat ${amount(incl.actual, true)} inklusive över-/underskott (${amount(res.actual, true)} exklusive) mot budget ${amount(incl.budgetPeriod, true)} (avvikelse ${amount(incl.variance, true)}).`
      : `Resultat ${amount(res.actual, true)} mot budget ${amount(res.budgetPeriod, true)} (avvikelse ${amount(res.variance, true)}).`,
    measures: m
      ? `Åtgärder i år: beslutade ${amount(m.decidedThisYear, true)}, ej beslutade ${amount(m.proposedThisYear, true)}` +
        (m.forecastWithMeasures !== null ? `; prognos inkl. ej beslutade åtgärder ${amount(m.forecastWithMeasures, true)}.` : ".")
      : null,
    variances: income.statement
      .filter((r) => r.significant && r.kind !== "carryover")
      .sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance))
      .slice(0, 3)
      .map((r) => `${r.item}: ${amount(r.variance, true)}`),
    indicatorsNotMet: result.indicators.filter((i) => i.status === "notMet").map((i) => i.indicator),
    highRisks: result.risks.filter((r) => r.level === "high" || r.level === "veryHigh").map((r) => `${r.risk} (${r.riskValue}, ${LEVEL_LABEL[r.level].toLowerCase()})`),
  };
}
