/**
 * Issue 23's sentences as a language: Prognosförändring, Prognossäkerhet's largest miss, the interval and
 * break-even, for zero, one and many, and for each sign; every one passing the Swedish lint.
 */
import { PHRASES } from "../../../src/report/language/phrases";
import { Voice } from "../../../src/report/language/words";
import { swedishProblems } from "../../support/swedishLint";

const NB = "\u00a0";
const v = new Voice(1, "mkr");
const all: string[] = [];
const said = (s: string | null): string | null => {
  if (s) all.push(s);
  return s;
};

describe("Prognosförändring", () => {
  it("says how the forecast of the result moved, each way and not at all", () => {
    expect(said(PHRASES.forecastChange({ month: "april", change: 1.2, forecast: 4, largest: null }, v))).toBe(`Prognosen för årets resultat har förbättrats med 1,2${NB}mnkr sedan april, till +4,0${NB}mnkr.`);
    expect(said(PHRASES.forecastChange({ month: "april", change: -0.95, forecast: -3, largest: null }, v))).toBe(`Prognosen för årets resultat har försämrats med 1,0${NB}mnkr sedan april, till −3,0${NB}mnkr.`);
    expect(said(PHRASES.forecastChange({ month: "augusti", change: 0.04, forecast: 0, largest: { item: "Personalkostnader", change: 0.01 } }, v))).toBe(
      `Prognosen för årets resultat är oförändrad sedan augusti, 0,0${NB}mnkr.`,
    );
    expect(said(PHRASES.forecastChange({ month: "april", change: 1.2, forecast: 4, largest: { item: "Köp av verksamhet", change: -2 } }, v))).toBe(
      `Prognosen för årets resultat har förbättrats med 1,2${NB}mnkr sedan april, till +4,0${NB}mnkr. Den största förändringen gäller köp av verksamhet (−2,0${NB}mnkr).`,
    );
  });
});

describe("Prognossäkerhet", () => {
  it("names the largest miss, better or worse than forecast, for one forecast or several", () => {
    expect(said(PHRASES.accuracyLargest({ when: "april 2024", difference: 1.615, share: 0.0019, count: 2, responsibility: null }, v))).toBe(
      `Störst avvikelse hade prognosen i april 2024: resultatet blev 1,6${NB}mnkr bättre än prognosen (0,2${NB}% av kostnaderna).`,
    );
    expect(said(PHRASES.accuracyLargest({ when: "augusti 2023", difference: -3, share: null, count: 1, responsibility: { name: "Område 4", when: "augusti 2023", difference: -2.1 } }, v))).toBe(
      `Prognosen i augusti 2023: resultatet blev 3,0${NB}mnkr sämre än prognosen. Per ansvar var avvikelsen störst för Område 4 i augusti 2023, 2,1${NB}mnkr sämre än prognosen.`,
    );
    expect(said(PHRASES.accuracyLargest({ when: "april 2024", difference: 0.01, share: 0, count: 1, responsibility: null }, v))).toBe("Prognosen för årets resultat stämde med utfallet.");
    expect(said(PHRASES.accuracyLargest({ when: "april 2024", difference: 0, share: 0, count: 3, responsibility: null }, v))).toBe("Prognoserna för årets resultat stämde med utfallet.");
  });
});

