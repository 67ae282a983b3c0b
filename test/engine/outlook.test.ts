/**
 * The forecast's outlook as a refresh computes it: Prognosförändring against the latest earlier period, Prognossäkerhet
 * at period 12, and the interval, each from the history seen with the current refresh in place of its own period;
 * absent, not empty, when the workbook cannot give it; the same figures every time.
 */
import { forecastOutlook } from "../../src/engine/outlook";
import { toPublic } from "../../src/findings/findings";
import { compute } from "../../src/pipeline";
import { SheetRange, workbook } from "../support/sheets";

const HEADER = ["År", "Period", "Ansvar", "Post", "Typ", "Prognos", "Utfall"];

/** Two posts in mkr, at `period`, with a history. */
function ranges(period: number, forecast: [number, number], history: (string | number | null)[][] = [], settings: (string | number)[][] = []): Record<string, SheetRange> {
  return {
    Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -100]] },
    Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", (120 * period) / 12, forecast[0]], ["Personal", (-100 * period) / 12, forecast[1]]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["Period", period], ["Enhet in", "mkr"], ["År", 2024], ...settings] },
    ...(history.length ? { Prognoshistorik: { rows: [HEADER, ...history] } } : {}),
  };
}

function run(r: Record<string, SheetRange>) {
  const c = compute(workbook(r));
  if (!c.ok) throw new Error(JSON.stringify(c.findings.map(toPublic)));
  return c.result;
}

