/**
 * Seeded random numbers whose whole sequence this file defines, so that one workbook gives the same simulation in
 * Node, in Excel's webview (V8 on Windows, JavaScriptCore on the Mac) and in any browser, today and after an engine
 * upgrade; never the platform's own unseeded generator.
 *
 * - Generator: xoshiro128** 1.1 (Blackman and Vigna, 2018): 128 bits of state, period 2^128 − 1, in 32-bit integer
 *   arithmetic (`Math.imul`, shifts, xor), which ECMAScript defines exactly.
 * - Streams: each post and each risk draws from a stream of its own, derived from the simulation's seed and a
 *   string key (the post's or the risk's name), so adding or removing one post or risk leaves the draws of all the
 *   others as they were (common random numbers): two runs that differ by one risk differ by that risk, not by
 *   reshuffled noise.
 * - Uniform doubles: 53 random bits, `k / 2^53`, exact.
 * - Standard normals: the ziggurat (Marsaglia and Tsang, 2000) with 256 layers, its layer index and its coordinate
 *   from disjoint bits of one 32-bit draw (Doornik, 2005, showed what sharing them costs). About 98.5 % of draws take
 *   one generator step, one comparison and one multiplication. The coordinate has 24 bits (a sign and 23), so those
 *   normals lie on a grid no coarser than 5·10^-7 (x[0] / 2^23), far below what 20 000 draws resolve; the tail
 *   beyond R is drawn from 53-bit uniforms and has no bound.
 *
 * Determinism across engines: besides exact integer operations and scaling by powers of two, only +, −, ×, ÷ and
 * `Math.sqrt` are used, which IEEE 754 requires to be correctly rounded (every engine compiles `Math.sqrt` to the
 * processor's square-root instruction), so the results are the same bits everywhere. The logarithm is not
 * `Math.log`: ECMAScript leaves its last bit to the engine (V8 ports fdlibm, JavaScriptCore calls the system's
 * libm), so `log` below is fdlibm's algorithm written in those exact operations. The ziggurat's tables are built
 * from these at load, and its one exponential, e^(−R²/2), is a constant.
 */

/** A stream of xoshiro128**: four 32-bit words of state, never all zero. */
export class Stream {
  /** The state, as signed 32-bit words. */
  readonly s = new Int32Array(4);

  constructor(a: number, b: number, c: number, d: number) {
    const s = this.s;
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  }

  /** The next 32 random bits as an unsigned integer, 0 … 2^32 − 1. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0], s1 = s[1], s2 = s[2] ^ s0, s3 = s[3] ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** A uniform double in [0, 1): 53 random bits (the high 27 of one draw, the high 26 of the next). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * TWO_POW_M53;
  }

  /** A uniform double in (0, 1), never 0 (for logarithms): (k + ½) / 2^53. */
  nextOpenDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b + 0.5) * TWO_POW_M53;
  }

  /** Fills `out` with the next `out.length` draws of nextUint32, in order. */
  fillUint32(out: Uint32Array): void {
    const st = this.s;
    let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3];
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const m = Math.imul(s1, 5);
      out[k] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  /** A standard normal deviate (mean 0, standard deviation 1). */
  nextNormal(): number {
    for (;;) {
      const w = this.nextUint32() | 0;
      const i = w & 255;
      const u = ((w >> 8) + 0.5) * TWO_POW_M23;
      if (Math.abs(u) < ZIG_RATIO[i]) return u * ZIG_X[i];
      const z = this.edge(i, u);
      if (z === z) return z;
    }
  }

  /**
   * Fills `out` with standard normals: the same values, in the same order, as `out.length` calls of `nextNormal`.
   * The common case runs on the state held in local variables.
   */
  fillNormals(out: Float64Array): void {
    const st = this.s;
    let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3];
    const n = out.length;
    for (let k = 0; k < n; ) {
      // One step of xoshiro128**, as in nextUint32 (w: the result as a signed 32-bit word).
      const m = Math.imul(s1, 5);
      const w = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const i = w & 255;
      const u = ((w >> 8) + 0.5) * TWO_POW_M23;
      if (Math.abs(u) < ZIG_RATIO[i]) {
        out[k++] = u * ZIG_X[i];
        continue;
      }
      st[0] = s0;
      st[1] = s1;
      st[2] = s2;
      st[3] = s3;
      const z = this.edge(i, u);
      s0 = st[0];
      s1 = st[1];
      s2 = st[2];
      s3 = st[3];
      if (z === z) out[k++] = z;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  /**
   * The ziggurat's rare case: the point u × x[i] lies outside the layer's inner rectangle. In the base layer it is
   * in the tail beyond R, drawn by Marsaglia's (1964) method; in another layer it is accepted when a uniform height
   * in the layer lies under the density e^(−z²/2), compared as −2 ln(height) > z², so no exponential is needed.
   * NaN: rejected, draw again.
   */
  private edge(i: number, u: number): number {
    if (i === 0) {
      let a: number, b: number;
      do {
        a = -log(this.nextOpenDouble()) / ZIG_R;
        b = -log(this.nextOpenDouble());
      } while (b + b < a * a);
      return u < 0 ? -(ZIG_R + a) : ZIG_R + a;
    }
    const z = u * ZIG_X[i];
    const height = ZIG_Y[i] + this.nextDouble() * (ZIG_Y[i + 1] - ZIG_Y[i]);
    return -2 * log(height) > z * z ? z : NaN;
  }
}

