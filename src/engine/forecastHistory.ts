/**
 * What the forecast history (`Prognoshistorik`, contract v3) tells: how the forecast moved since the last report
 * (Prognosförändring), how accurate earlier forecasts were (Prognossäkerhet), and how much a post's remaining part
 * has missed in earlier years (the spread of the forecast interval).
 *
 * The history seen here is the workbook's rows with the current refresh in place of the rows of the current
 * (År, Period): what the sheet holds once this refresh has written it (and what it would hold with
 * `Spara prognoshistorik = Nej`, where nothing is written but the current forecast is still the current one).
 *
 * Amounts come in the input unit, signed as the report signs them, and are summed exactly (amounts.ts); figures go
 * out in the report's unit, exact to 9 decimals. Names are matched through the caller's folding (the contract's:
 * case, diacritics, spaces); a post is a name and a Typ. Rows whose ansvar or post the current workbook no longer
 * has are kept in every sum (they were part of the nämnd's forecast then) and listed in `unknown` for a notice.
 * Two rows for the same key and period are the reader's to refuse; here they would simply add up.
 */
import { ItemKind, KIND_CODES } from "../core/kinds";
import { AmountUnit } from "../core/units";
import { AmountScale, decimalsOf, share } from "./amounts";
import { add, Int, sub } from "./exact";

/** One row of `Prognoshistorik` as read. Amounts in the input unit (`Enhet in`), signed as the report signs them. */
export interface HistoryRow {
  year: number;
  /** Months elapsed when the forecast was made, 1–12. */
  period: number;
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  /** The full-year forecast, or null for an empty cell (a row without a forecast). */
  forecast: number | null;
  /** The outcome so far at that period; an empty cell (null) counts as 0, as in `Utfall`. */
  actual: number | null;
}

/** One line of the current refresh, per ansvar and post, as the engine has it. Amounts in the input unit. */
export interface CurrentLine {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  /** The forecast, or null when the line has none. */
  forecast: number | null;
  actual: number;
  /** This year's budget (Helår), for Prognossäkerhet's percentages at period 12. */
  budgetYear: number;
}

/** The spread of a post's remaining part, as a share of it, per kind (the setting `Prognososäkerhet`). */
export interface KindSpread {
  revenue: number;
  cost: number;
  financial: number;
}

/**
 * The contract's default `Intäkt 2 %; Kostnad 1 %`. Finansiell, which the default does not name, takes Kostnad's
 * 1 %: a nämnd's financial posts are small and mostly known (interest on a known debt).
 */
export const DEFAULT_SPREAD: Readonly<KindSpread> = { revenue: 0.02, cost: 0.01, financial: 0.01 };

/** Earlier years needed at the same period, with their outcome, before the history sets the spread. */
export const MIN_HISTORY_YEARS = 3;

export interface ForecastHistoryInput {
  rows: readonly HistoryRow[];
  /** The current År and Period. */
  year: number;
  period: number;
  current: readonly CurrentLine[];
  unitIn: AmountUnit;
  unitOut: AmountUnit;
  /** How names are compared: the contract's folding (the caller passes it; the engine does not read text). */
  fold: (text: string) => string;
  /** The report's decimals: a percentage of a cost base that prints as zero is null. Default 1. */
  decimals?: number;
  /** The setting `Prognososäkerhet`; default DEFAULT_SPREAD. */
  settingSpread?: KindSpread;
}

/** A forecast now and at the previous period, in the report's unit. */
export interface Change {
  /** Null when there is no forecast now (the line or ansvar is gone, or has no forecast). */
  forecast: number | null;
  /** Null when the previous period had none. */
  forecastPrevious: number | null;
  /** forecast − forecastPrevious: positive is an improvement (more revenue or less cost). Null unless both exist. */
  forecastChange: number | null;
}

export interface LineChange extends Change {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
}

