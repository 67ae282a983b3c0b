/**
 * The figures the CLI must give for the contract that add_contract.py adds (test/support/contract.json),
 * computed here from the same data: Helår and amounts in kr, the report in tkr, budget periodised linearly.
 */
import contract from "./contract.json";

type Row = (string | number)[];

interface Line {
  item: string;
  kind: "revenue" | "cost";
  budgetYear: number;
  budgetPeriod: number;
  actual: number;
  variance: number;
  forecast: number;
  forecastVariance: number;
}

function block(name: string): Row[] {
  const b = contract.blocks.find((x) => x.name === name);
  if (!b) throw new Error(`contract.json has no block ${name}`);
  return b.rows as Row[];
}

function setting(key: string): string | number {
  const row = block("Inställningar").find((r) => r[0] === key);
  if (!row) throw new Error(`contract.json has no setting ${key}`);
  return row[1];
}

const DIVISOR: Record<string, number> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

export interface ContractFigures {
  unit: string;
  months: number;
  income: Line[];
  totals: Record<"revenue" | "cost" | "result", Omit<Line, "item" | "kind">>;
}

export function expectedContractFigures(): ContractFigures {
  const months = Number(setting("Period"));
  const scale = DIVISOR[String(setting("Enhet in"))] / DIVISOR[String(setting("Enhet ut"))];
  const [, ...budget] = block("Budget");
  const [, ...actuals] = block("Utfall");
  const income: Line[] = budget.map(([item, type, year]) => {
    const a = actuals.find((r) => r[0] === item) as Row;
    const budgetYear = Number(year) * scale;
    const budgetPeriod = (budgetYear * months) / 12;
    const actual = Number(a[1]) * scale;
    const forecast = Number(a[2]) * scale;
    return { item: String(item), kind: type === "Intäkt" ? "revenue" : "cost", budgetYear, budgetPeriod, actual, variance: actual - budgetPeriod, forecast, forecastVariance: forecast - budgetYear };
  });
  const sum = (lines: Line[]) => {
    const keys = ["budgetYear", "budgetPeriod", "actual", "variance", "forecast", "forecastVariance"] as const;
    return Object.fromEntries(keys.map((k) => [k, lines.reduce((s, l) => s + l[k], 0)])) as Omit<Line, "item" | "kind">;
  };
  return {
    unit: String(setting("Enhet ut")),
    months,
    income,
    totals: { revenue: sum(income.filter((l) => l.kind === "revenue")), cost: sum(income.filter((l) => l.kind === "cost")), result: sum(income) },
  };
}

/** Differences between the CLI's --json and the contract's figures, as readable lines (empty when equal). */
export function figureProblems(json: unknown): string[] {
  const expected = expectedContractFigures();
  const problems: string[] = [];
  const doc = json as { unit?: string; months?: number; income?: Record<string, unknown>[]; totals?: Record<string, Record<string, number | null>> };
  if (doc.unit !== expected.unit) problems.push(`unit ${doc.unit}, expected ${expected.unit}`);
  if (doc.months !== expected.months) problems.push(`months ${doc.months}, expected ${expected.months}`);
  const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) < 1e-9;
  for (const line of expected.income) {
    const got = (doc.income ?? []).filter((r) => r.item === line.item);
    if (got.length !== 1) {
      problems.push(`income has ${got.length} lines for ${line.item}`);
      continue;
    }
    if (got[0].kind !== line.kind) problems.push(`${line.item}: kind ${got[0].kind}, expected ${line.kind}`);
    for (const k of ["budgetYear", "budgetPeriod", "actual", "variance", "forecast", "forecastVariance"] as const) {
      if (!close(got[0][k], line[k])) problems.push(`${line.item}.${k} = ${got[0][k]}, expected ${line[k]}`);
    }
  }
  if ((doc.income ?? []).length !== expected.income.length) problems.push(`income has ${(doc.income ?? []).length} lines, expected ${expected.income.length}`);
  for (const [total, fig] of Object.entries(expected.totals)) {
    for (const [k, v] of Object.entries(fig)) {
      if (!close(doc.totals?.[total]?.[k], v)) problems.push(`totals.${total}.${k} = ${doc.totals?.[total]?.[k]}, expected ${v}`);
    }
  }
  return problems;
}
