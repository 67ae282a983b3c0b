import fc from "fast-check";
import { erf } from "mathjs";
import { forecastInterval, ForecastInterval, ForecastIntervalInput, quantileSorted, simulateDeviations } from "../../src/engine/forecastInterval";
import { GOLDEN_CARRYOVER, GOLDEN_POSTS } from "../../scripts/exampleWorkbook";
import { MAX_DRAWS, MIN_SIMULATIONS, simulationsFor } from "../../src/engine/outlook";

const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
/** Φ⁻¹(0.9). */
const Z90 = 1.2815515655446004;

interface Post {
  key: string;
  remaining: number;
  spread: number;
}
interface Risk {
  key: string;
  probability: number;
  consequence: number;
}

function input(result: number, carryover: number, posts: Post[], risks: Risk[], simulations = 2000, seed?: number): ForecastIntervalInput {
  return {
    result,
    carryover,
    posts: { key: posts.map((p) => p.key), remaining: Float64Array.from(posts, (p) => p.remaining), spread: Float64Array.from(posts, (p) => p.spread) },
    risks: { key: risks.map((r) => r.key), probability: Float64Array.from(risks, (r) => r.probability), consequence: Float64Array.from(risks, (r) => r.consequence) },
    simulations,
    seed,
    spreadSource: "setting",
  };
}

const run = (result: number, carryover: number, posts: Post[], risks: Risk[], simulations = 2000) => forecastInterval(input(result, carryover, posts, risks, simulations));

// Amounts in the report unit with up to 3 decimals, as a nämnd's mkr.
const amount = (max: number) => fc.integer({ min: -max * 1000, max: max * 1000 }).map((n) => n / 1000);
const key = fc.string({ minLength: 1, maxLength: 6 });
const post = fc.record({ key, remaining: amount(500), spread: fc.integer({ min: 0, max: 200 }).map((n) => n / 1000) });
const posts = fc.uniqueArray(post, { maxLength: 8, selector: (p) => p.key });
const probability = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
const risk = fc.record({ key, probability, consequence: amount(50) });
const risks = fc.uniqueArray(risk, { maxLength: 8, selector: (r) => r.key });
const loss = fc.record({ key: key.map((k) => `ny ${k}`), probability, consequence: amount(50).filter((c) => c < 0) });

function each(r: ForecastInterval): number[][] {
  return [
    [r.p10, r.p50, r.p90, r.probabilityDeficit],
    [r.includingCarryover.p10, r.includingCarryover.p50, r.includingCarryover.p90, r.includingCarryover.probabilityDeficit],
  ];
}

