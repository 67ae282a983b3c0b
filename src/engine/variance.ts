import { Finding, finding } from "../findings/findings";
import { ItemKind, KIND_CODES, NO_KIND } from "../core/kinds";
import { SourceRef } from "../core/references";
import { canon } from "../core/text";
import { RowKey } from "../findings/params";
import { AmountScale, decimalsOf } from "./amounts";
import { Int, neg } from "./exact";
import { ExactFigures, FigureSum, isSignificant, makeFigures } from "./figures";
import { MonthUnits, monthUnits, periodUnits } from "./periodisation";
import { Settings } from "./settings";
import { ActualRows, BudgetRows, Figures } from "./types";

/** One line of the income statement with its figures in the report unit. */
export interface IncomeRow extends Figures {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  /** True when the variance passes the materiality settings. */
  significant: boolean;
  budgetSource: SourceRef | null;
  actualSource: SourceRef | null;
  /** The same figures as exact units, for computations that build on them (sensitivity, measures). */
  exact: ExactFigures;
}

export interface Totals {
  revenue: Figures;
  cost: Figures;
  financial: Figures;
  /** Årets resultat excluding över-/underskott. */
  result: Figures;
  /** Över-/underskott carried from earlier years. */
  carryover: Figures;
  resultIncludingCarryover: Figures;
}

export interface ResponsibilityRow extends Figures {
  responsibility: string;
  significant: boolean;
  /** The ansvar's revenue and costs, when it has lines of both kinds (else null). */
  revenue: Figures | null;
  cost: Figures | null;
  /** What the ansvar carries from earlier years (its över-/underskott lines), or null when it carries nothing. */
  carryover: Figures | null;
}

/** A line's names, kind and exact sums (IncomeResult.lineAt). */
export interface IncomeLine {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  exact: ExactFigures;
}

export interface IncomeResult {
  /** Lines: one per (Ansvar, Post, Typ), revenue first, then cost, financial and carryover. */
  readonly rowCount: number;
  /** Line `i`, computed when asked for (a million lines are never all objects at once). */
  rowAt(i: number): IncomeRow;
  /** Line `i`'s names, kind and exact sums alone: what a pass over every line needs, without a row's figures. */
  lineAt(i: number): IncomeLine;
  /** Every line as an object (for small results and tests). */
  readonly rows: IncomeRow[];
  /** Lines summed per (Typ, Post) across ansvar: the income statement a nämnd reads. */
  statement: IncomeRow[];
  totals: Totals;
  exactTotals: Record<keyof Totals, ExactFigures>;
  /** Result per ansvar (including över-/underskott), or null when the budget has no Ansvar. */
  byResponsibility: ResponsibilityRow[] | null;
  hasPriorYear: boolean;
  hasForecast: boolean;
  /** True when the workbook gives last year's full-year outcome (`Utfall helår fg år`). */
  hasPriorYearFull: boolean;
  /** True when the workbook has över-/underskott rows. */
  hasCarryover: boolean;
  scale: AmountScale;
}

const CARRYOVER = KIND_CODES.indexOf("carryover");
const COST = KIND_CODES.indexOf("cost");

/** A row's key for messages: its Post, Ansvar and (where two kinds could be meant) Typ. */
function keyOf(item: string, responsibility: string | null, kind?: ItemKind): RowKey {
  return kind === undefined ? { item, responsibility } : { item, responsibility, kind };
}

function sourceAt(origin: BudgetRows["origin"], i: number, col = origin.col): SourceRef {
  return { range: origin.range, at: { sheet: origin.sheet, row: origin.rows[i], col } };
}

/** The most decimals any amount of the rows has (at most 15 significant digits each). */
function maxDecimals(...arrays: (Float64Array | null)[]): number {
  let d = 0;
  for (const a of arrays) {
    if (!a) continue;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isInteger(v) && Number.isFinite(v)) d = Math.max(d, decimalsOf(v));
    }
  }
  return d;
}

/**
 * Small dense ids for names compared folded (see canon): names equal after folding share an id. A workbook repeats
 * the same few thousand names over every row, so each distinct text is folded once and then found by identity.
 */
class NameIds {
  private readonly byText = new Map<string, number>();
  private readonly byFolded = new Map<string, number>();

  get size(): number {
    return this.byFolded.size;
  }

