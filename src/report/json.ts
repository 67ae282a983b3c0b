import { EngineResult } from "../engine";
import { Figures } from "../engine/types";
import { Finding, toPublic } from "../findings/findings";

const FIELDS: (keyof Figures)[] = [
  "actualPriorYear", "actual", "budgetPeriod", "variance", "variancePercent", "budgetYear", "forecast", "forecastVariance",
];

function figures(f: Figures): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of FIELDS) {
    const v = f[k];
    out[k] = v === null || !Number.isFinite(v) ? null : v;
  }
  return out;
}

/** The `--json` document of the contract: figures in the report unit, unrounded, missing figures null. */
export function toContractJson(result: EngineResult, findings: readonly Finding[]): object {
  const { income, settings } = result;
  return {
    unit: settings.unitOut,
    months: settings.months,
    year: settings.year,
    income: income.rows.map((r) => ({ responsibility: r.responsibility, item: r.item, kind: r.kind, ...figures(r) })),
    totals: {
      revenue: figures(income.totals.revenue),
      cost: figures(income.totals.cost),
      financial: figures(income.totals.financial),
      result: figures(income.totals.result),
    },
    byResponsibility: income.byResponsibility?.map((r) => ({ responsibility: r.responsibility, ...figures(r) })) ?? null,
    indicators: result.indicators.map((i) => ({
      indicator: i.indicator, actual: i.actual, target: i.target, direction: i.direction, status: i.status, trend: i.trend,
    })),
    risks: result.risks.map((r) => ({
      risk: r.risk, likelihood: r.likelihood, consequence: r.consequence, riskValue: r.riskValue, level: r.level,
      economicConsequence: r.economicConsequence, expectedValue: r.expectedValue,
    })),
    sensitivity: result.sensitivity.map((s) => ({ factor: s.factor, base: s.base, change: s.change, effect: s.effect })),
    notices: findings.map(toPublic).map(({ code, range, cell, message }) => ({ code, range, cell, message })),
  };
}
