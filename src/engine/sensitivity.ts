import { Finding, finding } from "../findings/findings";
import { canon, parseKind } from "../contract/text";
import { IncomeRow, KIND_ORDER } from "./variance";
import { ItemKind, SensitivityInput, SourceRef } from "./types";

export interface SensitivityResult {
  factor: string;
  /** Full-year base in the report unit, signed (cost negative). */
  base: number;
  change: number;
  /** Effect on the result in the report unit: base × change. */
  effect: number;
  source: SourceRef | null;
}

const TOTAL_NAME: Record<ItemKind, string> = { revenue: "Summa intäkter", cost: "Summa kostnader", financial: "Finansnetto" };

/** Effect on the result of changing a base amount: +1 % on a cost (negative base) is a negative effect. */
export function sensitivityEffect(base: number, change: number): number {
  return base * change;
}

/**
 * Sensitivity of the result. With explicit factors, each names a Budget post, a Typ (the sum of that type),
 * or a base amount (input unit, converted with `inputFactor`). Without factors: +1 % on every post and on
 * total revenue and total cost. Bases are full-year budgets. Sorted by the size of the effect.
 */
export function computeSensitivity(
  factors: readonly SensitivityInput[] | null,
  statement: readonly IncomeRow[],
  inputFactor: number,
  findings: Finding[],
): SensitivityResult[] {
  const results: SensitivityResult[] = [];
  const kindTotal = (kind: ItemKind) => statement.filter((r) => r.kind === kind).reduce((s, r) => s + r.budgetYear, 0);
  if (factors === null) {
    for (const row of statement) {
      if (row.kind === "financial" || row.budgetYear === 0) continue;
      results.push(line(`${row.item} +1 %`, row.budgetYear, 0.01, null));
    }
    for (const kind of KIND_ORDER.filter((k) => k !== "financial")) {
      const base = kindTotal(kind);
      if (base !== 0) results.push(line(`${TOTAL_NAME[kind]} +1 %`, base, 0.01, null));
    }
  } else {
    for (const f of factors) {
      let base: number | null = null;
      if (f.base !== null) base = f.base * inputFactor;
      else if (f.item !== null) {
        const rows = statement.filter((r) => canon(r.item) === canon(f.item as string));
        const kind = parseKind(f.item);
        if (rows.length > 0) base = rows.reduce((s, r) => s + r.budgetYear, 0);
        else if (kind) base = kindTotal(kind);
        else findings.push(finding("SENSITIVITY_ITEM_UNKNOWN", f.source.range, f.itemAt ?? f.source.at, { value: f.item }));
      }
      if (base !== null) results.push(line(f.factor, base, f.change, f.source));
    }
  }
  return results.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
}

function line(factor: string, base: number, change: number, source: SourceRef | null): SensitivityResult {
  return { factor, base, change, effect: sensitivityEffect(base, change), source };
}
