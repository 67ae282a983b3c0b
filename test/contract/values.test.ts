import { parseSwedishNumber, readNumber } from "../../src/contract/values";
import { Finding } from "../../src/findings/findings";

describe("parseSwedishNumber", () => {
  it.each([
    ["1 234,5", 1234.5],
    ["\u22124,7", -4.7],
    ["-4,7", -4.7],
    ["12 %", 0.12],
    ["1\u00a0234\u00a0567", 1234567],
    ["1\u202f000,25", 1000.25],
    ["3.5", 3.5],
    ["1.234,5", 1234.5],
    ["+7", 7],
    ["  42 ", 42],
  ])("reads %j as %d", (text, expected) => {
    expect(parseSwedishNumber(text)).toBeCloseTo(expected, 10);
  });

  it.each(["", "abc", "1,2,3", "12 kr", "--4", "1e5x", "NaN", "Infinity"])("refuses %j", (text) => {
    expect(parseSwedishNumber(text)).toBeNull();
  });
});

describe("readNumber", () => {
  const at = { sheet: "Utfall", row: 6, col: 2 };
  const read = (cell: Parameters<typeof readNumber>[0]) => {
    const findings: Finding[] = [];
    const value = readNumber(cell, { range: "Utfall", column: "Utfall", at, findings });
    return { value, findings };
  };

  it("reads a number typed as Swedish text with a notice naming the cell", () => {
    const { value, findings } = read("\u22124,7");
    expect(value).toBe(-4.7);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "NUMBER_FROM_TEXT", severity: "notice", range: "Utfall", at });
  });

  it("gives an error for words, error values, dates and never a NaN", () => {
    expect(read("ungefär tio")).toMatchObject({ value: null, findings: [{ code: "NUMBER_EXPECTED", severity: "error" }] });
    expect(read({ error: "#N/A" })).toMatchObject({ value: null, findings: [{ code: "CELL_ERROR_VALUE" }] });
    expect(read(new Date(2024, 0, 5))).toMatchObject({ value: null, findings: [{ code: "DATE_NOT_AMOUNT" }] });
    expect(read(Number.NaN)).toMatchObject({ value: null, findings: [{ code: "NUMBER_NOT_FINITE" }] });
    expect(read(1e16)).toMatchObject({ value: null, findings: [{ code: "NUMBER_NOT_FINITE" }] });
  });

  it("refuses a formula without a computed value, never reading it as 0", () => {
    expect(read({ formula: "=SUM(A1:A3)" })).toMatchObject({ value: null, findings: [{ code: "FORMULA_NOT_CALCULATED", severity: "error" }] });
  });

  it("refuses a value that cannot be what the file says, naming why", () => {
    expect(read({ invalid: "”0x10” är inte ett tal" })).toMatchObject({ value: null, findings: [{ code: "CELL_INVALID", severity: "error" }] });
  });

  it("reads blanks as null without findings", () => {
    expect(read(null)).toEqual({ value: null, findings: [] });
    expect(read("   ")).toEqual({ value: null, findings: [] });
  });
});
