import { EngineResult } from "../engine";
import { IndicatorStatus, RiskLevel } from "../engine/types";
import { IncomeRow } from "../engine/variance";
import { SensitivityResult } from "../engine/sensitivity";
import { Adjective, agree, counted, countWord, inSentence, list, paragraph, phrase, sentence } from "./language/grammar";
import { A, N } from "./language/lexicon";
import { betterOrWorse, higherOrLower, percentSize, percentWords, periodWords, Voice } from "./language/words";

/**
 * A short written analysis in Swedish, generated from the figures alone, in the order a nämnd reads: the year's
 * forecast first (överskott or underskott, with and without what is carried from earlier years), then the period's
 * result, the largest negative and positive deviations, costs against last year, the ansvar, measures,
 * investments, indicators, risks and sensitivity. It states what the figures show and never invents causes; the
 * controller adds those. Every sentence is assembled by the grammar in ./language, and a paragraph with nothing to
 * say is left out.
 */
export function writeAnalysis(result: EngineResult): string[] {
  const v = new Voice(result.settings.decimals, result.settings.unitOut);
  return [
    forecastParagraph(result, v),
    periodParagraph(result, v),
    deviationParagraph(result, v),
    costParagraph(result, v),
    responsibilityParagraph(result, v),
    measuresParagraph(result, v),
    investmentParagraph(result, v),
    indicatorParagraph(result),
    riskParagraph(result),
    sensitivityParagraph(result, v),
  ].filter((p): p is string => p !== null && p !== "");
}

/** The organisation as the subject of a sentence: its own name, or "nämnden". */
function who(result: EngineResult): string {
  return result.settings.organisation.trim() || "nämnden";
}

/** "4,0 mnkr bättre än en budget i balans", "i nivå med ett budgeterat resultat på +1,0 mnkr". */
function againstBudget(v: Voice, difference: number, budget: number): string {
  const budgetText = v.isZero(budget) ? "en budget i balans" : phrase("ett budgeterat resultat på", v.signed(budget));
  return v.isZero(difference) ? phrase("i nivå med", budgetText) : phrase(v.size(difference), betterOrWorse(difference), "än", budgetText);
}

function forecastParagraph(result: EngineResult, v: Voice): string | null {
  const { income } = result;
  const res = income.totals.result;
  const incl = income.totals.resultIncludingCarryover;
  const carried = income.totals.carryover;
  if (res.forecast === null || res.forecastVariance === null) return null;
  if (income.hasCarryover && carried.forecast !== null && incl.forecast !== null && !v.isZero(carried.forecast)) {
    const deficit = carried.forecast < 0;
    return paragraph(
      sentence(who(result), "prognostiserar för helåret", v.result(incl.forecast), "inklusive", deficit ? "rullat underskott" : "rullat överskott", "från tidigare år på", v.size(carried.forecast)),
      sentence("exklusive det", deficit ? "rullade underskottet" : "rullade överskottet", "är prognosen", v.result(res.forecast), ",", againstBudget(v, res.forecastVariance, res.budgetYear)),
    );
  }
  return sentence(who(result), "prognostiserar för helåret", v.result(res.forecast), ",", againstBudget(v, res.forecastVariance, res.budgetYear));
}

function periodParagraph(result: EngineResult, v: Voice): string {
  const { income, settings } = result;
  const res = income.totals.result;
  const incl = income.totals.resultIncludingCarryover;
  const carried = income.totals.carryover;
  const excl = income.hasCarryover ? "exklusive över-/underskott" : null;
  const budget = phrase("budget för perioden (", v.signed(res.budgetPeriod), ")");
  const first = sentence(
    "resultatet för", periodWords(settings.months, settings.year), "är", v.signed(res.actual), excl, ",",
    v.isZero(res.variance) ? phrase("i nivå med", budget) : phrase("vilket är", v.size(res.variance), betterOrWorse(res.variance), "än", budget),
  );
  const carry =
    income.hasCarryover && !v.isZero(carried.actual)
      ? sentence("inklusive", carried.actual < 0 ? "rullat underskott" : "rullat överskott", "på", v.size(carried.actual), "är resultatet", v.signed(incl.actual))
      : null;
  const prior =
    res.actualPriorYear === null
      ? null
      : sentence(
          "samma period föregående år var resultatet", v.signed(res.actualPriorYear),
          income.hasCarryover && incl.actualPriorYear !== null ? phrase("(", v.signed(incl.actualPriorYear), "inklusive över-/underskott", ")") : null,
        );
  return paragraph(first, carry, prior);
}

/** The largest negative and the largest positive deviation of the lines, not only the largest in size. */
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

/** "övriga intäkter, som är 7,5 mnkr lägre än budget för perioden (1,3 %)". */
function lineDeviation(r: IncomeRow, v: Voice, amount: number, against: string, share: number | null): string {
  return phrase(inSentence(r.item), ", som är", v.size(amount), higherOrLower(r.kind, amount), "än", against, share === null ? null : phrase("(", percentSize(share), ")"));
}

