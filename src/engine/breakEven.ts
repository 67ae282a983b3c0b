/**
 * Break-even in the sensitivity analysis (contract v3): for a factor with base b (its full-year amount, signed as
 * the report signs amounts: a cost negative) and the forecast result incl. över-/underskott R, the relative change
 * Δ of the base that brings the result to exactly zero: R + b Δ = 0, so Δ = −R / b.
 *
 *   b = −479,0 (personalkostnader), R = +4,0   →  Δ = +0,84 %: the costs can grow by 0,84 % before a deficit
 *   b = −479,0,                      R = −3,0   →  Δ = −0,63 %: the costs need to fall by 0,63 % to break even
 *   b = −2,8 (köp av verksamhet),    R = −3,0   →  null: even without that cost the result stays negative
 *
 * No break-even (null) when b = 0, or when it would take the base past zero (Δ < −1: more than the whole base
 * removed). Δ = −1 is possible: the whole base gone.
 */
import { nanos } from "./amounts";
import { abs, cmp, Int, neg, quotient9, sign } from "./exact";

/**
 * `allowance`: the result is zero or positive, and Δ is how far the factor can move before it turns negative.
 * `improvement`: the result is negative, and Δ is the change needed to bring it to zero.
 */
export type BreakEvenKind = "allowance" | "improvement";

export interface BreakEven {
  /** Δ = −R / b, a fraction of the base (0.0084 for 0,84 %), exact to 9 decimals. */
  change: number;
  kind: BreakEvenKind;
  /** The base grows in size (Δ > 0: costs or revenue increase), shrinks (Δ < 0) or stays (R = 0). */
  direction: "increase" | "decrease" | "none";
}

/** Break-even from the base and the result in the report's unit, each exact to 9 decimals (as the JSON's figures). */
export function breakEven(base: number, result: number): BreakEven | null {
  if (!Number.isFinite(base) || !Number.isFinite(result)) throw new RangeError(`break-even of ${base} and ${result}`);
  return breakEvenExact(nanos(base), nanos(result));
}

/** Break-even from the base and the result as exact integers of one scale (e.g. an AmountScale's units). */
export function breakEvenExact(base: Int, result: Int): BreakEven | null {
  const s = sign(base);
  if (s === 0) return null;
  // Δ = −R / b = (−R · sign b) / |b|; Δ < −1 ⟺ R · sign b > |b|.
  const numerator = s > 0 ? neg(result) : result;
  const size = abs(base);
  if (cmp(neg(numerator), size) > 0) return null;
  const change = quotient9(numerator, size);
  const r = sign(result);
  return { change, kind: r < 0 ? "improvement" : "allowance", direction: r === 0 ? "none" : sign(numerator) > 0 ? "increase" : "decrease" };
}
