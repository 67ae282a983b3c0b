import fc from "fast-check";
import { ItemKind } from "../../src/core/kinds";
import { canon } from "../../src/core/text";
import { analyseForecastHistory, CurrentLine, DEFAULT_SPREAD, ForecastHistoryInput, forecastSpread, HistoryRow } from "../../src/engine/forecastHistory";
import { forecastInterval } from "../../src/engine/forecastInterval";

const IT = "Område 1 IT och digitalisering";
const MAT = "Område 4 Måltidsservice";

/** A current line in tkr: ansvar, post, kind, forecast, actual, budget. */
function line(responsibility: string | null, item: string, kind: ItemKind, forecast: number | null, actual: number, budgetYear = 0): CurrentLine {
  return { responsibility, item, kind, forecast, actual, budgetYear };
}
function row(year: number, period: number, responsibility: string | null, item: string, kind: ItemKind, forecast: number | null, actual: number | null = 0): HistoryRow {
  return { year, period, responsibility, item, kind, forecast, actual };
}
function input(rows: HistoryRow[], year: number, period: number, current: CurrentLine[], extra: Partial<ForecastHistoryInput> = {}): ForecastHistoryInput {
  return { rows, year, period, current, unitIn: "tkr", unitOut: "mkr", fold: canon, ...extra };
}

/** Two ansvar in tkr, delår 2 2024 (period 8), with decimals that would leave binary residue in doubles. */
const AUGUST: CurrentLine[] = [
  line(IT, "Intäkter", "revenue", 120000, 80500, 118000),
  line(IT, "Personalkostnader", "cost", -70000, -46100.5, -71000),
  line(IT, "Övriga kostnader", "cost", -45000, -30200, -44000),
  line(MAT, "Intäkter", "revenue", 210000.3, 141000, 212000),
  line(MAT, "Personalkostnader", "cost", -150000, -99000, -149000),
  line(MAT, "Övriga kostnader", "cost", -62000.1, -41500, -63000),
  line(MAT, "Finansnetto", "financial", 200, 150, 200),
  line(MAT, "Över-/underskott", "carryover", -3900, -2600, 0),
];

/** April's forecast, with a post (Konsulter) that August no longer has, and names spelled differently. */
const APRIL: HistoryRow[] = [
  row(2024, 4, IT, "intäkter", "revenue", 119000, 40000),
  row(2024, 4, IT, "Personalkostnader", "cost", -70500, -23000),
  row(2024, 4, IT, "Övriga kostnader", "cost", -44800, -15000),
  row(2024, 4, IT, "Konsulter", "cost", -500, -100),
  row(2024, 4, "OMRÅDE 4 MALTIDSSERVICE", "Intäkter", "revenue", 211000, 70000),
  row(2024, 4, MAT, "Personalkostnader", "cost", -151000, -50000),
  row(2024, 4, MAT, "Övriga kostnader", "cost", -62500, -20000),
  row(2024, 4, MAT, "Finansnetto", "financial", 200, 70),
  row(2024, 4, MAT, "Över-/underskott", "carryover", -3900, -1300),
];