function deviationParagraph(result: EngineResult, v: Voice): string {
  const lines = result.income.statement.filter((r) => r.kind !== "carryover");
  const period = extremes(lines.filter((r) => r.significant), (r) => r.variance, v);
  const sentences: string[] = [];
  if (period.worst) sentences.push(sentence("störst negativ avvikelse mot budget för perioden har", lineDeviation(period.worst, v, period.worst.variance, "budgeterat", period.worst.variancePercent)));
  if (period.best) sentences.push(sentence("störst positiv avvikelse", period.worst ? null : "mot budget för perioden", "har", lineDeviation(period.best, v, period.best.variance, "budgeterat", period.best.variancePercent)));
  if (!period.worst && !period.best) sentences.push(sentence("ingen post avviker från budget för perioden med mer än väsentlighetsgränsen"));
  const year = extremes(lines, (r) => r.forecastVariance, v);
  if (year.worst || year.best) {
    sentences.push(
      sentence(
        "i prognosen mot helårsbudgeten har",
        year.worst && phrase(inSentence(year.worst.item), "den största negativa avvikelsen (", v.signed(year.worst.forecastVariance as number), ")"),
        year.worst && year.best && "och",
        year.best && phrase(inSentence(year.best.item), year.worst ? "den största positiva" : "den största positiva avvikelsen", "(", v.signed(year.best.forecastVariance as number), ")"),
      ),
    );
  }
  return paragraph(...sentences);
}

function costParagraph(result: EngineResult, v: Voice): string | null {
  const cost = result.income.totals.cost;
  if (cost.actualPriorYear === null || cost.actualPriorYear === 0) return null;
  const now = Math.abs(cost.actual);
  const before = Math.abs(cost.actualPriorYear);
  const change = (now - before) / before;
  if (Math.round(Math.abs(change) * 1000) === 0) return sentence("de totala kostnaderna är i nivå med samma period föregående år (", v.size(now), ")");
  return sentence("de totala kostnaderna har", change > 0 ? "ökat" : "minskat", "med", percentSize(change), "jämfört med samma period föregående år, från", v.size(before), "till", v.size(now));
}

function responsibilityParagraph(result: EngineResult, v: Voice): string | null {
  const rows = result.income.byResponsibility;
  if (!rows || rows.length < 2) return null;
  const sentences: string[] = [];
  const period = extremes(rows, (r) => r.variance, v);
  const { worst, best } = period;
  if (worst || best) {
    sentences.push(
      sentence(
        "bland ansvaren har",
        worst && phrase(worst.responsibility, "störst negativ avvikelse mot budget för perioden (", v.signed(worst.variance), ")"),
        worst && best && "och",
        best && phrase(best.responsibility, worst ? "störst positiv" : "störst positiv avvikelse mot budget för perioden", "(", v.signed(best.variance), ")"),
      ),
    );
  }
  const year = extremes(rows, (r) => r.forecastVariance, v);
  const f: string[] = [];
  if (year.worst) f.push(phrase(year.worst.responsibility, "den största negativa prognosavvikelsen (", v.signed(year.worst.forecastVariance as number), ")"));
  if (year.best) f.push(phrase(year.best.responsibility, year.worst ? "den största positiva (" : "den största positiva prognosavvikelsen (", v.signed(year.best.forecastVariance as number), ")"));
  if (f.length) sentences.push(sentence("för helåret har", list(f)));
  return sentences.length ? paragraph(...sentences) : null;
}

function measuresParagraph(result: EngineResult, v: Voice): string | null {
  const m = result.measures;
  if (!m || m.measures.length === 0) return null;
  const s = m.summary;
  const decided = m.measures.filter((x) => x.status === "decided");
  const proposed = m.measures.filter((x) => x.status === "proposed");
  const sentences: string[] = [];
  if (decided.length) {
    const allIn = decided.every((x) => x.inForecast);
    const noneIn = decided.every((x) => !x.inForecast);
    sentences.push(
      sentence(
        decided.length === 1 ? "den beslutade åtgärden beräknas ge" : "de beslutade åtgärderna beräknas ge",
        v.size(s.decidedThisYear), "i år och", v.size(s.decidedNextYear), "nästa år",
        allIn ? (decided.length === 1 ? "och ingår i prognosen" : "och ingår i prognosen") : noneIn ? "och ingår inte i prognosen" : "; en del av dem ingår i prognosen",
      ),
    );
  }
  if (proposed.length) {
    sentences.push(sentence(proposed.length === 1 ? "den åtgärd som ännu inte är beslutad skulle ge" : "de åtgärder som ännu inte är beslutade skulle ge", v.size(s.proposedThisYear), "i år och", v.size(s.proposedNextYear), "nästa år"));
  }
  if (s.forecastWithMeasures !== null && !v.isZero(s.notInForecastThisYear)) {
    sentences.push(sentence("med årets effekt av de åtgärder som inte ingår i prognosen blir prognosen inklusive över-/underskott", v.signed(s.forecastWithMeasures)));
  }
  return paragraph(...sentences);
}