  id(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      const folded = canon(text);
      id = this.byFolded.get(folded);
      if (id === undefined) this.byFolded.set(folded, (id = this.byFolded.size));
      this.byText.set(text, id);
    }
    return id;
  }

  /** The ids of `texts` (null as the empty name). */
  all(texts: readonly (string | null)[]): Int32Array {
    const ids = new Int32Array(texts.length);
    for (let i = 0; i < texts.length; i++) ids[i] = this.id(texts[i] ?? "");
    return ids;
  }
}

/** A map keyed by a pair of name ids: one small map per first id. */
class IdPairMap {
  private readonly outer: (Map<number, number> | undefined)[];

  constructor(firstIds: number) {
    this.outer = new Array<Map<number, number> | undefined>(firstIds).fill(undefined);
  }

  get(a: number, b: number): number | undefined {
    return this.outer[a]?.get(b);
  }

  set(a: number, b: number, value: number): void {
    let inner = this.outer[a];
    if (!inner) this.outer[a] = inner = new Map();
    inner.set(b, value);
  }
}

/**
 * Matches outcome rows to budget rows on (Ansvar, Post, and Typ where Utfall has it) and computes every line's
 * variance against the periodised budget and the forecast, plus totals, exactly (see amounts.ts).
 * Nothing is dropped: unbudgeted outcome and budget without outcome both come out, with notices.
 */