/** Prognosförändring against the latest earlier period of the same year that has a forecast. */
export interface ForecastChange {
  previousPeriod: number;
  /** The current lines, in their order. */
  lines: LineChange[];
  /** Lines of the previous period that the current forecast no longer has (counted in the totals). */
  previousOnly: LineChange[];
  totals: ChangeTotals;
  /** Per post summed over ansvar (the resultaträkning's lines), current ones first, then those only the previous period had. */
  posts: LineChange[];
  /** Per ansvar (when the workbook has ansvar), current ones first, then those only the previous period had. */
  responsibilities: { responsibility: string; result: Change; resultIncludingCarryover: Change; totals: ChangeTotals }[];
}

export type ChangeTotals = Record<"revenue" | "cost" | "financial" | "result" | "carryover" | "resultIncludingCarryover", Change>;

/** The forecast of Årets resultat (exkl. över-/underskott) at one period of the current year. */
export interface TrendPoint {
  period: number;
  forecast: number;
}

/**
 * One earlier forecast of Årets resultat (exkl. över-/underskott: the carryover is decided, not forecast) against
 * the year's outcome: for the nämnd (`responsibility` null) or one ansvar.
 */
export interface AccuracyRow {
  year: number;
  /** The period the forecast was made at. */
  period: number;
  responsibility: string | null;
  /** Null for an ansvar without a forecast at that period. */
  forecast: number | null;
  /** The result at period 12; null for an ansvar without rows at period 12. */
  outcome: number | null;
  /** outcome − forecast: positive when the year ended better than forecast. */
  difference: number | null;
  /** difference / |total costs| (a fraction), null when the costs print as zero. */
  differencePercent: number | null;
  /**
   * The total costs the percentage is of (nämnd's or the ansvar's own): this year's Budget (Helår) for the current
   * year; for an earlier year, whose budget the workbook does not hold, the outcome's costs at period 12.
   */
  costBasis: "budget" | "outcome";
}

export type SpreadBasis = "post" | "kind" | "all" | "setting";

/** The posts of the forecast interval (per post, summed over ansvar), with their spreads: IntervalPosts and more. */
export interface SpreadInput {
  source: "history" | "setting";
  /** The earlier years at this period that have their outcome and count towards the three, ascending. */
  years: number[];
  /** Stable per post (kind and folded name): the interval's streams are derived from it. */
  key: string[];
  item: string[];
  kind: ItemKind[];
  /** Prognos − Utfall summed over ansvar, in the report's unit. */
  remaining: Float64Array;
  /** σ / |remaining| per post. */
  spread: Float64Array;
  /** Where each post's spread came from: its own years, its kind's, all posts', or the setting. */
  basis: SpreadBasis[];
  /** The post's own usable years. */
  ownYears: Int32Array;
  /** The pooled spreads, or null where fewer than three years stand behind them. */
  pooled: { revenue: number | null; cost: number | null; financial: number | null; all: number | null };
}

/** A history row whose ansvar or post the current workbook does not have. `row` indexes `rows`. */
export interface UnknownRow {
  row: number;
  reason: "responsibility" | "item";
}

export interface ForecastHistoryResult {
  /** Null without an earlier forecast this year. */
  change: ForecastChange | null;
  /** Empty without a year whose outcome and earlier forecasts are both in the history. */
  accuracy: AccuracyRow[];
  spread: SpreadInput;
  unknown: UnknownRow[];
  /** The forecast of the result at each period of the current year up to the current one that has a forecast. */
  trend: TrendPoint[];
}

/** All three analyses at once (and the forecast's path through the year). */
export function analyseForecastHistory(input: ForecastHistoryInput): ForecastHistoryResult {
  const h = new History(input);
  return { change: changeOf(h), accuracy: accuracyOf(h), spread: spreadOf(h), unknown: unknownOf(h), trend: trendOf(h) };
}

/** The forecast of the result, period by period, through the current year (rows without a forecast left out of the sums). */
function trendOf(h: History): TrendPoint[] {
  return h
    .periodsWithForecast(h.year)
    .filter((p) => p <= h.period)
    .map((period) => ({ period, forecast: h.report(sums(h, h.rowsAt(h.year, period)).result("forecast")) }));
}

