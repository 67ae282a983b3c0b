import { EngineResult } from "../engine";
import { paragraph } from "./language/grammar";
import { PHRASES } from "./language/phrases";
import { AccuracyRow } from "../engine/forecastHistory";
import { forecastWhen, monthWord, periodWords, Voice } from "./language/words";

/**
 * A short written analysis in Swedish, generated from the figures alone, in the order a nämnd reads: the year's
 * forecast first (överskott or underskott, with and without what is carried from earlier years), then the period's
 * result, the largest negative and positive deviations, costs against last year, the ansvar, measures,
 * investments, indicators, risks and sensitivity. It states what the figures show and never invents causes; the
 * controller adds those. This module chooses what to say; every sentence comes from the phrase catalogue
 * (language/phrases.ts), and a paragraph with nothing to say is left out.
 */
export function writeAnalysis(result: EngineResult): string[] {
  const v = new Voice(result.settings.decimals, result.settings.unitOut);
  return [
    forecastParagraph(result, v),
    forecastChangeParagraph(result, v),
    periodParagraph(result, v),
    nonRecurringParagraph(result, v),
    deviationParagraph(result, v),
    costParagraph(result, v),
    responsibilityParagraph(result, v),
    measuresParagraph(result, v),
    investmentParagraph(result, v),
    indicatorParagraph(result),
    riskParagraph(result, v),
    sensitivityParagraph(result, v),
  ].filter((p): p is string => p !== null && p !== "");
}

/** The organisation as the subject of a sentence: its own name, or "nämnden". */
function who(result: EngineResult): string {
  return result.settings.organisation.trim() || "nämnden";
}

/** The largest negative and the largest positive value, not only the largest in size; zeros as printed left out. */
function extremes<T>(rows: readonly T[], value: (r: T) => number | null, v: Voice): { worst: T | null; best: T | null } {
  let worst: T | null = null;
  let best: T | null = null;
  for (const r of rows) {
    const x = value(r);
    if (x === null || v.isZero(x)) continue;
    if (x < 0 && (worst === null || x < (value(worst) as number))) worst = r;
    if (x > 0 && (best === null || x > (value(best) as number))) best = r;
  }
  return { worst, best };
}

function forecastParagraph(result: EngineResult, v: Voice): string | null {
  const { income } = result;
  const res = income.totals.result;
  const incl = income.totals.resultIncludingCarryover;
  const carried = income.totals.carryover;
  if (res.forecast === null || res.forecastVariance === null) return null;
  // The interval's one sentence closes the forecast's paragraph: how likely a deficit is belongs to the headline.
  if (income.hasCarryover && carried.forecast !== null && incl.forecast !== null && !v.isZero(carried.forecast)) {
    return paragraph(...PHRASES.forecastWithCarryover({ who: who(result), including: incl.forecast, carried: carried.forecast, excluding: res.forecast, variance: res.forecastVariance, budget: res.budgetYear }, v), intervalSentence(result));
  }
  return paragraph(PHRASES.forecast({ who: who(result), forecast: res.forecast, variance: res.forecastVariance, budget: res.budgetYear }, v), intervalSentence(result));
}

function periodParagraph(result: EngineResult, v: Voice): string {
  const { income, settings } = result;
  const res = income.totals.result;
  const incl = income.totals.resultIncludingCarryover;
  const carried = income.totals.carryover;
  return paragraph(
    PHRASES.periodResult({ period: periodWords(settings.months, settings.year), actual: res.actual, variance: res.variance, budget: res.budgetPeriod, excludingCarryover: income.hasCarryover }, v),
    income.hasCarryover && !v.isZero(carried.actual) && PHRASES.periodWithCarryover({ carried: carried.actual, including: incl.actual, variance: incl.variance }, v),
    res.actualPriorYear !== null && PHRASES.priorYearResult({ result: res.actualPriorYear, including: income.hasCarryover ? incl.actualPriorYear : null }, v),
  );
}

