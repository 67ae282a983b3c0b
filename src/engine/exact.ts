/**
 * Exact integers for money: a JS number while the value is a safe integer (the common case, at full speed), a
 * bigint beyond that, chosen per operation. Amounts are held as integers of a fine unit (see amounts.ts), so
 * sums are exact however many rows there are, and amounts that cancel sum to exactly 0.
 *
 *   add(0.1 * 10, 0.2 * 10)          // 3 (tenths): exact, where 0.1 + 0.2 is 0.30000000000000004
 *   add(2 ** 53, 1)                  // 9007199254740993n
 */

/** An exact integer. */
export type Int = number | bigint;

const MAX = Number.MAX_SAFE_INTEGER;

function big(a: Int): bigint {
  return typeof a === "bigint" ? a : BigInt(a);
}

/** A bigint back to a number when it fits exactly. */
export function norm(a: bigint): Int {
  return a <= 9007199254740991n && a >= -9007199254740991n ? Number(a) : a;
}

export function add(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const s = a + b;
    if (s <= MAX && s >= -MAX) return s;
  }
  return norm(big(a) + big(b));
}

export function sub(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const s = a - b;
    if (s <= MAX && s >= -MAX) return s;
  }
  return norm(big(a) - big(b));
}

export function mul(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const p = a * b;
    if (p <= MAX && p >= -MAX) return p;
  }
  return norm(big(a) * big(b));
}

export function neg(a: Int): Int {
  return typeof a === "number" ? -a || 0 : norm(-a);
}

export function sign(a: Int): -1 | 0 | 1 {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

export function abs(a: Int): Int {
  return a < 0 ? neg(a) : a;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function cmp(a: Int, b: Int): -1 | 0 | 1 {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = big(a), y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const POW10: number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** 10^n as an exact integer. */
export function pow10(n: number): Int {
  return n < 16 ? POW10[n] : 10n ** BigInt(n);
}

/** a / d rounded half away from zero, exactly (d > 0). */
export function roundDiv(a: Int, d: Int): Int {
  if (typeof a === "number" && typeof d === "number") {
    const r = a % d;
    const q = (a - r) / d;
    return Math.abs(r) * 2 >= d ? q + Math.sign(a) : q;
  }
  const x = big(a), y = big(d);
  const q = x / y;
  const r = x - q * y;
  const twice = (r < 0n ? -r : r) * 2n;
  return norm(twice >= y ? q + (x < 0n ? -1n : 1n) : q);
}

/**
 * The quotient num / den rounded half away from zero to 9 decimals, as the JS number nearest to that decimal
 * (den > 0). For the common sizes this is done in doubles with the remainder kept exact; only a value within a
 * hair of a rounding boundary takes the bigint path.
 */
export function quotient9(num: Int, den: Int): number {
  if (typeof num === "number" && typeof den === "number") {
    const r = num % den;
    const whole = (num - r) / den;
    let frac: number;
    const scaled = r * 1e9;
    if (Math.abs(scaled) <= MAX) frac = roundDiv(scaled, den) as number;
    else {
      const f = (r / den) * 1e9;
      const t = Math.trunc(f);
      const part = Math.abs(f - t);
      if (Math.abs(part - 0.5) > 1e-4) frac = part > 0.5 ? t + Math.sign(f) : t;
      else return quotient9(BigInt(num), BigInt(den));
    }
    const q = whole * 1e9 + frac;
    if (Math.abs(q) <= MAX) return q / 1e9 || 0;
    return whole + frac / 1e9;
  }
  const q = roundDiv(big(num) * 1_000_000_000n, den);
  if (typeof q === "number") return q / 1e9 || 0;
  const whole = q / 1_000_000_000n;
  return Number(whole) + Number(q - whole * 1_000_000_000n) / 1e9;
}
