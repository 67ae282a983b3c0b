import { RiskThresholds } from "./settings";
import { product, sumReport } from "./amounts";
import { RiskInput, RiskLevel, Trend } from "./types";

/** Where a risk's probability came from: its own `Sannolikhet %`, or its level under `Sannolikhet per nivå`. */
export type ProbabilitySource = "risk" | "level";

export interface RiskResult extends RiskInput {
  riskValue: number;
  level: RiskLevel;
  /**
   * The probability of occurring this year (0…1): the risk's own `Sannolikhet %`, else its likelihood level's under
   * the setting `Sannolikhet per nivå`, else null. A level on its own is never turned into a probability: there is no
   * standard mapping from a level to a probability, and level 4 of 4 is not certainty.
   */
  probability: number | null;
  probabilitySource: ProbabilitySource | null;
  /** probability × economic consequence (report unit, a loss negative), or null when either is missing. */
  expectedEffect: number | null;
  trend: Trend | null;
}

/** riskvärde = sannolikhet × konsekvens. */
export function riskValue(likelihood: number, consequence: number): number {
  return likelihood * consequence;
}

/** The level of a risk value under the thresholds (lowest value of each level above low). */
export function riskLevel(value: number, t: RiskThresholds): RiskLevel {
  if (value >= t.veryHigh) return "veryHigh";
  if (value >= t.high) return "high";
  if (value >= t.medium) return "medium";
  return "low";
}

/** A risk's probability and where it came from: its own, else its level's under `perLevel`, else none. */
export function riskProbability(r: Pick<RiskInput, "ownProbability" | "likelihood">, perLevel: readonly number[] | null): { probability: number | null; source: ProbabilitySource | null } {
  if (r.ownProbability !== null) return { probability: r.ownProbability, source: "risk" };
  const p = perLevel?.[r.likelihood - 1];
  return p === undefined ? { probability: null, source: null } : { probability: p, source: "level" };
}

/**
 * Values, levels, probabilities, expected effects and trends for every risk, sorted by risk value, highest first
 * (ties keep input order). `perLevel` is the setting `Sannolikhet per nivå` (one probability per level), or null.
 */
export function assessRisks(list: readonly RiskInput[], thresholds: RiskThresholds, perLevel: readonly number[] | null = null): RiskResult[] {
  return list
    .map((r, index) => {
      const value = riskValue(r.likelihood, r.consequence);
      const trend: Trend | null =
        r.previousRiskValue === null ? null : value < r.previousRiskValue ? "improving" : value > r.previousRiskValue ? "worsening" : "unchanged";
      const { probability, source } = riskProbability(r, perLevel);
      return {
        index,
        result: {
          ...r,
          riskValue: value,
          level: riskLevel(value, thresholds),
          probability,
          probabilitySource: source,
          expectedEffect: probability === null || r.economicConsequence === null ? null : product(probability, r.economicConsequence),
          trend,
        },
      };
    })
    .sort((a, b) => b.result.riskValue - a.result.riskValue || a.index - b.index)
    .map((x) => x.result);
}

/** What the risks' economic consequences add up to: weighted where a probability is known, unweighted where not. */
export interface RiskSummary {
  /** Risks with both a probability and an economic consequence, and the sum of their expected effects. */
  weighted: number;
  expectedEffect: number;
  /** Risks with an economic consequence but no probability, and the sum of those consequences (if all occurred). */
  unweighted: number;
  unweightedConsequence: number;
}

/** The sums of expected effects and of unweighted consequences, exactly (report unit, 9 decimals). */
export function summariseRisks(results: readonly RiskResult[]): RiskSummary {
  const weighted = results.filter((r) => r.expectedEffect !== null);
  const unweighted = results.filter((r) => r.economicConsequence !== null && r.expectedEffect === null);
  return {
    weighted: weighted.length,
    expectedEffect: sumReport(weighted.map((r) => r.expectedEffect)),
    unweighted: unweighted.length,
    unweightedConsequence: sumReport(unweighted.map((r) => r.economicConsequence)),
  };
}
