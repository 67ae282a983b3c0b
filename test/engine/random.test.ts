import fc from "fast-check";
import { erf } from "mathjs";
import { hash32, log, Stream, streamFor, ZIG_R, ZIG_V, ZIG_X, ZIG_Y } from "../../src/engine/random";

/** Φ, the standard normal distribution function. */
const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));

/** The bits of a double as 16 hex digits. */
function hex(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, "0");
}

describe("xoshiro128**", () => {
  it("gives the reference implementation's sequence (Blackman and Vigna's C code, compiled with gcc)", () => {
    const a = new Stream(1, 2, 3, 4);
    expect(Array.from({ length: 8 }, () => a.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
    const b = new Stream(0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced1a2b);
    for (let i = 0; i < 1000; i++) b.nextUint32();
    expect(Array.from({ length: 4 }, () => b.nextUint32())).toEqual([237270739, 2933310093, 1463818769, 1718650321]);
  });

  it("never starts from the all-zero state, which would stay zero", () => {
    const s = new Stream(0, 0, 0, 0);
    expect(Array.from({ length: 4 }, () => s.nextUint32()).some((x) => x !== 0)).toBe(true);
  });

  it("fills arrays with the same draws, in order, as one call at a time", () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.integer({ min: 0, max: 300 }), (seed, key, n) => {
        const a = streamFor(seed, key), b = streamFor(seed, key);
        const bits = new Uint32Array(n);
        a.fillUint32(bits);
        expect(Array.from(bits)).toEqual(Array.from({ length: n }, () => b.nextUint32()));
        const normals = new Float64Array(n);
        a.fillNormals(normals);
        expect(Array.from(normals)).toEqual(Array.from({ length: n }, () => b.nextNormal()));
        expect(Array.from(a.s)).toEqual(Array.from(b.s));
      }),
      { numRuns: 200 },
    );
  });

  it("gives uniform doubles in [0, 1) that pass a chi-square test (100 bins, 100 000 draws, α = 0.001)", () => {
    const s = streamFor(1, "uniform");
    const bins = new Array(100).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = s.nextDouble();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 100)]++;
    }
    const e = n / 100;
    const chi2 = bins.reduce((sum, o) => sum + (o - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(148.23); // χ²(99) at 0.999
  });
});

describe("streams per key", () => {
  it("hash keys as MurmurHash3 x86_32 does their UTF-16 code units as 32-bit blocks (reference C code)", () => {
    expect(["", "a", "Personalkostnader", "Övriga intäkter"].map((k) => hash32(k, 42))).toEqual([142593372, 2359922212, 4158130903, 1784823265]);
  });

  it("give the same key the same draws and other keys or seeds other draws", () => {
    const draws = (seed: number, key: string) => {
      const s = streamFor(seed, key);
      return Array.from({ length: 4 }, () => s.nextUint32());
    };
    expect(draws(7, "Personalkostnader")).toEqual(draws(7, "Personalkostnader"));
    expect(draws(7, "Personalkostnader")).not.toEqual(draws(7, "Personalkostnader "));
    expect(draws(7, "Personalkostnader")).not.toEqual(draws(8, "Personalkostnader"));
  });

  it("are uncorrelated between neighbouring keys (|r| below 4 standard errors over 20 000 normals)", () => {
    const n = 20_000;
    const keys = ["Lön 1", "Lön 2", "Lön 3", "Lön 4", "a", "b"];
    const series = keys.map((k) => {
      const x = new Float64Array(n);
      streamFor(5, k).fillNormals(x);
      return x;
    });
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        let sxy = 0;
        for (let t = 0; t < n; t++) sxy += series[i][t] * series[j][t];
        expect(Math.abs(sxy / n)).toBeLessThan(4 / Math.sqrt(n));
      }
    }
  });
});