describe("the interval", () => {
  it("gives the probability of a deficit and the 80 % range, with and without risks", () => {
    expect(said(PHRASES.interval({ p10: -6.1, p90: 1.2, probabilityDeficit: 0.35, risks: 3, carryover: false }, v))).toBe(
      `Med hänsyn till riskerna är sannolikheten för ett underskott 35${NB}%; resultatet hamnar med 80${NB}% sannolikhet mellan −6,1 och +1,2${NB}mnkr.`,
    );
    expect(said(PHRASES.interval({ p10: -13.9, p90: 2.3, probabilityDeficit: 0.8208, risks: 1, carryover: true }, v))).toBe(
      `Med hänsyn till riskerna är sannolikheten för ett underskott 82${NB}%; resultatet inklusive över-/underskott hamnar med 80${NB}% sannolikhet mellan −13,9 och +2,3${NB}mnkr.`,
    );
    expect(said(PHRASES.interval({ p10: 2, p90: 5, probabilityDeficit: 0, risks: 0, carryover: false }, v))).toBe(
      `Sannolikheten för ett underskott är försumbar; resultatet hamnar med 80${NB}% sannolikhet mellan +2,0 och +5,0${NB}mnkr.`,
    );
    expect(said(PHRASES.interval({ p10: 0.5, p90: 5, probabilityDeficit: 0.003, risks: 0, carryover: false }, v))).toContain(`underskott är under 1${NB}%;`);
    expect(said(PHRASES.interval({ p10: -9, p90: -5, probabilityDeficit: 0.998, risks: 2, carryover: false }, v))).toContain(`underskott över 99${NB}%;`);
    expect(said(PHRASES.interval({ p10: -9, p90: -5, probabilityDeficit: 1, risks: 2, carryover: false }, v))).toContain(`underskott i praktiken 100${NB}%;`);
    // No spread and no risks: one figure, not a range.
    expect(said(PHRASES.interval({ p10: 23, p90: 23, probabilityDeficit: 0, risks: 0, carryover: false }, v))).toBe(`Sannolikheten för ett underskott är försumbar; resultatet hamnar med 80${NB}% sannolikhet på +23,0${NB}mnkr.`);
  });

  it("says where the spread comes from and which risks are in it, zero, one and many", () => {
    const base = { simulations: 20000, requested: 20000, years: [], spread: { revenue: 0.02, cost: 0.01 }, risksWithout: 0 };
    const setting = said(PHRASES.intervalNote({ ...base, source: "setting", risks: 0 })) as string;
    expect(setting).toContain(`bygger på 20${NB}000 simuleringar av`);
    // Fewer than the setting asked for (many posts and risks): the note says how many and why.
    expect(said(PHRASES.intervalNote({ ...base, simulations: 3200, source: "setting", risks: 0 }))).toContain(
      `Intervallet bygger på 3${NB}200 simuleringar (inte inställningens 20${NB}000, eftersom posterna och riskerna är så många) av årets`,
    );
    expect(setting).toContain(`inställningen Prognososäkerhet: en standardavvikelse på 2,0${NB}% av den återstående delen för intäkter och 1,0${NB}% för kostnader`);
    expect(setting).toContain("Inga risker ingår: det behövs både en sannolikhet i procent och en ekonomisk konsekvens.");
    const history = said(PHRASES.intervalNote({ ...base, source: "history", years: [2021, 2022, 2023], risks: 1, risksWithout: 2 })) as string;
    expect(history).toContain("Spridningen kommer från hur prognoserna vid samma period träffade utfallet åren 2021, 2022 och 2023.");
    expect(history).toContain("En risk med sannolikhet och ekonomisk konsekvens ingår; två risker utan sannolikhet i procent ingår inte.");
    expect(said(PHRASES.intervalNote({ ...base, source: "setting", risks: 5 }))).toContain("Fem risker med sannolikhet och ekonomisk konsekvens ingår.");
    expect(said(PHRASES.intervalNote({ ...base, source: "setting", risks: 0, risksWithout: 1 }))).toContain("(en risk saknar sannolikhet).");
  });
});

describe("break-even", () => {
  const be = (p: Partial<Parameters<typeof PHRASES.breakEven>[0]>) => said(PHRASES.breakEven({ factor: "Löneökning", item: "Personalkostnader", kind: null, change: 0.0084, kind_: "allowance", carryover: false, ...p }));
  it("says how far a factor can move before the result turns negative", () => {
    expect(be({})).toBe(`Personalkostnader kan öka med 0,8${NB}% innan årets resultat blir negativt.`);
    expect(be({ item: null, kind: "revenue", change: -0.012 })).toBe(`Intäkterna kan minska med 1,2${NB}% innan årets resultat blir negativt.`);
    expect(be({ item: null, kind: "cost", change: 0.0004, carryover: true })).toBe(`Kostnaderna kan öka med mindre än 0,1${NB}% innan resultatet inklusive över-/underskott blir negativt.`);
  });

  it("with a negative result, says what improvement is needed", () => {
    expect(be({ item: null, kind: "cost", change: -0.0036, kind_: "improvement", carryover: true })).toBe(`För att resultatet inklusive över-/underskott ska nå noll behöver kostnaderna minska med 0,4${NB}%.`);
    expect(be({ item: null, kind: "revenue", change: 0.025, kind_: "improvement" })).toBe(`För att årets resultat ska nå noll behöver intäkterna öka med 2,5${NB}%.`);
    expect(be({ item: null, kind: null, change: -0.05, kind_: "improvement" })).toBe(`För att årets resultat ska nå noll behöver basen för ”Löneökning” minska med 5,0${NB}%.`);
  });

  it("says nothing when the result is already exactly zero", () => {
    expect(be({ change: 0 })).toBeNull();
  });
});

describe("the legends under the new columns and tables", () => {
  it("explain Förändring, Prognossäkerhet's difference and break-even", () => {
    expect(said(PHRASES.forecastChangeLegend({ month: "april" }))).toBe("Förändring är helårsprognosen nu jämfört med prognosen i april. Ett positivt belopp betyder en bättre prognos: högre intäkter eller lägre kostnader.");
    expect(said(PHRASES.accuracyLegend())).toContain("ett positivt belopp betyder att året slutade bättre än prognosen");
    expect(said(PHRASES.breakEvenLegend())).toContain("med ett negativt resultat hur mycket den behöver ändras. Ett streck betyder");
  });
});

// Runs last (Jest runs tests in the order they are declared): every sentence above passes the Swedish lint.
it("writes every sentence above as Swedish is written (spacing, signs, units, capitals, full stops)", () => {
  expect(all.length).toBeGreaterThan(20);
  for (const s of all) expect([s, swedishProblems(s)]).toEqual([s, []]);
});
