import { AmountUnit } from "../core/units";
import { roundReport } from "../engine/amounts";
import { swedishNumber } from "../findings/params";

const NBSP = "\u00a0";

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/**
 * Rounds half away from zero to `decimals`, never giving −0. The figures are exact to 9 decimals (see
 * engine/amounts.ts), so 2.45 rounds to 2.5 although the double nearest 2.45 lies just below it.
 */
export function roundTo(n: number, decimals: number): number {
  return roundReport(n, decimals);
}

/**
 * `1 234,5` with a non-breaking space between thousands and a Unicode minus: how Swedish reports print numbers.
 * Rounded exactly here, written by the same `swedishNumber` the message catalogue uses.
 */
export function formatNumber(n: number, decimals: number, withPlus = false): string {
  return swedishNumber(roundTo(n, decimals), { decimals, plus: withPlus });
}

/** The unit as Swedish reports write it: kr, tkr, mnkr. */
export function unitWord(unit: AmountUnit): string {
  return unit === "mkr" ? "mnkr" : unit;
}

/** `4,5 mnkr`; `+15,7 mnkr` with `withPlus`. */
export function formatAmount(n: number, decimals: number, unit: AmountUnit, withPlus = false): string {
  return `${formatNumber(n, decimals, withPlus)}${NBSP}${unitWord(unit)}`;
}

/** `12,5 %` from a share 0.125. */
export function formatPercent(share: number, decimals = 1): string {
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

/** The period in words: `januari 2024` or `januari–augusti 2024`. */
export function periodWords(months: number, year: number): string {
  return months === 1 ? `januari ${year}` : `januari–${MONTHS[months - 1]} ${year}`;
}

/** `1 indikator` / `3 indikatorer`. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Joins `a`, `a och b`, `a, b och c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** Lower-cases the first letter of a name for use mid-sentence, leaving acronyms (IT-kostnader) alone. */
export function midSentence(name: string): string {
  if (name.length > 1 && name[1] === name[1].toUpperCase() && name[1] !== name[1].toLowerCase()) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Sentence subject for an income-statement line: `Personalkostnaderna`, or `Utfallet för köp av verksamhet`. */
export function itemSubject(item: string): string {
  if (/^[A-ZÅÄÖ][a-zåäö]*(kostnader|intäkter)$/.test(item)) return item + "na";
  return `Utfallet för ${midSentence(item)}`;
}
