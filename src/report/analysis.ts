import { EngineResult } from "../engine";
import { ItemKind } from "../core/kinds";
import { Figures, IndicatorStatus, RiskLevel } from "../engine/types";
import { count, formatAmount, formatPercent, itemSubject, joinAnd, midSentence, periodWords, roundTo } from "./swedish";

/**
 * A short written analysis in Swedish, generated from the figures alone: the result against budget and last
 * year, the largest variances with direction and amount, the full-year forecast, indicators not met and the
 * highest risks. It states what the figures show and never invents causes; the controller adds those.
 */
export function writeAnalysis(result: EngineResult): string[] {
  const { income, settings } = result;
  const d = settings.decimals;
  const amount = (n: number, plus = false) => formatAmount(n, d, settings.unitOut, plus);
  const isZero = (n: number) => roundTo(n, d) === 0;
  const paragraphs: string[] = [];

  const res = income.totals.result;
  const withCarryover = income.totals.resultIncludingCarryover;
  const carried = income.totals.carryover;
  const period = periodWords(settings.months, settings.year);
  let p = `Resultatet för ${period} är ${amount(res.actual, true)}${income.hasCarryover ? " exklusive över-/underskott" : ""}`;
  p += isZero(res.variance)
    ? `, i nivå med budget för perioden (${amount(res.budgetPeriod, true)}).`
    : `, vilket är ${amount(Math.abs(res.variance))} ${res.variance > 0 ? "bättre" : "sämre"} än budget för perioden (${amount(res.budgetPeriod, true)}).`;
  if (income.hasCarryover) {
    p += ` Inklusive ${carryWord(carried.actual)} på ${amount(carried.actual, true)} är resultatet ${amount(withCarryover.actual, true)}.`;
  }
  if (res.actualPriorYear !== null) {
    p += ` Samma period föregående år var resultatet ${amount(res.actualPriorYear, true)}`;
    p += income.hasCarryover && withCarryover.actualPriorYear !== null ? ` (${amount(withCarryover.actualPriorYear, true)} inklusive över-/underskott).` : ".";
  }
  paragraphs.push(p);

  const cost = income.totals.cost;
  if (cost.actualPriorYear !== null && cost.actualPriorYear !== 0) {
    const now = Math.abs(cost.actual), before = Math.abs(cost.actualPriorYear);
    const change = (now - before) / before;
    paragraphs.push(
      roundTo(change * 100, 1) === 0
        ? `De totala kostnaderna är i nivå med samma period föregående år (${amount(now)}).`
        : `De totala kostnaderna har ${change > 0 ? "ökat" : "minskat"} med ${formatPercent(Math.abs(change))} jämfört med samma period föregående år, från ${amount(before)} till ${amount(now)}.`,
    );
  }

  const notable = income.statement
    .filter((r) => r.kind !== "carryover" && r.significant && !isZero(r.variance))
    .sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance))
    .slice(0, 3);
  if (notable.length > 0) {
    const sentences = notable.map((r) => `${itemSubject(r.item)} ${varianceClause(r.kind, r.variance, amount)} budget för perioden${percentClause(r)}.`);
    paragraphs.push(`De största avvikelserna mot budget: ${sentences.join(" ")}`);
  } else {
    paragraphs.push("Ingen post avviker från budget för perioden med mer än väsentlighetsgränsen.");
  }

  if (res.forecast !== null && res.forecastVariance !== null) {
    let f = `Helårsprognosen för resultatet är ${amount(res.forecast, true)}${income.hasCarryover ? " exklusive över-/underskott" : ""}`;
    f += isZero(res.forecastVariance)
      ? `, i nivå med helårsbudgeten (${amount(res.budgetYear, true)}).`
      : `, vilket är ${amount(Math.abs(res.forecastVariance))} ${res.forecastVariance > 0 ? "bättre" : "sämre"} än helårsbudgeten (${amount(res.budgetYear, true)}).`;
    if (income.hasCarryover && carried.forecast !== null && withCarryover.forecast !== null) {
      f += ` Inklusive ${carryWord(carried.forecast)} på ${amount(carried.forecast, true)} är prognosen ${amount(withCarryover.forecast, true)}.`;
    }
    const largest = income.statement
      .filter((r) => r.kind !== "carryover" && r.forecastVariance !== null && !isZero(r.forecastVariance))
      .sort((a, b) => Math.abs(b.forecastVariance as number) - Math.abs(a.forecastVariance as number))[0];
    if (largest) {
      f += ` Störst prognosavvikelse har ${midSentence(largest.item)} (${amount(largest.forecastVariance as number, true)}).`;
    }
    paragraphs.push(f);
  }

  const measures = result.measures;
  if (measures && measures.measures.length > 0) {
    const s = measures.summary;
    const parts: string[] = [];
    if (measures.measures.some((m) => m.status === "decided")) {
      parts.push(`Beslutade åtgärder väntas förbättra resultatet med ${amount(s.decidedThisYear)} i år och ${amount(s.decidedNextYear)} nästa år.`);
    }
    if (measures.measures.some((m) => m.status === "proposed")) {
      parts.push(`Åtgärder som ännu inte är beslutade skulle ge ${amount(s.proposedThisYear)} i år och ${amount(s.proposedNextYear)} nästa år.`);
    }
    if (s.forecastWithMeasures !== null && !isZero(s.notInForecastThisYear)) {
      parts.push(`Med effekten i år av de åtgärder som inte ingår i prognosen blir prognosen ${amount(s.forecastWithMeasures, true)}.`);
    }
    paragraphs.push(parts.join(" "));
  }

  if (income.byResponsibility && income.byResponsibility.length > 1) {
    const worst = [...income.byResponsibility].sort((a, b) => a.variance - b.variance)[0];
    const best = [...income.byResponsibility].sort((a, b) => b.variance - a.variance)[0];
    const parts: string[] = [];
    if (!isZero(worst.variance) && worst.variance < 0) parts.push(`Störst negativ avvikelse har ${worst.responsibility} (${amount(worst.variance, true)})`);
    if (!isZero(best.variance) && best.variance > 0) parts.push(`störst positiv avvikelse har ${best.responsibility} (${amount(best.variance, true)})`);
    if (parts.length) {
      const s = parts.join(" och ");
      paragraphs.push(s.charAt(0).toUpperCase() + s.slice(1) + ".");
    }
  }

  const inv = result.investments;
  if (inv && inv.total.actual !== null && inv.total.budgetYear !== null) {
    let i = `Investeringarna uppgår till ${amount(Math.abs(inv.total.actual))} för perioden, mot en helårsbudget på ${amount(Math.abs(inv.total.budgetYear))}.`;
    if (inv.total.forecast !== null && inv.total.forecastVariance !== null) {
      i += isZero(inv.total.forecastVariance)
        ? ` Prognosen för helåret är ${amount(Math.abs(inv.total.forecast))}, i nivå med budget.`
        : ` Prognosen för helåret är ${amount(Math.abs(inv.total.forecast))}, ${amount(Math.abs(inv.total.forecastVariance))} ${inv.total.forecastVariance > 0 ? "mindre" : "mer"} än budgeterat.`;
    }
    paragraphs.push(i);
  }

  if (result.indicators.length > 0) paragraphs.push(indicatorParagraph(result));
  const risks = riskParagraph(result);
  if (risks) paragraphs.push(risks);

  const top = result.sensitivity[0];
  if (top && !isZero(top.effect)) {
    paragraphs.push(
      `Störst effekt i känslighetsanalysen har ”${top.factor}”: ${amount(top.effect, true)} på helårets resultat.`,
    );
  }
  return paragraphs;
}