function nonRecurringParagraph(result: EngineResult, v: Voice): string | null {
  const nr = result.nonRecurring;
  if (!nr || nr.items.length === 0) return null;
  if (v.isZero(nr.sum.actual) && (nr.sum.forecast === null || v.isZero(nr.sum.forecast))) return null;
  return paragraph(
    ...PHRASES.nonRecurring(
      {
        names: nr.items.map((n) => n.description),
        actual: nr.sum.actual,
        forecast: nr.sum.forecast,
        excludingActual: nr.resultExcluding.actual,
        excludingForecast: nr.resultExcluding.forecast,
        carryover: result.income.hasCarryover,
      },
      v,
    ),
  );
}

function deviationParagraph(result: EngineResult, v: Voice): string {
  const lines = result.income.statement.filter((r) => r.kind !== "carryover");
  const period = extremes(lines.filter((r) => r.significant), (r) => r.variance, v);
  const line = (r: (typeof lines)[number] | null) => r && { item: r.item, kind: r.kind, variance: r.variance, share: r.variancePercent };
  const year = extremes(lines, (r) => r.forecastVariance, v);
  const named = (r: (typeof lines)[number] | null) => r && { name: r.item, amount: r.forecastVariance as number };
  return paragraph(...PHRASES.periodDeviations({ worst: line(period.worst), best: line(period.best) }, v), PHRASES.forecastDeviations({ worst: named(year.worst), best: named(year.best), subject: "posts" }, v));
}

function costParagraph(result: EngineResult, v: Voice): string | null {
  const cost = result.income.totals.cost;
  if (cost.actualPriorYear === null || cost.actualPriorYear === 0) return null;
  const now = Math.abs(cost.actual);
  const before = Math.abs(cost.actualPriorYear);
  // The posts that moved most in kronor against last year: the two largest increases and the largest decrease.
  const lines = result.income.statement.filter((r) => r.kind === "cost" && r.changeFromPriorYear !== null && !v.isZero(r.changeFromPriorYear));
  const mover = (r: (typeof lines)[number]) => ({ item: r.item, change: r.changeFromPriorYear as number, share: r.changePercentFromPriorYear === null ? null : Math.abs(r.changePercentFromPriorYear) });
  const increases = lines.filter((r) => (r.changeFromPriorYear as number) < 0).sort((a, b) => (a.changeFromPriorYear as number) - (b.changeFromPriorYear as number));
  const decreases = lines.filter((r) => (r.changeFromPriorYear as number) > 0).sort((a, b) => (b.changeFromPriorYear as number) - (a.changeFromPriorYear as number));
  const costLines = result.income.statement.filter((r) => r.kind === "cost").length;
  return paragraph(
    PHRASES.costChange({ before, now, change: (now - before) / before }, v),
    ...(costLines > 1 ? PHRASES.costMovers({ increases: increases.slice(0, 2).map(mover), decrease: decreases.length > 0 ? mover(decreases[0]) : null }, v) : []),
  );
}

function responsibilityParagraph(result: EngineResult, v: Voice): string | null {
  const rows = result.income.byResponsibility;
  if (!rows || rows.length < 2) return null;
  const period = extremes(rows, (r) => r.variance, v);
  const year = extremes(rows, (r) => r.forecastVariance, v);
  const at = (r: (typeof rows)[number] | null, f: "variance" | "forecastVariance") => r && { name: r.responsibility || "(utan ansvar)", amount: r[f] as number };
  const text = paragraph(
    PHRASES.responsibilityDeviations({ worst: at(period.worst, "variance"), best: at(period.best, "variance") }, v),
    PHRASES.forecastDeviations({ worst: at(year.worst, "forecastVariance"), best: at(year.best, "forecastVariance"), subject: "responsibilities" }, v),
  );
  return text || null;
}