function investmentParagraph(result: EngineResult, v: Voice): string | null {
  const inv = result.investments;
  if (!inv || inv.total.actual === null || inv.total.budgetYear === null) return null;
  const total = inv.total;
  const first = sentence("investeringarna uppgår till", v.size(total.actual as number), "för perioden, mot en helårsbudget på", v.size(total.budgetYear as number));
  let second: string | null = null;
  if (total.forecast !== null && total.forecastVariance !== null) {
    second = sentence(
      "prognosen för helåret är", v.size(total.forecast), ",",
      v.isZero(total.forecastVariance) ? "i nivå med budget" : phrase(v.size(total.forecastVariance), total.forecastVariance > 0 ? "mindre" : "mer", "än budgeterat"),
    );
  }
  return paragraph(first, second);
}

const STATUS_ADJ: Record<Exclude<IndicatorStatus, "notAssessable">, Adjective> = { met: A.uppfylld, partlyMet: A.delvisUppfylld, notMet: A.inteUppfylld };

function indicatorParagraph(result: EngineResult): string | null {
  const inds = result.indicators;
  if (inds.length === 0) return null;
  const n = (s: IndicatorStatus) => inds.filter((i) => i.status === s).length;
  const assessed = (["met", "partlyMet", "notMet"] as const).filter((s) => n(s) > 0);
  const na = n("notAssessable");
  const sentences: string[] = [];
  if (assessed.length === 0) {
    sentences.push(inds.length === 1 ? sentence("indikatorn kan ännu inte bedömas") : sentence("ingen av", counted(inds.length, N.indikator), "kan ännu bedömas"));
  } else if (assessed.length === 1 && na === 0) {
    const adj = STATUS_ADJ[assessed[0]];
    sentences.push(inds.length === 1 ? sentence("den enda indikatorn är", adj.utrum) : sentence("alla", counted(inds.length, N.indikator), "är", adj.plural));
  } else {
    const parts = assessed.map((s) => phrase(countWord(n(s), N.indikator), agree(STATUS_ADJ[s], n(s), N.indikator)));
    sentences.push(sentence("av", counted(inds.length, N.indikator), "är", list(parts), na > 0 ? phrase(";", countWord(na, N.indikator), "kan ännu inte bedömas") : null));
  }
  const notMet = inds.filter((i) => i.status === "notMet").map((i) => inSentence(i.indicator));
  if (notMet.length > 0 && inds.length > 1) {
    const shown = notMet.length > 5 ? [...notMet.slice(0, 5), phrase("ytterligare", counted(notMet.length - 5, N.indikator))] : notMet;
    sentences.push(sentence(notMet.length === 1 ? "ej uppfylld är" : "ej uppfyllda är", list(shown)));
  }
  return paragraph(...sentences);
}

const LEVEL_ADJ: Partial<Record<RiskLevel, Adjective>> = { veryHigh: A.mycketHog, high: A.hog };

function riskParagraph(result: EngineResult): string | null {
  const risks = result.risks;
  if (risks.length === 0) return null;
  const sentences: string[] = [];
  for (const level of ["veryHigh", "high"] as const) {
    const of = risks.filter((r) => r.level === level);
    if (of.length === 0) continue;
    const names = of.slice(0, 4).map((r) => phrase(inSentence(r.risk), "(", String(r.riskValue), ")"));
    if (of.length > 4) names.push(phrase("ytterligare", counted(of.length - 4, N.risk)));
    sentences.push(sentence(counted(of.length, N.risk), "har ett", (LEVEL_ADJ[level] as Adjective).neutrum, "riskvärde:", list(names)));
  }
  if (sentences.length > 0) return paragraph(...sentences);
  return risks.length === 1 ? sentence("risken har inte ett högt riskvärde") : sentence("ingen av de", countWord(risks.length, N.risk), N.risk.plDef, "har ett högt riskvärde");
}

/** What a sensitivity factor changes, as a clause: "en kostnadsökning med en procent", "om personalkostnader ökar med två procent". */
function sensitivitySentence(s: SensitivityResult, v: Voice): string {
  const amount = v.size(s.effect);
  const worsens = s.effect < 0;
  const pct = percentWords(s.change);
  if (s.kind === "cost") return sentence(s.change >= 0 ? "en kostnadsökning med" : "en kostnadsminskning med", pct, worsens ? "försämrar" : "förbättrar", "årets resultat med", amount);
  if (s.kind === "revenue") return sentence(s.change >= 0 ? "en intäktsökning med" : "ett intäktsbortfall på", pct, worsens ? "försämrar" : "förbättrar", "årets resultat med", amount);
  if (s.item !== null) return sentence("om", inSentence(s.item), s.change >= 0 ? "ökar" : "minskar", "med", pct, worsens ? "försämras" : "förbättras", "årets resultat med", amount);
  return sentence("faktorn", `”${s.factor.trim()}”`, "i känslighetsanalysen", worsens ? "försämrar" : "förbättrar", "årets resultat med", amount);
}

function sensitivityParagraph(result: EngineResult, v: Voice): string | null {
  const top = result.sensitivity[0];
  if (!top || v.isZero(top.effect)) return null;
  return sensitivitySentence(top, v);
}
