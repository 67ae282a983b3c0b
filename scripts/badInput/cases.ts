/**
 * The bad-input suite: workbooks as they arrive by email, pasted together from ledger exports. Each case builds
 * a workbook (generated here, never a hand-saved binary) and states what must come of it: refused or not, and
 * the findings (code, range, cell) that must be among those reported. The same cases run through the file host
 * and the Office host; a few concern files only (not a workbook, encrypted, corrupt).
 */
import { MessageCode } from "../../src/findings/messages";
import { SheetRange } from "../workbookWriter";

export type Host = "xlsx" | "office";

export interface ExpectedFinding {
  code: MessageCode;
  range: string | null;
  cell: string | null;
  /** Text the message must contain, in every host. */
  message?: string;
}

export interface BadInputCase {
  id: string;
  /** What the workbook has, in Swedish, for the documentation table. */
  title: string;
  ranges?: Record<string, SheetRange>;
  /** Names written as they are into the workbook (broken, constants, several areas). */
  rawNames?: Record<string, string>;
  /**
   * Ranges (keys of `ranges`) whose name only their own sheet sees: written with that sheet's scope (`localSheetId`
   * in the file, `worksheet.names` in Excel) under the name given, e.g. `{ "Budget kopia": "Budget" }`.
   */
  sheetScoped?: Record<string, string>;
  /** A file that is not an ordinary workbook, as bytes. */
  file?: () => Buffer;
  /** True when the report must not be written. */
  refused: boolean;
  expect: ExpectedFinding[];
  hosts: Host[];
  /** Why a host is left out, for the documentation. */
  note?: string;
}

type Ranges = Record<string, SheetRange>;

/** A valid workbook: two ansvar, four posts, indicators, risks, sensitivity and settings. */
export function baseRanges(): Ranges {
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
        ["Ansvar", "Post", "Utfall", "Prognos"],
        ["Skola", "Intäkter", 610, 1190],
        ["Skola", "Personalkostnader", -470, -910],
        ["Vård", "Personalkostnader", -140, -290],
        ["Vård", "Ränta", -6, -12],
      ],
    },
    Indikatorer: { rows: [["Indikator", "Utfall", "Mål", "Riktning"], ["Besökare", 900, 1000, "Högre"], ["Sjukfrånvaro", 6, 5, "Lägre"]] },
    Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens", "Åtgärd"], ["Brand", 2, 4, "Övning"], ["Strejk", 1, 3, null]] },
    Känslighet: { rows: [["Faktor", "Post", "Förändring"], ["Löneökning", "Personalkostnader", 0.01]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 6], ["Enhet in", "tkr"], ["Enhet ut", "tkr"], ["Decimaler", 0]] },
  };
}

const both: Host[] = ["xlsx", "office"];

/** A valid ledger workbook: a wide Huvudbok in kr, debit positive, with one balance-sheet account, and settings. */
function ledgerRanges(): Ranges {
  return {
    Huvudbok: {
      rows: [
        ["Konto", "Ansvar", "Budget", "Utfall", "Prognos"],
        [3111, "Skola", -1200000, -610000, -1190000],
        [5011, "Skola", 900000, 470000, 910000],
        [5011, "Vård", 300000, 140000, 290000],
        [1930, "Skola", 0, 25000, 0],
      ],
    },
    Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 6], ["Enhet in", "kr"], ["Enhet ut", "tkr"]] },
  };
}

/** The same ledger in long form: one row per account, period and kind of amount. */
function longLedgerRanges(): Ranges {
  const r = ledgerRanges();
  r.Huvudbok = {
    rows: [
      ["Konto", "Ansvar", "Period", "Art", "Belopp"],
      [3111, "Skola", 3, "Utfall", -610000],
      [3111, "Skola", 12, "Budget", -1200000],
      [5011, "Skola", "2024-03", "Utfall", 470000],
      [5011, "Skola", 202412, "Budget", 900000],
    ],
  };
  return r;
}

function editLedger(change: (r: Ranges) => void, long = false): Ranges {
  const r = long ? longLedgerRanges() : ledgerRanges();
  change(r);
  return r;
}

/** A valid Åtgärder range: two decided measures and one proposed. */
function measures(): SheetRange {
  return {
    rows: [
      ["Åtgärd", "Status", "Effekt i år", "Effekt nästa år", "Ingår i prognos"],
      ["Vakans hålls", "Beslutad", 400, 800, "Ja"],
      ["Färre konferenser", "Beslutad", 250, null, null],
      ["Matsal stängs", "Ej beslutad", 100, 900, null],
    ],
  };
}

/** A valid Prognoshistorik: the base workbook's four lines as forecast in March, on the history's own sheet. */
function history(extra: Partial<SheetRange> = {}): SheetRange {
  return {
    rows: [
      ["År", "Period", "Ansvar", "Post", "Typ", "Prognos", "Utfall"],
      [2024, 3, "Skola", "Intäkter", "Intäkt", 1180, 300],
      [2024, 3, "Skola", "Personalkostnader", "Kostnad", -905, -230],
      [2024, 3, "Vård", "Personalkostnader", "Kostnad", -295, -70],
      [2024, 3, "Vård", "Ränta", "Finansiell", -12, -3],
    ],
    ...extra,
  };
}

/** The base workbook with a history, changed by `change`. */
function withHistory(change: (h: SheetRange, r: Ranges) => void, extra: Partial<SheetRange> = {}): Ranges {
  return edit((r) => {
    r.Prognoshistorik = history(extra);
    change(r.Prognoshistorik, r);
  });
}

/** A valid Jämförelsestörande range: one item on Skola's revenue. */
function nonRecurring(): SheetRange {
  return { rows: [["Beskrivning", "Post", "Ansvar", "Utfall", "Prognos"], ["Engångsintäkt från försäkring", "Intäkter", "Skola", 40, 40]] };
}

/** A column added at the right of a range: its header and one value per data row (null for none). */
function addColumn(r: SheetRange, header: string, values: SheetRange["rows"][number][number][]): void {
  r.rows = r.rows.map((row, i) => [...row, i === 0 ? header : (values[i - 1] ?? null)]);
}

function edit(change: (r: Ranges) => void): Ranges {
  const r = baseRanges();
  change(r);
  return r;
}

function set(r: Ranges, range: string, cell: string, value: SheetRange["rows"][number][number]): void {
  const m = /^([A-Z])(\d+)$/.exec(cell) as RegExpExecArray;
  r[range].rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = value;
}

function dropColumn(r: Ranges, range: string, header: string): void {
  const i = r[range].rows[0].indexOf(header);
  r[range].rows = r[range].rows.map((row) => row.filter((_, j) => j !== i));
}