/** (a) Prognosförändring alone. */
export function forecastChange(input: ForecastHistoryInput): ForecastChange | null {
  return changeOf(new History(input));
}

/** (b) Prognossäkerhet alone. */
export function forecastAccuracy(input: ForecastHistoryInput): AccuracyRow[] {
  return accuracyOf(new History(input));
}

/** (c) The interval's posts and spreads alone. */
export function forecastSpread(input: ForecastHistoryInput): SpreadInput {
  return spreadOf(new History(input));
}

const NONE = "\u0000";

/** The history with the current refresh in place of the current (År, Period), by column, amounts as exact units. */
class History {
  readonly scale: AmountScale;
  readonly year: number;
  readonly period: number;
  readonly decimals: number;
  readonly setting: KindSpread;
  /** Per effective row: where it came from (≥ 0: `rows` index; < 0: current line −1 − index). */
  readonly origin: number[] = [];
  readonly years: number[] = [];
  readonly periods: number[] = [];
  /** Folded ansvar (NONE for none) and post (kind code + folded name). */
  readonly resp: string[] = [];
  readonly post: string[] = [];
  readonly kind: ItemKind[] = [];
  readonly forecast: (Int | null)[] = [];
  readonly actual: Int[] = [];
  /** Display names by folded key, the current workbook's spelling first. */
  readonly respName = new Map<string, string>();
  readonly postName = new Map<string, string>();
  /** Effective rows by "year:period". */
  private readonly at = new Map<string, number[]>();

  constructor(readonly input: ForecastHistoryInput) {
    const { rows, current, fold } = input;
    this.year = input.year;
    this.period = input.period;
    this.decimals = input.decimals ?? 1;
    this.setting = input.settingSpread ?? DEFAULT_SPREAD;
    let d = 0;
    const see = (x: number | null) => {
      if (x !== null && !Number.isInteger(x)) d = Math.max(d, decimalsOf(x));
    };
    for (const r of rows) {
      see(r.forecast);
      see(r.actual);
    }
    for (const c of current) {
      see(c.forecast);
      see(c.actual);
      see(c.budgetYear);
    }
    this.scale = new AmountScale(d, input.unitIn, input.unitOut);
    const respKey = (r: string | null) => (r === null ? NONE : fold(r));
    const postKey = (kind: ItemKind, item: string) => `${KIND_CODES.indexOf(kind)}${fold(item)}`;
    current.forEach((c, i) => {
      const rk = respKey(c.responsibility);
      const pk = postKey(c.kind, c.item);
      if (c.responsibility !== null && !this.respName.has(rk)) this.respName.set(rk, c.responsibility);
      if (!this.postName.has(pk)) this.postName.set(pk, c.item);
      this.push(-1 - i, this.year, this.period, rk, pk, c.kind, c.forecast, c.actual);
    });
    rows.forEach((r, i) => {
      if (r.year === this.year && r.period === this.period) return; // replaced by the current refresh
      const rk = respKey(r.responsibility);
      const pk = postKey(r.kind, r.item);
      if (r.responsibility !== null && !this.respName.has(rk)) this.respName.set(rk, r.responsibility);
      if (!this.postName.has(pk)) this.postName.set(pk, r.item);
      this.push(i, r.year, r.period, rk, pk, r.kind, r.forecast, r.actual ?? 0);
    });
  }

  private push(origin: number, year: number, period: number, resp: string, post: string, kind: ItemKind, forecast: number | null, actual: number): void {
    const k = this.origin.length;
    this.origin.push(origin);
    this.years.push(year);
    this.periods.push(period);
    this.resp.push(resp);
    this.post.push(post);
    this.kind.push(kind);
    this.forecast.push(forecast === null ? null : this.scale.units(forecast));
    this.actual.push(this.scale.units(actual));
    const key = `${year}:${period}`;
    const list = this.at.get(key);
    if (list) list.push(k);
    else this.at.set(key, [k]);
  }

