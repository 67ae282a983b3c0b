/**
 * The message catalogue (src/findings/messages.ts): every code's text uses exactly the parameters it declares, every
 * code is produced by a case of the bad-input or hostile-file suite (which run it through the hosts) unless it is
 * marked as one host's own, and parameters are written by their types, numbers the Swedish way.
 */
import { CASES as BAD_INPUT } from "../../scripts/badInput/cases";
import { CASES as HOSTILE } from "../../scripts/hostile/cases";
import { finding, messageOf } from "../../src/findings/findings";
import { UppfoljningError } from "../../src/findings/errors";
import { formatMessage, MESSAGES, MessageCode } from "../../src/findings/messages";
import { PARAM_TYPES, swedishNumber } from "../../src/findings/params";
import { formatNumber } from "../../src/report/language/words";

const CODES = Object.keys(MESSAGES) as MessageCode[];
/** Where a finding is, filled in by the finding rather than passed as a parameter. */
const PLACE = ["cell", "other", "range"];

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

describe("each code's text and parameters", () => {
  it.each(CODES.map((c) => [c]))("%s uses what it declares, and declares what it uses", (code) => {
    const spec = MESSAGES[code];
    const used = new Set(placeholders(spec.text));
    const declared = Object.keys(spec.params);
    // `column` says which column a cell finding is in (findings are counted per column), printed or not.
    for (const p of declared) if (p !== "column") expect(used).toContain(p);
    const implicit = spec.severity === "failure" ? [] : PLACE;
    for (const p of used) expect([...declared, ...implicit]).toContain(p);
    for (const type of Object.values(spec.params)) expect(Object.keys(PARAM_TYPES)).toContain(type);
  });
});

describe("every code is produced by a case, or belongs to one host", () => {
  const cased = new Map<string, string[]>();
  for (const c of BAD_INPUT) for (const e of c.expect) cased.set(e.code, [...(cased.get(e.code) ?? []), `bad-input ${c.id} (${c.hosts.join(", ")})`]);
  for (const c of HOSTILE) if (c.expect.code) cased.set(c.expect.code, [...(cased.get(c.expect.code) ?? []), `hostile ${c.id}`]);

  it.each(CODES.map((c) => [c]))("%s", (code) => {
    const host = (MESSAGES[code] as { host?: string }).host;
    expect({ code, producedBy: cased.get(code) ?? (host ? [`only the ${host} host`] : []) }).toEqual({ code, producedBy: expect.arrayContaining([expect.any(String)]) });
  });

  it("names only codes of the catalogue, and a host's own code only for that host", () => {
    for (const c of BAD_INPUT) {
      for (const e of c.expect) {
        expect(CODES).toContain(e.code);
        const host = (MESSAGES[e.code] as { host?: string }).host;
        if (host) expect({ id: c.id, hosts: c.hosts }).toEqual({ id: c.id, hosts: [host] });
      }
    }
    for (const c of HOSTILE) if (c.expect.code) expect(CODES).toContain(c.expect.code);
  });
});

describe("parameters are written by their types", () => {
  it("writes amounts with Swedish digits, years and counts plainly", () => {
    const f = finding("LEDGER_BALANCE_SKIPPED", "Huvudbok", { sheet: "Huvudbok", row: 4, col: 0 }, { count: 1200, sum: -469135.79 });
    expect(messageOf(f)).toBe("Huvudbok har 1200 rader med balanskonton (klass 1 och 2) eller konton i grupp 89, summa \u2212469\u00a0135,79. De ingår inte i resultatet och hoppas över (den första är Huvudbok!A5).");
    expect(formatMessage("LEDGER_BUDGET_COLUMNS", { value: "Budget 2023, Budget 2025", year: 2024 }, { range: "Huvudbok", cell: "Huvudbok!A1" })).toContain("ingen för året 2024 ");
  });

  it("writes a row's key, an item kind and the counted cells in words", () => {
    const f = finding("ACTUAL_KIND_FROM_SIGN", "Utfall", { sheet: "Utfall", row: 5, col: 0 }, { key: { item: "Konsulter", responsibility: "Skola" }, kind: "cost" });
    expect(messageOf(f)).toBe("Utfall!A6: ”Konsulter” (ansvar ”Skola”) saknar budget och typ; den redovisas som kostnad utifrån beloppets tecken.");
    const dup = finding("KEY_DUPLICATE", "Budget", { sheet: "Budget", row: 1, col: 0 }, { key: { item: "Lön", responsibility: null, kind: "cost" } }, [{ sheet: "Budget", row: 2, col: 0 }]);
    expect(messageOf(dup)).toContain("(”Lön” [kostnad]): Budget!A2 och Budget!A3.");
    const formula = finding("FORMULA_NOT_CALCULATED", "Utfall", { sheet: "Utfall", row: 1, col: 2 }, { column: "Utfall", formula: "=A1", more: 3 });
    expect(messageOf(formula)).toContain("(=A1) och 3 celler till i samma kolumn.");
    expect(messageOf(finding("FORMULA_NOT_CALCULATED", "Utfall", null, { column: "Utfall", formula: "=A1", more: 0 }))).toContain("(=A1). Programmet");
  });

  it("writes sizes in megabytes and cell values as numbers or text", () => {
    expect(new UppfoljningError("FILE_TOO_LARGE", { path: "a.xlsx", limit: 1024 * 1024 * 1024 }).message).toBe("Filen a.xlsx är större än 1024 MB, det största Uppföljning läser.");
    expect(messageOf(finding("SCALE_OUT_OF_RANGE", "Risker", { sheet: "Risker", row: 2, col: 2 }, { column: "Konsekvens", value: -1.5, max: 4 }))).toContain("men är \u22121,5.");
    expect(messageOf(finding("NUMBER_EXPECTED", "Utfall", { sheet: "Utfall", row: 1, col: 1 }, { column: "Utfall", value: "åttio" }))).toContain("innehåller ”åttio”");
  });

  it("formats numbers in one place: the report's prose uses the catalogue's swedishNumber", () => {
    for (const [n, d] of [[-1234.56, 1], [1234567.891, 2], [0.05, 0], [-0.04, 1], [999.95, 1]] as const) {
      expect(formatNumber(n, d)).toBe(swedishNumber(Number(formatNumber(n, d).replace("\u2212", "-").replace(/\u00a0/g, "").replace(",", ".")), { decimals: d }));
    }
    expect(formatNumber(-1234.56, 1)).toBe("\u22121\u00a0234,6");
    expect(swedishNumber(83166.5)).toBe("83\u00a0166,5");
    expect(swedishNumber(2.5, { plus: true })).toBe("+2,5");
  });
});
