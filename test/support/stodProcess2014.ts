/**
 * Stöd & process, delår 2 2014: a support division's summarised workbook (input in tkr with decimals, report in
 * mkr, a budget in balance: the posts add up to exactly 0) and the same figures as a ledger export (kronor, debit
 * positive, Kommun-Bas accounts, two balance-sheet accounts mixed in, a Kontoplan mapping the accounts back to the
 * posts). The two must give the same report.
 */
import { SheetRange } from "./sheets";

/** Post, Typ, Helår, Utfall (jan–aug), Utfall fg år, Prognos (tkr). */
export const POSTS: [string, string, number, number, number, number][] = [
  ["Interna intäkter", "Intäkt", 45230.5, 30412.8, 29871.2, 45610.0],
  ["Externa intäkter", "Intäkt", 3120.0, 2215.4, 1998.7, 3300.0],
  ["Personalkostnader", "Kostnad", -31450.2, -20711.9, -20102.3, -31210.5],
  ["Lokalkostnader", "Kostnad", -6210.0, -4140.0, -4098.4, -6210.0],
  ["Övriga kostnader", "Kostnad", -9870.3, -6802.5, -6512.0, -10150.0],
  ["Kapitalkostnader", "Kostnad", -820.0, -540.7, -566.1, -812.3],
];

const SETTINGS = (unitIn: string): SheetRange => ({
  rows: [["Inställning", "Värde"], ["Organisation", "Stöd & process"], ["År", 2014], ["Period", 8], ["Enhet in", unitIn], ["Enhet ut", "mkr"]],
});

export function summarised(): Record<string, SheetRange> {
  return {
    Budget: { rows: [["Post", "Typ", "Helår"], ...POSTS.map(([p, t, b]) => [p, t, b])] },
    Utfall: { rows: [["Post", "Utfall", "Utfall fg år", "Prognos"], ...POSTS.map(([p, , , a, f, g]) => [p, a, f, g])] },
    Inställningar: SETTINGS("tkr"),
  };
}

/** Accounts of each post and the share each takes (the last takes the rest). */
const ACCOUNTS: Record<string, [string, number][]> = {
  "Interna intäkter": [["3711", 0.55], ["3791", 0]],
  "Externa intäkter": [["3111", 0.7], ["3411", 0]],
  Personalkostnader: [["5011", 0.69], ["5411", 0]],
  Lokalkostnader: [["6011", 1]],
  "Övriga kostnader": [["4011", 0.2], ["6411", 0.5], ["7011", 0]],
  Kapitalkostnader: [["7911", 0.8], ["8511", 0]],
};

export const KONTOPLAN: [string, string, string][] = [
  ["37", "Interna intäkter", "Intäkt"],
  ["31", "Externa intäkter", "Intäkt"],
  ["34", "Externa intäkter", "Intäkt"],
  ["40-44", "Övriga kostnader", "Kostnad"],
  ["79", "Kapitalkostnader", "Kostnad"],
  ["8511", "Kapitalkostnader", "Kostnad"],
];

/** Kronor split into shares, with öre on all but the last part; the parts add up exactly. */
function split(kronor: number, shares: [string, number][]): number[] {
  const parts = shares.slice(0, -1).map(([, s]) => Math.round(kronor * s * 100 + 41) / 100);
  return [...parts, Math.round((kronor - parts.reduce((a, b) => a + b, 0)) * 100) / 100];
}

export function ledger(): Record<string, SheetRange> {
  const rows: (string | number)[][] = [["KONTO", "BUDGET 2014", "UTFALL ACK", "UTFALL FG ACK", "PRG", "MOTPART"]];
  for (const [post, , b, a, f, g] of POSTS) {
    const accounts = ACCOUNTS[post];
    const [bs, as, fs, gs] = [b, a, f, g].map((tkr) => split(Math.round(tkr * 1000), accounts));
    accounts.forEach(([account], k) => rows.push([account, -bs[k] || 0, -as[k] || 0, -fs[k] || 0, -gs[k] || 0, "000"]));
  }
  rows.splice(4, 0, ["1930", 0, 2500000, 2100000, 0, "000"]);
  rows.push(["2510", 0, -180000.5, -150000, 0, "000"]);
  return {
    Huvudbok: { rows },
    Kontoplan: { rows: [["Konto", "Post", "Typ"], ...KONTOPLAN] },
    Inställningar: SETTINGS("kr"),
  };
}
