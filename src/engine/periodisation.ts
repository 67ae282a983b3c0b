import { AmountScale } from "./amounts";
import { add, Int, mul, roundDiv } from "./exact";

/**
 * The part of an annual budget that belongs to the first `months` months.
 * With monthly figures it is their sum; without, the annual budget spread evenly.
 *
 *   periodBudget(1200, null, 8)            // 800
 *   periodBudget(1200, [100, 300, …], 2)   // 400
 */
export function periodBudget(budgetYear: number, months: readonly number[] | null, elapsed: number): number {
  if (months) return sumFirst(months, elapsed);
  return (budgetYear * elapsed) / 12;
}

/** Sum of the first `count` values. */
export function sumFirst(values: readonly number[], count: number): number {
  let total = 0;
  for (let i = 0; i < count && i < values.length; i++) total += values[i];
  return total;
}

/**
 * The same in exact units: the sum of the elapsed months of row `row` of a 12-per-row array, or the annual budget
 * times elapsed / 12. Units carry a factor 12 (see amounts.ts), so the division is exact.
 */
export function periodUnits(scale: AmountScale, yearUnits: Int, months: Float64Array | null, row: number, elapsed: number): Int {
  if (!months) return mul(roundDiv(yearUnits, 12), elapsed);
  let total: Int = 0;
  const base = row * 12;
  for (let m = 0; m < elapsed; m++) {
    const v = months[base + m];
    if (v !== 0) total = add(total, scale.units(v));
  }
  return total;
}

/** The elapsed months' sum and the whole year's sum of one row, in units (see monthUnits). */
export class MonthUnits {
  period: Int = 0;
  year: Int = 0;
}

/**
 * Both sums of row `row` of a 12-per-row array in one pass, exactly, in units: the first `elapsed` months into
 * `out.period` (as periodUnits gives it) and all twelve into `out.year`.
 */
export function monthUnits(scale: AmountScale, months: Float64Array, row: number, elapsed: number, out: MonthUnits): void {
  let period: Int = 0;
  let year: Int = 0;
  const base = row * 12;
  for (let m = 0; m < 12; m++) {
    const v = months[base + m];
    if (v === 0) continue;
    const u = scale.units(v);
    year = add(year, u);
    if (m < elapsed) period = add(period, u);
  }
  out.period = period;
  out.year = year;
}
