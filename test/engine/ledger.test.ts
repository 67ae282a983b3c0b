/** Ledger input: the account plan's lookup, the readers of wide and long exports, and sums that always agree. */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { AccountPlan, parseAccountRule, specificity } from "../../src/engine/accountPlan";
import { AccountRule } from "../../src/engine/types";
import { KOMMUN_BAS } from "../../src/engine/kommunBas";
import { compute } from "../../src/pipeline";
import { toPublic } from "../../src/findings/findings";
import { SheetRange, workbook } from "../support/sheets";

const rule = (text: string, item: string): AccountRule => {
  const p = parseAccountRule(text);
  if (!p || "backwards" in p) throw new Error(text);
  return { text, ...p, item, kind: "cost", source: null };
};

describe("the account plan", () => {
  const plan = new AccountPlan([rule("50", "Personal"), rule("5011", "Löner"), rule("5040-5059", "Lön och arvode"), rule("6", "Lokaler")]);

  it("takes the most specific rule: a whole account before an interval before a shorter prefix", () => {
    expect(plan.lookup("5011")?.rule.item).toBe("Löner");
    expect(plan.lookup("50115")?.rule.item).toBe("Löner");
    expect(plan.lookup("5050")?.rule.item).toBe("Lön och arvode");
    expect(plan.lookup("5099")?.rule.item).toBe("Personal");
    expect(plan.lookup("5611")).toBeNull();
    expect(plan.lookup("6011")?.rule.item).toBe("Lokaler");
    expect(plan.lookup("7011")).toBeNull();
  });

  it("measures an interval by the accounts it covers (3000-3099 is as specific as the prefix 30)", () => {
    expect(specificity(rule("3000-3099", "x"))).toBeCloseTo(specificity(rule("30", "x")));
    expect(new AccountPlan([rule("30", "a"), rule("3000-3099", "b")]).lookup("3050")?.tie).not.toBeNull();
  });

  it("reads rules: an account, a prefix, an interval with ends of equal length; refuses the rest", () => {
    expect(parseAccountRule("3000–3099")).toEqual({ first: 3000, last: 3099, digits: 4 });
    expect(parseAccountRule("3099-3000")).toEqual({ backwards: true });
    expect(parseAccountRule("30-3099")).toBeNull();
    expect(parseAccountRule("30A")).toBeNull();
  });
});

const SETTINGS: SheetRange = { rows: [["Inställning", "Värde"], ["År", 2025], ["Period", 6], ["Enhet in", "kr"], ["Enhet ut", "tkr"]] };

function run(ranges: Record<string, SheetRange>) {
  return compute(workbook({ Inställningar: SETTINGS, ...ranges }), new Date(2025, 6, 1));
}

