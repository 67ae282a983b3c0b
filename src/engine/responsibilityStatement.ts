/**
 * A resultaträkning of one ansvar (the setting `Resultaträkning per ansvar`): its own lines with every figure of the
 * nämnd's statement, and its sums per kind, the result and the result including över-/underskott, exactly.
 */
import { KIND_CODES } from "../core/kinds";
import { canon } from "../core/text";
import { Finding, finding } from "../findings/findings";
import { FigureSum, isSignificant, makeFigures } from "./figures";
import { ResponsibilityChoice, Settings } from "./settings";
import { IncomeResult, IncomeRow, Totals } from "./variance";

export interface ResponsibilityStatement {
  responsibility: string;
  /** The ansvar's lines, revenue first, then cost, financial and carryover (as the nämnd's statement orders them). */
  lines: IncomeRow[];
  totals: Totals;
  hasCarryover: boolean;
}

/**
 * The statements of the ansvar `choice` names (all, some or none), in the order of the per-ansvar table. A name that
 * is no ansvar of the workbook is an error naming the setting's cell; a choice without any ansvar in the workbook is
 * a notice.
 */
export function computeResponsibilityStatements(income: IncomeResult, choice: ResponsibilityChoice, settings: Settings, findings: Finding[]): ResponsibilityStatement[] {
  if (choice.kind === "none") return [];
  const all = income.byResponsibility;
  if (!all) {
    findings.push(finding("RESPONSIBILITY_STATEMENT_WITHOUT_RESPONSIBILITY", "Inställningar", null, {}));
    return [];
  }
  let wanted: Set<string>;
  if (choice.kind === "all") wanted = new Set(all.map((r) => canon(r.responsibility)));
  else {
    const known = new Set(all.map((r) => canon(r.responsibility)));
    wanted = new Set();
    for (const name of choice.names) {
      if (known.has(canon(name))) wanted.add(canon(name));
      else {
        const names = all.slice(0, 12).map((r) => r.responsibility || "(utan ansvar)");
        const known = all.length > names.length ? `${names.join(", ")} med flera` : names.join(", ");
        findings.push(finding("RESPONSIBILITY_STATEMENT_UNKNOWN", "Inställningar", choice.at, { value: name, known }));
      }
    }
  }
  const lines = new Map<string, IncomeRow[]>();
  for (let i = 0; i < income.rowCount; i++) {
    const key = canon(income.lineAt(i).responsibility ?? "");
    if (!wanted.has(key)) continue;
    const r = income.rowAt(i);
    const list = lines.get(key);
    if (list) list.push(r);
    else lines.set(key, [r]);
  }
  const { hasPriorYear, hasForecast, hasPriorYearFull, scale } = income;
  const { decimals, materialityAmount, materialityPercent } = settings;
  return all
    .filter((r) => lines.has(canon(r.responsibility)))
    .map((r) => {
      const own = lines.get(canon(r.responsibility)) as IncomeRow[];
      const sums = KIND_CODES.map(() => new FigureSum());
      for (const l of own) {
        const e = l.exact;
        sums[KIND_CODES.indexOf(l.kind)].add(e.actual, e.budgetPeriod, e.budgetYear, e.actualPriorYear ?? 0, e.forecast ?? 0, e.actualPriorYearFull ?? 0);
      }
      const result = new FigureSum();
      for (const k of ["revenue", "cost", "financial"] as const) result.addSum(sums[KIND_CODES.indexOf(k)]);
      const including = new FigureSum();
      including.addSum(result);
      including.addSum(sums[KIND_CODES.indexOf("carryover")]);
      const fig = (s: FigureSum) => {
        const f = makeFigures(s.exact(hasPriorYear, hasForecast, hasPriorYearFull), scale, decimals);
        return { ...f, significant: isSignificant(f, materialityAmount, materialityPercent) };
      };
      const totals: Totals = {
        revenue: fig(sums[KIND_CODES.indexOf("revenue")]),
        cost: fig(sums[KIND_CODES.indexOf("cost")]),
        financial: fig(sums[KIND_CODES.indexOf("financial")]),
        result: fig(result),
        carryover: fig(sums[KIND_CODES.indexOf("carryover")]),
        resultIncludingCarryover: fig(including),
      };
      return { responsibility: r.responsibility, lines: own, totals, hasCarryover: own.some((l) => l.kind === "carryover") };
    });
}
