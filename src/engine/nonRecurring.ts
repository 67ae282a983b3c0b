/**
 * Non-recurring items (jämförelsestörande poster): amounts already inside Utfall and Prognos that a reader should
 * see apart, such as an unusually large gain on sold vehicles. The result excluding them is Årets resultat (before
 * över-/underskott) minus their sum, for the period and for the forecast. Each item must stand on a post (and, where
 * the budget has ansvar, an ansvar) that the resultaträkning has: otherwise it is an error naming its cell.
 *
 *   Servicenämnden delår 2 2024: result +15,7 mnkr, reavinster 6,1 mnkr → +9,6 mnkr excluding them.
 */
import { canon } from "../core/text";
import { Finding, finding } from "../findings/findings";
import { AmountScale, decimalsOf, sumReport } from "./amounts";
import { add, Int, neg } from "./exact";
import { Settings } from "./settings";
import { NonRecurringInput } from "./types";
import { IncomeResult } from "./variance";

export interface NonRecurringItem extends NonRecurringInput {
  /** The amounts in the report's unit (exact to 9 decimals), gain positive; null where not given. */
  actualReport: number | null;
  forecastReport: number | null;
}

export interface NonRecurringResult {
  items: NonRecurringItem[];
  /** The items' sums in the report's unit; the forecast's null when no item gives one. */
  sum: { actual: number; forecast: number | null };
  /**
   * Årets resultat excl. över-/underskott minus the items: for the period, and for the forecast when the workbook has
   * a forecast (an item without a Prognos counts 0 there).
   */
  resultExcluding: { actual: number; forecast: number | null };
}

/** The items in the report's unit, checked against the resultaträkning's posts and ansvar, and the result without them. */
export function computeNonRecurring(list: readonly NonRecurringInput[], income: IncomeResult, settings: Settings, findings: Finding[]): NonRecurringResult {
  // Which (ansvar, post) pairs the resultaträkning has, folded as every name is compared.
  const posts = new Set<string>();
  const pairs = new Set<string>();
  // (Without items, no pass over the lines: a million lines are not walked for nothing.)
  for (let i = 0; list.length > 0 && i < income.rowCount; i++) {
    const r = income.lineAt(i);
    posts.add(canon(r.item));
    pairs.add(`${canon(r.responsibility ?? "")}\u0000${canon(r.item)}`);
  }
  for (const n of list) {
    if (!posts.has(canon(n.item))) {
      findings.push(finding("NONRECURRING_ITEM_UNKNOWN", n.source.range, n.itemAt, { column: "Post", value: n.item }));
    } else if (n.responsibility !== null && !pairs.has(`${canon(n.responsibility)}\u0000${canon(n.item)}`)) {
      findings.push(finding("NONRECURRING_RESPONSIBILITY_UNKNOWN", n.source.range, n.responsibilityAt ?? n.itemAt, { column: "Ansvar", value: n.responsibility, item: n.item }));
    }
  }

  let d = income.scale.decimals;
  for (const n of list) for (const v of [n.actual, n.forecast]) if (v !== null) d = Math.max(d, decimalsOf(v));
  const scale = new AmountScale(d, settings.unitIn, settings.unitOut);
  let actual: Int = 0, forecast: Int = 0;
  let anyForecast = false;
  const items = list.map((n) => {
    const a = n.actual === null ? null : scale.units(n.actual);
    const f = n.forecast === null ? null : scale.units(n.forecast);
    if (a !== null) actual = add(actual, a);
    if (f !== null) {
      forecast = add(forecast, f);
      anyForecast = true;
    }
    return { ...n, actualReport: a === null ? null : scale.toReport(a), forecastReport: f === null ? null : scale.toReport(f) };
  });
  const result = income.totals.result;
  // Both exact to 9 decimals in the report's unit, each from its own scale: their difference is exact too.
  const without = (total: number, sum: Int) => sumReport([total, scale.toReport(neg(sum))]);
  return {
    items,
    sum: { actual: scale.toReport(actual), forecast: anyForecast ? scale.toReport(forecast) : null },
    resultExcluding: { actual: without(result.actual, actual), forecast: result.forecast === null ? null : without(result.forecast, forecast) },
  };
}
