import { columnPoints, textWidth, widthForPoints, wrapLines } from "../../src/report/measure";

describe("measuring text as Calibri prints it", () => {
  it("gives digits their fixed width and bold text a wider one", () => {
    expect(textWidth("0123456789", 10)).toBeCloseTo(50.7, 1);
    expect(textWidth("Personalkostnader", 10, true)).toBeGreaterThan(textWidth("Personalkostnader", 10));
  });

  it("converts Excel's column units to points and back", () => {
    expect(columnPoints(9.140625)).toBe(48); // Excel's default column (8,43 characters shown, stored as 9,140625): 64 px
    for (const pts of [20, 48, 100, 333]) expect(columnPoints(widthForPoints(pts))).toBeGreaterThanOrEqual(pts);
  });

  it("wraps only at spaces, never wider than the line unless one word is", () => {
    const text = "Nämnden prognostiserar ett överskott på 4,0 mnkr för helåret exklusive över-/underskott från tidigare år.";
    const lines = wrapLines(text, 150, 10);
    expect(lines.join(" ")).toBe(text);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(150);
    expect(wrapLines("Budget jan–aug 2024", 60, 10, true)).toEqual(["Budget", "jan–aug 2024"]);
    expect(wrapLines("Budget jan–aug 2024", 70, 10, true)).toEqual(["Budget jan–aug", "2024"]);
  });
});