describe("the outlook", () => {
  it("without a history: no change, no accuracy, and an interval from the setting, the same every time", () => {
    const a = run(ranges(8, [121, -98]));
    expect(a.outlook.change).toBeNull();
    expect(a.outlook.accuracy).toBeNull();
    expect(a.outlook.interval).toMatchObject({ simulations: 20000, spreadSource: "setting" });
    const { p10, p50, p90 } = a.outlook.interval as NonNullable<typeof a.outlook.interval>;
    expect(p10).toBeLessThan(p50);
    expect(p50).toBeLessThan(p90);
    // Point forecast 23; remaining parts 41 (2 %) and −31,33 (1 %): σ ≈ 0,89, so P10 and P90 about ±1,14 from it.
    expect(p50).toBeCloseTo(23, 1);
    expect(p90 - p10).toBeCloseTo(2 * 1.2816 * Math.hypot(0.02 * 41, 0.01 * (98 - 100 * 8 / 12)), 1);
    expect(run(ranges(8, [121, -98])).outlook).toEqual(a.outlook);
  });

  it("has no interval without a forecast or with Prognosintervall = Nej, and takes Simuleringar", () => {
    const noForecast = ranges(8, [121, -98]);
    noForecast.Utfall.rows = noForecast.Utfall.rows.map((r) => r.slice(0, 2));
    expect(run(noForecast).outlook.interval).toBeNull();
    expect(run(ranges(8, [121, -98], [], [["Prognosintervall", "Nej"]])).outlook.interval).toBeNull();
    expect(run(ranges(8, [121, -98], [], [["Simuleringar", 5000]])).outlook.interval?.simulations).toBe(5000);
  });

  it("sees the current refresh in place of its own period: the change at 8 against 4, whatever period 8 held before", () => {
    const history = [
      [2024, 4, null, "Intäkter", "Intäkt", 118, 40],
      [2024, 4, null, "Personal", "Kostnad", -101, -33],
      [2024, 8, null, "Intäkter", "Intäkt", 1, 1],
    ];
    const { change } = run(ranges(8, [121, -98], history)).outlook;
    expect(change?.previousPeriod).toBe(4);
    expect(change?.totals.result).toEqual({ forecast: 23, forecastPrevious: 17, forecastChange: 6 });
  });

  it("at period 12, judges each earlier forecast of the year against the outcome", () => {
    const history = [
      [2024, 4, null, "Intäkter", "Intäkt", 118, 40],
      [2024, 4, null, "Personal", "Kostnad", -101, -33],
      [2024, 8, null, "Intäkter", "Intäkt", 121, 80],
      [2024, 8, null, "Personal", "Kostnad", -98, -66],
    ];
    const { accuracy } = run(ranges(12, [122, -99], history)).outlook;
    expect(accuracy?.map((a) => [a.period, a.forecast, a.outcome, a.difference, a.differencePercent])).toEqual([
      [4, 17, 20, 3, 0.03],
      [8, 23, 20, -3, -0.03],
    ]);
  });

  it("takes the spread from the history with three earlier years at the same period", () => {
    const years = [2021, 2022, 2023].flatMap((y, i) => [
      [y, 8, null, "Intäkter", "Intäkt", 120, 80],
      [y, 8, null, "Personal", "Kostnad", -100, -66],
      [y, 12, null, "Intäkter", "Intäkt", 120, 120 + i],
      [y, 12, null, "Personal", "Kostnad", -100, -100 - i],
    ]);
    expect(run(ranges(8, [121, -98], years)).outlook.interval?.spreadSource).toBe("history");
    expect(run(ranges(8, [121, -98], years.slice(4))).outlook.interval?.spreadSource).toBe("setting");
  });

  it("lowers the interval by the risks that may occur", () => {
    const result = run(ranges(8, [121, -98]));
    const c = compute(workbook(ranges(8, [121, -98])));
    if (!c.ok) throw new Error();
    const withRisk = forecastOutlook(null, c.result.income, c.result.settings, [{ risk: "Vinterkräksjuka", probability: 0.5, consequence: -4 }]);
    const [a, b] = [result.outlook.interval, withRisk.interval] as NonNullable<typeof withRisk.interval>[];
    expect(b.p10).toBeLessThan(a.p10);
    expect(b.p50).toBeLessThan(a.p50);
    expect(b.p90).toBeLessThanOrEqual(a.p90);
  });

  it("takes into the interval each risk with a probability (its own or its level's) and an economic consequence, and no other", () => {
    const risky = (rows: (string | number | null)[][], settings: (string | number)[][] = []) => ({
      ...ranges(8, [121, -98], [], settings),
      Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens", "Sannolikhet %", "Ekonomisk konsekvens"], ...rows] },
    });
    const c = compute(workbook(ranges(8, [121, -98])));
    if (!c.ok) throw new Error();
    const expected = (risks: { risk: string; probability: number; consequence: number }[]) => forecastOutlook(null, c.result.income, c.result.settings, risks).interval;
    // Its own Sannolikhet %: enters with it; a risk without a probability or without an amount stays out.
    const own = run(risky([["Vinterkräksjuka", 3, 3, 40, -4], ["Ny lag", 2, 2, null, -10], ["Avtal", 2, 2, 30, null]]));
    expect(own.outlook.interval).toEqual(expected([{ risk: "Vinterkräksjuka", probability: 0.4, consequence: -4 }]));
    expect(own.outlook.interval?.probabilityDeficit).toBe(0);
    // Sannolikhet per nivå gives the level's probability to the risk without its own.
    const perLevel = run(risky([["Vinterkräksjuka", 3, 3, 40, -4], ["Ny lag", 2, 2, null, -30]], [["Sannolikhet per nivå", "5 %; 20 %; 50 %; 80 %"]]));
    expect(perLevel.outlook.interval).toEqual(expected([{ risk: "Vinterkräksjuka", probability: 0.4, consequence: -4 }, { risk: "Ny lag", probability: 0.2, consequence: -30 }]));
    // A 30 mkr loss at 20 % against a forecast of 23: a deficit in about one draw in five.
    expect(perLevel.outlook.interval?.probabilityDeficit).toBeCloseTo(0.2, 1);
    expect(perLevel.outlook.interval?.p10).toBeLessThan(0);
  });
});