describe("reading a ledger export", () => {
  it("reads the headers real exports use, debit positive, and maps by Kommun-Bas without a plan", () => {
    const c = run({
      Huvudbok: { rows: [["UKONTO", "KST", "BUDGET 2025", "UTFALL ACK", "PRG"], [3111, "10", -12000, -5800, -11900], ["5011", "10", 8000, 4100, 8200], [1930, "10", 0, 900, 0]] },
    });
    if (!c.ok) throw new Error(c.findings.map((f) => toPublic(f).message).join("\n"));
    expect(c.result.income.statement.map((r) => [r.item, r.kind, r.budgetYear, r.actual])).toEqual([
      ["Försäljning, taxor och avgifter", "revenue", 12, 5.8],
      ["Personalkostnader", "cost", -8, -4.1],
    ]);
    expect(c.findings.map((f) => f.code)).toEqual(["LEDGER_BALANCE_SKIPPED"]);
    // Budget and Utfall are not asked for beside a ledger; the optional Kontoplan is.
    expect(c.input.found.filter((f) => !f.found).map((f) => f.name)).not.toContain("Budget");
    expect(c.input.found.find((f) => f.name === "Kontoplan")).toMatchObject({ found: false, required: false });
  });

  it("says that a Kontoplan beside Budget and Utfall is not read, and does not list it", () => {
    const c = run({
      Budget: { rows: [["Post", "Typ", "Budget helår"], ["Personalkostnader", "Kostnad", 1000]] },
      Utfall: { rows: [["Post", "Typ", "Utfall"], ["Personalkostnader", "Kostnad", 480]] },
      Kontoplan: { rows: [["Konto", "Post", "Typ"], ["50", "Personalkostnader", "Kostnad"]] },
    });
    expect(c.findings.map((f) => f.code)).toContain("PLAN_WITHOUT_LEDGER");
    expect(c.input.found.map((f) => f.name)).not.toContain("Kontoplan");
  });

  it("takes amounts as the report signs them when the setting says so", () => {
    const c = compute(
      workbook({
        Inställningar: { rows: [...SETTINGS.rows, ["Tecken i huvudbok", "Som rapporten"]] },
        Huvudbok: { rows: [["Konto", "Budget", "Utfall"], [3111, 12000, 5800], [5011, -8000, -4100]] },
      }),
    );
    expect(c.ok && c.result.income.totals.result.actual).toBe(1.7);
  });

  it("reads the long form the same as the wide form: periods as 3, 2025-03 or 202503, and the kind of amount", () => {
    const wide = run({ Huvudbok: { rows: [["Konto", "Ansvar", "Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec", "Utfall", "Prognos"], [5011, "A", 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100.5, 650.25, 1210]] } });
    const long = run({
      Huvudbok: {
        rows: [
          ["Konto", "Ansvar", "Period", "Belopp", "Art"],
          ...Array.from({ length: 12 }, (_, m) => [5011, "A", m % 3 === 0 ? m + 1 : m % 3 === 1 ? `2025-${String(m + 1).padStart(2, "0")}` : 202500 + m + 1, m === 11 ? 100.5 : 100, "Budget"]),
          [5011, "A", 1, 300.25, "Utfall"],
          [5011, "A", 6, 350, "Utfall"],
          [5011, "A", 9, 999, "Utfall"],
          [5011, "A", 12, 1210, "Prognos"],
        ],
      },
    });
    if (!wide.ok || !long.ok) throw new Error("findings");
    expect(long.result.income.totals).toEqual(wide.result.income.totals);
  });

  it("never adds a period of another year to this year's months: it is a finding naming its cell", () => {
    const c = run({
      Huvudbok: {
        rows: [
          ["Konto", "Ansvar", "Period", "Belopp", "Art"],
          [5011, "A", "2025-03", 100, "Utfall"],
          [5011, "A", "1999-03", 100, "Utfall"],
          [5011, "A", 199903, 100, "Utfall"],
          [5011, "A", new Date(Date.UTC(2024, 2, 1)), 100, "Utfall"],
          // Last year's utfall and bokslut may carry last year's periods, but not the year before.
          [5011, "A", "2024-03", 90, "Utfall fg år"],
          [5011, "A", "2024-12", 1500, "Bokslut fg år"],
          [5011, "A", "2023-12", 1500, "Bokslut fg år"],
          [5011, "A", 12, 1200, "Budget"],
        ],
      },
    });
    expect(c.findings.map(toPublic).filter((f) => f.severity === "error").map((f) => [f.code, f.cell])).toEqual([
      ["LEDGER_PERIOD_OTHER_YEAR", "Huvudbok!C3"],
      ["LEDGER_PERIOD_OTHER_YEAR", "Huvudbok!C4"],
      ["LEDGER_PERIOD_OTHER_YEAR", "Huvudbok!C5"],
      ["LEDGER_PERIOD_OTHER_YEAR", "Huvudbok!C8"],
    ]);
    expect(toPublic(c.findings.find((f) => f.code === "LEDGER_PERIOD_OTHER_YEAR") as never).message).toBe(
      "Huvudbok!C3: perioden ”1999-03” hör till ett annat år än rapportens (2025), så raden räknas inte. Ta bort raderna för andra år ur Huvudbok, eller ange rätt år under År i Inställningar.",
    );
  });

  it("chooses the year's budget among columns named after years, and refuses when none is the year's", () => {
    const both = run({ Huvudbok: { rows: [["Konto", "Budget 2024", "Budget 2025", "Utfall"], [5011, 1000, 1200, 500]] } });
    expect(both.ok && both.result.income.totals.result.budgetYear).toBe(-1.2);
    const other = run({ Huvudbok: { rows: [["Konto", "Budget 2023", "Budget 2024", "Utfall"], [5011, 1000, 1200, 500]] } });
    expect(other.findings.map(toPublic).filter((f) => f.severity === "error").map((f) => [f.code, f.cell])).toEqual([["LEDGER_BUDGET_COLUMNS", "Huvudbok!A1"]]);
  });

  it("reads amount columns named after the year or the months, with units and dots, as exports write them", () => {
    const c = run({
      Huvudbok: {
        rows: [
          ["Konto (T)", "Ansvar (T)", "Kontotext", "Budget 2025 (kr)", "Utfall jan-jun", "Utfall fg år jan–jun", "Prognos 2025", "Avvikelse"],
          [3111, "10", "Taxor", -12000, -5800, -5500, -11900, 200],
          [5011, "10", "Löner", 8000, 4100, 3900, 8200, -100],
        ],
      },
    });
    if (!c.ok) throw new Error(c.findings.map((f) => toPublic(f).message).join("\n"));
    expect(c.result.income.totals.result).toMatchObject({ budgetYear: 4, actual: 1.7, actualPriorYear: 1.6, forecast: 3.7 });
    const dotted = run({ Huvudbok: { rows: [["Kontonr", "Kostnadsställe", "Ack. utfall 2025", "Utfall 2024", "Årsbudget"], [5011, "A", 4100, 3900, 8000]] } });
    expect(dotted.ok && dotted.result.income.totals.result).toMatchObject({ actual: -4.1, actualPriorYear: -3.9, budgetYear: -8 });
  });

  it("refuses a workbook with both a ledger and Budget/Utfall, naming both", () => {
    const c = run({ Huvudbok: { rows: [["Konto", "Utfall"], [5011, 5]] }, Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Kostnad", -1]] } });
    expect(c.findings.map(toPublic).find((f) => f.code === "LEDGER_AND_BUDGET")?.message).toMatch(/Huvudbok!A1.*Budget!A1/);
  });

  it("names an unmapped account with its first cell and sum, and overlapping plan rows with both cells", () => {
    const c = run({
      Huvudbok: { rows: [["Konto", "Utfall"], [8111, 50], [8111, 25.5], [5011, 1]] },
      Kontoplan: { rows: [["Konto", "Post", "Typ"], ["50", "Personal", "Kostnad"], ["5000-5099", "Lön", "Kostnad"]] },
    });
    const errors = c.findings.map(toPublic).filter((f) => f.severity === "error");
    expect(errors.find((f) => f.code === "LEDGER_ACCOUNT_UNMAPPED")).toMatchObject({ cell: "Huvudbok!A2", message: expect.stringContaining("75,5") });
    expect(errors.find((f) => f.code === "ACCOUNT_PLAN_OVERLAP")).toMatchObject({ cell: "Kontoplan!A2", message: expect.stringContaining("Kontoplan!A3") });
  });
});

describe("a ledger's accounts", () => {
  const account = fc.constantFrom("3111", "3411", "3511", "3611", "4011", "4611", "5011", "5411", "6011", "6411", "7911", "8411", "8511", "1510", "2440");
  const amount = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((n) => n / 100);
  it("add up to the posts, per ansvar and in total, whatever the ledger", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(account, fc.constantFrom("A", "B", "C"), amount, amount, amount), { minLength: 1, maxLength: 40 }), (rows) => {
        const c = run({ Huvudbok: { rows: [["Konto", "Ansvar", "Budget", "Utfall", "Prognos"], ...rows] } });
        if (!c.ok) return;
        const accounts = c.result.accounts ?? [];
        const nano = (x: number | null) => Math.round((x ?? 0) * 1e9);
        for (const line of c.result.income.rows) {
          const mine = accounts.filter((a) => a.item === line.item && a.responsibility === line.responsibility && a.kind === line.kind);
          expect(mine.reduce((s, a) => s + nano(a.actual), 0)).toBe(nano(line.actual));
          expect(mine.reduce((s, a) => s + nano(a.budgetYear), 0)).toBe(nano(line.budgetYear));
          expect(mine.reduce((s, a) => s + nano(a.forecast), 0)).toBe(nano(line.forecast));
        }
        const t = c.result.income.totals.result;
        const all = accounts.filter((a) => a.kind !== "carryover");
        expect(all.reduce((s, a) => s + nano(a.actual), 0)).toBe(nano(t.actual));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the Kommun-Bas default", () => {
  it("is the table docs/huvudbok.md prints, row for row", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/huvudbok.md"), "utf8");
    const section = doc.slice(doc.indexOf("### Standardindelningen"));
    const rows = section
      .split("\n")
      .filter((l) => /^\| \d/.test(l))
      .map((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
    const kinds: Record<string, string> = { revenue: "Intäkt", cost: "Kostnad", financial: "Finansiell" };
    expect(rows).toEqual(KOMMUN_BAS.map((g) => [g.from === g.to ? String(g.from) : `${g.from}–${g.to}`, g.item, kinds[g.kind]]));
  });
});