  /** The effective rows of one (År, Period). */
  rowsAt(year: number, period: number): readonly number[] {
    return this.at.get(`${year}:${period}`) ?? [];
  }

  /** Whether any row of (År, Period) has a forecast. */
  hasForecast(year: number, period: number): boolean {
    return this.rowsAt(year, period).some((k) => this.forecast[k] !== null);
  }

  report(u: Int): number {
    return this.scale.toReport(u);
  }

  /** u / |base| as a fraction, exact to 9 decimals; null when the base prints as zero at the report's decimals. */
  share(u: Int, base: Int): number | null {
    return this.scale.printsAsZero(base, this.decimals) ? null : share(u, base);
  }

  /** The years (≤ the current one) that hold rows at period 12, ascending. */
  yearsWithOutcome(): number[] {
    const set = new Set<number>();
    for (let k = 0; k < this.years.length; k++) if (this.periods[k] === 12 && this.years[k] <= this.year) set.add(this.years[k]);
    return [...set].sort((a, b) => a - b);
  }

  /** The periods of a year that hold a forecast, ascending. */
  periodsWithForecast(year: number): number[] {
    const set = new Set<number>();
    for (let k = 0; k < this.years.length; k++) if (this.years[k] === year && this.forecast[k] !== null) set.add(this.periods[k]);
    return [...set].sort((a, b) => a - b);
  }
}

/** Sums of forecasts (rows without one left out) and of outcomes, per kind. */
class Sums {
  forecast: Record<ItemKind, Int> = { revenue: 0, cost: 0, financial: 0, carryover: 0 };
  actual: Record<ItemKind, Int> = { revenue: 0, cost: 0, financial: 0, carryover: 0 };
  /** Whether any row had a forecast, and whether there was any row at all. */
  forecasts = 0;
  rows = 0;

  addRow(h: History, k: number): void {
    const f = h.forecast[k];
    const kind = h.kind[k];
    this.rows++;
    if (f !== null) {
      this.forecast[kind] = add(this.forecast[kind], f);
      this.forecasts++;
    }
    this.actual[kind] = add(this.actual[kind], h.actual[k]);
  }

  result(of: "forecast" | "actual"): Int {
    const s = this[of];
    return add(add(s.revenue, s.cost), s.financial);
  }

  resultIncludingCarryover(of: "forecast" | "actual"): Int {
    return add(this.result(of), this[of].carryover);
  }
}

function change(h: History, now: Int | null, before: Int | null): Change {
  return {
    forecast: now === null ? null : h.report(now),
    forecastPrevious: before === null ? null : h.report(before),
    forecastChange: now === null || before === null ? null : h.report(sub(now, before)),
  };
}

/** Groups rows by a key, keeping the order keys first appear in. */
function group(keys: readonly number[], keyOf: (k: number) => string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const k of keys) {
    const key = keyOf(k);
    const list = m.get(key);
    if (list) list.push(k);
    else m.set(key, [k]);
  }
  return m;
}

function sums(h: History, rows: readonly number[]): Sums {
  const s = new Sums();
  for (const k of rows) s.addRow(h, k);
  return s;
}

