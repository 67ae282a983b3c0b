/**
 * Amounts as exact integers. A workbook's amounts are decimals (`32.7`, `-4 700`) that arrive as binary doubles;
 * each is taken as the shortest decimal that reads back as the same double, at most 15 significant digits
 * (Excel's own precision), and held as an integer number of `1 / (12 × 10^D)` input units, where D is the most
 * decimals any amount of the computation has. The 12 makes a periodised budget (helår × months / 12) an integer
 * too, so every sum, difference and periodisation is exact; only conversion to the report (a coarser unit,
 * percentages) divides, and that is rounded once, to 9 decimals.
 *
 *   const s = new AmountScale(1, "tkr", "mkr");
 *   s.toReport(add(s.units(-30.1), s.units(-0.2)))   // -0.0303, not -0.030300000000000004
 */
import { AmountUnit, UNIT_EXPONENT } from "../core/units";
import { add, cmp, Int, abs, mul, neg, norm, pow10, quotient9, roundDiv } from "./exact";

/** Most decimals an amount can carry: Excel holds 15 significant digits. */
const MAX_DIGITS = 15;

/**
 * The decimals of the shortest decimal that stands for `x` (at most 15 significant digits):
 * `decimalsOf(0.1)` is 1, `decimalsOf(1200)` is 0, `decimalsOf(0.1 + 0.2)` is 1 (Excel shows 0.3).
 */
export function decimalsOf(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(x))) + 1;
  const most = Math.max(0, Math.min(MAX_DIGITS - magnitude, 20));
  let p = 1;
  for (let k = 1; k <= most; k++) {
    p *= 10;
    if (Math.round(x * p) / p === x) return k;
  }
  return most;
}

/** `x` as Excel shows it: rounded to 15 significant digits (a double's binary residue dropped). */
export function excelValue(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  const d = decimalsOf(x);
  const p = 10 ** d;
  const r = Math.round(x * p) / p;
  return r === x ? x : Number(x.toPrecision(MAX_DIGITS));
}

/** A double as its decimal: an exact integer and a number of decimals (`2.5` → 25 and 1). */
export function decimal(x: number): { int: Int; decimals: number } {
  const d = decimalsOf(x);
  return { int: mantissa(x, d), decimals: d };
}

/** x × y (each a decimal, as the shortest decimal its double stands for) rounded to 9 decimals, exactly. */
export function product(x: number, y: number): number {
  const a = decimal(x), b = decimal(y);
  return quotient9(mul(a.int, b.int), pow10(a.decimals + b.decimals));
}

/** A share from percent points (20 → 0.2, 12.5 → 0.125), exactly: the nearest double to the decimal quotient. */
export function percentToShare(points: number): number {
  const { int, decimals } = decimal(points);
  return typeof int === "number" && decimals + 2 <= 20 ? int / 10 ** (decimals + 2) : quotient9(int, pow10(decimals + 2));
}

/** The decimal digits of x (≤ 15 significant) as an exact integer times 10^-decimals. */
function mantissa(x: number, decimals: number): Int {
  const p = 10 ** decimals;
  const m = Math.round(x * p);
  if (Math.abs(m) < 2 ** 50 && m / p === x) return m;
  // Large or long: take the digits from the decimal text.
  const text = x.toFixed(decimals);
  return BigInt(text.replace(".", ""));
}

/** The scale of one computation's amounts, and the conversion of its results to the report's unit. */
export class AmountScale {
  /** 12 × 10^D: units per input unit. */
  readonly perUnit: Int;
  private readonly shift: number;
  /** 10^D as a double (exact: D ≤ 20). */
  private readonly powD: number;

  constructor(
    /** D: the most decimals any amount has. */
    readonly decimals: number,
    readonly unitIn: AmountUnit,
    readonly unitOut: AmountUnit,
  ) {
    this.perUnit = mul(12, pow10(decimals));
    this.powD = 10 ** decimals;
    this.shift = UNIT_EXPONENT[unitIn] - UNIT_EXPONENT[unitOut];
  }

