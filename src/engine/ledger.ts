/**
 * From a ledger to the income statement's rows: every account is mapped to a post through the workbook's
 * `Kontoplan` (most specific rule first) or, for the accounts it does not cover, the built-in Kommun-Bas groups;
 * balance-sheet accounts are left out with one notice; the amounts are summed exactly per (ansvar, post, typ) into
 * the same budget and outcome rows a summarised workbook gives, so the engine and the report work unchanged. The
 * accounts behind each post are kept, for the appendix that shows them.
 */
import { ItemKind, KIND_CODES } from "../core/kinds";
import { CellRef } from "../core/references";
import { canon } from "../core/text";
import { Finding, finding } from "../findings/findings";
import { AccountPlan } from "./accountPlan";
import { AmountScale, decimalsOf } from "./amounts";
import { add, Int, neg } from "./exact";
import { isBalanceAccount, KOMMUN_BAS } from "./kommunBas";
import { AccountRule, ActualRows, BudgetRows, LedgerRows } from "./types";

/** One account of one ansvar: the amounts behind a post (input unit, report sign). */
export interface AccountLine {
  account: string;
  item: string;
  kind: ItemKind;
  responsibility: string | null;
  actual: number | null;
  budgetYear: number | null;
  forecast: number | null;
}

export interface LedgerResult {
  budget: BudgetRows;
  actuals: ActualRows;
  accounts: AccountLine[];
  hasPriorYear: boolean;
  hasForecast: boolean;
}

/** The Kommun-Bas groups as rules of two digits. */
export const DEFAULT_RULES: readonly AccountRule[] = KOMMUN_BAS.map((g) => ({
  text: g.from === g.to ? String(g.from) : `${g.from}-${g.to}`,
  first: g.from,
  last: g.to,
  digits: 2,
  item: g.item,
  kind: g.kind,
  source: null,
}));

function maxDecimals(...arrays: (Float64Array | null)[]): number {
  let d = 0;
  for (const a of arrays) if (a) for (let i = 0; i < a.length; i++) if (!Number.isInteger(a[i]) && Number.isFinite(a[i])) d = Math.max(d, decimalsOf(a[i]));
  return d;
}

interface Group {
  resp: string | null;
  item: string;
  kind: number;
  firstRow: number;
  budget: Int;
  months: Int[] | null;
  actual: Int;
  prior: Int;
  priorFull: Int;
  forecast: Int;
  forecastGiven: boolean;
}

/**
 * Maps and sums a ledger. `costsPositive` is the workbook's Teckenkonvention: the rows come out in it, as the
 * engine expects of Budget and Utfall.
 */