export function computeIncome(
  budget: BudgetRows,
  actuals: ActualRows,
  settings: Settings,
  hasPriorYear: boolean,
  hasForecast: boolean,
  findings: Finding[],
): IncomeResult {
  const hasPriorYearFull = actuals.priorYearFull !== null;
  const scale = new AmountScale(
    maxDecimals(budget.budgetYear, budget.months, actuals.actual, actuals.months, actuals.priorYear, actuals.forecast, actuals.priorYearFull),
    settings.unitIn,
    settings.unitOut,
  );
  const m = settings.months;
  const { materialityAmount, materialityPercent, decimals } = settings;
  const flip = settings.costsPositive;

  // Names as ids: Ansvar and Post folded, each its own id space.
  const respIds = new NameIds();
  const itemIds = new NameIds();
  const bResp = respIds.all(budget.responsibility);
  const bItem = itemIds.all(budget.item);
  const aResp = respIds.all(actuals.responsibility);
  const aItem = itemIds.all(actuals.item);

  // Budget keys: (Ansvar, Post) → first row; rows of the same key with other kinds are chained.
  const byKey = new IdPairMap(respIds.size);
  const nextSame = new Int32Array(budget.size).fill(-1);
  const kept = new Uint8Array(budget.size);
  const kindByItem = new Int32Array(itemIds.size).fill(-1);
  for (let i = 0; i < budget.size; i++) {
    const resp = bResp[i];
    const item = bItem[i];
    const first = byKey.get(resp, item);
    let twin = -1;
    let last = -1;
    for (let j = first ?? -1; j >= 0; j = nextSame[j]) {
      if (budget.kind[j] === budget.kind[i]) twin = j;
      last = j;
    }
    if (twin >= 0) {
      findings.push(finding("KEY_DUPLICATE", budget.origin.range, sourceAt(budget.origin, twin).at, { key: keyOf(budget.item[i], budget.responsibility[i], KIND_CODES[budget.kind[i]]) }, [sourceAt(budget.origin, i).at]));
      continue;
    }
    if (last >= 0) nextSame[last] = i;
    else byKey.set(resp, item, i);
    if (kindByItem[item] < 0) kindByItem[item] = budget.kind[i];
    kept[i] = 1;
  }

  // Outcome rows: matched to one budget row, or kept on their own.
  const matchedBy = new Int32Array(budget.size).fill(-1);
  const unbudgeted: number[] = [];
  const unbudgetedKind: number[] = [];
  for (let a = 0; a < actuals.size; a++) {
    const first = byKey.get(aResp[a], aItem[a]) ?? -1;
    const given = actuals.kind[a];
    let candidate = -1, count = 0;
    for (let j = first; j >= 0; j = nextSame[j]) {
      if (given !== NO_KIND && budget.kind[j] !== given) continue;
      candidate = j;
      count++;
    }
    if (count > 1) {
      const others: number[] = [];
      for (let j = first; j >= 0; j = nextSame[j]) if (given === NO_KIND || budget.kind[j] === given) others.push(j);
      findings.push(finding("ACTUAL_AMBIGUOUS", actuals.origin.range, sourceAt(actuals.origin, a).at, { key: keyOf(actuals.item[a], actuals.responsibility[a]) }, others.map((j) => sourceAt(budget.origin, j).at)));
      continue;
    }
    if (count === 1) {
      const earlier = matchedBy[candidate];
      if (earlier >= 0) {
        findings.push(finding("KEY_DUPLICATE", actuals.origin.range, sourceAt(actuals.origin, earlier).at, { key: keyOf(actuals.item[a], actuals.responsibility[a], KIND_CODES[budget.kind[candidate]]) }, [sourceAt(actuals.origin, a).at]));
        continue;
      }
      matchedBy[candidate] = a;
      continue;
    }
    let kind = given !== NO_KIND ? given : kindByItem[aItem[a]];
    if (kind < 0) {
      const amount = actuals.actual ? actuals.actual[a] : sumMonths(actuals.months, a, 12);
      kind = amount >= 0 ? KIND_CODES.indexOf("revenue") : COST;
      findings.push(finding("ACTUAL_KIND_FROM_SIGN", actuals.origin.range, sourceAt(actuals.origin, a).at, { key: keyOf(actuals.item[a], actuals.responsibility[a]), kind: KIND_CODES[kind] }));
    } else if (kind !== CARRYOVER) {
      // A carried surplus or deficit usually has no budget: no notice for it.
      findings.push(finding("ACTUAL_WITHOUT_BUDGET", actuals.origin.range, sourceAt(actuals.origin, a).at, { key: keyOf(actuals.item[a], actuals.responsibility[a]) }));
    }
    unbudgeted.push(a);
    unbudgetedKind.push(kind);
  }
  for (let i = 0; i < budget.size; i++) {
    if (kept[i] && matchedBy[i] < 0 && budget.kind[i] !== CARRYOVER) {
      findings.push(finding("BUDGET_WITHOUT_ACTUAL", budget.origin.range, sourceAt(budget.origin, i).at, { key: keyOf(budget.item[i], budget.responsibility[i]) }));
    }
  }
  checkSigns(budget, kept, settings, findings);

  // The lines in report order: by kind, budget rows first, then outcome without budget (a counting sort).
  const kinds = KIND_CODES.length;
  const budgetPerKind = new Int32Array(kinds);
  const ownPerKind = new Int32Array(kinds);
  for (let i = 0; i < budget.size; i++) if (kept[i]) budgetPerKind[budget.kind[i]]++;
  for (const k of unbudgetedKind) ownPerKind[k]++;
  const nextBudget = new Int32Array(kinds);
  const nextOwn = new Int32Array(kinds);
  let rowCount = 0;
  for (let k = 0; k < kinds; k++) {
    nextBudget[k] = rowCount;
    nextOwn[k] = rowCount + budgetPerKind[k];
    rowCount += budgetPerKind[k] + ownPerKind[k];
  }
  const lineBudget = new Int32Array(rowCount);
  const lineActual = new Int32Array(rowCount);
  const lineKind = new Uint8Array(rowCount);
  for (let i = 0; i < budget.size; i++) {
    if (!kept[i]) continue;
    const l = nextBudget[budget.kind[i]]++;
    lineBudget[l] = i;
    lineActual[l] = matchedBy[i];
    lineKind[l] = budget.kind[i];
  }
  for (let u = 0; u < unbudgeted.length; u++) {
    const l = nextOwn[unbudgetedKind[u]]++;
    lineBudget[l] = -1;
    lineActual[l] = unbudgeted[u];
    lineKind[l] = unbudgetedKind[u];
  }

  /** A line's exact base amounts (signs turned to the report's rule), written into `x`. */
  const x = new LineUnits();
  const months = new MonthUnits();
  const lineUnits = (b: number, a: number, kind: number): void => {
    const negate = flip && kind === COST;
    let budgetYear: Int = 0, budgetPeriod: Int = 0;
    if (b >= 0) {
      const stated = budget.budgetYear[b];
      if (budget.months) {
        monthUnits(scale, budget.months, b, m, months);
        budgetPeriod = negate ? neg(months.period) : months.period;
        budgetYear = Number.isNaN(stated) ? (negate ? neg(months.year) : months.year) : signed(scale.units(stated), negate);
      } else {
        budgetYear = signed(scale.units(stated), negate);
        budgetPeriod = periodUnits(scale, budgetYear, null, b, m);
      }
    }
    let actual: Int = 0, prior: Int = 0, fc: Int = budgetYear, priorFull: Int = 0;
    if (a >= 0) {
      if (actuals.actual) actual = signed(scale.units(actuals.actual[a]), negate);
      else if (actuals.months) actual = signed(periodUnits(scale, 0, actuals.months, a, m), negate);
      if (actuals.priorYear) prior = signed(scale.units(actuals.priorYear[a]), negate);
      if (actuals.priorYearFull) priorFull = signed(scale.units(actuals.priorYearFull[a]), negate);
      if (actuals.forecast) {
        const f = actuals.forecast[a];
        if (!Number.isNaN(f)) fc = signed(scale.units(f), negate);
      }
    }
    x.actual = actual;
    x.budgetPeriod = budgetPeriod;
    x.budgetYear = budgetYear;
    x.prior = prior;
    x.fc = fc;
    x.priorFull = priorFull;
  };

  const sums = KIND_CODES.map(() => new FigureSum());
  const statementOf = new Int32Array(itemIds.size * kinds).fill(-1);
  const statementSums: FigureSum[] = [];
  const statementFirst: number[] = [];
  const respOf = new Int32Array(respIds.size).fill(-1);
  const respSums: FigureSum[] = [];
  const respFirst: number[] = [];
  // Per ansvar, its revenue and its costs (for the per-ansvar table's intäkter and kostnader).
  const respRevenue: FigureSum[] = [];
  const respCost: FigureSum[] = [];
  const respCarry: FigureSum[] = [];
  const REVENUE = KIND_CODES.indexOf("revenue");
  let hasResponsibility = false;
  let hasCarryover = false;
  for (let l = 0; l < rowCount; l++) {
    const b = lineBudget[l], a = lineActual[l], k = lineKind[l];
    lineUnits(b, a, k);
    if (a >= 0 && actuals.forecast && b >= 0 && Number.isNaN(actuals.forecast[a]) && hasForecast) {
      findings.push(finding("FORECAST_BLANK", actuals.origin.range, { sheet: actuals.origin.sheet, row: actuals.origin.rows[a], col: actuals.forecastCol }, { key: keyOf(actuals.item[a], actuals.responsibility[a]) }));
    }
    sums[k].add(x.actual, x.budgetPeriod, x.budgetYear, x.prior, x.fc, x.priorFull);
    if (k === CARRYOVER) hasCarryover = true;
    const item = b >= 0 ? bItem[b] : aItem[a];
    const resp = b >= 0 ? bResp[b] : aResp[a];
    let g = statementOf[item * kinds + k];
    if (g < 0) {
      g = statementOf[item * kinds + k] = statementSums.length;
      statementSums.push(new FigureSum());
      statementFirst.push(l);
    }
    statementSums[g].add(x.actual, x.budgetPeriod, x.budgetYear, x.prior, x.fc, x.priorFull);
    if ((b >= 0 ? budget.responsibility[b] : actuals.responsibility[a]) !== null) hasResponsibility = true;
    let r = respOf[resp];
    if (r < 0) {
      r = respOf[resp] = respSums.length;
      respSums.push(new FigureSum());
      respRevenue.push(new FigureSum());
      respCost.push(new FigureSum());
      respCarry.push(new FigureSum());
      respFirst.push(l);
    }
    respSums[r].add(x.actual, x.budgetPeriod, x.budgetYear, x.prior, x.fc, x.priorFull);
    if (k === REVENUE || k === COST) {
      const kindSum = k === REVENUE ? respRevenue : respCost;
      kindSum[r].add(x.actual, x.budgetPeriod, x.budgetYear, x.prior, x.fc, x.priorFull);
      kindSum[r].lines++;
    } else if (k === CARRYOVER) {
      respCarry[r].add(x.actual, x.budgetPeriod, x.budgetYear, x.prior, x.fc, x.priorFull);
      respCarry[r].lines++;
    }
  }

  const figures = (e: ExactFigures) => makeFigures(e, scale, decimals);
  const withSignificance = <T extends Figures>(f: T) => ({ ...f, significant: isSignificant(f, materialityAmount, materialityPercent) });
  const exactOf = (s: FigureSum) => s.exact(hasPriorYear, hasForecast, hasPriorYearFull);
  const result = new FigureSum();
  for (let k = 0; k < KIND_CODES.length; k++) if (k !== CARRYOVER) result.addSum(sums[k]);
  const including = new FigureSum();
  including.addSum(result);
  including.addSum(sums[CARRYOVER]);
  const exactTotals: Record<keyof Totals, ExactFigures> = {
    revenue: exactOf(sums[0]),
    cost: exactOf(sums[1]),
    financial: exactOf(sums[2]),
    result: exactOf(result),
    carryover: exactOf(sums[CARRYOVER]),
    resultIncludingCarryover: exactOf(including),
  };
  const totals = Object.fromEntries(Object.entries(exactTotals).map(([k, e]) => [k, figures(e)])) as unknown as Totals;

  const lineName = (l: number) => (lineBudget[l] >= 0 ? { item: budget.item[lineBudget[l]], responsibility: budget.responsibility[lineBudget[l]] } : { item: actuals.item[lineActual[l]], responsibility: actuals.responsibility[lineActual[l]] });
  const lineSources = (l: number) => ({
    budgetSource: lineBudget[l] >= 0 ? sourceAt(budget.origin, lineBudget[l]) : null,
    actualSource: lineActual[l] >= 0 ? sourceAt(actuals.origin, lineActual[l]) : null,
  });
  const statement: IncomeRow[] = statementSums.map((s, g) => {
    const l = statementFirst[g];
    const exact = exactOf(s);
    return { ...withSignificance(figures(exact)), responsibility: null, item: lineName(l).item, kind: KIND_CODES[lineKind[l]], ...lineSources(l), exact };
  });
  const byResponsibility = hasResponsibility
    ? respSums.map((s, r) => {
        const both = respRevenue[r].lines > 0 && respCost[r].lines > 0;
        return {
          ...withSignificance(figures(exactOf(s))),
          responsibility: lineName(respFirst[r]).responsibility ?? "",
          revenue: both ? figures(exactOf(respRevenue[r])) : null,
          cost: both ? figures(exactOf(respCost[r])) : null,
          carryover: respCarry[r].lines > 0 ? figures(exactOf(respCarry[r])) : null,
        };
      })
    : null;

  const exactAt = (l: number): ExactFigures => {
    lineUnits(lineBudget[l], lineActual[l], lineKind[l]);
    return {
      actual: x.actual,
      budgetPeriod: x.budgetPeriod,
      budgetYear: x.budgetYear,
      actualPriorYear: hasPriorYear ? x.prior : null,
      forecast: hasForecast ? x.fc : null,
      actualPriorYearFull: hasPriorYearFull ? x.priorFull : null,
    };
  };
  const rowAt = (l: number): IncomeRow => {
    const exact = exactAt(l);
    return { ...withSignificance(figures(exact)), ...lineName(l), kind: KIND_CODES[lineKind[l]], ...lineSources(l), exact };
  };
  const lineAt = (l: number): IncomeLine => ({ ...lineName(l), kind: KIND_CODES[lineKind[l]], exact: exactAt(l) });
  return {
    rowCount,
    rowAt,
    lineAt,
    get rows() {
      return Array.from({ length: rowCount }, (_, l) => rowAt(l));
    },
    statement,
    totals,
    exactTotals,
    byResponsibility,
    hasPriorYear,
    hasForecast,
    hasPriorYearFull,
    hasCarryover,
    scale,
  };
}

