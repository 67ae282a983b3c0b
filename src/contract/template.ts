import { ContractRangeName } from "./schema";

/** One input sheet of a new workbook: its range name, headers and a few example rows. */
export interface TemplateSheet {
  sheet: string;
  range: ContractRangeName;
  rows: (string | number | null)[][];
}

/** Which inputs a new workbook starts from: summarised Budget and Utfall, or the ledger export and an account plan. */
export type TemplateKind = "budget" | "ledger";

/** The input sheets "Skapa mall" lays out for `kind`, with example rows a new user can overwrite. */
export function templateSheets(kind: TemplateKind): TemplateSheet[] {
  if (kind === "budget") return TEMPLATE;
  const others = TEMPLATE.filter((t) => t.range !== "Budget" && t.range !== "Utfall");
  return [...LEDGER_SHEETS, ...others.map((t) => (t.range === "Inställningar" ? ledgerSettings(t) : t))];
}

/**
 * The ledger template: a wide Huvudbok as ekonomisystem exports look (debit positive, kr, Kommun-Bas accounts)
 * and a Kontoplan showing the three kinds of rule. Accounts the Kontoplan leaves out follow Kommun-Bas.
 */
const LEDGER_SHEETS: TemplateSheet[] = [
  {
    sheet: "Huvudbok",
    range: "Huvudbok",
    rows: [
      ["Konto", "Ansvar", "Budget", "Utfall", "Utfall fg år", "Prognos", "Bokslut fg år"],
      [3111, "Verksamhet A", -900000, -455000, -430000, -890000, -870000],
      [3511, "Verksamhet A", -300000, -155000, -150000, -300000, -295000],
      [5011, "Verksamhet A", 560000, 287000, 276000, 571000, 552000],
      [5411, "Verksamhet A", 240000, 123000, 119000, 244000, 237000],
      [6110, "Verksamhet A", 150000, 75000, 74000, 150000, 148000],
      [7010, "Verksamhet A", 200000, 85000, 96000, 195000, 201000],
      [8510, "Verksamhet A", 10000, 5000, 4000, 10000, 9000],
      [1930, "Verksamhet A", 0, 42000, 0, 0, 0],
    ],
  },
  {
    sheet: "Kontoplan",
    range: "Kontoplan",
    rows: [
      ["Konto", "Post", "Typ"],
      ["30-39", "Verksamhetens intäkter", "Intäkt"],
      ["50", "Personalkostnader", "Kostnad"],
      ["5400-5499", "Personalkostnader", "Kostnad"],
      ["6110", "Lokalkostnader", "Kostnad"],
    ],
  },
];

function ledgerSettings(t: TemplateSheet): TemplateSheet {
  return { ...t, rows: [...t.rows, ["Tecken i huvudbok", "Debet positiv"]] };
}

const TEMPLATE: TemplateSheet[] = [
  {
    sheet: "Budget",
    range: "Budget",
    rows: [
      ["Ansvar", "Post", "Typ", "Helår"],
      ["Verksamhet A", "Verksamhetens intäkter", "Intäkt", 1200000],
      ["Verksamhet A", "Personalkostnader", "Kostnad", -800000],
      ["Verksamhet A", "Övriga kostnader", "Kostnad", -350000],
      ["Verksamhet A", "Finansnetto", "Finansiell", -10000],
    ],
  },
  {
    sheet: "Utfall",
    range: "Utfall",
    rows: [
      ["Ansvar", "Post", "Typ", "Utfall", "Utfall fg år", "Prognos", "Utfall helår fg år"],
      ["Verksamhet A", "Verksamhetens intäkter", null, 610000, 580000, 1190000, 1165000],
      ["Verksamhet A", "Personalkostnader", null, -410000, -395000, -815000, -789000],
      ["Verksamhet A", "Övriga kostnader", null, -160000, -170000, -345000, -349000],
      ["Verksamhet A", "Finansnetto", null, -5000, -4000, -10000, -9000],
      ["Verksamhet A", "Rullat underskott", "Över-/underskott", -20000, 0, -30000, 0],
    ],
  },
  {
    sheet: "Jämförelsestörande",
    range: "Jämförelsestörande",
    rows: [
      ["Beskrivning", "Post", "Ansvar", "Utfall", "Prognos"],
      ["Försäljning av inventarier", "Verksamhetens intäkter", "Verksamhet A", 40000, 40000],
    ],
  },
  {
    sheet: "Indikatorer",
    range: "Indikatorer",
    rows: [
      ["Indikator", "Grupp", "Utfall", "Mål", "Målår", "Riktning", "Tolerans", "Föregående", "Enhet", "Utfall kvinnor", "Utfall män", "Föregående kvinnor", "Föregående män", "Kommentar"],
      ["Sjukfrånvaro", "Medarbetare", 6.2, 5.5, 2026, "Lägre", 0.5, 6.5, "%", 7.0, 4.9, 7.3, 5.2, null],
      ["Nöjda brukare", "Brukare", 82, 85, null, "Högre", null, 80, "%", null, null, null, null, null],
    ],
  },
  {
    sheet: "Risker",
    range: "Risker",
    rows: [
      ["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig", "Kommentar", "Ekonomisk konsekvens", "Sannolikhet %"],
      ["Svårt att rekrytera", 3, 3, "Rekryteringsplan", "Verksamhetschef", "En förlust anges med minustecken", -50, 30],
    ],
  },
  {
    sheet: "Känslighet",
    range: "Känslighet",
    rows: [
      ["Faktor", "Post", "Bas", "Förändring"],
      ["Löneökning 1 %", "Personalkostnader", null, 0.01],
    ],
  },
  {
    sheet: "Åtgärder",
    range: "Åtgärder",
    rows: [
      ["Åtgärd", "Status", "Effekt i år", "Effekt nästa år", "Ingår i prognos", "Kommentar", "Effekt hos"],
      ["Vakant tjänst lämnas obesatt", "Beslutad", 150000, 300000, "Ja", null, null],
      ["Färre konferenser", "Ej beslutad", 50000, 100000, "Nej", "Beslut i nämnden i oktober", null],
      ["Enklare märkning av måltider", "Ej beslutad", null, 80000, "Nej", "Besparingen hamnar hos kunden", "Beställande nämnder"],
    ],
  },
  {
    sheet: "Investeringar",
    range: "Investeringar",
    rows: [
      ["Projekt", "Kategori", "Utfall", "Budget helår", "Prognos helår", "Utfall ack totalt", "Total projektbudget", "Prognos total"],
      ["Nya datorer", "Inventarier", -120000, -250000, -230000, -120000, null, null],
      ["Ombyggnad av kök", "Lokaler", -300000, -400000, -400000, -650000, -900000, -950000],
    ],
  },
  {
    sheet: "Inställningar",
    range: "Inställningar",
    rows: [
      ["Inställning", "Värde"],
      ["Organisation", ""],
      ["Rapport", "Delårsrapport"],
      ["År", new Date().getFullYear()],
      ["Period", 6],
      ["Enhet in", "kr"],
      ["Enhet ut", "tkr"],
      ["Decimaler", 0],
      ["Teckenkonvention", "Kostnader negativa"],
      ["Enhet åtgärder", "kr"],
      ["Resultaträkning per ansvar", "Nej"],
      ["Sannolikhet per nivå", ""],
    ],
  },
];