describe("Prognosförändring", () => {
  const history: HistoryRow[] = [
    // February, an earlier period with a forecast: not the latest.
    row(2024, 2, IT, "Intäkter", "revenue", 100000, 20000),
    ...APRIL,
    // June holds outcomes only: no forecast, so not "the latest earlier period that has a forecast".
    row(2024, 6, IT, "Intäkter", "revenue", null, 60000),
    // August's own rows from an earlier refresh this period: replaced by the current forecast, not compared with.
    row(2024, 8, IT, "Intäkter", "revenue", 1, 1),
    row(2024, 8, IT, "Gammal post", "cost", -1, -1),
    // Last year's August: another year.
    row(2023, 8, IT, "Intäkter", "revenue", 90000, 60000),
  ];
  const result = analyseForecastHistory(input(history, 2024, 8, AUGUST));
  const change = result.change;

  it("compares with the latest earlier period of the same year that has a forecast", () => {
    expect(change?.previousPeriod).toBe(4);
  });

  it("gives each line its previous forecast and the change, matching names as the contract folds them", () => {
    expect(change?.lines.map((l) => [l.responsibility, l.item, l.forecast, l.forecastPrevious, l.forecastChange])).toEqual([
      [IT, "Intäkter", 120, 119, 1],
      [IT, "Personalkostnader", -70, -70.5, 0.5],
      [IT, "Övriga kostnader", -45, -44.8, -0.2],
      [MAT, "Intäkter", 210.0003, 211, -0.9997],
      [MAT, "Personalkostnader", -150, -151, 1],
      [MAT, "Övriga kostnader", -62.0001, -62.5, 0.4999],
      [MAT, "Finansnetto", 0.2, 0.2, 0],
      [MAT, "Över-/underskott", -3.9, -3.9, 0],
    ]);
    expect(change?.previousOnly).toEqual([{ responsibility: IT, item: "Konsulter", kind: "cost", forecast: null, forecastPrevious: -0.5, forecastChange: null }]);
  });

  it("gives the totals exactly, with the gone post in April's", () => {
    const t = change?.totals;
    // Result: 120 − 70 − 45 + 210,0003 − 150 − 62,0001 + 0,2 = 3,2002; April: 900 tkr.
    expect(t?.result).toEqual({ forecast: 3.2002, forecastPrevious: 0.9, forecastChange: 2.3002 });
    expect(t?.resultIncludingCarryover).toEqual({ forecast: -0.6998, forecastPrevious: -3, forecastChange: 2.3002 });
    expect(t?.revenue).toEqual({ forecast: 330.0003, forecastPrevious: 330, forecastChange: 0.0003 });
    expect(t?.cost).toEqual({ forecast: -327.0001, forecastPrevious: -329.3, forecastChange: 2.2999 });
    expect(t?.financial).toEqual({ forecast: 0.2, forecastPrevious: 0.2, forecastChange: 0 });
    expect(t?.carryover).toEqual({ forecast: -3.9, forecastPrevious: -3.9, forecastChange: 0 });
  });

  it("gives each ansvar's result, excl. and incl. över-/underskott", () => {
    // (Each ansvar also carries its kind totals, for its own resultaträkning: below.)
    expect(change?.responsibilities).toMatchObject([
      { responsibility: IT, result: { forecast: 5, forecastPrevious: 3.2, forecastChange: 1.8 }, resultIncludingCarryover: { forecast: 5, forecastPrevious: 3.2, forecastChange: 1.8 } },
      { responsibility: MAT, result: { forecast: -1.7998, forecastPrevious: -2.3, forecastChange: 0.5002 }, resultIncludingCarryover: { forecast: -5.6998, forecastPrevious: -6.2, forecastChange: 0.5002 } },
    ]);
  });

  it("gives each ansvar's kind totals and each post's change over all ansvar, summing to the nämnd's", () => {
    const it_ = change?.responsibilities.find((r) => r.responsibility === IT);
    expect(it_?.totals.revenue).toEqual({ forecast: 120, forecastPrevious: 119, forecastChange: 1 });
    expect(it_?.totals.cost).toEqual({ forecast: -115, forecastPrevious: -115.8, forecastChange: 0.8 });
    expect(it_?.totals.result).toEqual(it_?.result);
    // Per post over ansvar: the resultaträkning's lines; their changes, with the kinds' own, add up to the nämnd's.
    const posts = change?.posts ?? [];
    expect(posts.every((p) => p.responsibility === null)).toBe(true);
    for (const kind of ["revenue", "cost"] as const) {
      const sum = posts.filter((p) => p.kind === kind).reduce((n, p) => n + (p.forecast ?? 0), 0);
      expect(sum).toBeCloseTo(change?.totals[kind].forecast as number, 6);
    }
  });

  it("follows the forecast of the result through the year's periods", () => {
    // Every period of this year with a forecast, up to the current one (the fixture has February too).
    expect(result.trend.map((t) => t.period)).toEqual([2, 4, 8]);
    expect(result.trend[2].forecast).toBe(change?.totals.result.forecast);
    expect(result.trend[1].forecast).toBe(change?.totals.result.forecastPrevious);
  });

  it("notes history rows whose ansvar or post the workbook no longer has, and keeps them", () => {
    const ids = result.unknown.map((u) => [history[u.row].year, history[u.row].period, history[u.row].item, u.reason]);
    // Konsulter in April; the replaced August rows are not noted (they are about to be overwritten).
    expect(ids).toEqual([[2024, 4, "Konsulter", "item"]]);
    const gone = analyseForecastHistory(input([row(2023, 12, "Område 9 Nedlagt", "Intäkter", "revenue", 5, 5), ...APRIL], 2024, 8, AUGUST)).unknown;
    expect(gone).toEqual([{ row: 0, reason: "responsibility" }, { row: 4, reason: "item" }]);
  });

  it("is absent without an earlier forecast this year", () => {
    expect(analyseForecastHistory(input([], 2024, 8, AUGUST)).change).toBeNull();
    expect(analyseForecastHistory(input([row(2023, 4, IT, "Intäkter", "revenue", 1, 1), row(2024, 6, IT, "Intäkter", "revenue", null, 1)], 2024, 8, AUGUST)).change).toBeNull();
    expect(analyseForecastHistory(input(APRIL, 2024, 4, AUGUST)).change).toBeNull();
  });

  it("adds up: the lines' changes and the gone lines' forecasts make the total's change, for any forecasts", () => {
    const posts = ["Intäkter", "Personal", "Lokaler", "Finans", "Rullat"];
    const kinds: ItemKind[] = ["revenue", "cost", "cost", "financial", "carryover"];
    const amount = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100);
    const cell = fc.tuple(fc.option(amount, { nil: null, freq: 4 }), fc.option(amount, { nil: null, freq: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(IT, MAT), fc.integer({ min: 0, max: 4 }), cell), { maxLength: 12 }), (cells) => {
        const seen = new Set<string>();
        const current: CurrentLine[] = [];
        const rows: HistoryRow[] = [];
        for (const [resp, p, [now, then]] of cells) {
          if (seen.has(`${resp}|${p}`)) continue;
          seen.add(`${resp}|${p}`);
          if (now !== null) current.push(line(resp, posts[p], kinds[p], now, 0));
          if (then !== null) rows.push(row(2024, 5, resp, posts[p], kinds[p], then));
        }
        const c = analyseForecastHistory({ ...input(rows, 2024, 9, current), unitIn: "kr", unitOut: "tkr" }).change;
        if (rows.length === 0) return expect(c).toBeNull();
        if (!c) throw new Error("expected a change");
        const nano = (x: number | null) => BigInt(Math.round((x ?? 0) * 1e6)) * 1000n; // tkr with ≤ 5 decimals here
        const now = c.lines.reduce((s, l) => s + nano(l.forecast), 0n);
        const before = [...c.lines, ...c.previousOnly].reduce((s, l) => s + nano(l.forecastPrevious), 0n);
        if (current.length > 0) expect(nano(c.totals.resultIncludingCarryover.forecast)).toBe(now);
        expect(nano(c.totals.resultIncludingCarryover.forecastPrevious)).toBe(before);
        const perResp = c.responsibilities.reduce((s, r) => s + nano(r.resultIncludingCarryover.forecastPrevious), 0n);
        expect(perResp).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Prognossäkerhet", () => {
  /** December 2024: the outcome (actual at period 12) and the year's budget. */
  const DECEMBER: CurrentLine[] = [
    line(IT, "Intäkter", "revenue", 121000, 121000, 118000),
    line(IT, "Personalkostnader", "cost", -69000, -69000, -71000),
    line(IT, "Övriga kostnader", "cost", -46000, -46000, -44000),
    line(MAT, "Intäkter", "revenue", 209000, 209000, 212000),
    line(MAT, "Personalkostnader", "cost", -152000, -152000, -149000),
    line(MAT, "Övriga kostnader", "cost", -61000, -61000, -63000),
    line(MAT, "Över-/underskott", "carryover", -3900, -3900, 0),
  ];
  const AUGUST_ROWS = AUGUST.map((l) => row(2024, 8, l.responsibility, l.item, l.kind, l.forecast, l.actual));
  const LAST_YEAR: HistoryRow[] = [
    row(2023, 8, IT, "Intäkter", "revenue", 100000, 66000),
    row(2023, 8, IT, "Personalkostnader", "cost", -60000, -40000),
    row(2023, 12, IT, "Intäkter", "revenue", 100000, 102000),
    row(2023, 12, IT, "Personalkostnader", "cost", -61000, -61000),
    row(2023, 12, IT, "Övriga kostnader", "cost", -39000, -39000),
  ];
  const accuracy = analyseForecastHistory(input([...LAST_YEAR, ...APRIL, ...AUGUST_ROWS], 2024, 12, DECEMBER)).accuracy;

  it("at period 12: each earlier forecast of the result against the outcome, in amount and in per cent of the budget's costs", () => {
    // Outcome 2024: 121 − 69 − 46 + 209 − 152 − 61 = 2,0 mkr; budget's costs: 71 + 44 + 149 + 63 = 327,0 mkr.
    const nämnd = accuracy.filter((a) => a.year === 2024 && a.responsibility === null);
    expect(nämnd).toEqual([
      { year: 2024, period: 4, responsibility: null, forecast: 0.9, outcome: 2, difference: 1.1, differencePercent: 0.003363914, costBasis: "budget" },
      { year: 2024, period: 8, responsibility: null, forecast: 3.2002, outcome: 2, difference: -1.2002, differencePercent: -0.003670336, costBasis: "budget" },
    ]);
  });

  it("per ansvar, against the ansvar's own budgeted costs", () => {
    const august = accuracy.filter((a) => a.year === 2024 && a.period === 8 && a.responsibility !== null);
    // IT: forecast 5,0, outcome 121 − 69 − 46 = 6,0; its budgeted costs 115,0.
    expect(august[0]).toEqual({ year: 2024, period: 8, responsibility: IT, forecast: 5, outcome: 6, difference: 1, differencePercent: 0.008695652, costBasis: "budget" });
    // Måltid: forecast −1,7998 (with finansnetto 0,2, which December does not have), outcome −4,0; costs 212,0.
    expect(august[1]).toMatchObject({ responsibility: MAT, forecast: -1.7998, outcome: -4, difference: -2.2002, differencePercent: -0.010378302 });
  });

  it("for an earlier year whose period 12 is in the history, against that year's outcome costs", () => {
    expect(accuracy.filter((a) => a.year === 2023)).toEqual([
      // Outcome 102 − 61 − 39 = 2,0; costs 100,0. Forecast 100 − 60 = 40,0 (the forecast lacked Övriga kostnader).
      { year: 2023, period: 8, responsibility: null, forecast: 40, outcome: 2, difference: -38, differencePercent: -0.38, costBasis: "outcome" },
      { year: 2023, period: 8, responsibility: IT, forecast: 40, outcome: 2, difference: -38, differencePercent: -0.38, costBasis: "outcome" },
    ]);
    // The earlier year comes first; April before August.
    expect(accuracy.map((a) => `${a.year}:${a.period}`)).toEqual(["2023:8", "2023:8", "2024:4", "2024:4", "2024:4", "2024:8", "2024:8", "2024:8"]);
  });

  it("shows an ansvar that has only one side with the other side missing, not as zero", () => {
    const rows = [...APRIL, row(2024, 4, "Område 7 Nytt", "Intäkter", "revenue", 10, 1)];
    const a = analyseForecastHistory(input(rows, 2024, 12, DECEMBER)).accuracy.find((x) => x.responsibility === "Område 7 Nytt");
    expect(a).toEqual({ year: 2024, period: 4, responsibility: "Område 7 Nytt", forecast: 0.01, outcome: null, difference: null, differencePercent: null, costBasis: "budget" });
  });

  it("is absent before period 12 without an earlier year's outcome, and without ansvar has only the nämnd's rows", () => {
    expect(analyseForecastHistory(input(APRIL, 2024, 8, AUGUST)).accuracy).toEqual([]);
    const plain = (l: CurrentLine) => ({ ...l, responsibility: null });
    const flat = analyseForecastHistory(input(APRIL.map((r) => ({ ...r, responsibility: null })), 2024, 12, DECEMBER.map(plain))).accuracy;
    expect(flat.map((a) => a.responsibility)).toEqual([null]);
    expect(flat[0]).toMatchObject({ forecast: 0.9, outcome: 2, difference: 1.1 });
  });

  it("gives a dash, not a number, where the costs would print as zero", () => {
    const noCosts = DECEMBER.map((l) => (l.kind === "cost" ? { ...l, budgetYear: 0.01 } : l));
    const a = analyseForecastHistory(input(APRIL, 2024, 12, noCosts)).accuracy;
    expect(a[0].differencePercent).toBeNull();
    expect(a[0].difference).toBe(1.1);
  });
});

describe("the spread of the remaining part", () => {
  /** Three earlier years at period 8 with their outcome, no ansvar, in tkr. */
  const YEARS: HistoryRow[] = [
    // Intäkter: r = 400 each year, e = 10, −20, 30.
    row(2021, 8, null, "Intäkter", "revenue", 1000, 600),
    row(2021, 12, null, "Intäkter", "revenue", 1010, 1010),
    row(2022, 8, null, "Intäkter", "revenue", 1100, 700),
    row(2022, 12, null, "Intäkter", "revenue", 1080, 1080),
    row(2023, 8, null, "Intäkter", "revenue", 1200, 800),
    row(2023, 12, null, "Intäkter", "revenue", 1230, 1230),
    // Personal: r = −200, −200, −190; e = −5, −10, 0.
    row(2021, 8, null, "Personal", "cost", -500, -300),
    row(2021, 12, null, "Personal", "cost", -505, -505),
    row(2022, 8, null, "Personal", "cost", -520, -320),
    row(2022, 12, null, "Personal", "cost", -530, -530),
    row(2023, 8, null, "Personal", "cost", -540, -350),
    row(2023, 12, null, "Personal", "cost", -540, -540),
    // Övriga: two years only (r = −100, −110; e = −10, −10).
    row(2022, 8, null, "Övriga", "cost", -300, -200),
    row(2022, 12, null, "Övriga", "cost", -310, -310),
    row(2023, 8, null, "Övriga", "cost", -320, -210),
    row(2023, 12, null, "Övriga", "cost", -330, -330),
    // Not counted: 2020 had nothing left of Intäkter in August (r = 0); 2019 lacks its period 12; 2018 is at period 7.
    row(2020, 8, null, "Intäkter", "revenue", 900, 900),
    row(2020, 12, null, "Intäkter", "revenue", 950, 950),
    row(2019, 8, null, "Intäkter", "revenue", 800, 100),
    row(2018, 7, null, "Intäkter", "revenue", 700, 100),
    row(2018, 12, null, "Intäkter", "revenue", 100, 100),
  ];
  const NOW: CurrentLine[] = [
    line(null, "Intäkter", "revenue", 1300, 850),
    line(null, "Personal", "cost", -560, -370),
    line(null, "Övriga", "cost", -340, -225.5),
    line(null, "Finansnetto", "financial", 10, 4),
    line(null, "Över-/underskott", "carryover", -50, -50),
  ];

  it("with three earlier years: from the history, √(Σe² / Σr²) of a post's own years, else its kind's, else all posts'", () => {
    const s = forecastSpread(input(YEARS, 2024, 8, NOW));
    expect(s.source).toBe("history");
    expect(s.years).toEqual([2021, 2022, 2023]);
    expect(s.item).toEqual(["Intäkter", "Personal", "Övriga", "Finansnetto"]);
    expect(s.basis).toEqual(["post", "post", "kind", "all"]);
    expect(Array.from(s.ownYears)).toEqual([3, 3, 2, 0]);
    expect(Array.from(s.remaining)).toEqual([0.45, -0.19, -0.1145, 0.006]);
    const expected = [Math.sqrt(1400 / 480000), Math.sqrt(125 / 116100), Math.sqrt(325 / 138200), Math.sqrt(1725 / 618200)];
    expect(Array.from(s.spread)).toEqual(expected);
    expect(s.pooled).toEqual({ revenue: Math.sqrt(1400 / 480000), cost: Math.sqrt(325 / 138200), financial: null, all: Math.sqrt(1725 / 618200) });
  });

  it("with fewer than three years: from the setting, per kind (default Intäkt 2 %, Kostnad 1 %)", () => {
    const two = YEARS.filter((r) => r.year !== 2021);
    const s = forecastSpread(input(two, 2024, 8, NOW));
    expect(s.source).toBe("setting");
    expect(s.basis).toEqual(["setting", "setting", "setting", "setting"]);
    expect(Array.from(s.spread)).toEqual([0.02, 0.01, 0.01, 0.01]);
    expect(DEFAULT_SPREAD).toEqual({ revenue: 0.02, cost: 0.01, financial: 0.01 });
    const own = forecastSpread(input(two, 2024, 8, NOW, { settingSpread: { revenue: 0.05, cost: 0.03, financial: 0 } }));
    expect(Array.from(own.spread)).toEqual([0.05, 0.03, 0.03, 0]);
    // At another period the same years do not count.
    expect(forecastSpread(input(YEARS, 2024, 9, NOW)).source).toBe("setting");
  });

  it("measures a post's error over its ansvar together: errors that cancel between ansvar are no error of the post", () => {
    const split: HistoryRow[] = [];
    for (const y of [2021, 2022, 2023]) {
      split.push(row(y, 8, IT, "Intäkter", "revenue", 1000, 600), row(y, 12, IT, "Intäkter", "revenue", 1050, 1050));
      split.push(row(y, 8, MAT, "Intäkter", "revenue", 1000, 600), row(y, 12, MAT, "Intäkter", "revenue", 950, 950));
    }
    const s = forecastSpread(input(split, 2024, 8, [line(IT, "Intäkter", "revenue", 1000, 500), line(MAT, "Intäkter", "revenue", 1000, 500)]));
    expect(s.source).toBe("history");
    expect(Array.from(s.spread)).toEqual([0]);
    expect(Array.from(s.remaining)).toEqual([1]);
  });

  it("feeds the forecast interval as it is", () => {
    const s = forecastSpread(input(YEARS, 2024, 8, NOW));
    const out = forecastInterval({ result: 0.41, carryover: -0.05, posts: s, risks: { key: [], probability: [], consequence: [] }, spreadSource: s.source });
    expect(out.spreadSource).toBe("history");
    expect(out.p10).toBeLessThan(0.41);
    expect(out.p90).toBeGreaterThan(0.41);
  });
});
