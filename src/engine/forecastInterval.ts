/**
 * The year's result as an interval (contract v3, "Forecast interval"): a seeded Monte Carlo simulation of two
 * sources of uncertainty around the point forecast.
 *
 * - The remaining part of each post, r = Prognos − Utfall, comes out as r + ε with ε normal, mean 0, standard
 *   deviation σ = spread × |r|. Posts are independent of each other. (The spread per post comes from the history or
 *   the setting: see forecastHistory.ts.)
 * - Each risk with a probability p and an economic consequence c (signed as the report signs amounts: a loss is
 *   negative) occurs in a draw with probability p and then adds c. Risks are independent of each other and of the
 *   posts.
 *
 * A draw of Årets resultat is the point forecast plus the posts' deviations plus the consequences of the risks that
 * occur; incl. över-/underskott adds the carryover's forecast, a fixed shift. From the draws: P10, P50 and P90
 * (quantiles of type 7: see quantileSorted) and the share of draws strictly below zero.
 *
 * Reproducible: each post and each risk draws from its own stream, derived from the seed and its key (random.ts),
 * and the sum over posts and risks is taken in the order of their keys, so the same inputs give the same bits in
 * every host, whatever order the rows stand in, and adding or removing one post or risk leaves every other one's
 * draws unchanged (common random numbers). With a negative consequence, that makes adding a risk or raising its
 * probability lower every draw or leave it, never raise it: the percentiles cannot rise and the probability of a
 * deficit cannot fall, exactly, not only on average.
 *
 * Inputs are in the report's unit; the outputs are estimates, rounded to 9 decimals.
 */
import { nanos } from "./amounts";
import { add, quotient9 } from "./exact";
import { streamFor } from "./random";

/** Where the posts' spreads came from: the history's forecast errors, or the setting `Prognososäkerhet`. */
export type SpreadSource = "history" | "setting";

/** The contract's default for the setting `Simuleringar`. */
export const DEFAULT_SIMULATIONS = 20_000;
/** The most draws the engine takes (8 bytes each, held twice). */
export const MAX_SIMULATIONS = 1_000_000;
/** The fixed seed: the same workbook always gives the same figures. Another seed moves them within their Monte Carlo error. */
export const DEFAULT_SEED = 0x23_2023;

type Numbers = Float64Array | readonly number[];

/** The posts whose remaining part varies, by column. */
export interface IntervalPosts {
  /** A stable identity per post (e.g. its kind and folded name): its draws are derived from it. */
  key: readonly string[];
  /** Prognos − Utfall, in the report's unit. */
  remaining: Numbers;
  /** The standard deviation of the remaining part as a share of it (0.02 for 2 %), ≥ 0. */
  spread: Numbers;
}

/** The risks that have both a probability and an economic consequence, by column. */
export interface IntervalRisks {
  /** A stable identity per risk (e.g. its folded name): its draws are derived from it. */
  key: readonly string[];
  /** Probability of occurring this year, 0…1. */
  probability: Numbers;
  /** Effect on the result when it occurs, in the report's unit, signed: a loss is negative. */
  consequence: Numbers;
}

export interface ForecastIntervalInput {
  /** The point forecast of Årets resultat exkl. över-/underskott, in the report's unit (exact to 9 decimals). */
  result: number;
  /** The forecast of the över-/underskott line (0 without one), in the report's unit. */
  carryover: number;
  posts: IntervalPosts;
  risks: IntervalRisks;
  /** Draws; default 20 000 (the setting `Simuleringar`). */
  simulations?: number;
  /** Default DEFAULT_SEED. */
  seed?: number;
  spreadSource: SpreadSource;
}

/** Percentiles of the simulated result and the probability that it ends below zero. */
export interface IntervalFigures {
  p10: number;
  p50: number;
  p90: number;
  /** The share of draws strictly below zero. */
  probabilityDeficit: number;
}

/** The JSON's `forecastInterval`. */
export interface ForecastInterval extends IntervalFigures {
  includingCarryover: IntervalFigures;
  simulations: number;
  spreadSource: SpreadSource;
}

/** The interval of the year's result. Throws RangeError on inputs no contract reader should let through. */
export function forecastInterval(input: ForecastIntervalInput): ForecastInterval {
  const deviations = simulateDeviations(input);
  deviations.sort();
  const including = exactSum(input.result, input.carryover);
  return {
    ...figures(deviations, input.result),
    includingCarryover: figures(deviations, including),
    simulations: deviations.length,
    spreadSource: input.spreadSource,
  };
}

/**
 * The simulated deviations from the point forecast, one per draw, in draw order: a draw of the result is
 * `point + deviation`. Exposed for tests and for callers that want more than three percentiles.
 */