/** (a) Prognosförändring: the latest earlier period of the same year with a forecast, against the current one. */
function changeOf(h: History): ForecastChange | null {
  let previous = 0;
  for (let p = h.period - 1; p >= 1 && previous === 0; p--) if (h.hasForecast(h.year, p)) previous = p;
  if (previous === 0) return null;
  const now = h.rowsAt(h.year, h.period);
  const before = h.rowsAt(h.year, previous);
  const lineKey = (k: number) => `${h.resp[k]}${NONE}${h.post[k]}`;
  const previousLines = group(before, lineKey);
  const lineForecast = (rows: readonly number[]): Int | null => {
    let s: Int | null = null;
    for (const k of rows) {
      const f = h.forecast[k];
      if (f !== null) s = add(s ?? 0, f);
    }
    return s;
  };
  const describe = (k: number) => ({ responsibility: h.resp[k] === NONE ? null : (h.respName.get(h.resp[k]) as string), item: h.postName.get(h.post[k]) as string, kind: h.kind[k] });
  const lines: LineChange[] = [];
  const seen = new Set<string>();
  for (const k of now) {
    const key = lineKey(k);
    seen.add(key);
    const old = previousLines.get(key);
    const line = h.input.current[-1 - h.origin[k]];
    lines.push({ responsibility: line.responsibility, item: line.item, kind: line.kind, ...change(h, h.forecast[k], old ? lineForecast(old) : null) });
  }
  const previousOnly: LineChange[] = [];
  for (const [key, rows] of previousLines) if (!seen.has(key)) previousOnly.push({ ...describe(rows[0]), ...change(h, null, lineForecast(rows)) });

  const totalsOf = (a: Sums | null, b: Sums | null): ChangeTotals => {
    const total = (get: (s: Sums) => Int) => change(h, a && a.forecasts > 0 ? get(a) : null, b && b.forecasts > 0 ? get(b) : null);
    return {
      revenue: total((s) => s.forecast.revenue),
      cost: total((s) => s.forecast.cost),
      financial: total((s) => s.forecast.financial),
      result: total((s) => s.result("forecast")),
      carryover: total((s) => s.forecast.carryover),
      resultIncludingCarryover: total((s) => s.resultIncludingCarryover("forecast")),
    };
  };
  const totals = totalsOf(sums(h, now), sums(h, before));

  // Per post over ansvar: the resultaträkning's lines.
  const nowPosts = group(now, (k) => h.post[k]), beforePosts = group(before, (k) => h.post[k]);
  const posts: LineChange[] = [];
  for (const key of new Set([...nowPosts.keys(), ...beforePosts.keys()])) {
    const x = nowPosts.get(key), y = beforePosts.get(key);
    const k = (x ?? y) as number[];
    posts.push({ responsibility: null, item: h.postName.get(key) as string, kind: h.kind[k[0]], ...change(h, x ? lineForecast(x) : null, y ? lineForecast(y) : null) });
  }

  const byResp = (rows: readonly number[]) => group(rows.filter((k) => h.resp[k] !== NONE), (k) => h.resp[k]);
  const nowResp = byResp(now), beforeResp = byResp(before);
  const responsibilities: ForecastChange["responsibilities"] = [];
  for (const key of new Set([...nowResp.keys(), ...beforeResp.keys()])) {
    const x = nowResp.get(key), y = beforeResp.get(key);
    const sx = x ? sums(h, x) : null, sy = y ? sums(h, y) : null;
    const pick = (s: Sums | null, get: (s: Sums) => Int) => (s && s.forecasts > 0 ? get(s) : null);
    responsibilities.push({
      responsibility: h.respName.get(key) as string,
      result: change(h, pick(sx, (s) => s.result("forecast")), pick(sy, (s) => s.result("forecast"))),
      resultIncludingCarryover: change(h, pick(sx, (s) => s.resultIncludingCarryover("forecast")), pick(sy, (s) => s.resultIncludingCarryover("forecast"))),
      totals: totalsOf(sx, sy),
    });
  }
  return { previousPeriod: previous, lines, previousOnly, totals, posts, responsibilities };
}

/**
 * (b) Prognossäkerhet: for every year up to the current one whose period 12 is in the history (for the current
 * year: when the period is 12), each earlier period's forecast of the result against the outcome, for the nämnd and
 * per ansvar.
 */
