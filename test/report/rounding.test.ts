import fc from "fast-check";
import { roundReport } from "../../src/engine/amounts";
import { hasRoundingDifference, roundEach, roundSummable, roundToSum, SumNode } from "../../src/report/rounding";

const tenths = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 10), 0);

describe("rounding that adds up", () => {
  it("gives the difference to the values rounded furthest from it (Stöd & process's intäkter: 31,4 printed against 31,3)", () => {
    // Three lines that print as 10,5 + 10,5 + 10,4 = 31,4 while their exact sum 31,33 prints as 31,3.
    const parts = [10.45, 10.46, 10.42];
    const total = 31.33;
    expect(tenths(parts.map((p) => Math.round(p * 10) / 10))).toBe(314);
    const r = roundToSum(parts, 31.3, 1);
    expect(tenths(r)).toBe(313);
    expect(r).toEqual([10.4, 10.5, 10.4]);
    const tree: SumNode = { value: total, parts: parts.map((value) => ({ value })) };
    expect(hasRoundingDifference(tree, roundEach(tree, 1), 1)).toBe(true);
    expect(hasRoundingDifference(tree, roundSummable(tree, 1), 1)).toBe(false);
  });

  it("leaves values alone when they already add up, and keeps nulls", () => {
    expect(roundToSum([1.2, 3.4], 4.6, 1)).toEqual([1.2, 3.4]);
    const tree: SumNode = { value: 4.6, parts: [{ value: 1.2 }, { value: null }, { value: 3.4 }] };
    const printed = roundSummable(tree, 1);
    expect([...printed.values()]).toEqual([4.6, 1.2, null, 3.4]);
    expect(hasRoundingDifference(tree, roundEach(tree, 1), 1)).toBe(false);
  });

  it("property: parts sum to the rounded total, none moves a whole unit from its exact value, signs mixed", () => {
    const value = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), fc.constantFrom(0, 1, 2), (parts, d) => {
        const exactTotal = parts.reduce((s, p) => s + Math.round(p * 1000), 0) / 1000;
        const target = roundReport(exactTotal, d);
        const tree: SumNode = { value: exactTotal, parts: parts.map((v) => ({ value: v })) };
        const printed = roundSummable(tree, d);
        const r = parts.map((_, i) => printed.get((tree.parts as SumNode[])[i]) as number);
        expect(r.reduce((s, x) => s + Math.round(x * 10 ** d), 0)).toBe(Math.round((printed.get(tree) as number) * 10 ** d));
        expect(Math.abs((printed.get(tree) as number) - target)).toBeLessThan(1e-9);
        r.forEach((x, i) => expect(Math.abs(x - parts[i])).toBeLessThan(10 ** -d));
        expect(hasRoundingDifference(tree, printed, d)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("rounds a tree from the top: lines sum to their subtotal, subtotals to the result", () => {
    const revenue: SumNode = { value: 31.33, parts: [{ value: 10.45 }, { value: 10.46 }, { value: 10.42 }] };
    const cost: SumNode = { value: -20.26, parts: [{ value: -10.13 }, { value: -10.13 }] };
    const result: SumNode = { value: 11.07, parts: [revenue, cost] };
    const p = roundSummable(result, 1);
    expect(p.get(result)).toBe(11.1);
    expect(Math.round(((p.get(revenue) as number) + (p.get(cost) as number)) * 10)).toBe(111);
    expect(tenths((revenue.parts as SumNode[]).map((x) => p.get(x) as number))).toBe(Math.round((p.get(revenue) as number) * 10));
    expect(tenths((cost.parts as SumNode[]).map((x) => p.get(x) as number))).toBe(Math.round((p.get(cost) as number) * 10));
  });
});
