import { AmountScale, decimalsOf } from "./amounts";
import { add, Int, sub } from "./exact";
import { AmountUnit } from "../core/units";
import { InvestmentInput } from "./types";

/** Figures of an investment project, a category subtotal or the total, in the report's unit. */
export interface InvestmentFigures {
  actual: number | null;
  budgetYear: number | null;
  forecast: number | null;
  /** Prognos helår − Budget helår: positive when spending less than budgeted. */
  forecastVariance: number | null;
  actualToDate: number | null;
  projectBudget: number | null;
  projectForecast: number | null;
  /** Prognos total − Total projektbudget. */
  projectVariance: number | null;
}

export interface InvestmentResult extends InvestmentFigures {
  project: string;
  category: string | null;
}

export interface InvestmentGroup extends InvestmentFigures {
  category: string | null;
  projects: InvestmentResult[];
}

const FIELDS = ["actual", "budgetYear", "forecast", "actualToDate", "projectBudget", "projectForecast"] as const;
type Field = (typeof FIELDS)[number];

/**
 * The investment follow-up: each project's figures with the variance columns, subtotals per Kategori (in the order
 * categories first appear) and the total. Spending is negative, so a positive variance means spending less than
 * budgeted. A column that no project fills stays empty (null) in the sums too.
 */
export function computeInvestments(list: readonly InvestmentInput[], unitIn: AmountUnit, unitOut: AmountUnit): { projects: InvestmentResult[]; groups: InvestmentGroup[]; total: InvestmentFigures } {
  let d = 0;
  for (const p of list) for (const f of FIELDS) if (p[f] !== null) d = Math.max(d, decimalsOf(p[f] as number));
  const scale = new AmountScale(d, unitIn, unitOut);
  type Sum = Record<Field, Int | null>;
  const empty = (): Sum => ({ actual: null, budgetYear: null, forecast: null, actualToDate: null, projectBudget: null, projectForecast: null });
  const addTo = (s: Sum, p: Sum) => {
    for (const f of FIELDS) if (p[f] !== null) s[f] = add(s[f] ?? 0, p[f] as Int);
  };
  const figures = (s: Sum): InvestmentFigures => {
    const r = (v: Int | null) => (v === null ? null : scale.toReport(v));
    const diff = (a: Int | null, b: Int | null) => (a === null && b === null ? null : scale.toReport(sub(a ?? 0, b ?? 0)));
    return {
      actual: r(s.actual),
      budgetYear: r(s.budgetYear),
      forecast: r(s.forecast),
      forecastVariance: s.forecast === null ? null : diff(s.forecast, s.budgetYear),
      actualToDate: r(s.actualToDate),
      projectBudget: r(s.projectBudget),
      projectForecast: r(s.projectForecast),
      projectVariance: s.projectForecast === null ? null : diff(s.projectForecast, s.projectBudget),
    };
  };
  const total = empty();
  const groups: { category: string | null; sum: Sum; projects: InvestmentResult[] }[] = [];
  const projects = list.map((p) => {
    const own = empty();
    for (const f of FIELDS) own[f] = p[f] === null ? null : scale.units(p[f] as number);
    addTo(total, own);
    let g = groups.find((x) => (x.category ?? "") === (p.category ?? ""));
    if (!g) groups.push((g = { category: p.category, sum: empty(), projects: [] }));
    addTo(g.sum, own);
    const result: InvestmentResult = { project: p.project, category: p.category, ...figures(own) };
    g.projects.push(result);
    return result;
  });
  return { projects, groups: groups.map((g) => ({ category: g.category, projects: g.projects, ...figures(g.sum) })), total: figures(total) };
}
