import { Finding, finding } from "../findings/findings";
import { ItemKind, parseKind } from "../core/kinds";
import { SourceRef } from "../core/references";
import { canon } from "../core/text";
import { AmountUnit } from "../core/units";
import { AmountScale, decimalsOf } from "./amounts";
import { BreakEven, breakEven } from "./breakEven";
import { add, Int } from "./exact";
import { IncomeRow } from "./variance";
import { SensitivityInput } from "./types";

export interface SensitivityResult {
  factor: string;
  /** Full-year base in the report unit, signed (cost negative). */
  base: number;
  change: number;
  /** Effect on the result in the report unit: base × change, exact to 9 decimals. */
  effect: number;
  /** What the base is: a post's name, a type's total (kind), or neither for an explicit base. */
  item: string | null;
  kind: ItemKind | null;
  source: SourceRef | null;
  /**
   * The change of the base, as a fraction of it, that brings the forecast result incl. över-/underskott to zero
   * (breakEven.ts); null without a forecast, or when the factor cannot bring the result to zero.
   */
  breakEven: BreakEven | null;
}

const TOTAL_NAME: Partial<Record<ItemKind, string>> = { revenue: "Summa intäkter", cost: "Summa kostnader" };

/**
 * Sensitivity of the result. With explicit factors, each names a Budget post, a Typ (the sum of that type), or a
 * base amount (input unit). Without factors: +1 % on every post and on total revenue and total cost. Bases are
 * full-year budgets; effects are computed exactly from them. Sorted by the size of the effect. `forecastResult` is the
 * forecast of Årets resultat inkl. över-/underskott in the report's unit (null without a forecast), for each factor's
 * break-even.
 */
export function computeSensitivity(
  factors: readonly SensitivityInput[] | null,
  statement: readonly IncomeRow[],
  scale: AmountScale,
  findings: Finding[],
  unitIn: AmountUnit = scale.unitIn,
  forecastResult: number | null = null,
): SensitivityResult[] {
  const results: SensitivityResult[] = [];
  const kindTotal = (kind: ItemKind): Int => statement.filter((r) => r.kind === kind).reduce<Int>((s, r) => add(s, r.exact.budgetYear), 0);
  const line = (factor: string, on: AmountScale, base: Int, change: number, source: SourceRef | null, item: string | null = null, kind: ItemKind | null = null): SensitivityResult => {
    const t = on.times(base, change);
    const b = on.toReport(base);
    return { factor, base: b, change, effect: on.toReportScaled(t.units, t.extraDecimals), item, kind, source, breakEven: forecastResult === null ? null : breakEven(b, forecastResult) };
  };
  if (factors === null) {
    for (const row of statement) {
      if (row.kind === "financial" || row.kind === "carryover" || row.budgetYear === 0) continue;
      results.push(line(`${row.item} +1 %`, scale, row.exact.budgetYear, 0.01, null, row.item, null));
    }
    for (const kind of ["revenue", "cost"] as const) {
      const base = kindTotal(kind);
      if (base !== 0) results.push(line(`${TOTAL_NAME[kind]} +1 %`, scale, base, 0.01, null, null, kind));
    }
  } else {
    for (const f of factors) {
      if (f.base !== null) {
        // An explicit base has a scale of its own: its decimals need not be the budget's.
        const own = new AmountScale(Math.max(scale.decimals, decimalsOf(f.base)), unitIn, scale.unitOut);
        results.push(line(f.factor, own, own.units(f.base), f.change, f.source));
        continue;
      }
      if (f.item === null) continue;
      const rows = statement.filter((r) => canon(r.item) === canon(f.item as string));
      const kind = parseKind(f.item);
      let base: Int | null = null;
      if (rows.length > 0) base = rows.reduce<Int>((s, r) => add(s, r.exact.budgetYear), 0);
      else if (kind && kind !== "carryover") base = kindTotal(kind);
      else findings.push(finding("SENSITIVITY_ITEM_UNKNOWN", f.source.range, f.itemAt ?? f.source.at, { value: f.item }));
      if (base !== null) results.push(line(f.factor, scale, base, f.change, f.source, rows.length > 0 ? rows[0].item : null, rows.length > 0 ? null : kind));
    }
  }
  return results.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
}
