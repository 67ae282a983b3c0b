/**
 * Rounding that adds up on the page. Each figure of a table is exact; printed at the report's decimals, parts can
 * differ from their printed sum by a unit of the last decimal. A careful report either says so under the table,
 * where such a difference is actually printed, or rounds the parts so that they sum to the rounded total (the
 * largest remainder method), when the setting Avrundning is Summerbar.
 */
import { nanos, roundReport } from "../engine/amounts";

/** A figure and the figures it is the sum of (none for a line). */
export interface SumNode {
  value: number | null;
  parts?: SumNode[];
}

const pow = (d: number) => 10n ** BigInt(d);

/** The value in units of the last printed decimal, as a fraction num / den (den = 10^(9 − decimals)). */
function units(v: number, decimals: number): { num: bigint; den: bigint } {
  return { num: BigInt(nanos(v)), den: pow(9 - decimals) };
}

/** Rounds num/den half away from zero. */
function roundHalfAway(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  const q = (2n * a + den) / (2n * den);
  return neg ? -q : q;
}

/**
 * Rounds `values` to `decimals` so that they sum to `target` (already rounded, in the same decimals): each is rounded
 * on its own, then the difference is given, one unit at a time, to the values whose rounding moved them furthest
 * from where the sum needs them (largest remainder); ties go to the larger value, then to the earlier one. No
 * value moves by a whole unit or more from its exact figure.
 */
export function roundToSum(values: readonly number[], target: number, decimals: number): number[] {
  if (values.length === 0) return [];
  const den = pow(9 - decimals);
  const exact = values.map((v) => units(v, decimals).num);
  const rounded = exact.map((n) => roundHalfAway(n, den));
  const goal = roundHalfAway(BigInt(nanos(target)), den);
  let diff = goal - rounded.reduce((a, b) => a + b, 0n);
  // Remainder of each value against its rounding, in nano-units: positive when it was rounded down.
  const remainder = exact.map((n, i) => n - rounded[i] * den);
  const order = values.map((_, i) => i);
  const step = diff > 0n ? 1n : -1n;
  order.sort((a, b) => {
    const ra = remainder[a] * step, rb = remainder[b] * step;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const sa = exact[a] < 0n ? -exact[a] : exact[a], sb = exact[b] < 0n ? -exact[b] : exact[b];
    if (sa !== sb) return sa > sb ? -1 : 1;
    return a - b;
  });
  for (let k = 0; diff !== 0n && k < order.length; k++) {
    const i = order[k];
    // Only a value whose remainder points the way the sum needs it can move without passing a whole unit.
    if (remainder[i] * step <= 0n && remainder[i] !== 0n) continue;
    if (remainder[i] === 0n) continue;
    rounded[i] += step;
    diff -= step;
  }
  return rounded.map((r) => Number(r) / 10 ** decimals || 0);
}

/**
 * Rounds a tree of sums from the top: the total as it is, then each level so that it sums to the level above.
 * Returns the printed value of every node, in the tree's depth-first order. Null figures stay null.
 */
export function roundSummable(root: SumNode, decimals: number): Map<SumNode, number | null> {
  const out = new Map<SumNode, number | null>();
  const visit = (node: SumNode, printed: number | null) => {
    out.set(node, printed);
    const parts = node.parts ?? [];
    const present = parts.filter((p) => p.value !== null);
    if (printed === null || present.length === 0) {
      for (const p of parts) visit(p, p.value === null ? null : roundReport(p.value, decimals));
      return;
    }
    const rounded = roundToSum(present.map((p) => p.value as number), printed, decimals);
    let k = 0;
    for (const p of parts) visit(p, p.value === null ? null : rounded[k++]);
  };
  visit(root, root.value === null ? null : roundReport(root.value, decimals));
  return out;
}

/** Each value rounded on its own, as the report prints by default. */
export function roundEach(root: SumNode, decimals: number): Map<SumNode, number | null> {
  const out = new Map<SumNode, number | null>();
  const visit = (node: SumNode) => {
    out.set(node, node.value === null ? null : roundReport(node.value, decimals));
    for (const p of node.parts ?? []) visit(p);
  };
  visit(root);
  return out;
}

/** True when some printed sum differs from the sum of its printed parts. */
export function hasRoundingDifference(root: SumNode, printed: ReadonlyMap<SumNode, number | null>, decimals: number): boolean {
  const scale = 10 ** decimals;
  const check = (node: SumNode): boolean => {
    const parts = (node.parts ?? []).filter((p) => printed.get(p) !== null && printed.get(p) !== undefined);
    const own = printed.get(node);
    if (parts.length > 0 && own !== null && own !== undefined) {
      const sum = parts.reduce((s, p) => s + Math.round((printed.get(p) as number) * scale), 0);
      if (sum !== Math.round(own * scale)) return true;
    }
    return (node.parts ?? []).some(check);
  };
  return check(root);
}
