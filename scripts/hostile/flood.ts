/**
 * Names that share one 32-bit FNV-1a hash, for the hash-flooding case: a name is `blocks` blocks of six letters,
 * and at each block there are two choices that take the hash from the same state to the same next state, so that
 * every one of the 2^blocks names ends in the same hash. Each pair is found by a birthday search from that state
 * (deterministic: the first pair a fixed sequence of blocks gives).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function step(h: number, bytes: readonly number[]): number {
  for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME);
  return h;
}

/** FNV-1a of a string's bytes (ASCII), as a signed 32-bit integer. */
export function fnv1a(s: string): number {
  return step(FNV_OFFSET, Array.from(Buffer.from(s, "latin1")));
}

/**
 * Two different six-letter blocks that take `h` to the same state, and that state: a birthday search over blocks
 * drawn by a fixed linear congruential sequence (about 80 000 draws; shorter blocks rarely collide at all).
 */
function collidingPair(h: number, seed: number): { a: string; b: string; next: number } {
  const seen = new Map<number, string>();
  let s = seed >>> 0;
  for (let i = 0; i < 4_000_000; i++) {
    const bytes: number[] = [];
    for (let k = 0; k < 6; k++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      bytes.push(97 + ((s >>> 16) % 26));
    }
    const block = String.fromCharCode(...bytes);
    const next = step(h, bytes);
    const other = seen.get(next);
    if (other !== undefined && other !== block) return { a: other, b: block, next };
    seen.set(next, block);
  }
  throw new Error("no colliding pair");
}

/** 2^blocks distinct names (lower-case letters, `prefix` first) with one FNV-1a hash. */
export function collidingNames(blocks: number, prefix = "h"): string[] {
  let h = step(FNV_OFFSET, Array.from(Buffer.from(prefix, "latin1")));
  const pairs: [string, string][] = [];
  for (let k = 0; k < blocks; k++) {
    const { a, b, next } = collidingPair(h, 2024 + k);
    pairs.push([a, b]);
    h = next;
  }
  const names: string[] = [];
  for (let m = 0; m < 2 ** blocks; m++) {
    let name = prefix;
    for (let k = 0; k < blocks; k++) name += pairs[k][(m >> k) & 1];
    names.push(name);
  }
  return names;
}
