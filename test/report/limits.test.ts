/**
 * What the report and the figures carry is bounded (issue 19): a list longer than LIST_ROWS_SHOWN is summarised with
 * a notice (its figures still computed from every row), a report with more text or more statement lines than a
 * delårsrapport can hold is refused naming the limit before it is laid out, and the `--json` document has a size
 * past which it is refused.
 */
import { UppfoljningError } from "../../src/findings/errors";
import { toPublic } from "../../src/findings/findings";
import { compute, LIST_ROWS_SHOWN } from "../../src/pipeline";
import { buildReport, MAX_REPORT_CHARS, MAX_REPORT_LINES } from "../../src/report/build";
import { contractJsonBytes } from "../../src/report/json";
import { NOW } from "../support/report";
import { workbook } from "../support/sheets";

const settings = { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 6]] };
const budget = { rows: [["Post", "Typ", "Helår"], ["Avgifter", "Intäkt", 1200], ["Löner", "Kostnad", -900]] };
const actual = { rows: [["Post", "Utfall"], ["Avgifter", 600], ["Löner", -450]] };

function risks(count: number, comment: string) {
  return { rows: [["Risk", "Sannolikhet", "Konsekvens", "Kommentar"], ...Array.from({ length: count }, (_, i) => [`Risk ${i}`, 1 + (i % 4), 1 + ((i >> 2) % 4), comment])] };
}

function refusal(run: () => unknown): string {
  try {
    run();
    return "built";
  } catch (e) {
    return e instanceof UppfoljningError ? `${e.code} ${e.message}` : String(e);
  }
}

describe("lists, text and lines", () => {
  it("summarises a long list with a notice; every figure still counts every row", () => {
    const c = compute(workbook({ Budget: budget, Utfall: actual, Inställningar: settings, Risker: risks(LIST_ROWS_SHOWN + 100, "Bevakas.") }), NOW);
    if (!c.ok) throw new Error("errors");
    expect(c.result.risks).toHaveLength(LIST_ROWS_SHOWN);
    // Highest risk value first, as the report orders them.
    expect(c.result.risks[0].riskValue).toBe(16);
    const notice = c.findings.map(toPublic).find((f) => f.code === "REPORT_LIST_SHORTENED");
    expect(notice?.message).toBe(`Risker har ${LIST_ROWS_SHOWN + 100} rader; rapporten visar ${LIST_ROWS_SHOWN} av dem (de med högst riskvärde). Alla rader räknas med i siffrorna.`);
    const model = buildReport(c.result, c.findings, { now: NOW });
    expect(model.blocks.find((b) => b.id === "risks")?.rows.length).toBeLessThan(LIST_ROWS_SHOWN + 10);
  });

  it("refuses a report with more text than it can carry, naming the limit, before it is laid out", () => {
    const c = compute(workbook({ Budget: budget, Utfall: actual, Inställningar: settings, Risker: risks(LIST_ROWS_SHOWN, "x".repeat(Math.ceil(MAX_REPORT_CHARS / LIST_ROWS_SHOWN) + 10)) }), NOW);
    if (!c.ok) throw new Error("errors");
    expect(refusal(() => buildReport(c.result, c.findings, { now: NOW }))).toBe("REPORT_TEXT_TOO_LARGE Rapporten skulle innehålla mer än 2\u00a0000\u00a0000 tecken text, fler än någon kan läsa i en delårsrapport. Korta kommentarerna eller listorna i indata och kör igen.");
  });

  it("refuses more statement lines than a report holds, before any section is built", () => {
    const posts = MAX_REPORT_LINES + 1;
    const b = { rows: [["Post", "Typ", "Helår"], ...Array.from({ length: posts }, (_, i) => [`Post ${i}`, "Intäkt", 1])] };
    const a = { rows: [["Post", "Utfall"], ...Array.from({ length: posts }, (_, i) => [`Post ${i}`, 1])] };
    const c = compute(workbook({ Budget: b, Utfall: a, Inställningar: settings }), NOW);
    if (!c.ok) throw new Error("errors");
    expect(refusal(() => buildReport(c.result, c.findings, { now: NOW }))).toMatch(/^REPORT_TOO_MANY_LINES Rapporten skulle få 20\u00a0001 rader/);
  });

  it("counts a resultaträkning for every ansvar, which repeats the posts once per ansvar, against the same limit", () => {
    // 150 posts under each of 150 ansvar: the nämnd's statement has 150 lines, the per-ansvar table 150 rows, and a
    // resultaträkning for every ansvar 22 500 lines more, and 8 rows of its own each (150 + 150 + 22 500 + 1 200).
    const rows = (figure: string) => [["Post", "Ansvar", "Typ", figure], ...Array.from({ length: 150 * 150 }, (_, i) => [`Post ${i % 150}`, `Ansvar ${Math.floor(i / 150)}`, "Intäkt", 1])];
    const b = { rows: rows("Helår") };
    const a = { rows: rows("Utfall").map((r) => [r[0], r[1], r[3]]) };
    const per = (choice: string) => ({ rows: [...settings.rows, ["Resultaträkning per ansvar", choice]] });
    const c = compute(workbook({ Budget: b, Utfall: a, Inställningar: per("Alla") }), NOW);
    if (!c.ok) throw new Error(c.findings.map((f) => f.code).join());
    expect(refusal(() => buildReport(c.result, c.findings, { now: NOW }))).toMatch(/^REPORT_TOO_MANY_LINES Rapporten skulle få 24\u00a0000 rader i resultaträkningen, redovisningen per ansvar, resultaträkningarna per ansvar/);
    const one = compute(workbook({ Budget: b, Utfall: a, Inställningar: per("Ansvar 7") }), NOW);
    if (!one.ok) throw new Error(one.findings.map((f) => f.code).join());
    expect(refusal(() => buildReport(one.result, one.findings, { now: NOW }))).toBe("built");
  });

  it("refuses a --json document past its size, naming the limit", () => {
    const c = compute(workbook({ Budget: budget, Utfall: actual, Inställningar: settings }), NOW);
    if (!c.ok) throw new Error("errors");
    const whole = contractJsonBytes(c.result, c.findings);
    expect(JSON.parse(whole.toString("utf8")).income).toHaveLength(2);
    expect(refusal(() => contractJsonBytes(c.result, c.findings, whole.length - 1))).toMatch(/^REPORT_OUTPUT_TOO_LARGE Siffrorna som JSON skulle bli större än/);
    expect(contractJsonBytes(c.result, c.findings, whole.length).equals(whole)).toBe(true);
  });
});
