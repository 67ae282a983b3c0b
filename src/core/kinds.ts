/**
 * The kinds of income-statement lines, their small codes for columnar rows, and the Typ texts that name them.
 */
import { canon, FOLD_CACHE_LIMIT, own } from "./text";

/**
 * Kinds of income-statement lines, in the order a report shows them. `carryover` is a surplus or deficit carried
 * from earlier years (över-/underskott): not part of the year's own result, shown after it.
 */
export type ItemKind = "revenue" | "cost" | "financial" | "carryover";

/** The kinds as small codes, for columnar rows: the code of a kind is its index here. */
export const KIND_CODES: readonly ItemKind[] = ["revenue", "cost", "financial", "carryover"];
/** Code for "no Typ given" in outcome rows. */
export const NO_KIND = 255;

const KINDS: Record<string, ItemKind> = {
  intakt: "revenue", intakter: "revenue",
  kostnad: "cost", kostnader: "cost",
  finansiell: "financial", finansiella: "financial", "finansiella poster": "financial", finansnetto: "financial",
  "over-/underskott": "carryover", "over/underskott": "carryover", "over- /underskott": "carryover", "over- och underskott": "carryover",
  overskott: "carryover", underskott: "carryover", resultatoverforing: "carryover", "rullat underskott": "carryover", "rullat overskott": "carryover",
};

/** The kind a Typ text names, or null when it names none. */
export function parseKind(text: string): ItemKind | null {
  return own(KINDS, canon(text)) ?? null;
}

/** isCarryoverName's answers by name: a budget repeats the same posts under every ansvar (a pure cache). */
const carryoverNames = new Map<string, boolean>();

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
