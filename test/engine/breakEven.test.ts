import fc from "fast-check";
import { breakEven, breakEvenExact } from "../../src/engine/breakEven";
import * as fs from "fs";
import { buildExampleWorkbook, GOLDEN_CARRYOVER, GOLDEN_POSTS } from "../../scripts/exampleWorkbook";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { compute } from "../../src/pipeline";
import { minimalRanges, tempDir, workbook } from "../support/sheets";

const golden = (item: string) => GOLDEN_POSTS.find((p) => p.item === item)?.budgetYear as number;

describe("break-even", () => {
  // The bundled example (mkr): forecast result 3,99 excl. (printed 4,0) and −3,01 incl. över-/underskott (−7,0).
  const excluding = Number(GOLDEN_POSTS.reduce((s, p) => s + p.forecast, 0).toFixed(9));
  const including = Number((excluding + GOLDEN_CARRYOVER.forecast).toFixed(9));

  it("on the example's figures: the improvement a deficit of 3,0 mkr needs", () => {
    expect([excluding, including]).toEqual([3.99, -3.01]);
    // Personalkostnader, budget −478,97: they need to fall by 3,01 / 478,97 = 0,628 %.
    expect(breakEven(golden("Personalkostnader"), including)).toEqual({ change: -0.006284318, kind: "improvement", direction: "decrease" });
    // Övriga intäkter, 840,94: they need to rise by 0,358 %.
    expect(breakEven(golden("Övriga intäkter"), including)).toEqual({ change: 0.003579328, kind: "improvement", direction: "increase" });
    // Köp av verksamhet, −2,77: even without any of it the result stays below zero.
    expect(breakEven(golden("Köp av verksamhet"), including)).toBeNull();
  });

  it("on a surplus: how far a factor may move before the result turns negative", () => {
    // With the result excl. över-/underskott, +3,99: personalkostnader may grow by 0,833 %, revenue fall by 0,474 %.
    expect(breakEven(-479, excluding)).toEqual({ change: 0.008329854, kind: "allowance", direction: "increase" });
    expect(breakEven(840.9, excluding)).toEqual({ change: -0.004744916, kind: "allowance", direction: "decrease" });
    // A revenue of 2,5 cannot fall by more than all of it: no break-even. Exactly all of it is one.
    expect(breakEven(2.5, excluding)).toBeNull();
    expect(breakEven(3.99, excluding)).toEqual({ change: -1, kind: "allowance", direction: "decrease" });
    expect(breakEven(-4, -4)).toEqual({ change: -1, kind: "improvement", direction: "decrease" });
  });

  it("is null without a base, and zero on a result of exactly zero", () => {
    expect(breakEven(0, 3)).toBeNull();
    expect(breakEven(0, 0)).toBeNull();
    expect(breakEven(-479, 0)).toEqual({ change: 0, kind: "allowance", direction: "none" });
  });

  it("is exact: a deficit of 0,1 + 0,2 against a base of 0,3 needs 100 %, not 100,00000000000001 %", () => {
    expect(breakEven(0.3, -(0.1 + 0.2))).toEqual({ change: 1, kind: "improvement", direction: "increase" });
    expect(breakEven(-0.3, 0.30000000000000004)).toEqual({ change: 1, kind: "allowance", direction: "increase" });
    expect(breakEvenExact(-4790n * 10n ** 20n, 30n * 10n ** 20n)).toEqual({ change: 0.006263048, kind: "allowance", direction: "increase" });
  });

  it("brings the result to zero: R + b Δ = 0 to within the rounding of Δ, and is null exactly when Δ < −1", () => {
    const amount = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000);
    fc.assert(
      fc.property(amount, amount, (base, result) => {
        const b = breakEven(base, result);
        const exact = -result / base;
        if (base === 0 || exact < -1) {
          expect(b).toBeNull();
          return;
        }
        expect(b).not.toBeNull();
        if (!b) return;
        expect(Math.abs(result + base * b.change)).toBeLessThanOrEqual(Math.abs(base) * 5e-10 + 1e-9);
        expect(b.kind).toBe(result < 0 ? "improvement" : "allowance");
        expect(b.direction).toBe(exact > 0 ? "increase" : exact < 0 ? "decrease" : "none");
        expect(b.change).toBeGreaterThanOrEqual(-1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("break-even in the sensitivity analysis", () => {
  it("is given for every factor of the bundled example against its forecast result incl. över-/underskott", async () => {
    const file = `${tempDir()}/exempel.xlsx`;
    await buildExampleWorkbook().xlsx.writeFile(file);
    const c = compute((await readWorkbook(fs.readFileSync(file), file, () => true)).source);
    if (!c.ok) throw new Error("the example has errors");
    const result = c.result.income.totals.resultIncludingCarryover.forecast as number;
    expect(c.result.sensitivity.length).toBeGreaterThan(0);
    for (const s of c.result.sensitivity) expect(s.breakEven).toEqual(breakEven(s.base, result));
    // The example's own factors are on the budget's totals and posts: each has one.
    expect(c.result.sensitivity.every((s) => s.breakEven !== null && s.breakEven.kind === "improvement")).toBe(true);
  });

  it("is null without a forecast", () => {
    const c = compute(workbook(minimalRanges()));
    if (!c.ok) throw new Error("errors");
    expect(c.result.sensitivity.map((s) => s.breakEven)).toEqual(c.result.sensitivity.map(() => null));
  });
});