describe("log", () => {
  it("holds fdlibm's constants bit for bit", () => {
    // The literals of e_log.c read as the doubles its comments give in hex; a typo would show here.
    const { LN2_HI, LN2_LO } = { LN2_HI: 6.93147180369123816490e-1, LN2_LO: 1.90821492927058770002e-10 };
    expect(hex(LN2_HI)).toBe("3fe62e42fee00000");
    expect(hex(LN2_LO)).toBe("3dea39ef35793c76");
  });

  it("is within one unit in the last place of Math.log everywhere, and equal to it on most inputs", () => {
    const s = streamFor(9, "log");
    let equal = 0, compared = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (1 + s.nextDouble()) * 2 ** (Math.floor(s.nextDouble() * 2098) - 1074);
      if (!(x > 0) || x === Infinity) continue;
      compared++;
      const a = log(x), b = Math.log(x);
      if (a === b) equal++;
      else expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * 2 ** -52);
    }
    // V8's Math.log is a port of the same fdlibm code: on Node they agree everywhere (an engine with another libm
    // would differ in the last bit here and there, which is why the simulation does not use Math.log).
    expect(compared).toBeGreaterThan(190_000);
    expect(equal / compared).toBeGreaterThan(0.99);
  });

  it("keeps its own values (pinned bits: these make every host's normals; each is ln x correctly rounded)", () => {
    const cases: [number, string][] = [
      [0.5, "bfe62e42fefa39ef"],
      [1e-300, "c085963447f87fb5"],
      [0.7071, "bfd62e6b3842a25e"],
      [1.4142, "3fd62e1ac5b1d181"],
      [1.00000001, "3e45798ede32d4d7"],
      [0.9999999999, "bddb7ce00005e728"],
      [3, "3ff193ea7aad030a"],
      [1e300, "4085963447f87fb5"],
      [5e-324, "c0874385446d71c3"],
    ];
    expect(cases.map(([x]) => hex(log(x)))).toEqual(cases.map(([, h]) => h));
  });

  it("answers the special cases as Math.log does", () => {
    for (const x of [0, -0, -1, NaN, Infinity, 1]) expect(log(x)).toBe(Math.log(x));
  });
});

describe("normals (ziggurat)", () => {
  it("stack 256 layers of equal area that close at the top", () => {
    for (let i = 1; i < 256; i++) expect(Math.abs(ZIG_X[i] * (ZIG_Y[i + 1] - ZIG_Y[i]) - ZIG_V) / ZIG_V).toBeLessThan(1e-12);
    // The base layer: the rectangle under f(R) plus the tail beyond R, ∫_R^∞ e^(−x²/2) dx = √(π/2) erfc(R/√2).
    const tail = Math.sqrt(Math.PI / 2) * (1 - erf(ZIG_R / Math.SQRT2));
    expect(Math.abs(ZIG_R * ZIG_Y[1] + tail - ZIG_V) / ZIG_V).toBeLessThan(1e-9);
    expect(ZIG_Y[1]).toBeCloseTo(Math.exp(-ZIG_R * ZIG_R / 2), 17);
  });

  const n = 400_000;
  const draws = new Float64Array(n);
  streamFor(11, "normal").fillNormals(draws);
  const sorted = Float64Array.from(draws).sort();

  it("pass a Kolmogorov–Smirnov test against Φ (400 000 draws, α = 0.001)", () => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = Phi(sorted[i]);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    expect(d).toBeLessThan(1.949 / Math.sqrt(n));
  });

  it("have mean 0, variance 1 and kurtosis 3 within 4 standard errors", () => {
    let m1 = 0, m2 = 0, m4 = 0;
    for (const z of draws) {
      m1 += z;
      m2 += z * z;
      m4 += z ** 4;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it("reach the tail beyond the base layer as often as Φ says (the ziggurat's rare path)", () => {
    const big = 2_000_000;
    const s = streamFor(12, "tail");
    const chunk = new Float64Array(100_000);
    const edges = [ZIG_R, 4.5];
    const counts = [0, 0];
    for (let k = 0; k < big / chunk.length; k++) {
      s.fillNormals(chunk);
      for (const z of chunk) for (let e = 0; e < edges.length; e++) if (Math.abs(z) > edges[e]) counts[e]++;
    }
    for (let e = 0; e < edges.length; e++) {
      const p = 2 * (1 - Phi(edges[e]));
      expect(Math.abs(counts[e] - big * p)).toBeLessThan(4 * Math.sqrt(big * p * (1 - p)));
    }
  });

  it("fall in each decile of Φ as often as they should (χ², 10 bins, α = 0.001)", () => {
    const cuts = [-1.2815515655446004, -0.8416212335729143, -0.5244005127080407, -0.2533471031357997, 0, 0.2533471031357997, 0.5244005127080407, 0.8416212335729143, 1.2815515655446004];
    const bins = new Array(10).fill(0);
    for (const z of draws) {
      let b = 0;
      while (b < 9 && z >= cuts[b]) b++;
      bins[b]++;
    }
    const chi2 = bins.reduce((s, o) => s + (o - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // χ²(9) at 0.999
  });
});
