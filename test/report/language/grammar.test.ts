import { agree, counted, countWord, inSentence, list, numberWord, paragraph, sentence } from "../../../src/report/language/grammar";
import { A, N } from "../../../src/report/language/lexicon";
import { swedishProblems } from "../../support/swedishLint";

describe("Swedish grammar", () => {
  it("writes small counts as words agreeing in gender, larger ones as grouped digits", () => {
    expect(counted(1, N.risk)).toBe("en risk");
    expect(counted(1, N.konto)).toBe("ett konto");
    expect(counted(2, N.risk)).toBe("två risker");
    expect(counted(8, N.indikator)).toBe("åtta indikatorer");
    expect(counted(12, N.konto)).toBe("tolv konton");
    expect(counted(13, N.konto)).toBe("13 konton");
    expect(counted(1234, N.konto)).toBe("1\u00a0234 konton");
    expect(counted(0, N.risk)).toBe("inga risker");
    expect(countWord(0, N.konto)).toBe("inget");
    expect(() => numberWord(1.5, "utrum")).toThrow(RangeError);
    expect(() => numberWord(-1, "utrum")).toThrow(RangeError);
  });

  it("agrees participles with number and gender", () => {
    expect(agree(A.uppfylld, 1, N.indikator)).toBe("uppfylld");
    expect(agree(A.uppfylld, 1, N.mal)).toBe("uppfyllt");
    expect(agree(A.uppfylld, 2, N.indikator)).toBe("uppfyllda");
    expect(agree(A.hog, 1, N.riskvarde)).toBe("högt");
  });

  it("joins lists with och and no comma before it", () => {
    expect(list([])).toBe("");
    expect(list(["a"])).toBe("a");
    expect(list(["a", "b"])).toBe("a och b");
    expect(list(["a", "b", "c"])).toBe("a, b och c");
    expect(list(["a", "", "c"])).toBe("a och c");
  });

  it("lower-cases names inside a sentence but keeps acronyms", () => {
    expect(inSentence("Personalkostnader")).toBe("personalkostnader");
    expect(inSentence("IT-kostnader")).toBe("IT-kostnader");
    expect(inSentence("NKI")).toBe("NKI");
  });

  it("assembles sentences without double spaces, empty parts or a missing full stop", () => {
    expect(sentence("en risk", null, "har", "", "ett mycket högt riskvärde")).toBe("En risk har ett mycket högt riskvärde.");
    expect(sentence("resultatet är 4,0 mnkr", "(", "budget 0,0 mnkr", ")")).toBe("Resultatet är 4,0 mnkr (budget 0,0 mnkr).");
    expect(sentence("a", ",", "b")).toBe("A, b.");
    expect(sentence(null, false, "")).toBe("");
    expect(paragraph("En mening.", "", null, "En till.")).toBe("En mening. En till.");
  });

  it("never produces the forms the language check forbids, over every count and gender", () => {
    for (const n of [0, 1, 2, 3, 7, 12, 13, 99, 1000]) {
      for (const noun of Object.values(N)) {
        const s = sentence(counted(n, noun), "finns");
        expect(swedishProblems(s)).toEqual([]);
      }
    }
  });

  it("the language check catches what it is meant to catch", () => {
    expect(swedishProblems("1 risker har högt riskvärde.")).not.toEqual([]);
    expect(swedishProblems("Två risk har högt riskvärde.")).not.toEqual([]);
    expect(swedishProblems("Av 8 indikatorer är två uppfyllda.")).not.toEqual([]);
    expect(swedishProblems("Resultatet är  bra.")).not.toEqual([]);
    expect(swedishProblems("Resultatet är bra .")).not.toEqual([]);
    expect(swedishProblems("Resultatet. . Bra.")).not.toEqual([]);
    expect(swedishProblems("The result is null.")).not.toEqual([]);
    expect(swedishProblems("Ett risk.")).not.toEqual([]);
    expect(swedishProblems("Resultatet är -4,5 mnkr.")).not.toEqual([]);
    expect(swedishProblems("Av åtta indikatorer är två uppfyllda, tre delvis uppfyllda och två ej uppfyllda.")).toEqual([]);
  });
});