export function simulateDeviations(input: ForecastIntervalInput): Float64Array {
  const n = input.simulations ?? DEFAULT_SIMULATIONS;
  const seed = input.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SIMULATIONS) throw new RangeError(`simulations must be a whole number 1…${MAX_SIMULATIONS}: ${n}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number: ${seed}`);
  for (const v of [input.result, input.carryover]) if (!Number.isFinite(v)) throw new RangeError(`the point forecast must be finite: ${v}`);
  const { posts, risks } = input;
  checkColumns("posts", posts.key, [posts.remaining, posts.spread], (i) => Number.isFinite(posts.remaining[i]) && posts.spread[i] >= 0 && posts.spread[i] < Infinity);
  checkColumns("risks", risks.key, [risks.probability, risks.consequence], (i) => risks.probability[i] >= 0 && risks.probability[i] <= 1 && Number.isFinite(risks.consequence[i]));

  const deviations = new Float64Array(n);
  const normals = new Float64Array(n);
  for (const { index, stream } of canonicalOrder(posts.key, posts.remaining, posts.spread)) {
    const sigma = posts.spread[index] * Math.abs(posts.remaining[index]);
    if (sigma === 0) continue;
    streamFor(seed, "post\u0000" + stream).fillNormals(normals);
    for (let i = 0; i < n; i++) deviations[i] += sigma * normals[i];
  }
  const bits = new Uint32Array(n);
  for (const { index, stream } of canonicalOrder(risks.key, risks.probability, risks.consequence)) {
    const p = risks.probability[index];
    const c = risks.consequence[index];
    if (p === 0 || c === 0) continue;
    // Occurs when 32 uniform bits fall below p × 2^32 (exact): with probability p to within 2^-32, and for a larger
    // p in every draw where it occurred at the smaller one.
    const threshold = p * 4294967296;
    streamFor(seed, "risk\u0000" + stream).fillUint32(bits);
    // c × 1 or c × 0 (adding 0 leaves a draw exactly as it was): no branch to mispredict when p is near ½.
    for (let i = 0; i < n; i++) deviations[i] += c * +(bits[i] < threshold);
  }
  return deviations;
}

/** P10, P50, P90 and the probability of a deficit of `point + deviation`, from the deviations sorted ascending. */
function figures(sorted: Float64Array, point: number): IntervalFigures {
  // x ↦ x + point is monotone in floating point too, so the sorted deviations shifted are the sorted draws.
  const draws = new Float64Array(sorted.length);
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] + point;
    draws[i] = x;
    if (x < 0) below++;
  }
  return {
    p10: round9(quantileSorted(draws, 0.1)),
    p50: round9(quantileSorted(draws, 0.5)),
    p90: round9(quantileSorted(draws, 0.9)),
    probabilityDeficit: quotient9(below, sorted.length),
  };
}

/**
 * The p-quantile of values sorted ascending, type 7 of Hyndman and Fan (1996), the default of R, NumPy and Excel's
 * PERCENTIL.INC: with h = (n − 1) p, the value at h counted from 0, interpolated linearly between its neighbours.
 * Written as (1 − g) a + g b and kept within [a, b], so it is monotone in p and in every value even after rounding.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) throw new RangeError(`quantile of ${n} values at ${p}`);
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const a = sorted[j];
  if (j >= n - 1) return a;
  const b = sorted[j + 1];
  const g = h - j;
  const q = (1 - g) * a + g * b;
  return q < a ? a : q > b ? b : q;
}

/** x rounded to 9 decimals (ECMAScript defines toFixed exactly, so this is the same in every engine). */
function round9(x: number): number {
  return Math.abs(x) < 1e21 ? Number(x.toFixed(9)) || 0 : x;
}

/** a + b for two report amounts exact to 9 decimals, exactly. */
function exactSum(a: number, b: number): number {
  return quotient9(add(nanos(a), nanos(b)), 1e9);
}

/**
 * Indices in the order of their keys (then of their values, so that rows with equal keys have one order too), each
 * with the key its stream is derived from: the key itself, and for a second row with the same key the key and its
 * ordinal. The order is by UTF-16 code units, not by locale, so it is the same in every engine.
 */
function canonicalOrder(keys: readonly string[], a: Numbers, b: Numbers): { index: number; stream: string }[] {
  const order = keys.map((_, i) => i);
  order.sort((i, j) => (keys[i] < keys[j] ? -1 : keys[i] > keys[j] ? 1 : a[i] - a[j] || b[i] - b[j]));
  let previous: string | null = null;
  let repeat = 0;
  return order.map((index) => {
    const key = keys[index];
    repeat = key === previous ? repeat + 1 : 0;
    previous = key;
    return { index, stream: repeat === 0 ? key : `${key}\u0000${repeat}` };
  });
}

function checkColumns(what: string, keys: readonly string[], columns: Numbers[], valid: (i: number) => boolean): void {
  for (const c of columns) if (c.length !== keys.length) throw new RangeError(`${what}: columns of different lengths`);
  for (let i = 0; i < keys.length; i++) if (!valid(i)) throw new RangeError(`${what}: row ${i} (${keys[i]}) out of range`);
}