function accuracyOf(h: History): AccuracyRow[] {
  const out: AccuracyRow[] = [];
  const withResp = h.resp.some((r) => r !== NONE);
  for (const year of h.yearsWithOutcome()) {
    const periods = h.periodsWithForecast(year).filter((p) => p < 12);
    if (periods.length === 0) continue;
    const final = h.rowsAt(year, 12);
    const outcome = sums(h, final);
    const finalResp = group(final.filter((k) => h.resp[k] !== NONE), (k) => h.resp[k]);
    // Costs to take percentages of: this year's budget, or an earlier year's outcome.
    const budget = year === h.year;
    const costBasis: AccuracyRow["costBasis"] = budget ? "budget" : "outcome";
    let costs: Int = 0;
    const respCosts = new Map<string, Int>();
    if (budget) {
      for (const c of h.input.current) {
        if (c.kind !== "cost") continue;
        const u = h.scale.units(c.budgetYear);
        costs = add(costs, u);
        if (c.responsibility !== null) {
          const key = h.input.fold(c.responsibility);
          respCosts.set(key, add(respCosts.get(key) ?? 0, u));
        }
      }
    } else {
      costs = outcome.actual.cost;
      for (const [key, rows] of finalResp) respCosts.set(key, sums(h, rows).actual.cost);
    }
    const row = (period: number, responsibility: string | null, forecast: Int | null, result: Int | null, base: Int | null): AccuracyRow => {
      const difference = forecast === null || result === null ? null : sub(result, forecast);
      return {
        year,
        period,
        responsibility,
        forecast: forecast === null ? null : h.report(forecast),
        outcome: result === null ? null : h.report(result),
        difference: difference === null ? null : h.report(difference),
        differencePercent: difference === null || base === null ? null : h.share(difference, base),
        costBasis,
      };
    };
    for (const period of periods) {
      const rows = h.rowsAt(year, period);
      const forecast = sums(h, rows);
      out.push(row(period, null, forecast.result("forecast"), outcome.result("actual"), costs));
      if (!withResp) continue;
      const forecastResp = group(rows.filter((k) => h.resp[k] !== NONE), (k) => h.resp[k]);
      const keys = [...new Set([...forecastResp.keys(), ...finalResp.keys()])];
      // Ansvar in the order the current workbook has them, then in the history's order.
      const rank = new Map([...h.respName.keys()].map((k, i) => [k, i]));
      keys.sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
      for (const key of keys) {
        const f = forecastResp.get(key), o = finalResp.get(key);
        const fs = f ? sums(h, f) : null;
        out.push(row(period, h.respName.get(key) as string, fs && fs.forecasts > 0 ? fs.result("forecast") : null, o ? sums(h, o).result("actual") : null, respCosts.get(key) ?? 0));
      }
    }
  }
  return out;
}

/** One post's errors in one earlier year: e = outcome − forecast, r = forecast − actual at the period. */
interface PostYear {
  post: string;
  kind: ItemKind;
  year: number;
  e2: number;
  r2: number;
}

/**
 * (c) The spread of each post's remaining part for the forecast interval.
 *
 * An earlier year counts for a post when the history has the post's forecast at the current period and its outcome
 * at period 12 (both summed over ansvar: the interval varies posts, not ansvar, so errors that move together across
 * ansvar are measured together), and the post then had a remaining part (forecast ≠ actual), against which the error
 * is relative. The error is e = outcome − forecast, the remaining part r = forecast − actual, and the spread
 *
 *   √( Σ e² / Σ r² )
 *
 * over the years: the root mean square of the relative errors e / |r|, each year weighted by r² (equal to the plain
 * RMS when the remaining parts are alike; a year with a small remaining part cannot blow it up). Like an RMS it
 * counts a bias (forecasts that were always too cautious) as spread, and does not move the interval's centre: the
 * point forecast stays the controller's.
 *
 * With at least three such years (any post) the spread comes from the history: a post's own years when it has
 * three, else its kind's pooled years (all posts of that kind, gone ones too), else all posts' pooled years. With
 * fewer the setting gives it, per kind.
 */