function measuresParagraph(result: EngineResult, v: Voice): string | null {
  const m = result.measures;
  if (!m || m.measures.length === 0) return null;
  const s = m.summary;
  const decided = m.measures.filter((x) => x.status === "decided");
  const proposed = m.measures.filter((x) => x.status === "proposed");
  const inForecast = decided.every((x) => x.inForecast) ? "all" : decided.every((x) => !x.inForecast) ? "none" : "some";
  const at: string[] = [];
  for (const x of m.measures) if (x.effectAt !== null && !at.some((a) => a.toLowerCase() === (x.effectAt as string).toLowerCase())) at.push(x.effectAt);
  const elsewhere = at.length > 0 && !(v.isZero(s.elsewhereThisYear) && v.isZero(s.elsewhereNextYear));
  return paragraph(
    decided.length > 0 && PHRASES.decidedMeasures({ count: decided.length, thisYear: s.decidedThisYear, nextYear: s.decidedNextYear, inForecast }, v),
    proposed.length > 0 && PHRASES.proposedMeasures({ count: proposed.length, thisYear: s.proposedThisYear, nextYear: s.proposedNextYear }, v),
    elsewhere && PHRASES.measuresElsewhere({ thisYear: s.elsewhereThisYear, nextYear: s.elsewhereNextYear, at }, v),
    s.forecastWithMeasures !== null && !v.isZero(s.notInForecastThisYear) && PHRASES.forecastWithMeasures({ forecast: s.forecastWithMeasures, carryover: result.income.hasCarryover }, v),
  );
}

function investmentParagraph(result: EngineResult, v: Voice): string | null {
  const t = result.investments?.total;
  if (!t || t.actual === null || t.budgetYear === null) return null;
  return paragraph(...PHRASES.investments({ actual: t.actual, budget: t.budgetYear, forecast: t.forecast, variance: t.forecastVariance }, v));
}

function indicatorParagraph(result: EngineResult): string | null {
  const inds = result.indicators;
  if (inds.length === 0) return null;
  const n = (s: string) => inds.filter((i) => i.status === s).length;
  const notMet = inds.filter((i) => i.status === "notMet").map((i) => i.indicator);
  return paragraph(
    PHRASES.indicatorCounts({ total: inds.length, met: n("met"), partlyMet: n("partlyMet"), notMet: n("notMet"), notAssessable: n("notAssessable") }),
    notMet.length > 0 && inds.length > 1 && PHRASES.indicatorsNotMet({ names: notMet }),
  );
}

function riskParagraph(result: EngineResult, v: Voice): string | null {
  const risks = result.risks;
  if (risks.length === 0) return null;
  const at = (level: "veryHigh" | "high") => risks.filter((r) => r.level === level).map((r) => ({ name: r.risk, value: r.riskValue }));
  const [veryHigh, high] = [at("veryHigh"), at("high")];
  // What the risks with an economic consequence are expected to cost: weighted where a probability is known, and
  // for the others only what they cost if they occur, with the reason no expected value is given.
  const s = result.riskSummary;
  const weighted = risks.filter((r) => r.expectedEffect !== null);
  const largest = weighted.reduce<(typeof weighted)[number] | null>((m, r) => (m === null || Math.abs(r.expectedEffect as number) > Math.abs(m.expectedEffect as number) ? r : m), null);
  return paragraph(
    veryHigh.length === 0 && high.length === 0 && PHRASES.noHighRisk({ count: risks.length }),
    veryHigh.length > 0 && PHRASES.risksAtLevel({ level: "veryHigh", risks: veryHigh }),
    high.length > 0 && PHRASES.risksAtLevel({ level: "high", risks: high }),
    s.weighted > 0 && PHRASES.riskExpected({ count: s.weighted, total: s.expectedEffect, largest: largest && { name: largest.risk, effect: largest.expectedEffect as number } }, v),
    s.unweighted > 0 && PHRASES.riskUnweighted({ count: s.unweighted, total: s.unweightedConsequence, alsoWeighted: s.weighted > 0 }, v),
  );
}

