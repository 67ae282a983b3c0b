/**
 * A small Swedish grammar for the report's prose: nouns with their four forms and gender, number words, adjective
 * and participle agreement, lists joined with "och", and sentences assembled from words so that spacing,
 * capitalisation and the closing full stop follow from the grammar rather than from string concatenation.
 *
 * Style follows Språkrådet's Svenska skrivregler: whole numbers of things up to twelve are written as words
 * (två risker, tolv konton), larger ones as digits with a non-breaking space between thousands (1 234 konton);
 * a number with a unit is always digits (4,5 mnkr, 95 s, 2,2 %).
 */

export type Gender = "utrum" | "neutrum";

/** A count noun: indefinite and definite, singular and plural, and the gender that agreement follows. */
export interface Noun {
  readonly sg: string;
  readonly sgDef: string;
  readonly pl: string;
  readonly plDef: string;
  readonly gender: Gender;
}

export function noun(sg: string, sgDef: string, pl: string, plDef: string, gender: Gender): Noun {
  return { sg, sgDef, pl, plDef, gender };
}

/** An adjective or participle in its three agreeing forms: en uppfylld indikator, ett uppfyllt mål, uppfyllda mål. */
export interface Adjective {
  readonly utrum: string;
  readonly neutrum: string;
  readonly plural: string;
}

export function adjective(utrum: string, neutrum: string, plural: string): Adjective {
  return { utrum, neutrum, plural };
}

const NBSP = "\u00a0";

const WORDS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];

/** The largest whole number written as a word when counting things. */
export const LARGEST_NUMBER_WORD = 12;

/** Digits with a non-breaking space between thousands: 1 234. */
export function digits(n: number): string {
  const sign = n < 0 ? "\u2212" : "";
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * A whole number as it is written when counting things of a gender: 1 → en/ett, 2 → två, 13 → 13.
 * Throws for anything that is not a whole, non-negative number: a count of things is never a fraction.
 */
export function numberWord(n: number, gender: Gender): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (n === 1) return gender === "neutrum" ? "ett" : "en";
  return n <= LARGEST_NUMBER_WORD ? WORDS[n] : digits(n);
}

/** "ingen risk", "inget konto": the negative quantifier, which Swedish uses for zero things. */
export function none(of: Noun): string {
  return `${of.gender === "neutrum" ? "inget" : "ingen"} ${of.sg}`;
}

/** A counted noun phrase: "en risk", "ett konto", "två risker", "13 indikatorer"; zero is "inga risker". */
export function counted(n: number, of: Noun): string {
  if (n === 0) return `inga ${of.pl}`;
  return `${numberWord(n, of.gender)} ${n === 1 ? of.sg : of.pl}`;
}

/** The number alone, agreeing with the noun it stands for: "två (risker) är…", "en (indikator) är…". */
export function countWord(n: number, of: Noun): string {
  return n === 0 ? (of.gender === "neutrum" ? "inget" : "ingen") : numberWord(n, of.gender);
}

/** The form of an adjective that agrees with `n` things of `of`'s gender: uppfylld, uppfyllt, uppfyllda. */
export function agree(adj: Adjective, n: number, of: Noun): string {
  if (n !== 1) return adj.plural;
  return of.gender === "neutrum" ? adj.neutrum : adj.utrum;
}

/** The noun in the number `n` needs: "risk" / "risker". */
export function nounFor(n: number, of: Noun, definite = false): string {
  if (definite) return n === 1 ? of.sgDef : of.plDef;
  return n === 1 ? of.sg : of.pl;
}

/** Joins items as Swedish lists them: "a", "a och b", "a, b och c" (no comma before och). */
export function list(items: readonly string[], conjunction = "och"): string {
  const parts = items.filter((s) => s.trim() !== "");
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${conjunction} ${parts[parts.length - 1]}`;
}

/**
 * A name as it stands inside a sentence: its first letter lower-cased ("Personalkostnader" → "personalkostnader"),
 * unless the name is an acronym or starts with one (IT-kostnader, NKI), or is a proper name the caller keeps as is.
 */
export function inSentence(name: string): string {
  const trimmed = name.trim();
  const first = trimmed.charAt(0);
  const second = trimmed.charAt(1);
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return trimmed;
  return first.toLowerCase() + trimmed.slice(1);
}

/** The first letter upper-cased, the rest kept. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One part of a sentence: a word or phrase, or nothing (null, false, "") when a condition leaves it out. */
export type Part = string | null | false | undefined;

const CLOSING = /^([,.;:!?)]|”$)/;

/**
 * Joins the parts of a phrase: one space between parts, none before a comma, a full stop or a closing bracket and
 * none after an opening one. Empty parts are left out, so a phrase never gets a double space.
 */
export function phrase(...parts: Part[]): string {
  let s = "";
  for (const p of parts) {
    if (!p) continue;
    const t = p.trim();
    if (!t) continue;
    if (s === "" || CLOSING.test(t) || s.endsWith("(")) s += t;
    else s += " " + t;
  }
  return s;
}

/** A whole sentence from its parts: a phrase with its first letter capitalised and one full stop. "" when empty. */
export function sentence(...parts: Part[]): string {
  const s = phrase(...parts);
  if (s === "") return "";
  return capitalise(/[.!?]$/.test(s) ? s : s + ".");
}

/** Sentences side by side as a paragraph; empty ones left out. Returns "" for a paragraph without sentences. */
export function paragraph(...sentences: Part[]): string {
  return sentences.filter((s): s is string => !!s && s.trim() !== "").map((s) => s.trim()).join(" ");
}

/** The word of a pair that a sign calls for: positive → the first, negative → the second. */
export function bySign<T>(value: number, positive: T, negative: T): T {
  return value >= 0 ? positive : negative;
}
