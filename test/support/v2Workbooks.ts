/**
 * Workbooks of contract v1 and v2 (nothing of v3 in them), whose `--json` documents were written by the code before
 * v3 and kept in test/fixtures/json-v2: v3 adds fields, and must leave every earlier field as it was, byte for byte.
 */
import { SheetRange } from "./sheets";
import { ledger } from "./stodProcess2014";

type Ranges = Record<string, SheetRange>;

/** v1: two ansvar, indicators, risks (one with an economic consequence), sensitivity; six months in tkr. */
export function v1Workbook(): Ranges {
  return {
    Budget: {
      rows: [
        ["Ansvar", "Post", "Typ", "Helår"],
        ["Skola", "Intäkter", "Intäkt", 1200],
        ["Skola", "Personalkostnader", "Kostnad", -900],
        ["Vård", "Personalkostnader", "Kostnad", -300],
        ["Vård", "Ränta", "Finansiell", -12],
      ],
    },
    Utfall: {
      rows: [
        ["Ansvar", "Post", "Utfall", "Utfall fg år", "Prognos"],
        ["Skola", "Intäkter", 610, 580, 1190],
        ["Skola", "Personalkostnader", -470, -455.5, -910],
        ["Vård", "Personalkostnader", -140, -151, -290],
        ["Vård", "Ränta", -6, -5, -12],
      ],
    },
    Indikatorer: { rows: [["Indikator", "Utfall", "Mål", "Riktning", "Föregående"], ["Besökare", 900, 1000, "Högre", 850], ["Sjukfrånvaro", 6, 5, "Lägre", 6.5]] },
    Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ekonomisk konsekvens"], ["Brand", 2, 4, "Övning", 150], ["Strejk", 1, 3, null, null]] },
    Känslighet: { rows: [["Faktor", "Post", "Förändring"], ["Löneökning", "Personalkostnader", 0.01]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 6], ["Enhet in", "tkr"], ["Enhet ut", "tkr"], ["Decimaler", 0]] },
  };
}

/** v2: the v1 workbook with a carried deficit, measures (in tkr, report in mkr) and investments. */
export function v2Workbook(): Ranges {
  const r = v1Workbook();
  r.Utfall.rows.push(["Vård", "Rullat underskott", -20, 0, -30]);
  r.Utfall.rows[0].splice(2, 0, "Typ");
  r.Utfall.rows.slice(1).forEach((row, i) => row.splice(2, 0, i === r.Utfall.rows.length - 2 ? "Över-/underskott" : null));
  r.Åtgärder = {
    rows: [
      ["Åtgärd", "Status", "Effekt 2024", "Effekt 2025", "Ingår i prognos"],
      ["Vakans hålls", "Beslutad", 400, 800, "Ja"],
      ["Färre konferenser", "Beslutad", 250, null, null],
      ["Matsal stängs", "Ej beslutad", 100, 900, null],
    ],
  };
  r.Investeringar = { rows: [["Projekt", "Kategori", "Utfall", "Budget helår", "Prognos helår"], ["Datorer", "Inventarier", -300, -500, -450], ["Fordon", "Fordon", -120, -200, -210]] };
  r.Inställningar.rows = [["Inställning", "Värde"], ["År", 2024], ["Period", 6], ["Enhet in", "tkr"], ["Enhet ut", "mkr"], ["Decimaler", 1], ["Enhet åtgärder", "tkr"]];
  return r;
}

/** The v1/v2 workbooks whose JSON is kept, by fixture name. */
export const V2_WORKBOOKS: Record<string, () => Ranges> = {
  v1: v1Workbook,
  v2: v2Workbook,
  "stod-huvudbok": ledger,
};