  /** An input amount (a double standing for its decimal) as exact units. */
  units(x: number): Int {
    if (x === 0) return 0;
    // Fast path: x × 10^D rounds to an integer m that reads back as x. Below 2^50 no other decimal of at most D
    // places stands for the same double (they are 10^-D apart, doubles there are closer), so m is x's decimal.
    const p = this.powD;
    const m = Math.round(x * p);
    if (Math.abs(m) < 2 ** 48 && m / p === x) return m * 12;
    const perUnit = this.perUnit;
    if (typeof perUnit === "number" && Number.isInteger(x) && Math.abs(x) * perUnit <= Number.MAX_SAFE_INTEGER) return x * perUnit;
    const d = Math.min(decimalsOf(x), this.decimals);
    return mul(mantissa(x, d), mul(12, pow10(this.decimals - d)));
  }

  /** Units as an amount in the report's unit: exact, rounded to 9 decimals, as the nearest number. */
  toReport(u: Int): number {
    return this.shift >= 0 ? quotient9(mul(u, pow10(this.shift)), this.perUnit) : quotient9(u, mul(this.perUnit, pow10(-this.shift)));
  }

  /** True when the units show as 0 in the report at `decimals` decimals (|value| < half a unit of the last decimal). */
  printsAsZero(u: Int, decimals: number): boolean {
    // |u| / perUnit × 10^shift × 10^decimals < 1/2
    const left = mul(mul(abs(u), 2), pow10(Math.max(0, this.shift + decimals)));
    const right = mul(this.perUnit, pow10(Math.max(0, -(this.shift + decimals))));
    return cmp(left, right) < 0;
  }

  /** `base × change` in units, where change is a share such as 0.01; returns units scaled by 10^changeDecimals. */
  times(u: Int, change: number): { units: Int; extraDecimals: number } {
    const d = decimalsOf(change);
    return { units: mul(u, mantissa(change, d)), extraDecimals: d };
  }

  /** Units scaled by 10^extra (from `times`) in the report's unit. */
  toReportScaled(u: Int, extra: number): number {
    const den = mul(this.perUnit, pow10(extra));
    return this.shift >= 0 ? quotient9(mul(u, pow10(this.shift)), den) : quotient9(u, mul(den, pow10(-this.shift)));
  }
}

/** a / |b| rounded to 9 decimals, exactly, as a share with a's sign. */
export function share(a: Int, b: Int): number {
  return quotient9(a, abs(b));
}

/** Below 2^22, `x × 10^9` is within 0.25 of the integer it stands for, so Math.round finds it. */
const NANO_EXACT = 2 ** 22;

/**
 * A report-unit value, exact to 9 decimals as the nearest double, as an exact integer of billionths. Above 2^22 the
 * product `x × 10^9` can be off by more than a half, so the digits are taken from the shortest decimal that reads
 * back as x (what quotient9 produced it from).
 */
export function nanos(x: number): Int {
  if (Math.abs(x) < NANO_EXACT) return Math.round(x * 1e9);
  const text = String(Math.abs(x));
  if (text.includes("e")) return mul(BigInt(Math.round(x)), 1e9); // ≥ 10^21: a whole number
  const [whole, frac = ""] = text.split(".");
  let n = BigInt(whole + frac.slice(0, 9).padEnd(9, "0"));
  if (frac.length > 9 && frac.charCodeAt(9) >= 53 /* 5 */) n += 1n;
  return norm(x < 0 ? -n : n);
}

/** A value in the report's unit, already exact to 9 decimals, rounded half away from zero to `decimals`. */
export function roundReport(n: number, decimals: number): number {
  const r = roundDiv(nanos(n), 10 ** (9 - decimals));
  return Number(r) / 10 ** decimals || 0;
}

/** The exact sum of report-unit values that are each exact to 9 decimals (for small lists such as measures). */
export function sumReport(values: readonly (number | null)[]): number {
  let s: Int = 0;
  for (const v of values) if (v !== null) s = add(s, nanos(v));
  return quotient9(s, 1e9);
}

export { neg };
