import { RiskThresholds } from "./settings";
import { scaled } from "./amounts";
import { RiskInput, RiskLevel, Trend } from "./types";

export interface RiskResult extends RiskInput {
  riskValue: number;
  level: RiskLevel;
  /** Economic consequence weighted by likelihood / scale, or null without an economic consequence. */
  expectedValue: number | null;
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

/** Values, levels and trends for every risk, sorted by risk value, highest first (ties keep input order). */
export function assessRisks(list: readonly RiskInput[], scale: number, thresholds: RiskThresholds): RiskResult[] {
  return list
    .map((r, index) => {
      const value = riskValue(r.likelihood, r.consequence);
      const trend: Trend | null =
        r.previousRiskValue === null ? null : value < r.previousRiskValue ? "improving" : value > r.previousRiskValue ? "worsening" : "unchanged";
      return {
        index,
        result: {
          ...r,
          riskValue: value,
          level: riskLevel(value, thresholds),
          expectedValue: r.economicConsequence === null ? null : scaled(r.economicConsequence, r.likelihood, scale),
          trend,
        },
      };
    })
    .sort((a, b) => b.result.riskValue - a.result.riskValue || a.index - b.index)
    .map((x) => x.result);
}