function spreadOf(h: History): SpreadInput {
  // The current posts, summed over ansvar.
  const now = h.rowsAt(h.year, h.period).filter((k) => h.kind[k] !== "carryover");
  const posts = group(now, (k) => h.post[k]);
  const key: string[] = [], item: string[] = [], kind: ItemKind[] = [];
  const remaining = new Float64Array(posts.size);
  let j = 0;
  for (const [post, rows] of posts) {
    let r: Int = 0;
    for (const k of rows) {
      const f = h.forecast[k];
      if (f !== null) r = add(r, sub(f, h.actual[k]));
    }
    key.push(post);
    item.push(h.postName.get(post) as string);
    kind.push(h.kind[rows[0]]);
    remaining[j++] = h.report(r);
  }

  // Earlier years' errors per post.
  const errors: PostYear[] = [];
  for (const year of h.yearsWithOutcome()) {
    if (year >= h.year) continue;
    const at = group(h.rowsAt(year, h.period).filter((k) => h.kind[k] !== "carryover"), (k) => h.post[k]);
    const final = group(h.rowsAt(year, 12).filter((k) => h.kind[k] !== "carryover"), (k) => h.post[k]);
    for (const [post, rows] of at) {
      const end = final.get(post);
      let forecast: Int | null = null;
      let actual: Int = 0;
      for (const k of rows) {
        const f = h.forecast[k];
        if (f !== null) forecast = add(forecast ?? 0, f);
        actual = add(actual, h.actual[k]);
      }
      if (!end || forecast === null) continue;
      let outcome: Int = 0;
      for (const k of end) outcome = add(outcome, h.actual[k]);
      const r = Number(sub(forecast, actual));
      if (r === 0) continue; // nothing remained: no relative error to measure
      const e = Number(sub(outcome, forecast));
      errors.push({ post, kind: h.kind[rows[0]], year, e2: e * e, r2: r * r });
    }
  }
  const pool = (list: readonly PostYear[]): { spread: number; years: number } | null => {
    const years = new Set(list.map((x) => x.year)).size;
    if (years < MIN_HISTORY_YEARS) return null;
    let e2 = 0, r2 = 0;
    for (const x of list) {
      e2 += x.e2;
      r2 += x.r2;
    }
    return { spread: Math.sqrt(e2 / r2), years };
  };
  const all = pool(errors);
  const byKind = (k: ItemKind) => pool(errors.filter((x) => x.kind === k));
  const pooled = { revenue: byKind("revenue"), cost: byKind("cost"), financial: byKind("financial") };
  const source = all === null ? "setting" : "history";
  const spread = new Float64Array(key.length);
  const basis: SpreadBasis[] = [];
  const ownYears = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const k = kind[i] as Exclude<ItemKind, "carryover">;
    const own = pool(errors.filter((x) => x.post === key[i]));
    ownYears[i] = new Set(errors.filter((x) => x.post === key[i]).map((x) => x.year)).size;
    if (source === "setting") {
      spread[i] = h.setting[k];
      basis.push("setting");
    } else if (own) {
      spread[i] = own.spread;
      basis.push("post");
    } else if (pooled[k]) {
      spread[i] = (pooled[k] as { spread: number }).spread;
      basis.push("kind");
    } else {
      spread[i] = (all as { spread: number }).spread;
      basis.push("all");
    }
  }
  return {
    source,
    years: [...new Set(errors.map((x) => x.year))].sort((a, b) => a - b),
    key,
    item,
    kind,
    remaining,
    spread,
    basis,
    ownYears,
    pooled: { revenue: pooled.revenue?.spread ?? null, cost: pooled.cost?.spread ?? null, financial: pooled.financial?.spread ?? null, all: all?.spread ?? null },
  };
}

/** History rows whose ansvar or post the current lines do not have (rows the refresh replaces left out). */
function unknownOf(h: History): UnknownRow[] {
  const resp = new Set<string>(), post = new Set<string>();
  for (let k = 0; k < h.origin.length && h.origin[k] < 0; k++) {
    resp.add(h.resp[k]);
    post.add(h.post[k]);
  }
  const out: UnknownRow[] = [];
  for (let k = 0; k < h.origin.length; k++) {
    if (h.origin[k] < 0) continue;
    if (h.resp[k] !== NONE && !resp.has(h.resp[k])) out.push({ row: h.origin[k], reason: "responsibility" });
    else if (!post.has(h.post[k])) out.push({ row: h.origin[k], reason: "item" });
  }
  return out;
}
