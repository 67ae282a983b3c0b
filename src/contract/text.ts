import { ItemKind } from "../engine/types";

/** Folds a name or header for matching: case, surrounding and repeated spaces, å/ä/ö (and other accents) ignored. */
export function canon(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

const KINDS: Record<string, ItemKind> = {
  intakt: "revenue", intakter: "revenue",
  kostnad: "cost", kostnader: "cost",
  finansiell: "financial", finansiella: "financial", "finansiella poster": "financial", finansnetto: "financial",
};

/** The kind a Typ text names, or null when it names none. */
export function parseKind(text: string): ItemKind | null {
  return KINDS[canon(text)] ?? null;
}

