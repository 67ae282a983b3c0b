import { IndicatorInput, IndicatorStatus, Trend } from "./types";

export interface IndicatorResult extends IndicatorInput {
  status: IndicatorStatus;
  trend: Trend | null;
}

/**
 * Judges one indicator against its target: met when the outcome reaches Mål in the row's direction,
 * partly met within Tolerans (absolute) or, without one, within `relativeTolerance` of Mål,
 * not met otherwise, and not assessable when there is no outcome.
 *
 *   indicatorStatus({ actual: 0.683, target: 0.75, direction: "higher", tolerance: null }, 0.2) // "partlyMet"
 */
export function indicatorStatus(
  ind: Pick<IndicatorInput, "actual" | "target" | "direction" | "tolerance">,
  relativeTolerance: number,
): IndicatorStatus {
  const { actual, target, direction, tolerance } = ind;
  if (actual === null || !Number.isFinite(actual)) return "notAssessable";
  const shortfall = direction === "higher" ? target - actual : actual - target;
  if (shortfall <= 0) return "met";
  const allowed = tolerance ?? relativeTolerance * Math.abs(target);
  return shortfall <= allowed + 1e-12 ? "partlyMet" : "notMet";
}

/** Whether the indicator moved towards or away from its direction since the previous value. */
export function indicatorTrend(ind: Pick<IndicatorInput, "actual" | "previous" | "direction">): Trend | null {
  if (ind.actual === null || ind.previous === null) return null;
  const delta = ind.actual - ind.previous;
  if (Math.abs(delta) < 1e-12) return "unchanged";
  return (delta > 0) === (ind.direction === "higher") ? "improving" : "worsening";
}

/** Status and trend for every indicator, in input order. */
export function assessIndicators(list: readonly IndicatorInput[], relativeTolerance: number): IndicatorResult[] {
  return list.map((ind) => ({ ...ind, status: indicatorStatus(ind, relativeTolerance), trend: indicatorTrend(ind) }));
}
