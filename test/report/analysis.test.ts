import { writeAnalysis } from "../../src/report/analysis";
import { formatAmount, formatNumber, itemSubject, periodWords } from "../../src/report/swedish";
import { computed } from "../support/report";
import { SheetRange, workbook } from "../support/sheets";

function analysis(budget: (string | number)[][], actual: (string | number)[][], extra: Record<string, SheetRange> = {}, months = 8): string[] {
  return writeAnalysis(
    computed(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ...budget] },
        Utfall: { rows: [["Post", "Utfall"], ...actual] },
        Inställningar: { rows: [["Inställning", "Värde"], ["Period", months], ["År", 2024], ["Enhet in", "mkr"]] },
        ...extra,
      }),
    ).result,
  );
}

describe("Swedish number and word forms", () => {
  it("writes numbers with decimal comma, non-breaking thousands space and a real minus", () => {
    expect(formatNumber(1234.5, 1)).toBe("1\u00a0234,5");
    expect(formatNumber(-4.7, 1)).toBe("\u22124,7");
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(15.7, 1, true)).toBe("+15,7");
    expect(formatAmount(4.5, 1, "mkr")).toBe("4,5\u00a0mnkr");
  });

  it("names the period and the subject of a sentence", () => {
    expect(periodWords(8, 2024)).toBe("januari–augusti 2024");
    expect(periodWords(1, 2025)).toBe("januari 2025");
    expect(itemSubject("Personalkostnader")).toBe("Personalkostnaderna");
    expect(itemSubject("Köp av verksamhet")).toBe("Utfallet för köp av verksamhet");
    expect(itemSubject("IT-kostnader")).toBe("Utfallet för IT-kostnader");
  });
});

describe("written analysis", () => {
  it("states the result against budget and the largest variances with direction and amount", () => {
    const [result, variances] = analysis(
      [["Intäkter", "Intäkt", 843.6], ["Personalkostnader", "Kostnad", -466.2], ["Köp av verksamhet", "Kostnad", -2.85]],
      [["Intäkter", 554.9], ["Personalkostnader", -306.3], ["Köp av verksamhet", -1.0]],
    );
    expect(result).toBe("Resultatet för januari–augusti 2024 är +247,6\u00a0mnkr, vilket är 2,1\u00a0mnkr sämre än budget för perioden (+249,7\u00a0mnkr).");
    expect(variances).toBe(
      "De största avvikelserna mot budget: Utfallet för intäkter är 7,5\u00a0mnkr lägre än budget för perioden (1,3\u00a0%). " +
        "Personalkostnaderna är 4,5\u00a0mnkr lägre än budget för perioden (1,4\u00a0%). " +
        "Utfallet för köp av verksamhet är 0,9\u00a0mnkr lägre än budget för perioden (47,4\u00a0%).",
    );
  });

  it("writes a negative result with a minus sign and says when the result is in line with budget", () => {
    const [negative] = analysis([["Intäkter", "Intäkt", 120], ["Lön", "Kostnad", -150]], [["Intäkter", 80], ["Lön", -100]]);
    expect(negative).toContain("är \u221220,0\u00a0mnkr, i nivå med budget för perioden (\u221220,0\u00a0mnkr)");
  });

  it("counts indicators with singular and plural forms and names those not met", () => {
    const ind = (rows: (string | number | null)[][]) =>
      analysis([["A", "Intäkt", 12]], [["A", 8]], { Indikatorer: { rows: [["Indikator", "Utfall", "Mål"], ...rows] } }).find((p) => p.startsWith("Av "));
    expect(ind([["Besök", 100, 100]])).toBe("Av 1 indikator 1 är uppfylld.");
    expect(ind([["Besök", 100, 100], ["Lån", 10, 100], ["Nöjdhet", 90, 100], ["Väntetid", null, 5]])).toBe(
      "Av 4 indikatorer 1 är uppfylld, 1 är delvis uppfylld och 1 är inte uppfylld; 1 kan ännu inte bedömas. Inte uppfyllt: Lån.",
    );
    expect(ind([["Lån", 10, 100], ["Utlån", 1, 100]])).toBe("Av 2 indikatorer 2 är inte uppfyllda. Inte uppfyllt: Lån och Utlån.");
  });

  it("names the highest risks, singular or plural", () => {
    const risks = (rows: (string | number)[][]) =>
      analysis([["A", "Intäkt", 12]], [["A", 8]], { Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens"], ...rows] } }).find((p) => /risk/i.test(p));
    expect(risks([["Brand", 4, 4], ["Läcka", 3, 3], ["Strejk", 2, 4]])).toBe("1 risk har mycket högt riskvärde: Brand (16). 2 risker har högt riskvärde: Läcka (9) och Strejk (8).");
    expect(risks([["Regn", 1, 2]])).toBe("Den bedömda risken har inte högt riskvärde.");
  });

  it("never states a cause", () => {
    const text = analysis([["A", "Intäkt", 12]], [["A", 20]]).join(" ");
    expect(text).not.toMatch(/på grund av|beror på|eftersom/);
  });
});
