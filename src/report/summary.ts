import { EngineResult } from "../engine";
import { LEVEL_LABEL } from "./build";
import { probabilityText, Voice } from "./language/words";
import { intervalSentence } from "./analysis";

/** What the task pane shows after a refresh: a few lines a controller reads at a glance. */
export interface Summary {
  result: string;
  /** The measures' effects, when the workbook has measures. */
  measures: string | null;
  variances: string[];
  indicatorsNotMet: string[];
  highRisks: string[];
  /** Årets resultat som intervall (issue 23): the report's sentence and its figures, or null without an interval. */
  interval: { sentence: string; figures: string[] } | null;
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
    interval: intervalSummary(result, v),
    highRisks: result.risks.filter((r) => r.level === "high" || r.level === "veryHigh").map((r) => `${r.risk} (${r.riskValue}, ${LEVEL_LABEL[r.level].toLowerCase()})`),
  };
}

/** The interval as the pane shows it: the report's sentence, then P10, P50, P90 and the probability of a deficit. */
function intervalSummary(result: EngineResult, v: Voice): Summary["interval"] {
  const interval = result.outlook.interval;
  const sentence = intervalSentence(result);
  if (!interval || !sentence) return null;
  const line = (label: string, f: { p10: number; p50: number; p90: number; probabilityDeficit: number }) =>
    `${label}: P10 ${v.signed(f.p10)}, P50 ${v.signed(f.p50)}, P90 ${v.signed(f.p90)}; sannolikhet för underskott ${probabilityText(f.probabilityDeficit)}.`;
  const figures = result.income.hasCarryover
    ? [line("Exkl. över-/underskott", interval), line("Inkl. över-/underskott", interval.includingCarryover)]
    : [line("Årets resultat", interval)];
  return { sentence, figures };
}