function sensitivityParagraph(result: EngineResult, v: Voice): string | null {
  const top = result.sensitivity[0];
  const effect = !top || v.isZero(top.effect) ? null : PHRASES.sensitivity({ factor: top.factor, item: top.item, kind: top.kind, change: top.change, effect: top.effect }, v);
  // The break-even belongs with the sensitivity it follows from: one paragraph.
  const text = paragraph(effect, breakEvenSentence(result));
  return text === "" ? null : text;
}

/** Prognosförändring: how the forecast of the result moved since the latest earlier period, and the post that moved most. */
function forecastChangeParagraph(result: EngineResult, v: Voice): string | null {
  const change = result.outlook.change;
  const t = change?.totals.result;
  if (!change || !t || t.forecastChange === null || t.forecast === null) return null;
  const moved = change.posts.filter((p) => p.forecastChange !== null && p.kind !== "carryover");
  const largest = moved.reduce<(typeof moved)[number] | null>((m, p) => (m === null || Math.abs(p.forecastChange as number) > Math.abs(m.forecastChange as number) ? p : m), null);
  return PHRASES.forecastChange(
    { month: monthWord(change.previousPeriod), change: t.forecastChange, forecast: t.forecast, largest: largest && moved.length > 1 ? { item: largest.item, change: largest.forecastChange as number } : null },
    v,
  );
}

/** The one sentence on the interval a nämnd understands, or null without an interval. */
export function intervalSentence(result: EngineResult): string | null {
  const interval = result.outlook.interval;
  if (!interval) return null;
  const v = new Voice(result.settings.decimals, result.settings.unitOut);
  // With över-/underskott, the result the nämnd answers for (as the analysis' forecast and the break-even) includes it.
  const f = result.income.hasCarryover ? interval.includingCarryover : interval;
  return PHRASES.interval({ p10: f.p10, p90: f.p90, probabilityDeficit: f.probabilityDeficit, risks: result.riskSummary.weighted, carryover: result.income.hasCarryover }, v);
}

/** The sentence naming the largest miss of the nämnd's earlier forecasts (and of an ansvar's, where there are ansvar). */
export function accuracySentence(result: EngineResult): string | null {
  const accuracy = result.outlook.accuracy;
  if (!accuracy) return null;
  const v = new Voice(result.settings.decimals, result.settings.unitOut);
  const largest = (list: AccuracyRow[]) =>
    list.reduce<AccuracyRow | null>((m, a) => (a.difference !== null && (m === null || Math.abs(a.difference) > Math.abs(m.difference as number)) ? a : m), null);
  const top = accuracy.filter((a) => a.responsibility === null);
  const worst = largest(top);
  if (!worst) return null;
  const resp = largest(accuracy.filter((a) => a.responsibility !== null));
  return PHRASES.accuracyLargest(
    {
      when: forecastWhen(worst.year, worst.period),
      difference: worst.difference as number,
      share: worst.differencePercent,
      count: top.length,
      responsibility: resp && { name: resp.responsibility as string, when: forecastWhen(resp.year, resp.period), difference: resp.difference as number },
    },
    v,
  );
}

/** Break-even of the factor nearest to it: how far it can move before the result turns negative, or what it takes. */
function breakEvenSentence(result: EngineResult): string | null {
  const near = result.sensitivity
    .filter((s) => s.breakEven !== null && s.breakEven.change !== 0)
    .reduce<(typeof result.sensitivity)[number] | null>((m, s) => (m === null || Math.abs(s.breakEven?.change as number) < Math.abs(m.breakEven?.change as number) ? s : m), null);
  if (!near || !near.breakEven) return null;
  return PHRASES.breakEven({ factor: near.factor, item: near.item, kind: near.kind, change: near.breakEven.change, kind_: near.breakEven.kind, carryover: result.income.hasCarryover });
}
