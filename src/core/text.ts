const folded = new Map<string, string>();
/** How many folded names are remembered before the cache starts over. */
export const FOLD_CACHE_LIMIT = 200_000;

/**
 * Folds a name or header for matching: case, surrounding and repeated spaces, å/ä/ö (and other accents) ignored.
 * Ledgers repeat the same few thousand names many times over, so folded names are remembered (a pure cache).
 *
 *   canon("  Lön  ")   // "lon"
 */
export function canon(s: string): string {
  let c = folded.get(s);
  if (c === undefined) {
    c = s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\s\u00a0\u202f]+/g, " ")
      .trim()
      .toLowerCase();
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    folded.set(s, c);
  }
  return c;
}

/**
 * `table[key]` for the table's own keys only, or undefined: a lookup by text from a workbook must not find
 * `constructor` or another name every object inherits.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
