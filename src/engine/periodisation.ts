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