const TWO_POW_M53 = 1 / 9007199254740992;
const TWO_POW_M23 = 1 / 8388608;

// fdlibm's e_log.c (Sun Microsystems, 1993: "Permission to use, copy, modify, and distribute this software is
// freely granted, provided that this notice is preserved"), the algorithm V8's Math.log also ports. Its comments:
// reduce x to 2^k (1 + f) with √2/2 < 1 + f < √2; with s = f / (2 + f), log(1 + f) = f − s (f − R), where R is a
// minimax polynomial in s² of error below 2^-58.45; then add k·ln 2 in two parts. Error below 1 ulp.
const LN2_HI = 6.93147180369123816490e-1; // 3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const LG1 = 6.666666666666735130e-1; // 3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244
const TWO_POW_32 = 4294967296;

/**
 * The natural logarithm, computed as fdlibm computes it but without reading the double's bits: the exponent k and
 * the significand m in [1, 2) come from exact scaling by powers of two, and fdlibm's tests on the top 20 bits of the
 * significand from `(m − 1) × 2^20`, also exact. Everything else is +, −, × and ÷. The same bits on every engine.
 * For x ≤ 0, NaN and ∞ it answers as Math.log does.
 */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  let k = 0;
  let m = x;
  while (m >= TWO_POW_32) {
    m /= TWO_POW_32;
    k += 32;
  }
  while (m < 1 / TWO_POW_32) {
    m *= TWO_POW_32;
    k -= 32;
  }
  while (m >= 2) {
    m /= 2;
    k += 1;
  }
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  // hx: the top 20 bits of the significand (fdlibm's high word without sign and exponent).
  const hx = Math.floor((m - 1) * 1048576);
  // Normalise to [√2/2, √2): fdlibm halves m when hx ≥ 0x6a09c, i.e. when m ≥ about 1.41421.
  const i = (hx + 0x95f64) & 0x100000;
  if (i !== 0) {
    m /= 2;
    k += 1;
  }
  const f = m - 1;
  if (((2 + hx) & 0x000fffff) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - ((r - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if ((hx - 0x6147a | 0x6b851 - hx) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - ((s * (f - r) - k * LN2_LO) - f);
}

/**
 * A 32-bit hash of a string: MurmurHash3 (x86, 32-bit) over its UTF-16 code units, each taken as one 32-bit block,
 * under the given seed. Strings are UTF-16 in every engine, so the hash is too.
 */
export function hash32(key: string, seed: number): number {
  let h = seed | 0;
  for (let j = 0; j < key.length; j++) {
    let c = Math.imul(key.charCodeAt(j), 0xcc9e2d51);
    c = (c << 15) | (c >>> 17);
    c = Math.imul(c, 0x1b873593);
    h ^= c;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= key.length * 4;
  return fmix32(h);
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Salts for the four state words (the first digits of √2, √3, √5 and √7 as 32-bit fractions). */
const SALTS = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a];

/**
 * The stream for `key` under `seed`: its four state words are four independent 32-bit hashes of the key (different
 * salts mixed into the seed), so distinct keys get unrelated starting points in the generator's 2^128 states, and
 * the same key always the same one. Two keys share a stream only if all 128 bits collide.
 */
export function streamFor(seed: number, key: string): Stream {
  const w = SALTS.map((salt) => hash32(key, fmix32((seed ^ salt) >>> 0)));
  return new Stream(w[0], w[1], w[2], w[3]);
}

/**
 * The ziggurat for the normal density f(x) = e^(−x²/2), 256 layers of equal area V: R is the base layer's edge,
 * where the tail begins; R, V and f(R) solved to 50 digits (mpmath) so that the top layer closes at x = 0.
 */
const ZIG_LAYERS = 256;
export const ZIG_R = 3.654152885361009;
export const ZIG_V = 0.004928673233974655;
const ZIG_F_R = 0.0012602859304985975;
/** ZIG_X[i]: the width of layer i (ZIG_X[0] = V / f(R), the base with its tail; ZIG_X[256] = 0). */
export const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
/** ZIG_Y[i] = f(ZIG_X[i]): the layer's lower edge; ZIG_Y[256] = 1. */
export const ZIG_Y = new Float64Array(ZIG_LAYERS + 1);
/** ZIG_X[i + 1] / ZIG_X[i]: below it |u| falls inside the layer's inner rectangle, wholly under the density. */
const ZIG_RATIO = new Float64Array(ZIG_LAYERS);
{
  ZIG_X[0] = ZIG_V / ZIG_F_R;
  ZIG_X[1] = ZIG_R;
  ZIG_Y[1] = ZIG_F_R;
  // Equal areas: x[i−1] (y[i] − y[i−1]) = V, and x[i] = f⁻¹(y[i]) = √(−2 ln y[i]).
  for (let i = 2; i < ZIG_LAYERS; i++) {
    ZIG_Y[i] = ZIG_V / ZIG_X[i - 1] + ZIG_Y[i - 1];
    ZIG_X[i] = Math.sqrt(-2 * log(ZIG_Y[i]));
  }
  ZIG_X[ZIG_LAYERS] = 0;
  ZIG_Y[ZIG_LAYERS] = 1;
  for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
}
