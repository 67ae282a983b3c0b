/**
 * The workbook contract's ranges and columns: which ranges exist, which are required, the headers (and accepted
 * alternatives) of each list range's columns, and how a range is found and opened as a table. The readers are
 * readIncome.ts (Budget, Utfall), readLists.ts (the list ranges), readLedger.ts (Huvudbok, Kontoplan) and
 * readSettings.ts (Inställningar); readContract.ts runs them all.
 */
import { canon } from "../core/text";
import { Finding, finding } from "../findings/findings";
import { MONTH_COLUMNS } from "./months";
import { RangeEntry, SourceWorkbook } from "./source";
import { ColumnSpec, Table } from "./table";

/** One contract range as found (or not) in the workbook, for the task pane and the report. */
export interface FoundRange {
  name: ContractRangeName;
  required: boolean;
  found: boolean;
  address: string | null;
  rows: number;
}

export const CONTRACT_RANGES = ["Budget", "Utfall", "Huvudbok", "Kontoplan", "Jämförelsestörande", "Indikatorer", "Risker", "Känslighet", "Åtgärder", "Investeringar", "Prognoshistorik", "Inställningar"] as const;
export type ContractRangeName = (typeof CONTRACT_RANGES)[number];
export const REQUIRED_RANGES: ReadonlySet<ContractRangeName> = new Set(["Budget", "Utfall"]);
const FOLDED_NAMES = new Set<string>(CONTRACT_RANGES.map((n) => canon(n)));

/** True when a workbook name is one of the contract's ranges (compared as the contract says: case, spaces, å/ä/ö). */
export function isContractRangeName(name: string): boolean {
  return FOLDED_NAMES.has(canon(name));
}

export const BUDGET_COLUMNS: ColumnSpec[] = [
  { key: "post", header: "Post" },
  { key: "typ", header: "Typ" },
  { key: "ansvar", header: "Ansvar" },
  { key: "helar", header: "Helår", aliases: ["Budget helår", "Årsbudget", "Budget"] },
  ...MONTH_COLUMNS,
];
/** The headers of last year's full-year outcome (the bokslut), in `Utfall` and in a ledger; `Bokslut <År−1>` too. */
export function priorYearFullAliases(year: number): string[] {
  return ["Bokslut fg år", `Bokslut ${year - 1}`, "Bokslut föregående år", "Utfall fg helår", "Utfall helår föregående år", "Utfall fg år helår", "Bokslut"];
}

/** Utfall: `Utfall helår fg år` may be named after last year (`Bokslut 2023`). */
export function actualColumns(year: number): ColumnSpec[] {
  return [
    { key: "post", header: "Post" },
    { key: "typ", header: "Typ" },
    { key: "ansvar", header: "Ansvar" },
    { key: "utfall", header: "Utfall" },
    { key: "fgar", header: "Utfall fg år", aliases: ["Utfall föregående år", "Fg år", "Föregående år"] },
    { key: "fghelar", header: "Utfall helår fg år", aliases: priorYearFullAliases(year) },
    { key: "prognos", header: "Prognos", aliases: ["Helårsprognos", "Årsprognos"] },
    ...MONTH_COLUMNS,
  ];
}
export const ACTUAL_COLUMNS: ColumnSpec[] = actualColumns(new Date().getFullYear());
export const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: "indikator", header: "Indikator" },
  { key: "utfall", header: "Utfall" },
  { key: "mal", header: "Mål" },
  { key: "riktning", header: "Riktning" },
  { key: "tolerans", header: "Tolerans" },
  { key: "foregaende", header: "Föregående" },
  { key: "enhet", header: "Enhet" },
  { key: "kommentar", header: "Kommentar" },
  { key: "grupp", header: "Grupp", aliases: ["Perspektiv", "Målområde"] },
  { key: "malar", header: "Målår", aliases: ["Mål år", "Målåret"] },
  { key: "utfallk", header: "Utfall kvinnor", aliases: ["Kvinnor", "Utfall K"] },
  { key: "utfallm", header: "Utfall män", aliases: ["Män", "Utfall M"] },
  { key: "foregk", header: "Föregående kvinnor", aliases: ["Föregående K", "Fg kvinnor"] },
  { key: "foregm", header: "Föregående män", aliases: ["Föregående M", "Fg män"] },
];
export const RISK_COLUMNS: ColumnSpec[] = [
  { key: "risk", header: "Risk" },
  { key: "sannolikhet", header: "Sannolikhet" },
  { key: "konsekvens", header: "Konsekvens" },
  { key: "atgard", header: "Åtgärd" },
  { key: "ansvarig", header: "Ansvarig" },
  { key: "kommentar", header: "Kommentar" },
  { key: "ekonomisk", header: "Ekonomisk konsekvens" },
  { key: "foregaende", header: "Föregående riskvärde" },
  { key: "procent", header: "Sannolikhet %", aliases: ["Sannolikhet (%)", "Sannolikhet i procent", "Sannolikhet procent"] },
];
/** Åtgärder: the effect columns may be named after the year (`Effekt 2024`, `Effekt 2025 (tkr)`). */
export function measureColumns(year: number): ColumnSpec[] {
  return [
    { key: "atgard", header: "Åtgärd", aliases: ["Åtgärder"] },
    { key: "status", header: "Status", aliases: ["Beslut"] },
    { key: "iar", header: "Effekt i år", aliases: [`Effekt ${year}`] },
    { key: "nastaar", header: "Effekt nästa år", aliases: [`Effekt ${year + 1}`] },
    { key: "iprognos", header: "Ingår i prognos", aliases: ["I prognos", "Ingår i prognosen"] },
    { key: "ansvar", header: "Ansvar" },
    { key: "kommentar", header: "Kommentar" },
    { key: "hos", header: "Effekt hos", aliases: ["Besparing hos", "Effekten hamnar hos"] },
  ];
}