describe("quantiles (type 7: linear between order statistics, as R's default and Excel's PERCENTIL.INC)", () => {
  it("give R's values", () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    // R: quantile(1:10, c(0, 0.1, 0.5, 0.9, 1)) → 1.0 1.9 5.5 9.1 10.0
    expect([0, 0.1, 0.5, 0.9, 1].map((p) => quantileSorted(ten, p))).toEqual([1, 1.9, 5.5, 9.1, 10]);
    // R: quantile(c(1, 3, 7, 15), c(0.1, 0.5, 0.9)) → 1.6 5.0 12.6
    const four = [1, 3, 7, 15];
    expect(quantileSorted(four, 0.1)).toBeCloseTo(1.6, 12);
    expect(quantileSorted(four, 0.5)).toBe(5);
    expect(quantileSorted(four, 0.9)).toBeCloseTo(12.6, 12);
    expect(quantileSorted([42], 0.9)).toBe(42);
  });

  it("are monotone in p and stay between their neighbours, also in floating point", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p, q) => {
        const sorted = Float64Array.from(values).sort();
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        expect(quantileSorted(sorted, lo)).toBeLessThanOrEqual(quantileSorted(sorted, hi));
        const h = (sorted.length - 1) * lo;
        const v = quantileSorted(sorted, lo);
        expect(v).toBeGreaterThanOrEqual(sorted[Math.floor(h)]);
        expect(v).toBeLessThanOrEqual(sorted[Math.min(sorted.length - 1, Math.floor(h) + 1)]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the forecast interval: properties", () => {
  it("P10 ≤ P50 ≤ P90, excl. and incl. över-/underskott, and the deficit is a probability", () => {
    fc.assert(
      fc.property(amount(100), amount(20), posts, risks, (result, carryover, p, r) => {
        for (const [p10, p50, p90, deficit] of each(run(result, carryover, p, r, 500))) {
          expect(p10).toBeLessThanOrEqual(p50);
          expect(p50).toBeLessThanOrEqual(p90);
          expect(deficit >= 0 && deficit <= 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("with zero spread and no risks: all three are the point forecast and the deficit is 0 or 1", () => {
    const still = fc.uniqueArray(fc.record({ key, remaining: amount(500), spread: fc.constant(0) }), { maxLength: 6, selector: (p) => p.key });
    const noEffect = fc.uniqueArray(fc.record({ key, probability: fc.constant(0), consequence: amount(50) }), { maxLength: 3, selector: (r) => r.key });
    fc.assert(
      fc.property(amount(100), amount(20), still, noEffect, (result, carryover, p, r) => {
        const out = run(result, carryover, p, r, 300);
        // The point incl. över-/underskott, exactly (both are exact to 3 decimals here).
        const including = Math.round((result + carryover) * 1000) / 1000;
        expect([out.p10, out.p50, out.p90]).toEqual([result, result, result]);
        expect(out.probabilityDeficit).toBe(result < 0 ? 1 : 0);
        const inc = out.includingCarryover;
        expect([inc.p10, inc.p50, inc.p90]).toEqual([including, including, including]);
        expect(inc.probabilityDeficit).toBe(including < 0 ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });

  it("adding a risk with a negative consequence never raises a percentile nor lowers the probability of a deficit", () => {
    fc.assert(
      fc.property(amount(100), amount(20), posts, risks, loss, (result, carryover, p, r, added) => {
        const before = each(run(result, carryover, p, r, 500));
        const after = each(run(result, carryover, p, [...r, added], 500));
        for (let k = 0; k < 2; k++) {
          for (let q = 0; q < 3; q++) expect(after[k][q]).toBeLessThanOrEqual(before[k][q]);
          expect(after[k][3]).toBeGreaterThanOrEqual(before[k][3]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("raising a risk's probability never lowers the probability of a deficit (negative consequence)", () => {
    fc.assert(
      fc.property(amount(100), amount(20), posts, risks, loss, probability, (result, carryover, p, r, changed, higher) => {
        const low = { ...changed, probability: Math.min(changed.probability, higher) };
        const high = { ...changed, probability: Math.max(changed.probability, higher) };
        const before = each(run(result, carryover, p, [...r, low], 500));
        const after = each(run(result, carryover, p, [...r, high], 500));
        for (let k = 0; k < 2; k++) {
          expect(after[k][3]).toBeGreaterThanOrEqual(before[k][3]);
          for (let q = 0; q < 3; q++) expect(after[k][q]).toBeLessThanOrEqual(before[k][q]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same bits for the same inputs, and for the same posts and risks in any order", () => {
    fc.assert(
      fc.property(amount(100), amount(20), posts, risks, fc.integer(), (result, carryover, p, r, shuffleSeed) => {
        const a = simulateDeviations(input(result, carryover, p, r, 400));
        const b = simulateDeviations(input(result, carryover, [...p], [...r], 400));
        expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
        const shuffled = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: Math.imul(i + 1, shuffleSeed | 1) ^ (shuffleSeed >>> 7) })).sort((u, v) => u.k - v.k).map((u) => u.x);
        const c = simulateDeviations(input(result, carryover, shuffled(p), shuffled(r), 400));
        expect(Buffer.from(c.buffer).equals(Buffer.from(a.buffer))).toBe(true);
        const x = run(result, carryover, p, r, 400), y = run(result, carryover, shuffled(p).reverse(), shuffled(r).reverse(), 400);
        expect(each(y).flat().map((v) => Object.is(v, -0) ? "-0" : v)).toEqual(each(x).flat().map((v) => Object.is(v, -0) ? "-0" : v));
      }),
      { numRuns: 200 },
    );
  });

  it("leaves every other post's and risk's draws as they were when one is added (common random numbers)", () => {
    fc.assert(
      fc.property(posts, risks, post.map((p) => ({ ...p, key: `extra ${p.key}` })), (p, r, extra) => {
        const without = simulateDeviations(input(0, 0, p, r, 300));
        const withIt = simulateDeviations(input(0, 0, [...p, extra], r, 300));
        const alone = simulateDeviations(input(0, 0, [extra], [], 300));
        for (let i = 0; i < 300; i++) expect(withIt[i]).toBeCloseTo(without[i] + alone[i], 6);
      }),
      { numRuns: 100 },
    );
  });

  it("takes equal keys apart by their values, so their order does not matter either", () => {
    const twins: Risk[] = [
      { key: "Tvist", probability: 0.3, consequence: -2 },
      { key: "Tvist", probability: 0.6, consequence: -1 },
    ];
    const a = simulateDeviations(input(1, 0, [], twins, 1000));
    const b = simulateDeviations(input(1, 0, [], [...twins].reverse(), 1000));
    expect(Array.from(b)).toEqual(Array.from(a));
    // Two streams, not one: the risks do not always occur together.
    expect(new Set(a).size).toBe(4);
  });

  it("refuses what no contract reader should let through", () => {
    const ok = input(1, 0, [{ key: "a", remaining: 1, spread: 0.01 }], [{ key: "r", probability: 0.5, consequence: -1 }]);
    expect(() => forecastInterval({ ...ok, simulations: 0 })).toThrow(RangeError);
    expect(() => forecastInterval({ ...ok, simulations: 1.5 })).toThrow(RangeError);
    expect(() => forecastInterval({ ...ok, result: NaN })).toThrow(RangeError);
    expect(() => forecastInterval({ ...ok, risks: { ...ok.risks, probability: [1.2] } })).toThrow(RangeError);
    expect(() => forecastInterval({ ...ok, posts: { ...ok.posts, spread: [-0.01] } })).toThrow(RangeError);
    expect(() => forecastInterval({ ...ok, posts: { ...ok.posts, remaining: [1, 2] } })).toThrow(RangeError);
    expect(forecastInterval({ ...ok, simulations: 1 }).simulations).toBe(1);
  });
});

describe("the forecast interval against closed forms", () => {
  it("a single risk on a fixed point: two values, the type-7 quantiles of them, and a binomial share", () => {
    fc.assert(
      fc.property(amount(10).filter((x) => x > 0), probability, amount(20).filter((c) => c < 0), (point, p, c) => {
        const n = 20_000;
        const out = run(point, 0, [], [{ key: "risk", probability: p, consequence: c }], n);
        const hit = Number((point + c).toFixed(9));
        // The occurrences k: when the risk takes the result below zero, they are the deficits; otherwise count them.
        const devs = simulateDeviations(input(point, 0, [], [{ key: "risk", probability: p, consequence: c }], n));
        const k = devs.reduce((s, d) => s + (d < 0 ? 1 : 0), 0);
        expect(devs.every((d) => d === 0 || d === c)).toBe(true);
        if (hit < 0) expect(out.probabilityDeficit).toBe(Number((k / n).toFixed(9)));
        else expect(out.probabilityDeficit).toBe(0);
        // The sorted draws: k times point + c, then n − k times point. Type 7 at q: position h = (n − 1) q.
        const expected = (q: number) => {
          const h = (n - 1) * q, j = Math.floor(h), g = h - j;
          if (j + 1 <= k - 1) return hit;
          if (j >= k) return point;
          return Number(((1 - g) * (point + c) + g * point).toFixed(9));
        };
        expect([out.p10, out.p50, out.p90]).toEqual([expected(0.1), expected(0.5), expected(0.9)]);
        // k is binomial(n, p) (to within 2^-32 in p): within 5 standard errors.
        expect(Math.abs(k - n * p)).toBeLessThanOrEqual(5 * Math.sqrt(n * p * (1 - p)) + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("a single risk, worked: 30 % chance of losing 4,0 on a result of 1,5", () => {
    const out = run(1.5, -0.5, [], [{ key: "Tvist om avtal", probability: 0.3, consequence: -4 }], 20_000);
    expect([out.p10, out.p50, out.p90]).toEqual([-2.5, 1.5, 1.5]);
    expect(Math.abs(out.probabilityDeficit - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / 20_000));
    expect([out.includingCarryover.p10, out.includingCarryover.p50, out.includingCarryover.p90]).toEqual([-3, 1, 1]);
    expect(out.includingCarryover.probabilityDeficit).toBe(out.probabilityDeficit);
  });

  // The bundled example's posts (mkr): remaining part = forecast − actual, spread by the default setting.
  const examplePosts: Post[] = GOLDEN_POSTS.map((p) => ({ key: p.item, remaining: Number((p.forecast - p.actual).toFixed(9)), spread: p.type === "Intäkt" ? 0.02 : 0.01 }));
  const point = Number(GOLDEN_POSTS.reduce((s, p) => s + p.forecast, 0).toFixed(9));
  const sigma = Math.sqrt(examplePosts.reduce((s, p) => s + (p.spread * p.remaining) ** 2, 0));

  /**
   * The standard error of the sample q-quantile of n normal draws: √(q (1 − q) / n) / φ(z_q) × σ (the asymptotic
   * variance of a sample quantile, q (1 − q) / (n f(ξ_q)²)). 0,0121 σ at P10 and P90 and 0,0089 σ at P50 for 20 000.
   */
  const se = (q: number, n: number) => (Math.sqrt((q * (1 - q)) / n) / phi(Math.abs(q - 0.5) < 1e-12 ? 0 : Z90)) * sigma;

  it("a normal sum of independent posts: P10, P50, P90 within 4 standard errors of μ ∓ 1,2816 σ and μ", () => {
    expect(point).toBe(3.99);
    const n = 20_000;
    const out = run(point, GOLDEN_CARRYOVER.forecast, examplePosts, [], n);
    expect(Math.abs(out.p10 - (point - Z90 * sigma))).toBeLessThan(4 * se(0.1, n));
    expect(Math.abs(out.p50 - point)).toBeLessThan(4 * se(0.5, n));
    expect(Math.abs(out.p90 - (point + Z90 * sigma))).toBeLessThan(4 * se(0.9, n));
    const pd = Phi(-point / sigma);
    expect(Math.abs(out.probabilityDeficit - pd)).toBeLessThan(4 * Math.sqrt((pd * (1 - pd)) / n));
    // Incl. över-/underskott (−7,0): −3,0, below zero more often than not.
    const inc = out.includingCarryover;
    expect(Math.abs(inc.p50 - -3)).toBeLessThan(4 * se(0.5, n));
    const pdi = Phi(3 / sigma);
    expect(Math.abs(inc.probabilityDeficit - pdi)).toBeLessThan(4 * Math.sqrt((pdi * (1 - pdi)) / n));
  });

  it("… and over 40 seeds the errors, in standard errors, look like standard normals (mean and spread)", () => {
    const n = 20_000;
    const z: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const out = forecastInterval(input(point, 0, examplePosts, [], n, seed));
      z.push((out.p10 - (point - Z90 * sigma)) / se(0.1, n), (out.p50 - point) / se(0.5, n), (out.p90 - (point + Z90 * sigma)) / se(0.9, n));
    }
    // docs/prognosintervall.md: other random numbers seldom move the limits by more than 1 % of the interval's width.
    const width = 2 * Z90 * sigma;
    const moved = z.filter((x, i) => Math.abs(x) * se(i % 3 === 1 ? 0.5 : 0.1, n) > 0.01 * width).length;
    expect(moved / z.length).toBeLessThan(0.1);
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / (z.length - 1));
    // 120 z-scores (P10 and P90 of one run are correlated, so judge loosely): centred, and of about unit spread.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(40));
    expect(sd).toBeGreaterThan(0.7);
    expect(sd).toBeLessThan(1.3);
  });

  it("keeps its figures for the example from run to run and version to version (pinned: the same workbook, the same figures)", () => {
    const out = run(point, GOLDEN_CARRYOVER.forecast, examplePosts, [{ key: "Lägre intäkter från kunderna", probability: 0.5, consequence: -2.5 }], 20_000);
    expect(out).toEqual(PINNED);
  });
});

/** Written from the first run of the example above; a change here changes every workbook's figures. */
const PINNED: ForecastInterval = {
  p10: -4.804370723,
  p50: 2.705472484,
  p90: 10.280353913,
  probabilityDeficit: 0.32275,
  includingCarryover: { p10: -11.804370723, p50: -4.294527516, p90: 3.280353913, probabilityDeficit: 0.7661 },
  simulations: 20_000,
  spreadSource: "setting",
};

describe("the simulations a refresh makes", () => {
  it("are the setting's up to 200 posts and 200 risks, then fewer so posts × risks × draws stays bounded, never under the floor", () => {
    expect(simulationsFor(20_000, 200, 200)).toBe(20_000);
    expect(simulationsFor(50_000, 8, 3)).toBe(50_000);
    expect(simulationsFor(20_000, 2_500, 0)).toBe(3_200);
    expect(simulationsFor(20_000, 10_000, 0)).toBe(MIN_SIMULATIONS);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 5_000 }), (requested, posts, risks) => {
        const n = simulationsFor(requested, posts, risks);
        expect(n).toBeLessThanOrEqual(requested);
        expect(n >= Math.min(requested, MIN_SIMULATIONS)).toBe(true);
        if (n > MIN_SIMULATIONS && n < requested) expect(n * Math.max(1, posts + risks)).toBeLessThanOrEqual(MAX_DRAWS);
      }),
    );
  });
});
