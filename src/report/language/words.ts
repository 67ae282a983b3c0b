/**
 * Amounts, percentages and results as the report's prose writes them: digits with a decimal comma and a
 * non-breaking space before the unit, a real minus sign, and signs turned into words where a reader expects words
 * (ett överskott, ett underskott, bättre, sämre, högre, lägre).
 */
import { roundReport } from "../../engine/amounts";
import { swedishNumber } from "../../findings/params";
import { ItemKind } from "../../core/kinds";
import { AmountUnit } from "../../core/units";
import { LARGEST_NUMBER_WORD, numberWord } from "./grammar";

export const MINUS = "\u2212";
const NBSP = "\u00a0";

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** `1 234,5`: grouped digits, decimal comma, a real minus; `+` on request. Never −0. */
export function formatNumber(n: number, decimals: number, withPlus = false): string {
  return swedishNumber(roundReport(n, decimals), { decimals, plus: withPlus });
}

/** The unit as Swedish reports write it: kr, tkr, mnkr. */
export function unitWord(unit: AmountUnit): string {
  return unit === "mkr" ? "mnkr" : unit;
}

/** How the prose writes the amounts of one report: its unit and decimals. */
export class Voice {
  constructor(
    readonly decimals: number,
    readonly unit: AmountUnit,
  ) {}

  /** True when an amount prints as zero. */
  isZero(n: number): boolean {
    return roundReport(n, this.decimals) === 0;
  }

  /** `4,5 mnkr` (the size, no sign). */
  size(n: number): string {
    return `${formatNumber(Math.abs(n), this.decimals)}${NBSP}${unitWord(this.unit)}`;
  }

  /** `+4,5 mnkr`, `−4,5 mnkr`, `0,0 mnkr`. */
  signed(n: number): string {
    return `${formatNumber(n, this.decimals, true)}${NBSP}${unitWord(this.unit)}`;
  }

  /** `4,5 mnkr` with a minus when negative, no plus. */
  plain(n: number): string {
    return `${formatNumber(n, this.decimals)}${NBSP}${unitWord(this.unit)}`;
  }

  /** A result as words: "ett överskott på 4,0 mnkr", "ett underskott på 3,0 mnkr", "ett resultat i balans". */
  result(n: number): string {
    if (this.isZero(n)) return "ett resultat i balans";
    return `${n > 0 ? "ett överskott" : "ett underskott"} på ${this.size(n)}`;
  }
}

/** `1,3 %` from a share 0.013 (the size, no sign). */
export function percentSize(share: number, decimals = 1): string {
  return `${formatNumber(Math.abs(share) * 100, decimals)}${NBSP}%`;
}

/** A probability as a percentage: whole per cent without decimals (`20 %`), others with one (`2,5 %`). */
export function probabilityText(share: number): string {
  const points = roundReport(share * 100, 1);
  return percentSize(share, Number.isInteger(points) ? 0 : 1);
}

/**
 * A change in per cent as prose writes it when the word "procent" is spelled out: whole numbers up to twelve as
 * words ("en procent", "två procent"), others as digits ("2,5 procent", "15 procent").
 */
export function percentWords(share: number): string {
  const p = Math.abs(share) * 100;
  const rounded = roundReport(p, 1);
  if (Number.isInteger(rounded) && rounded >= 1 && rounded <= LARGEST_NUMBER_WORD) return `${numberWord(rounded, "utrum")} procent`;
  return `${formatNumber(rounded, Number.isInteger(rounded) ? 0 : 1)} procent`;
}

/** The period in words: `januari 2024` or `januari–augusti 2024`. */
export function periodWords(months: number, year: number): string {
  return months === 1 ? `januari ${year}` : `januari–${MONTHS[months - 1]} ${year}`;
}

/** The month a period ends in: `april`. */
export function monthWord(month: number): string {
  return MONTHS[month - 1];
}

/** "april 2024": when a forecast was made, as the report names it. */
export function forecastWhen(year: number, period: number): string {
  return `${MONTHS[period - 1]} ${year}`;
}

/** Whether a variance of a line makes its amount higher or lower: revenue up is favourable, cost up is not. */
export function higherOrLower(kind: ItemKind, variance: number): "högre" | "lägre" {
  if (kind === "cost") return variance < 0 ? "högre" : "lägre";
  return variance > 0 ? "högre" : "lägre";
}

/** "bättre" / "sämre" for a favourable / unfavourable difference. */
export function betterOrWorse(difference: number): "bättre" | "sämre" {
  return difference > 0 ? "bättre" : "sämre";
}

/** "förbättrar" / "försämrar" for an effect on the result. */
export function improvesOrWorsens(effect: number): "förbättrar" | "försämrar" {
  return effect > 0 ? "förbättrar" : "försämrar";
}

/** Units of indicators as Swedish writes them: "sek" → "s", "procent" → "%". */
export function unitSymbol(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim();
  const known: Record<string, string> = { sek: "s", sekund: "s", sekunder: "s", "sek.": "s", procent: "%", minuter: "min", "min.": "min", timmar: "h", tim: "h", st: "st", "st.": "st", stycken: "st", dagar: "dagar", kr: "kr", kronor: "kr" };
  return known[u.toLowerCase()] ?? u;
}