/** Jämförelsestörande: non-recurring items already inside Utfall and Prognos. */
export const NONRECURRING_COLUMNS: ColumnSpec[] = [
  { key: "beskrivning", header: "Beskrivning", aliases: ["Jämförelsestörande post", "Text"] },
  { key: "post", header: "Post" },
  { key: "ansvar", header: "Ansvar" },
  { key: "utfall", header: "Utfall" },
  { key: "prognos", header: "Prognos", aliases: ["Helårsprognos", "Årsprognos"] },
];

export const INVESTMENT_COLUMNS: ColumnSpec[] = [
  { key: "projekt", header: "Projekt", aliases: ["Investering", "Investeringsprojekt"] },
  { key: "kategori", header: "Kategori", aliases: ["Grupp", "Investeringstyp"] },
  { key: "utfall", header: "Utfall", aliases: ["Utfall ack", "Utfall period", "Utfall hittills"] },
  { key: "budget", header: "Budget helår", aliases: ["Budget", "Årsbudget"] },
  { key: "prognos", header: "Prognos helår", aliases: ["Prognos", "Årsprognos", "Helårsprognos"] },
  { key: "acktotalt", header: "Utfall ack totalt", aliases: ["Utfall totalt", "Ackumulerat utfall"] },
  { key: "projektbudget", header: "Total projektbudget", aliases: ["Projektbudget", "Budget totalt"] },
  { key: "prognostotal", header: "Prognos total", aliases: ["Prognos totalt", "Total prognos", "Prognos projekt"] },
];

export const SENSITIVITY_COLUMNS: ColumnSpec[] = [
  { key: "faktor", header: "Faktor" },
  { key: "post", header: "Post" },
  { key: "bas", header: "Bas" },
  { key: "forandring", header: "Förändring" },
];

/**
 * Opens a contract range as a table: finds it among the workbook's names and tables (a table wins over a name), maps
 * its header row to column keys and skips empty rows. Every problem on the way is a finding; null when there is
 * nothing to read.
 */
export function openTable(source: SourceWorkbook, name: ContractRangeName, specsOf: ColumnSpec[] | ((header: readonly unknown[]) => ColumnSpec[]), findings: Finding[], required: boolean): Table | null {
  const wanted = canon(name);
  const folded = source.entries.filter((e) => canon(e.name) === wanted);
  // A name spelled as the contract spells it (case aside, as Excel compares names) is the range. Folding (å/ä/ö,
  // accents, spaces) finds a name only when there is no such name, and only when it finds one: `Utfall` and
  // `Ütfall` are two names in Excel, and which of them is meant cannot be told.
  const exact = folded.filter((e) => e.name.toLowerCase() === name.toLowerCase());
  const entries = exact.length ? exact : folded;
  const names = [...new Set(entries.filter((e) => e.origin === "name").map((e) => e.name))];
  const tables = entries.filter((e) => e.origin === "table");
  if (tables.length === 0 && names.length > 1) {
    findings.push(finding("RANGE_NAME_AMBIGUOUS", name, null, { first: names[0], second: names[1] }));
    return null;
  }
  // Names of one sheet's scope are not read (source.ts); the finding says so, whether or not a workbook name is there.
  const scoped = (source.sheetScoped ?? []).filter((e) => canon(e.name) === wanted);
  const sheets = scoped.map((e) => e.sheet).join(", ");
  if (entries.length === 0) {
    if (scoped.length) findings.push(finding(required ? "RANGE_SHEET_SCOPED" : "RANGE_SHEET_SCOPED_OPTIONAL", name, null, { sheet: sheets }));
    else if (required) findings.push(finding("RANGE_MISSING", name, null));
    return null;
  }
  const entry: RangeEntry = entries.find((e) => e.origin === "table") ?? entries[0];
  const lookup = entry.lookup;
  if (lookup.kind !== "cells") {
    const code = lookup.kind === "brokenRef" ? "RANGE_BROKEN_REF" : lookup.kind === "notCells" ? "RANGE_NOT_CELLS" : "RANGE_MULTI_AREA";
    findings.push(finding(code, name, null, { formula: lookup.formula }));
    return null;
  }
  const header = Array.from({ length: lookup.range.grid.colCount }, (_, c) => lookup.range.grid.get(0, c));
  const specs = typeof specsOf === "function" ? specsOf(header) : specsOf;
  const table = new Table(name, lookup.range, specs, findings);
  if (tables.length > 0 && names.length > 0) {
    findings.push(finding("RANGE_DUPLICATE_NAME", name, table.origin));
  }
  if (scoped.length) findings.push(finding("RANGE_SHEET_SCOPED_IGNORED", name, table.origin, { sheet: sheets }));
  if (table.size === 0) {
    findings.push(finding(required ? "RANGE_EMPTY" : "RANGE_EMPTY_OPTIONAL", name, table.origin));
    return required ? table : null;
  }
  return table;
}