const f = (code: MessageCode, range: string | null, cell: string | null, message?: string): ExpectedFinding => (message === undefined ? { code, range, cell } : { code, range, cell, message });

/** Rows 2… of a range filled by `row(i)`, after the rows it has. */
function more(r: SheetRange, count: number, row: (i: number) => SheetRange["rows"][number]): void {
  for (let i = 0; i < count; i++) r.rows.push(row(i));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];

/** An OLE compound file header, as .xls files and password-protected workbooks start. */
function oleFile(encrypted: boolean): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1024);
  const marker = encrypted ? Buffer.from("EncryptedPackage", "utf16le") : Buffer.from("Workbook", "utf16le");
  marker.copy(body, 200);
  return Buffer.concat([head, body]);
}

export const CASES: BadInputCase[] = [
  // Ranges and names
  { id: "budget-saknas", title: "Området Budget saknas", ranges: edit((r) => delete r.Budget), refused: true, expect: [f("RANGE_MISSING", "Budget", null)], hosts: both },
  { id: "utfall-saknas", title: "Området Utfall saknas", ranges: edit((r) => delete r.Utfall), refused: true, expect: [f("RANGE_MISSING", "Utfall", null, "Området Utfall saknas")], hosts: both },
  { id: "namn-ref", title: "Namnet Budget pekar på #REF!", ranges: edit((r) => delete r.Budget), rawNames: { Budget: "#REF!$A$1:$D$5" }, refused: true, expect: [f("RANGE_BROKEN_REF", "Budget", null)], hosts: both },
  { id: "namn-konstant", title: "Namnet Risker är en konstant (0,25)", ranges: edit((r) => delete r.Risker), rawNames: { Risker: "0.25" }, refused: true, expect: [f("RANGE_NOT_CELLS", "Risker", null)], hosts: both },
  { id: "namn-formel", title: "Namnet Känslighet är en formel (FÖRSKJUTNING)", ranges: edit((r) => delete r.Känslighet), rawNames: { Känslighet: "OFFSET(Budget!$A$1,0,0,3,3)" }, refused: true, expect: [f("RANGE_NOT_CELLS", "Känslighet", null)], hosts: both },
  { id: "namn-flera-omraden", title: "Namnet Indikatorer pekar på två områden", ranges: edit((r) => delete r.Indikatorer), rawNames: { Indikatorer: "Budget!$A$1:$B$3,Budget!$D$1:$D$3" }, refused: true, expect: [f("RANGE_MULTI_AREA", "Indikatorer", null)], hosts: both },
  { id: "namn-bladets", title: "Namnet Budget gäller bara bladet Budget (omfång: bladet, inte arbetsboken)", ranges: baseRanges(), sheetScoped: { Budget: "Budget" }, refused: true, expect: [f("RANGE_SHEET_SCOPED", "Budget", null, "finns bara för bladet Budget")], hosts: both },
  { id: "namn-bladets-valfritt", title: "Namnet Risker gäller bara bladet Risker", ranges: baseRanges(), sheetScoped: { Risker: "Risker" }, refused: false, expect: [f("RANGE_SHEET_SCOPED_OPTIONAL", "Risker", null, "området hoppas över")], hosts: both },
  {
    id: "namn-vikta-tva",
    title: "Inget namn Utfall, men två namn som bara viks till det: Ütfall och Útfall (Excel skiljer dem åt)",
    ranges: edit((r) => {
      r["Ütfall"] = { sheet: "Utfall gammal", rows: r.Utfall.rows.map((row) => [...row]) };
      r["Útfall"] = r.Utfall;
      delete r.Utfall;
    }),
    refused: true,
    expect: [f("RANGE_NAME_AMBIGUOUS", "Utfall", null, "”Ütfall” och ”Útfall”")],
    hosts: both,
  },
  { id: "namn-bladets-och-arbetsbokens", title: "Budget finns både för arbetsboken och, på en kopia av bladet, för bara det bladet", ranges: edit((r) => (r["Budget kopia"] = { sheet: "Budget (2)", rows: r.Budget.rows.map((row) => [...row]) })), sheetScoped: { "Budget kopia": "Budget" }, refused: false, expect: [f("RANGE_SHEET_SCOPED_IGNORED", "Budget", "Budget!A1", "finns också för bladet Budget (2)")], hosts: both },
  { id: "budget-tom", title: "Budget har bara rubrikraden", ranges: edit((r) => (r.Budget.rows = r.Budget.rows.slice(0, 1))), refused: true, expect: [f("RANGE_EMPTY", "Budget", "Budget!A1")], hosts: both },
  { id: "risker-tom", title: "Risker har bara rubrikraden (valfritt område)", ranges: edit((r) => (r.Risker.rows = r.Risker.rows.slice(0, 1))), refused: false, expect: [f("RANGE_EMPTY_OPTIONAL", "Risker", "Risker!A1")], hosts: both },

  // Headers
  { id: "rubrik-post", title: "Budget saknar kolumnen Post", ranges: edit((r) => dropColumn(r, "Budget", "Post")), refused: true, expect: [f("HEADER_MISSING", "Budget", "Budget!A1")], hosts: both },
  { id: "rubrik-typ", title: "Budget saknar kolumnen Typ", ranges: edit((r) => dropColumn(r, "Budget", "Typ")), refused: true, expect: [f("HEADER_MISSING", "Budget", "Budget!A1", "Kolumnen ”Typ” saknas i Budget (rubrikraden börjar i Budget!A1)")], hosts: both },
  { id: "rubrik-helar", title: "Budget saknar både Helår och månadskolumner", ranges: edit((r) => dropColumn(r, "Budget", "Helår")), refused: true, expect: [f("HEADER_MISSING", "Budget", "Budget!A1")], hosts: both },
  { id: "rubrik-utfall", title: "Utfall saknar kolumnen Utfall", ranges: edit((r) => dropColumn(r, "Utfall", "Utfall")), refused: true, expect: [f("HEADER_MISSING", "Utfall", "Utfall!A1")], hosts: both },
  { id: "rubrik-ansvar", title: "Budget har Ansvar men Utfall inte", ranges: edit((r) => dropColumn(r, "Utfall", "Ansvar")), refused: true, expect: [f("HEADER_MISSING", "Utfall", "Utfall!A1")], hosts: both },
  { id: "rubrik-mal", title: "Indikatorer saknar kolumnen Mål", ranges: edit((r) => dropColumn(r, "Indikatorer", "Mål")), refused: true, expect: [f("HEADER_MISSING", "Indikatorer", "Indikatorer!A1")], hosts: both },
  { id: "rubrik-sannolikhet", title: "Risker saknar kolumnen Sannolikhet", ranges: edit((r) => dropColumn(r, "Risker", "Sannolikhet")), refused: true, expect: [f("HEADER_MISSING", "Risker", "Risker!A1")], hosts: both },
  { id: "rubrik-kanslighet", title: "Känslighet har varken Post eller Bas", ranges: edit((r) => dropColumn(r, "Känslighet", "Post")), refused: true, expect: [f("HEADER_ONE_OF", "Känslighet", "Känslighet!A1")], hosts: both },
  { id: "rubrik-varde", title: "Inställningar saknar kolumnen Värde", ranges: edit((r) => dropColumn(r, "Inställningar", "Värde")), refused: true, expect: [f("HEADER_MISSING", "Inställningar", "Inställningar!A1")], hosts: both },
  { id: "rubrik-dubbel", title: "Kolumnen Utfall finns två gånger", ranges: edit((r) => r.Utfall.rows.forEach((row, i) => row.push(i === 0 ? "utfall" : 1))), refused: true, expect: [f("HEADER_DUPLICATE", "Utfall", "Utfall!C1")], hosts: both },
  { id: "rubrik-sammanfogad", title: "Rubriken Helår är sammanfogad över två kolumner", ranges: edit((r) => { r.Budget.rows = r.Budget.rows.map((row) => [...row, null]); r.Budget.merges = ["D1:E1"]; }), refused: false, expect: [f("HEADER_MERGED", "Budget", "Budget!D1")], hosts: ["xlsx"], note: "Excel läser en sammanfogad rubrik som en cell; resultatet blir detsamma men utan notering." },
  { id: "manad-saknas", title: "Månadskolumner Jan–Maj men perioden är sex månader", ranges: edit((r) => { r.Budget.rows = r.Budget.rows.map((row, i) => [...row, ...(i === 0 ? ["Jan", "Feb", "Mar", "Apr", "Maj"] : [1, 1, 1, 1, 1])]); }), refused: true, expect: [f("MONTH_COLUMN_MISSING", "Budget", "Budget!A1")], hosts: both },

  // Keys and matching
  { id: "nyckel-budget", title: "Samma rad två gånger i Budget", ranges: edit((r) => r.Budget.rows.push(["Skola", "Intäkter", "Intäkt", 5])), refused: true, expect: [f("KEY_DUPLICATE", "Budget", "Budget!A2", "Budget har samma rad två gånger (”Intäkter” (ansvar ”Skola”) [intäkt]): Budget!A2 och Budget!A6")], hosts: both },
  { id: "nyckel-utfall", title: "Samma rad två gånger i Utfall", ranges: edit((r) => r.Utfall.rows.push(["Vård", "Ränta", -1, -1])), refused: true, expect: [f("KEY_DUPLICATE", "Utfall", "Utfall!A5")], hosts: both },
  { id: "tvetydig", title: "En utfallsrad passar två budgetrader (samma post som intäkt och kostnad)", ranges: edit((r) => r.Budget.rows.push(["Vård", "Ränta", "Intäkt", 2])), refused: true, expect: [f("ACTUAL_AMBIGUOUS", "Utfall", "Utfall!A5", "Utfallsraden Utfall!A5 (”Ränta” (ansvar ”Vård”)) passar flera budgetrader: Budget!A5, Budget!A6")], hosts: both },
  { id: "typ-okand", title: "Typen ”Bidrag” är okänd", ranges: edit((r) => set(r, "Budget", "C2", "Bidrag")), refused: true, expect: [f("TYPE_UNKNOWN", "Budget", "Budget!C2", "Budget!C2: typen ”Bidrag” är okänd")], hosts: both },
  { id: "utan-budget", title: "Utfall för en post som saknar budget under det ansvaret", ranges: edit((r) => r.Utfall.rows.push(["Vård", "Intäkter", 25, 40])), refused: false, expect: [f("ACTUAL_WITHOUT_BUDGET", "Utfall", "Utfall!A6")], hosts: both },
  { id: "utan-budget-typ", title: "Utfall för en helt ny post, utan budget och typ", ranges: edit((r) => r.Utfall.rows.push(["Skola", "Konsulter", -25, -40])), refused: false, expect: [f("ACTUAL_KIND_FROM_SIGN", "Utfall", "Utfall!A6")], hosts: both },
  { id: "utan-utfall", title: "Budget för en post utan utfall", ranges: edit((r) => r.Budget.rows.push(["Skola", "Hyra", "Kostnad", -60])), refused: false, expect: [f("BUDGET_WITHOUT_ACTUAL", "Budget", "Budget!A6")], hosts: both },
  { id: "prognos-tom", title: "Prognos saknas på en rad", ranges: edit((r) => set(r, "Utfall", "D3", null)), refused: false, expect: [f("FORECAST_BLANK", "Utfall", "Utfall!D3")], hosts: both },
  { id: "tecken", title: "Kostnaderna är positiva men inställningen säger negativa", ranges: edit((r) => { set(r, "Budget", "D3", 900); set(r, "Budget", "D4", 300); }), refused: false, expect: [f("SIGN_SUSPECT", "Budget", null)], hosts: both },
  { id: "post-tom", title: "En rad med belopp men utan Post", ranges: edit((r) => set(r, "Utfall", "B3", null)), refused: true, expect: [f("VALUE_REQUIRED", "Utfall", "Utfall!B3")], hosts: both },

  // Cell values
  { id: "text-i-tal", title: "Text (”cirka 600”) där ett belopp ska stå", ranges: edit((r) => set(r, "Utfall", "C2", "cirka 600")), refused: true, expect: [f("NUMBER_EXPECTED", "Utfall", "Utfall!C2", "Utfall!C2 (Utfall) ska innehålla ett tal men innehåller ”cirka 600”")], hosts: both },
  { id: "text-i-tal-alla", title: "Text i två belopp (”åttio”, ”n/a”): båda nämns, inte bara det första", ranges: edit((r) => { set(r, "Utfall", "C2", "åttio"); set(r, "Utfall", "C3", "n/a"); }), refused: true, expect: [f("NUMBER_EXPECTED", "Utfall", "Utfall!C2", "Utfall!C2 (Utfall) ska innehålla ett tal men innehåller ”åttio”"), f("NUMBER_EXPECTED", "Utfall", "Utfall!C3", "Utfall!C3 (Utfall) ska innehålla ett tal men innehåller ”n/a”")], hosts: both },
  { id: "sv-tal-mellanslag", title: "Talet ”1 234,5” skrivet som text", ranges: edit((r) => set(r, "Budget", "D2", "1 234,5")), refused: false, expect: [f("NUMBER_FROM_TEXT", "Budget", "Budget!D2")], hosts: both },
  { id: "sv-tal-minus", title: "Talet ”−470” med typografiskt minus, som text", ranges: edit((r) => set(r, "Utfall", "C3", "\u2212470")), refused: false, expect: [f("NUMBER_FROM_TEXT", "Utfall", "Utfall!C3")], hosts: both },
  { id: "sv-tal-procent", title: "Förändring ”2 %” skriven som text", ranges: edit((r) => set(r, "Känslighet", "C2", "2 %")), refused: false, expect: [f("NUMBER_FROM_TEXT", "Känslighet", "Känslighet!C2")], hosts: both },
  { id: "sv-tal-hart-mellanslag", title: "Talet ”1\u00a0200” med hårt mellanslag, som text", ranges: edit((r) => set(r, "Budget", "D2", "1\u00a0200")), refused: false, expect: [f("NUMBER_FROM_TEXT", "Budget", "Budget!D2")], hosts: both },
  { id: "fel-na", title: "Felvärdet #N/A i ett belopp", ranges: edit((r) => set(r, "Utfall", "C4", { error: "#N/A" })), refused: true, expect: [f("CELL_ERROR_VALUE", "Utfall", "Utfall!C4")], hosts: both },
  { id: "fel-ref", title: "Felvärdet #REF! i ett belopp", ranges: edit((r) => set(r, "Budget", "D4", { error: "#REF!" })), refused: true, expect: [f("CELL_ERROR_VALUE", "Budget", "Budget!D4")], hosts: both },
  { id: "fel-div0", title: "Felvärdet #DIV/0! i ett mål", ranges: edit((r) => set(r, "Indikatorer", "C2", { error: "#DIV/0!" })), refused: true, expect: [f("CELL_ERROR_VALUE", "Indikatorer", "Indikatorer!C2")], hosts: both },
  { id: "datum", title: "Ett datum där ett belopp ska stå", ranges: edit((r) => set(r, "Utfall", "C2", new Date(Date.UTC(2024, 5, 30)))), refused: true, expect: [f("DATE_NOT_AMOUNT", "Utfall", "Utfall!C2")], hosts: both },
  { id: "sanningsvarde", title: "SANT där ett belopp ska stå", ranges: edit((r) => set(r, "Utfall", "C2", true)), refused: true, expect: [f("NUMBER_EXPECTED", "Utfall", "Utfall!C2")], hosts: both },
  { id: "jattetal", title: "Ett orimligt stort tal (10^16)", ranges: edit((r) => set(r, "Budget", "D2", 1e16)), refused: true, expect: [f("NUMBER_NOT_FINITE", "Budget", "Budget!D2")], hosts: both },
  { id: "pyttetal", title: "Ett mycket litet tal (10^−12) räknas som vanligt", ranges: edit((r) => set(r, "Budget", "D5", -1e-12)), refused: false, expect: [], hosts: both },
  { id: "formel-varde", title: "Formler i indata med sparade värden (värdet används)", ranges: edit((r) => set(r, "Utfall", "C2", { formula: "600+10", result: 610 })), refused: false, expect: [], hosts: both },
  { id: "formel-orakad", title: "En formel utan uträknat värde (som openpyxl skriver dem)", ranges: edit((r) => set(r, "Utfall", "C2", { formula: "600+10" })), refused: true, expect: [f("FORMULA_NOT_CALCULATED", "Utfall", "Utfall!C2")], hosts: ["xlsx"], note: "Excel räknar alltid ut formler; bara filer från andra program kan sakna värdet." },
  { id: "dolda-rader", title: "Dolda rader i Budget (räknas med)", ranges: edit((r) => (r.Budget.hiddenRows = [2])), refused: false, expect: [f("HIDDEN_ROW_INCLUDED", "Budget", "Budget!A3")], hosts: ["xlsx"], note: "I Excel räknas dolda rader också med, men noteringen ges bara av kommandoraden." },

  // Indicators and risks
  { id: "riktning", title: "Riktningen ”Uppåt” är okänd", ranges: edit((r) => set(r, "Indikatorer", "D2", "Uppåt")), refused: true, expect: [f("DIRECTION_UNKNOWN", "Indikatorer", "Indikatorer!D2")], hosts: both },
  { id: "mal-tomt", title: "En indikator utan mål", ranges: edit((r) => set(r, "Indikatorer", "C3", null)), refused: true, expect: [f("VALUE_REQUIRED", "Indikatorer", "Indikatorer!C3")], hosts: both },
  { id: "sannolikhet-5", title: "Sannolikhet 5 på en 4-gradig skala", ranges: edit((r) => set(r, "Risker", "B2", 5)), refused: true, expect: [f("SCALE_OUT_OF_RANGE", "Risker", "Risker!B2", "Risker!B2: Sannolikhet ska vara ett heltal från 1 till 4, men är 5")], hosts: both },
  { id: "sannolikhet-0", title: "Sannolikhet 0", ranges: edit((r) => set(r, "Risker", "B3", 0)), refused: true, expect: [f("SCALE_OUT_OF_RANGE", "Risker", "Risker!B3")], hosts: both },
  { id: "konsekvens-decimal", title: "Konsekvens 2,5 (inte ett heltal)", ranges: edit((r) => set(r, "Risker", "C2", 2.5)), refused: true, expect: [f("SCALE_OUT_OF_RANGE", "Risker", "Risker!C2", "Risker!C2: Konsekvens ska vara ett heltal från 1 till 4, men är 2,5")], hosts: both },
  { id: "kanslighet-post", title: "Känslighet nämner en post som inte finns", ranges: edit((r) => set(r, "Känslighet", "B2", "Lönekostnader")), refused: true, expect: [f("SENSITIVITY_ITEM_UNKNOWN", "Känslighet", "Känslighet!B2")], hosts: both },

  // Över-/underskott, measures and investments (contract v2)
  { id: "atgard-status", title: "Åtgärden har statusen ”Kanske”", ranges: edit((r) => { r.Åtgärder = measures(); set(r, "Åtgärder", "B2", "Kanske"); }), refused: true, expect: [f("MEASURE_STATUS_UNKNOWN", "Åtgärder", "Åtgärder!B2")], hosts: both },
  { id: "atgard-effekt-text", title: "Åtgärdens effekt är skriven som text (”ca 400”)", ranges: edit((r) => { r.Åtgärder = measures(); set(r, "Åtgärder", "C2", "ca 400"); }), refused: true, expect: [f("NUMBER_EXPECTED", "Åtgärder", "Åtgärder!C2")], hosts: both },
  { id: "atgard-utan-namn", title: "En åtgärd med status och effekt men utan namn", ranges: edit((r) => { r.Åtgärder = measures(); set(r, "Åtgärder", "A3", null); }), refused: true, expect: [f("VALUE_REQUIRED", "Åtgärder", "Åtgärder!A3")], hosts: both },
  { id: "atgard-i-prognos", title: "Ingår i prognos är ”Kanske”", ranges: edit((r) => { r.Åtgärder = measures(); set(r, "Åtgärder", "E2", "Kanske"); }), refused: true, expect: [f("MEASURE_IN_FORECAST_UNKNOWN", "Åtgärder", "Åtgärder!E2")], hosts: both },
  { id: "overskott-fel-typ", title: "Ett rullat underskott har typen Kostnad", ranges: edit((r) => { r.Budget.rows.push(["Vård", "Rullat underskott", "Kostnad", 0]); r.Utfall.rows.push(["Vård", "Rullat underskott", -30, -40]); }), refused: false, expect: [f("CARRYOVER_TYPE_SUSPECT", "Budget", "Budget!C6")], hosts: both },
  { id: "overskott-okand-typ", title: "Typen ”Överskottet” (stavat fel)", ranges: edit((r) => r.Budget.rows.push(["Vård", "Rullat underskott", "Överskottet", 0])), refused: true, expect: [f("TYPE_UNKNOWN", "Budget", "Budget!C6")], hosts: both },
  { id: "investering-tecken", title: "Investeringarnas utgifter är positiva men kostnader ska vara negativa", ranges: edit((r) => { r.Investeringar = { rows: [["Projekt", "Utfall", "Budget helår", "Prognos helår"], ["Datorer", 300, 500, 450], ["Fordon", 120, 200, 210]] }; }), refused: false, expect: [f("INVESTMENT_SIGN_SUSPECT", "Investeringar", "Investeringar!B2")], hosts: both },

  // Contract v3: bokslut, non-recurring items, a resultaträkning per ansvar, kvinnor/män, probabilities
  { id: "bokslut-text", title: "Text (”se bokslutet”) i Utfall helår fg år", ranges: edit((r) => { addColumn(r.Utfall, "Utfall helår fg år", [1220, -930, -310, -11]); set(r, "Utfall", "E3", "se bokslutet"); }), refused: true, expect: [f("NUMBER_EXPECTED", "Utfall", "Utfall!E3", "Utfall!E3 (Utfall helår fg år) ska innehålla ett tal")], hosts: both },
  { id: "jmf-post-saknas", title: "En jämförelsestörande post på en post som inte finns i Budget (”Reavinster”)", ranges: edit((r) => { r.Jämförelsestörande = nonRecurring(); set(r, "Jämförelsestörande", "B2", "Reavinster"); }), refused: true, expect: [f("NONRECURRING_ITEM_UNKNOWN", "Jämförelsestörande", "Jämförelsestörande!B2", "posten ”Reavinster” finns inte i resultaträkningen")], hosts: both },
  { id: "jmf-ansvar-saknas", title: "En jämförelsestörande post under ett ansvar som inte har posten (Vård, Intäkter)", ranges: edit((r) => { r.Jämförelsestörande = nonRecurring(); set(r, "Jämförelsestörande", "C2", "Vård"); }), refused: true, expect: [f("NONRECURRING_RESPONSIBILITY_UNKNOWN", "Jämförelsestörande", "Jämförelsestörande!C2", "ansvaret ”Vård” har ingen rad för posten ”Intäkter”")], hosts: both },
  { id: "jmf-utan-ansvar", title: "Jämförelsestörande saknar kolumnen Ansvar, fast Budget har den", ranges: edit((r) => { r.Jämförelsestörande = nonRecurring(); dropColumn(r, "Jämförelsestörande", "Ansvar"); }), refused: true, expect: [f("HEADER_MISSING", "Jämförelsestörande", "Jämförelsestörande!A1", "Kolumnen ”Ansvar” saknas i Jämförelsestörande")], hosts: both },
  { id: "jmf-utan-belopp", title: "En jämförelsestörande post utan belopp i Utfall och Prognos", ranges: edit((r) => { r.Jämförelsestörande = nonRecurring(); set(r, "Jämförelsestörande", "D2", null); set(r, "Jämförelsestörande", "E2", null); }), refused: false, expect: [f("NONRECURRING_WITHOUT_AMOUNT", "Jämförelsestörande", "Jämförelsestörande!A2")], hosts: both },
  { id: "resultatrakning-ansvar-okant", title: "Resultaträkning per ansvar nämner ett ansvar som inte finns (”Bibliotek”)", ranges: edit((r) => r.Inställningar.rows.push(["Resultaträkning per ansvar", "Skola; Bibliotek"])), refused: true, expect: [f("RESPONSIBILITY_STATEMENT_UNKNOWN", "Inställningar", "Inställningar!B7", "nämner ”Bibliotek”, som inte är ett ansvar")], hosts: both },
  { id: "resultatrakning-utan-ansvar", title: "Resultaträkning per ansvar = Ja i en arbetsbok utan Ansvar", ranges: edit((r) => { dropColumn(r, "Budget", "Ansvar"); dropColumn(r, "Utfall", "Ansvar"); r.Budget.rows.splice(3, 1); r.Utfall.rows.splice(3, 1); r.Inställningar.rows.push(["Resultaträkning per ansvar", "Ja"]); }), refused: false, expect: [f("RESPONSIBILITY_STATEMENT_WITHOUT_RESPONSIBILITY", "Inställningar", null)], hosts: both },
  { id: "sannolikhet-procent-150", title: "Sannolikhet % är 150", ranges: edit((r) => { addColumn(r.Risker, "Sannolikhet %", [150, 10]); }), refused: true, expect: [f("PROBABILITY_OUT_OF_RANGE", "Risker", "Risker!E2", "Sannolikhet % ska vara en procentsats från 0 till 100, men är 150")], hosts: both },
  { id: "sannolikhet-per-niva-langd", title: "Sannolikhet per nivå har tre procentsatser på en fyrgradig skala", ranges: edit((r) => r.Inställningar.rows.push(["Sannolikhet per nivå", "10 %; 50 %; 90 %"])), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B7", "Listan har 3 värden men skalan har 4 nivåer")], hosts: both },
  { id: "sannolikhet-per-niva-minskar", title: "Sannolikhet per nivå minskar med nivån (80 %; 50 %; 20 %; 5 %)", ranges: edit((r) => r.Inställningar.rows.push(["Sannolikhet per nivå", "80 %; 50 %; 20 %; 5 %"])), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B7", "En högre nivå kan inte ha lägre sannolikhet")], hosts: both },
  { id: "konsekvens-positiv", title: "Alla ekonomiska konsekvenser i Risker är positiva (förluster inmatade som vinster)", ranges: edit((r) => addColumn(r.Risker, "Ekonomisk konsekvens", [150, 40])), refused: false, expect: [f("RISK_CONSEQUENCE_SIGN_SUSPECT", "Risker", "Risker!E2", "Alla ekonomiska konsekvenser i Risker är positiva")], hosts: both },
  { id: "kon-utan-total", title: "Utfall kvinnor och män ifyllda men Utfall (totalt) tomt", ranges: edit((r) => { addColumn(r.Indikatorer, "Utfall kvinnor", [null, 7.1]); addColumn(r.Indikatorer, "Utfall män", [null, 4.2]); set(r, "Indikatorer", "B3", null); }), refused: true, expect: [f("INDICATOR_GENDER_WITHOUT_TOTAL", "Indikatorer", "Indikatorer!E3", "Utfall kvinnor är ifylld (7,1) men Utfall är tom")], hosts: both },
  { id: "kon-total-utanfor", title: "Totalen (6) ligger utanför kvinnor (7,1) och män (6,5) och är inte deras summa", ranges: edit((r) => { addColumn(r.Indikatorer, "Utfall kvinnor", [null, 7.1]); addColumn(r.Indikatorer, "Utfall män", [null, 6.5]); }), refused: false, expect: [f("INDICATOR_GENDER_TOTAL_SUSPECT", "Indikatorer", "Indikatorer!B3", "totalen för ”Sjukfrånvaro”")], hosts: both },
  { id: "malar-text", title: "Målår ”nästa år” i stället för ett årtal", ranges: edit((r) => addColumn(r.Indikatorer, "Målår", ["nästa år", 2026])), refused: true, expect: [f("TARGET_YEAR_INVALID", "Indikatorer", "Indikatorer!E2", "Målår ska vara ett årtal")], hosts: both },

  // Ledger input (contract v2): Huvudbok and Kontoplan
  { id: "huvudbok-konto-mellanrum", title: "Ett kontonummer som text med mellanrum (”50 11”)", ranges: editLedger((r) => set(r, "Huvudbok", "A3", "50 11")), refused: true, expect: [f("ACCOUNT_INVALID", "Huvudbok", "Huvudbok!A3")], hosts: both },
  { id: "huvudbok-konto-decimal", title: "Ett kontonummer som text med ”.0” på slutet (”5011.0”), som när ett program gjort det till decimaltal", ranges: editLedger((r) => set(r, "Huvudbok", "A3", "5011.0")), refused: false, expect: [f("ACCOUNT_NORMALISED", "Huvudbok", "Huvudbok!A3")], hosts: both },
  { id: "huvudbok-konto-tusental", title: "Ett kontonummer med tusentalsavgränsare (”3 111”)", ranges: editLedger((r) => set(r, "Huvudbok", "A2", "3\u00a0111")), refused: true, expect: [f("ACCOUNT_INVALID", "Huvudbok", "Huvudbok!A2")], hosts: both },
  { id: "huvudbok-konto-med-namn", title: "Kontonummer och benämning i samma cell (”5011 Löner”)", ranges: editLedger((r) => set(r, "Huvudbok", "A4", "5011 Löner")), refused: true, expect: [f("ACCOUNT_INVALID", "Huvudbok", "Huvudbok!A4")], hosts: both },
  { id: "huvudbok-konto-decimaltal", title: "Ett kontonummer som är ett decimaltal (5011,5)", ranges: editLedger((r) => set(r, "Huvudbok", "A3", 5011.5)), refused: true, expect: [f("ACCOUNT_INVALID", "Huvudbok", "Huvudbok!A3")], hosts: both },
  { id: "kontoplan-baklanges", title: "Ett intervall i Kontoplan skrivet baklänges (”3099-3000”)", ranges: editLedger((r) => { r.Kontoplan = { rows: [["Konto", "Post", "Typ"], ["3099-3000", "Avgifter", "Intäkt"]] }; }), refused: true, expect: [f("ACCOUNT_RULE_BACKWARDS", "Kontoplan", "Kontoplan!A2")], hosts: both },
  { id: "kontoplan-overlapp", title: "Två lika specifika rader i Kontoplan täcker samma konton (”50” och ”5000-5099”)", ranges: editLedger((r) => { r.Kontoplan = { rows: [["Konto", "Post", "Typ"], ["50", "Personal", "Kostnad"], ["5000-5099", "Löner", "Kostnad"]] }; }), refused: true, expect: [f("ACCOUNT_PLAN_OVERLAP", "Kontoplan", "Kontoplan!A2")], hosts: both },
  { id: "kontoplan-olika-langd", title: "Ett intervall i Kontoplan med olika många siffror i ändarna (”30-3099”)", ranges: editLedger((r) => { r.Kontoplan = { rows: [["Konto", "Post", "Typ"], ["30-3099", "Avgifter", "Intäkt"]] }; }), refused: true, expect: [f("ACCOUNT_RULE_INVALID", "Kontoplan", "Kontoplan!A2")], hosts: both },
  { id: "huvudbok-okand-art", title: "En okänd art i lång form (”Budget2”)", ranges: editLedger((r) => set(r, "Huvudbok", "D3", "Budget2"), true), refused: true, expect: [f("LEDGER_ART_UNKNOWN", "Huvudbok", "Huvudbok!D3")], hosts: both },
  { id: "huvudbok-period-13", title: "Period 13 i lång form", ranges: editLedger((r) => set(r, "Huvudbok", "C2", 13), true), refused: true, expect: [f("LEDGER_PERIOD_INVALID", "Huvudbok", "Huvudbok!C2")], hosts: both },
  { id: "huvudbok-period-annat-ar", title: "Perioden 1999-03 på en utfallsrad i lång form för 2024 (ett annat år)", ranges: editLedger((r) => set(r, "Huvudbok", "C4", "1999-03"), true), refused: true, expect: [f("LEDGER_PERIOD_OTHER_YEAR", "Huvudbok", "Huvudbok!C4", "hör till ett annat år än rapportens (2024)")], hosts: both },
  { id: "huvudbok-period-text", title: "Perioden ”mars” i lång form", ranges: editLedger((r) => set(r, "Huvudbok", "C2", "mars"), true), refused: true, expect: [f("LEDGER_PERIOD_INVALID", "Huvudbok", "Huvudbok!C2")], hosts: both },
  { id: "huvudbok-bara-balans", title: "En huvudbok med bara balanskonton", ranges: editLedger((r) => { r.Huvudbok.rows = [r.Huvudbok.rows[0], [1930, "Skola", 0, 25000, 0], [2440, "Skola", 0, -12000, 0]]; }), refused: true, expect: [f("LEDGER_NO_RESULT_ACCOUNTS", "Huvudbok", "Huvudbok!A1")], hosts: both },
  { id: "huvudbok-utan-belopp", title: "En huvudbok utan beloppskolumn (bara Konto, Ansvar och Kontotext)", ranges: editLedger((r) => { r.Huvudbok.rows = [["Konto", "Ansvar", "Kontotext"], [3111, "Skola", "Taxor"], [5011, "Skola", "Löner"]]; }), refused: true, expect: [f("LEDGER_NO_AMOUNTS", "Huvudbok", "Huvudbok!A1")], hosts: both },
  { id: "huvudbok-okant-konto", title: "Ett konto som varken Kontoplan eller Kommun-Bas täcker (9100)", ranges: editLedger((r) => r.Huvudbok.rows.push([9100, "Vård", 0, 5000, 0])), refused: true, expect: [f("LEDGER_ACCOUNT_UNMAPPED", "Huvudbok", "Huvudbok!A6")], hosts: both },
  { id: "huvudbok-och-budget", title: "Både Huvudbok och Budget/Utfall i samma arbetsbok", ranges: editLedger((r) => { const b = baseRanges(); r.Budget = b.Budget; r.Utfall = b.Utfall; }), refused: true, expect: [f("LEDGER_AND_BUDGET", "Huvudbok", "Huvudbok!A1")], hosts: both },
  { id: "huvudbok-flera-budgetar", title: "Budgetkolumner för 2023 och 2025 men inte för rapportens år 2024", ranges: editLedger((r) => { r.Huvudbok.rows = [["Konto", "Budget 2023", "Budget 2025", "Utfall"], [3111, -1100000, -1300000, -610000]]; }), refused: true, expect: [f("LEDGER_BUDGET_COLUMNS", "Huvudbok", "Huvudbok!A1")], hosts: both },
  // Settings
  { id: "period-13", title: "Period 13", ranges: edit((r) => set(r, "Inställningar", "B3", 13)), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B3")], hosts: both },
  { id: "period-0", title: "Period 0", ranges: edit((r) => set(r, "Inställningar", "B3", 0)), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B3")], hosts: both },
  { id: "enhet-okand", title: "Enhet in ”euro”", ranges: edit((r) => set(r, "Inställningar", "B4", "euro")), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B4")], hosts: both },
  { id: "installning-okand", title: "En okänd inställning (”Färg”)", ranges: edit((r) => r.Inställningar.rows.push(["Färg", "blå"])), refused: false, expect: [f("SETTING_UNKNOWN", "Inställningar", "Inställningar!A7")], hosts: both },
  { id: "installning-dubbel", title: "Inställningen Period två gånger", ranges: edit((r) => r.Inställningar.rows.push(["Period", 7])), refused: true, expect: [f("SETTING_DUPLICATE", "Inställningar", "Inställningar!A3")], hosts: both },

  { id: "kontoplan-utan-huvudbok", title: "En Kontoplan men ingen Huvudbok (Budget och Utfall används)", ranges: edit((r) => { r.Kontoplan = { rows: [["Konto", "Post", "Typ"], ["30-39", "Intäkter", "Intäkt"]] }; }), refused: false, expect: [f("PLAN_WITHOUT_LEDGER", "Kontoplan", null)], hosts: both },
  { id: "huvudbok-balanskonto", title: "Ett balanskonto (1930) i huvudboken hoppas över", ranges: editLedger(() => undefined), refused: false, expect: [f("LEDGER_BALANCE_SKIPPED", "Huvudbok", "Huvudbok!A5", "summa 25")], hosts: both },
  // Many findings of one kind
  { id: "manga-fel", title: "Text i 30 belopp: 25 fel visas, resten räknas", ranges: edit((r) => more(r.Utfall, 30, (i) => ["Skola", `Post ${i + 1}`, "saknas", 0])), refused: true, expect: [f("MORE_ERRORS", "Utfall", "Utfall!C35", "ytterligare 5 celler i kolumnen Utfall")], hosts: both },
  { id: "manga-noteringar", title: "30 belopp skrivna som text: 25 noteringar visas, resten räknas", ranges: edit((r) => more(r.Utfall, 30, (i) => ["Skola", `Post ${i + 1}`, "5", 0])), refused: false, expect: [f("MORE_NOTICES", "Utfall", "Utfall!C35", "ytterligare 5 celler i kolumnen Utfall")], hosts: both },
  // Indicators, budget months
  { id: "indikator-andel-procent", title: "En indikators utfall som andel (0,43) och mål i procent (75)", ranges: edit((r) => { set(r, "Indikatorer", "B2", 0.43); set(r, "Indikatorer", "C2", 75); }), refused: false, expect: [f("INDICATOR_PERCENT_MISMATCH", "Indikatorer", "Indikatorer!B2")], hosts: both },
  { id: "tolerans-negativ", title: "En negativ Tolerans (−5)", ranges: edit((r) => { r.Indikatorer.rows = r.Indikatorer.rows.map((row, i) => [...row, i === 0 ? "Tolerans" : i === 1 ? -5 : null]); }), refused: true, expect: [f("TOLERANCE_NEGATIVE", "Indikatorer", "Indikatorer!E2", "Tolerans kan inte vara negativ (−5)")], hosts: both },
  { id: "helar-manader", title: "Helår skiljer sig från summan av tolv månader", ranges: edit((r) => { r.Budget.rows = r.Budget.rows.map((row, i) => [...row, ...(i === 0 ? MONTHS : new Array<number>(12).fill(i === 1 ? 110 : (row[3] as number) / 12))]); }), refused: false, expect: [f("YEAR_DIFFERS_FROM_MONTHS", "Budget", "Budget!D2", "Helår (1\u00a0200) skiljer sig från summan av månaderna (1\u00a0320)")], hosts: both },
  // The report tab (Rapportflik)
  { id: "rapportflik-history", title: "Rapportflik ”History”, ett namn Excel reserverar", ranges: edit((r) => r.Inställningar.rows.push(["Rapportflik", "History"])), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B7", "inställningen Rapportflik kan inte vara ”History”")], hosts: both },
  { id: "rapportflik-prognoshistorik", title: "Rapportflik ”Prognoshistorik”, prognoshistorikens blad", ranges: edit((r) => r.Inställningar.rows.push(["Rapportflik", "prognoshistorik"])), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B7", "Bladet Prognoshistorik är prognoshistorikens eget")], hosts: both },
  { id: "rapportflik-apostrof", title: "Rapportflik ”Rapport'”, som slutar med apostrof", ranges: edit((r) => r.Inställningar.rows.push(["Rapportflik", "Rapport'"])), refused: true, expect: [f("SETTING_INVALID", "Inställningar", "Inställningar!B7", "inställningen Rapportflik kan inte vara ”Rapport'”")], hosts: both },
  { id: "rapportflik-indata", title: "Rapportflik ”Budget”, bladet med indataområdet Budget", ranges: edit((r) => r.Inställningar.rows.push(["Rapportflik", "Budget"])), refused: true, expect: [f("REPORT_SHEET_IS_INPUT", null, null, "Rapportfliken ”Budget” innehåller indataområdet Budget")], hosts: both },
  { id: "rapportflik-upptagen", title: "Ett eget blad heter Rapport och är ingen rapport", ranges: edit((r) => { r.Anteckningar = { sheet: "Rapport", rows: [["Mina anteckningar"], ["Ring revisorn"]] }; }), refused: true, expect: [f("REPORT_SHEET_TAKEN", null, null, "Bladet ”Rapport” finns redan och är inte en rapport från Uppföljning")], hosts: both },

  // The forecast history (Prognoshistorik)
  { id: "historik-ar", title: "Prognoshistorik med ett år som inte är ett årtal", ranges: withHistory((h) => void (h.rows[2][0] = "i fjol")), refused: true, expect: [f("HISTORY_YEAR_INVALID", "Prognoshistorik", "Prognoshistorik!A3", "”i fjol” är inget årtal")], hosts: both },
  { id: "historik-period", title: "Prognoshistorik med period 13", ranges: withHistory((h) => void (h.rows[1][1] = 13)), refused: true, expect: [f("HISTORY_PERIOD_INVALID", "Prognoshistorik", "Prognoshistorik!B2", "perioden ”13” är inte en månad 1–12")], hosts: both },
  { id: "historik-dubbel", title: "Samma prognos två gånger i Prognoshistorik", ranges: withHistory((h) => void h.rows.push([2024, 3, "skola", "Intäkter", "Intäkt", 1190, 300])), refused: true, expect: [f("HISTORY_DUPLICATE", "Prognoshistorik", "Prognoshistorik!A2", "Prognoshistorik!A2 och Prognoshistorik!A6")], hosts: both },
  { id: "historik-typ-saknas", title: "En rad i Prognoshistorik utan Typ för en post som inte finns i budgeten", ranges: withHistory((h) => void h.rows.push([2024, 3, "Skola", "Konsulter", null, -20, -5])), refused: true, expect: [f("HISTORY_TYPE_NEEDED", "Prognoshistorik", "Prognoshistorik!E6", "posten ”Konsulter”")], hosts: both },
  { id: "historik-ansvar-borta", title: "Prognoshistorik med ett ansvar som inte längre finns (Fritid)", ranges: withHistory((h) => void h.rows.push([2024, 3, "Fritid", "Personalkostnader", "Kostnad", -40, -10], [2023, 12, "Fritid", "Personalkostnader", "Kostnad", -41, -41])), refused: false, expect: [f("HISTORY_RESPONSIBILITY_GONE", "Prognoshistorik", "Prognoshistorik!A6", "antal: 2")], hosts: both },
  { id: "historik-post-borta", title: "Prognoshistorik med en post som inte längre finns (Lokaler)", ranges: withHistory((h) => void h.rows.push([2024, 3, "Skola", "Lokaler", "Kostnad", -60, -15])), refused: false, expect: [f("HISTORY_ITEM_GONE", "Prognoshistorik", "Prognoshistorik!A6", "posten ”Lokaler”")], hosts: both },
  { id: "historik-eget-blad", title: "Prognoshistorik på ett eget blad (”Min historik”): läses men skrivs inte", ranges: withHistory(() => undefined, { sheet: "Min historik" }), refused: false, expect: [f("HISTORY_NOT_OURS", "Prognoshistorik", "'Min historik'!A1", "skrevs inte dit")], hosts: both },
  { id: "historik-tabell", title: "Prognoshistorik som en tabell: läses men skrivs inte", ranges: withHistory(() => undefined, { table: true }), refused: false, expect: [f("HISTORY_TABLE", "Prognoshistorik", "Prognoshistorik!A1", "är en tabell")], hosts: both },
  { id: "historik-blad-upptaget", title: "Ett eget blad heter Prognoshistorik men har inget sådant område", ranges: edit((r) => { r.Anteckningar = { sheet: "Prognoshistorik", rows: [["Mina anteckningar"], ["Prognosen i mars var för låg"]] }; }), refused: false, expect: [f("HISTORY_SHEET_TAKEN", "Prognoshistorik", null, "bladet Prognoshistorik finns redan")], hosts: both },
  { id: "historik-utan-typ-kolumn", title: "Prognoshistorik utan kolumnen Typ: läses men skrivs inte", ranges: withHistory((h) => void (h.rows = h.rows.map((row) => row.filter((_, j) => j !== 4)))), refused: false, expect: [f("HISTORY_COLUMN_MISSING", "Prognoshistorik", "Prognoshistorik!A1", "saknar kolumnen ”Typ”")], hosts: both },
  { id: "historik-skyddad", title: "Bladet Prognoshistorik är skyddat", ranges: withHistory(() => undefined, { protected: true }), refused: false, expect: [f("HISTORY_SHEET_PROTECTED", "Prognoshistorik", "Prognoshistorik!A1", "är skyddat")], hosts: both },
  { id: "historik-rader-under", title: "Inklistrade rader under området Prognoshistorik", ranges: withHistory((h, r) => { delete r.Prognoshistorik; r.Historikblad = { ...h, sheet: "Prognoshistorik" }; }), rawNames: { Prognoshistorik: "Prognoshistorik!$A$1:$G$3" }, refused: false, expect: [f("HISTORY_RANGE_EXTENDED", "Prognoshistorik", "Prognoshistorik!A1", "(rad 4–5)")], hosts: both },
  { id: "historik-full", title: "Prognoshistorik som når bladets sista rader", ranges: withHistory((h) => void (h.rows = h.rows.slice(0, 2)), { at: "A1048573" }), refused: false, expect: [f("HISTORY_FULL", "Prognoshistorik", "Prognoshistorik!A1048573", "1\u00a0048\u00a0576 rader")], hosts: both },

  // Files
  { id: "inte-arbetsbok", title: "En textfil med ändelsen .xlsx", file: () => Buffer.from("Post;Utfall\nIntäkter;610\n", "utf8"), refused: true, expect: [f("FILE_NOT_WORKBOOK", null, null)], hosts: ["xlsx"], note: "Gäller filer; i Excel är arbetsboken redan öppen." },
  { id: "trasig", title: "En avklippt .xlsx-fil", file: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]), refused: true, expect: [f("FILE_NOT_WORKBOOK", null, null)], hosts: ["xlsx"], note: "Gäller filer." },
  { id: "losenord", title: "En lösenordsskyddad arbetsbok", file: () => oleFile(true), refused: true, expect: [f("FILE_ENCRYPTED", null, null)], hosts: ["xlsx"], note: "Gäller filer." },
  { id: "xls", title: "En arbetsbok i det gamla .xls-formatet", file: () => oleFile(false), refused: true, expect: [f("FILE_LEGACY_FORMAT", null, null)], hosts: ["xlsx"], note: "Gäller filer." },
];