/** A line's base amounts, rewritten for each line (no object per line). */
class LineUnits {
  actual: Int = 0;
  budgetPeriod: Int = 0;
  budgetYear: Int = 0;
  prior: Int = 0;
  fc: Int = 0;
  priorFull: Int = 0;
}

/** Units with the sign turned when `negate` (costs shown positive). */
function signed(u: Int, negate: boolean): Int {
  return negate ? neg(u) : u;
}

function sumMonths(months: Float64Array | null, row: number, count: number): number {
  if (!months) return 0;
  let s = 0;
  for (let m = 0; m < count; m++) s += months[row * 12 + m];
  return s;
}

/** One notice when most cost amounts carry the sign the settings say they should not. */
function checkSigns(budget: BudgetRows, kept: Uint8Array, settings: Settings, findings: Finding[]): void {
  let wrong = 0, right = 0;
  for (let i = 0; i < budget.size; i++) {
    const v = budget.budgetYear[i];
    if (!kept[i] || budget.kind[i] !== COST || v === 0) continue;
    if (v > 0 !== settings.costsPositive) wrong++;
    else right++;
  }
  if (wrong > right) {
    const [convention, suggestion] = settings.costsPositive ? ["Kostnader positiva", "Kostnader negativa"] : ["Kostnader negativa", "Kostnader positiva"];
    findings.push(finding("SIGN_SUSPECT", budget.origin.range, null, { convention, suggestion }));
  }
}