/** "rullat underskott" or "rullat överskott" by the sign. */
function carryWord(n: number): string {
  return n < 0 ? "rullat underskott" : "rullat överskott";
}

function varianceClause(kind: ItemKind, variance: number, amount: (n: number) => string): string {
  const a = amount(Math.abs(variance));
  if (kind === "financial" || kind === "carryover") return `är ${a} ${variance > 0 ? "bättre" : "sämre"} än`;
  const higher = kind === "revenue" ? variance > 0 : variance < 0;
  return `är ${a} ${higher ? "högre" : "lägre"} än`;
}

function percentClause(f: Figures): string {
  return f.variancePercent === null ? "" : ` (${formatPercent(Math.abs(f.variancePercent))})`;
}

const STATUS_WORDS: Record<Exclude<IndicatorStatus, "notAssessable">, [string, string]> = {
  met: ["är uppfylld", "är uppfyllda"],
  partlyMet: ["är delvis uppfylld", "är delvis uppfyllda"],
  notMet: ["är inte uppfylld", "är inte uppfyllda"],
};

function indicatorParagraph(result: EngineResult): string {
  const list = result.indicators;
  const n = (s: IndicatorStatus) => list.filter((i) => i.status === s).length;
  const parts = (["met", "partlyMet", "notMet"] as const)
    .filter((s) => n(s) > 0)
    .map((s) => `${n(s)} ${STATUS_WORDS[s][n(s) === 1 ? 0 : 1]}`);
  let p = `Av ${count(list.length, "indikator", "indikatorer")} ${joinAnd(parts)}`;
  const na = n("notAssessable");
  if (na > 0) p += parts.length ? `; ${na} kan ännu inte bedömas` : `${na} kan ännu inte bedömas`;
  p += ".";
  const notMet = list.filter((i) => i.status === "notMet").map((i) => i.indicator);
  if (notMet.length > 0) p += ` Inte uppfyllt: ${joinAnd(notMet.slice(0, 5))}${notMet.length > 5 ? ` med flera` : ""}.`;
  return p;
}

const LEVEL_WORDS: Partial<Record<RiskLevel, string>> = { veryHigh: "mycket högt", high: "högt" };

function riskParagraph(result: EngineResult): string | null {
  if (result.risks.length === 0) return null;
  const sentences: string[] = [];
  for (const level of ["veryHigh", "high"] as RiskLevel[]) {
    const list = result.risks.filter((r) => r.level === level);
    if (list.length === 0) continue;
    const names = list.slice(0, 4).map((r) => `${r.risk} (${r.riskValue})`);
    sentences.push(`${count(list.length, "risk", "risker")} har ${LEVEL_WORDS[level]} riskvärde: ${joinAnd(names)}${list.length > 4 ? " med flera" : ""}.`);
  }
  if (sentences.length === 0) {
    return result.risks.length === 1
      ? "Den bedömda risken har inte högt riskvärde."
      : `Ingen av de ${result.risks.length} bedömda riskerna har högt riskvärde.`;
  }
  return sentences.join(" ");
}