export function mapLedger(rows: LedgerRows, plan: readonly AccountRule[], costsPositive: boolean, findings: Finding[]): LedgerResult {
  const own = new AccountPlan(plan);
  const fallback = new AccountPlan(DEFAULT_RULES);
  const scale = new AmountScale(maxDecimals(rows.budget, rows.months, rows.actual, rows.priorYear, rows.priorYearFull, rows.forecast), "kr", "kr");
  const at = (i: number): CellRef => ({ sheet: rows.origin.sheet, row: rows.origin.rows[i], col: rows.origin.col });
  const amount = (a: Float64Array | null, i: number): Int => (a && !Number.isNaN(a[i]) ? scale.units(a[i]) : 0);

  // One decision per distinct account: accounts repeat for every ansvar and dimension. A decision carries the
  // post's number (posts that differ only in case or spacing are one), so rows are grouped on numbers, not text.
  interface Decision {
    rule: AccountRule | null;
    balance: boolean;
    post: number;
    accountId: number;
  }
  const decided = new Map<string, Decision>();
  const postOf = new Map<string, number>();
  const overlaps = new Set<string>();
  const unmapped = new Map<string, { first: number; sum: Int }>();
  let balanceCount = 0;
  let balanceSum: Int = 0;
  let balanceFirst = -1;

  // Ansvar by number: the same text object repeats row after row, its folded form once per distinct text.
  const respOfText = new Map<string | null, number>();
  const respOfCanon = new Map<string, number>();
  const respId = (resp: string | null): number => {
    let id = respOfText.get(resp);
    if (id === undefined) {
      const c = canon(resp ?? "");
      id = respOfCanon.get(c);
      if (id === undefined) respOfCanon.set(c, (id = respOfCanon.size));
      respOfText.set(resp, id);
    }
    return id;
  };

  const groups: Group[] = [];
  // Group of (ansvar, post): per ansvar number, an array by post number. Small integers, no hashing.
  const groupOf: number[][] = [];
  // Account lines of a group, by account number.
  const linesOf: Map<number, { line: AccountLine; actual: Int; budget: Int; forecast: Int }>[] = [];
  const monthly = rows.months !== null;

  for (let i = 0; i < rows.size; i++) {
    const account = rows.account[i];
    let d = decided.get(account);
    if (!d) {
      const mine = own.lookup(account);
      if (mine?.tie) {
        const key = [mine.rule.text, mine.tie.text].sort().join("|");
        if (!overlaps.has(key)) {
          overlaps.add(key);
          findings.push(finding("ACCOUNT_PLAN_OVERLAP", "Kontoplan", mine.rule.source?.at ?? null, { first: mine.rule.text, second: mine.tie.text, account }, mine.tie.source ? [mine.tie.source.at] : undefined));
        }
      }
      // A row of the workbook's own plan wins, even for a balance-sheet account; otherwise those are left out.
      const rule = mine?.rule ?? (isBalanceAccount(account) ? null : (fallback.lookup(account)?.rule ?? null));
      let post = -1;
      if (rule) {
        const postKey = `${canon(rule.item)}\u0000${rule.kind}`;
        post = postOf.get(postKey) ?? -1;
        if (post < 0) postOf.set(postKey, (post = postOf.size));
      }
      d = { rule, balance: !mine && isBalanceAccount(account), post, accountId: decided.size };
      decided.set(account, d);
    }
    const size = amount(rows.actual, i);
    if (d.balance) {
      balanceCount++;
      balanceSum = add(balanceSum, rows.actual ? size : amount(rows.budget, i));
      if (balanceFirst < 0) balanceFirst = i;
      continue;
    }
    if (!d.rule) {
      const u = unmapped.get(account);
      const v = rows.actual ? size : amount(rows.budget, i);
      if (u) u.sum = add(u.sum, v);
      else unmapped.set(account, { first: i, sum: v });
      continue;
    }
    const negate = costsPositive && d.rule.kind === "cost";
    const resp = rows.responsibility[i];
    const r = respId(resp);
    const byPost = groupOf[r] ?? (groupOf[r] = []);
    let g = byPost[d.post];
    if (g === undefined) {
      g = groups.length;
      byPost[d.post] = g;
      linesOf.push(new Map());
      groups.push({ resp, item: d.rule.item, kind: KIND_CODES.indexOf(d.rule.kind), firstRow: i, budget: 0, months: monthly ? new Array<Int>(12).fill(0) : null, actual: 0, prior: 0, priorFull: 0, forecast: 0, forecastGiven: false });
    }
    const group = groups[g];
    const budget = rows.budget && !Number.isNaN(rows.budget[i]) ? amount(rows.budget, i) : null;
    let monthSum: Int = 0;
    if (group.months && rows.months) {
      for (let m = 0; m < 12; m++) {
        const v = scale.units(rows.months[i * 12 + m]);
        group.months[m] = add(group.months[m], negate ? neg(v) : v);
        monthSum = add(monthSum, v);
      }
    }
    const year = budget ?? monthSum;
    const actual = amount(rows.actual, i);
    group.budget = add(group.budget, negate ? neg(year) : year);
    group.actual = add(group.actual, negate ? neg(actual) : actual);
    const prior = amount(rows.priorYear, i);
    group.prior = add(group.prior, negate ? neg(prior) : prior);
    const priorFull = amount(rows.priorYearFull, i);
    group.priorFull = add(group.priorFull, negate ? neg(priorFull) : priorFull);
    const f = rows.forecast ? rows.forecast[i] : NaN;
    const forecast = Number.isNaN(f) ? year : scale.units(f);
    if (!Number.isNaN(f)) group.forecastGiven = true;
    group.forecast = add(group.forecast, negate ? neg(forecast) : forecast);

    const lines = linesOf[g];
    let line = lines.get(d.accountId);
    if (!line) {
      line = { line: { account, item: d.rule.item, kind: d.rule.kind, responsibility: resp, actual: null, budgetYear: null, forecast: null }, actual: 0, budget: 0, forecast: 0 };
      lines.set(d.accountId, line);
    }
    line.actual = add(line.actual, actual);
    line.budget = add(line.budget, year);
    line.forecast = add(line.forecast, forecast);
  }

  if (balanceCount > 0) {
    // The sum as the export shows it (debit positive there), so that it can be found in the ledger.
    const shown = scale.toReport(balanceSum) * (rows.debitPositive ? -1 : 1) || 0;
    findings.push(finding("LEDGER_BALANCE_SKIPPED", rows.origin.range, at(balanceFirst), { count: balanceCount, sum: shown }));
  }
  for (const [account, u] of unmapped) {
    findings.push(finding("LEDGER_ACCOUNT_UNMAPPED", rows.origin.range, at(u.first), { account, sum: scale.toReport(u.sum) * (rows.debitPositive ? -1 : 1) || 0 }));
  }
  if (groups.length === 0 && unmapped.size === 0 && rows.size > 0) {
    findings.push(finding("LEDGER_NO_RESULT_ACCOUNTS", rows.origin.range, { sheet: rows.origin.sheet, row: rows.origin.rows[0] - 1, col: rows.origin.col }, {}));
  }

  const back = (u: Int) => scale.toReport(u);
  const n = groups.length;
  const origin = { range: rows.origin.range, sheet: rows.origin.sheet, col: rows.origin.col, rows: Int32Array.from(groups, (g) => rows.origin.rows[g.firstRow]) };
  const budget: BudgetRows = {
    size: n,
    responsibility: groups.map((g) => g.resp),
    item: groups.map((g) => g.item),
    kind: Uint8Array.from(groups, (g) => g.kind),
    budgetYear: Float64Array.from(groups, (g) => back(g.budget)),
    months: monthly ? Float64Array.from(groups.flatMap((g) => (g.months as Int[]).map(back))) : null,
    origin,
  };
  const actuals: ActualRows = {
    size: n,
    responsibility: budget.responsibility,
    item: budget.item,
    kind: budget.kind,
    actual: Float64Array.from(groups, (g) => back(g.actual)),
    months: null,
    priorYear: rows.priorYear ? Float64Array.from(groups, (g) => back(g.prior)) : null,
    priorYearFull: rows.priorYearFull ? Float64Array.from(groups, (g) => back(g.priorFull)) : null,
    forecast: rows.forecast ? Float64Array.from(groups, (g) => (g.forecastGiven ? back(g.forecast) : NaN)) : null,
    forecastCol: rows.origin.col,
    origin,
  };
  // An account without a forecast counts its budget as forecast, as the engine does for a post.
  const accounts = linesOf.flatMap((m) => [...m.values()]).map(({ line, actual, budget: b, forecast }) => ({
    ...line,
    actual: rows.actual ? back(actual) : null,
    budgetYear: rows.budget || rows.months ? back(b) : null,
    forecast: rows.forecast ? back(forecast) : null,
  }));
  return { budget, actuals, accounts, hasPriorYear: rows.priorYear !== null, hasForecast: rows.forecast !== null };
}
