import { ItemKind } from "../engine/types";

const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/**
 * Folds a name or header for matching: case, surrounding and repeated spaces, å/ä/ö (and other accents) ignored.
 * Ledgers repeat the same few thousand names many times over, so folded names are remembered (a pure cache).
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

const KINDS: Record<string, ItemKind> = {
  intakt: "revenue", intakter: "revenue",
  kostnad: "cost", kostnader: "cost",
  finansiell: "financial", finansiella: "financial", "finansiella poster": "financial", finansnetto: "financial",
  "over-/underskott": "carryover", "over/underskott": "carryover", "over- /underskott": "carryover", "over- och underskott": "carryover",
  overskott: "carryover", underskott: "carryover", resultatoverforing: "carryover", "rullat underskott": "carryover", "rullat overskott": "carryover",
};

/** True for a post whose name says it is a carried surplus or deficit (`Rullat underskott`, `Över-/underskott`). */
export function isCarryoverName(item: string | null): boolean {
  if (!item) return false;
  let is = carryoverNames.get(item);
  if (is === undefined) {
    const c = canon(item);
    is = c.includes("overskott") || c.includes("underskott") || c.includes("resultatoverforing");
    if (carryoverNames.size >= FOLD_CACHE_LIMIT) carryoverNames.clear();
    carryoverNames.set(item, is);
  }
  return is;
}

/** isCarryoverName's answers by name: a budget repeats the same posts under every ansvar (a pure cache). */
const carryoverNames = new Map<string, boolean>();

/** The kind a Typ text names, or null when it names none. */
export function parseKind(text: string): ItemKind | null {
  return KINDS[canon(text)] ?? null;
}

