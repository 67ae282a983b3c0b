/**
 * Reads every contract input of a workbook into the engine's input, plus what it found: which ranges were there.
 * All problems are collected as findings.
 */
import { canon } from "../core/text";
import { EngineInput } from "../engine/input";
import { Finding, finding, FindingList } from "../findings/findings";
import { formatAddress } from "../core/references";
import { KONTOPLAN_COLUMNS, ledgerColumns, readKontoplan, readLedger, yearHeaders } from "./readLedger";
import { noActuals, noBudget, readActuals, readBudget } from "./readIncome";
import { readIndicators, readInvestments, readMeasures, readNonRecurring, readRisks, readSensitivity } from "./readLists";
import { readSettings, SETTINGS_COLUMNS } from "./readSettings";
import { HISTORY_COLUMNS, HISTORY_RANGE, HistoryLayout, readHistory } from "./readHistory";
import {
  actualColumns, BUDGET_COLUMNS, CONTRACT_RANGES, ContractRangeName, FoundRange, INDICATOR_COLUMNS, INVESTMENT_COLUMNS, measureColumns, NONRECURRING_COLUMNS, openTable, REQUIRED_RANGES, RISK_COLUMNS,
  SENSITIVITY_COLUMNS,
} from "./schema";
import { SourceWorkbook } from "./source";
import { ColumnSpec, Table } from "./table";

/** The contract's result: the engine's input, and which of the contract's ranges the workbook has. */
export interface ContractInput extends EngineInput {
  found: FoundRange[];
  /** Where `Prognoshistorik` stands (also when it has no rows yet), for writing the current forecast back; null without it. */
  historyLayout: HistoryLayout | null;
}

/** Reads every contract input of a workbook. All problems are collected in `findings`. */
export function readContract(source: SourceWorkbook, now?: Date): { input: ContractInput; findings: Finding[] } {
  const findings = new FindingList();
  const found: FoundRange[] = [];
  const opened: Table[] = [];
  // A ledger (Huvudbok) takes the place of Budget and Utfall: then they are not required.
  // A sheet-scoped Huvudbok counts too: it is not read, but the finding then speaks of it, not of Budget and Utfall.
  const hasLedger = source.entries.some((e) => canon(e.name) === canon("Huvudbok")) || (source.sheetScoped ?? []).some((e) => canon(e.name) === canon("Huvudbok"));
  const required = (name: ContractRangeName) => (hasLedger ? name === "Huvudbok" : REQUIRED_RANGES.has(name));
  const open = (name: ContractRangeName, specs: ColumnSpec[] | ((header: readonly unknown[]) => ColumnSpec[])): Table | null => {
    const table = openTable(source, name, specs, findings, required(name));
    if (table) opened.push(table);
    found.push({
      name,
      required: required(name),
      found: table !== null,
      address: table ? formatAddress(table.origin) : null,
      rows: table ? table.size : 0,
    });
    return table;
  };
  const settingsTable = open("Inställningar", SETTINGS_COLUMNS);
  const settings = readSettings(settingsTable, findings, now);
  const budgetTable = open("Budget", BUDGET_COLUMNS);
  const actualTable = open("Utfall", actualColumns(settings.year));
  const nonRecurringTable = open("Jämförelsestörande", NONRECURRING_COLUMNS);
  const indicatorTable = open("Indikatorer", INDICATOR_COLUMNS);
  const riskTable = open("Risker", RISK_COLUMNS);
  const sensitivityTable = open("Känslighet", SENSITIVITY_COLUMNS);
  const measureTable = open("Åtgärder", measureColumns(settings.year));
  const investmentTable = open("Investeringar", INVESTMENT_COLUMNS);
  const historyTable = open("Prognoshistorik", HISTORY_COLUMNS);
  let ambiguousBudget: string[] = [];
  const ledgerTable = hasLedger
    ? open("Huvudbok", (header) => {
        const years = yearHeaders(header, settings.year);
        ambiguousBudget = years.ambiguous;
        return ledgerColumns(years, settings.year);
      })
    : null;
  // A Kontoplan only maps a ledger's accounts; without a Huvudbok it is not read (and said so).
  const planTable = hasLedger ? open("Kontoplan", KONTOPLAN_COLUMNS) : null;
  const unusedPlan = hasLedger ? undefined : source.entries.find((e) => canon(e.name) === canon("Kontoplan"));
  if (unusedPlan) findings.push(finding("PLAN_WITHOUT_LEDGER", "Kontoplan", null, {}));
  if (hasLedger) {
    // With a ledger, Budget and Utfall are not wanted: listing them as missing would only confuse.
    for (let i = found.length - 1; i >= 0; i--) if (!found[i].found && (found[i].name === "Budget" || found[i].name === "Utfall")) found.splice(i, 1);
  }
  found.sort((a, b) => CONTRACT_RANGES.indexOf(a.name) - CONTRACT_RANGES.indexOf(b.name));

  let ledger: ContractInput["ledger"] = null;
  if (ledgerTable) {
    const other = budgetTable ?? actualTable;
    if (other) findings.push(finding("LEDGER_AND_BUDGET", "Huvudbok", ledgerTable.origin, {}, [other.origin]));
    if (ambiguousBudget.length) findings.push(finding("LEDGER_BUDGET_COLUMNS", "Huvudbok", ledgerTable.origin, { value: ambiguousBudget.join(", "), year: settings.year }));
    const rows = readLedger(ledgerTable, settings);
    if (rows) ledger = { rows, plan: planTable ? readKontoplan(planTable, findings) : [] };
  }
  const budget = budgetTable && !ledgerTable ? readBudget(budgetTable, settings) : noBudget();
  const actuals = actualTable && !ledgerTable ? readActuals(actualTable, settings, budgetTable?.has("ansvar") ?? false) : noActuals();
  const input: ContractInput = {
    settings,
    budget,
    actuals,
    ledger,
    hasPriorYear: (ledger ? ledger.rows.priorYear !== null : actualTable?.has("fgar")) ?? false,
    hasForecast: (ledger ? ledger.rows.forecast !== null : actualTable?.has("prognos")) ?? false,
    indicators: indicatorTable ? readIndicators(indicatorTable) : [],
    risks: riskTable ? readRisks(riskTable, settings) : [],
    sensitivity: sensitivityTable ? readSensitivity(sensitivityTable) : null,
    measures: measureTable ? readMeasures(measureTable) : null,
    investments: investmentTable ? readInvestments(investmentTable, settings) : null,
    history: null,
    nonRecurring: nonRecurringTable ? readNonRecurring(nonRecurringTable, (ledgerTable ? ledgerTable.has("ansvar") : budgetTable?.has("ansvar")) ?? false) : null,
    found,
    historyLayout: null,
  };
  const historyOrigin = source.entries.some((e) => canon(e.name) === canon(HISTORY_RANGE) && e.origin === "table") ? "table" : "name";
  if (historyTable) {
    const read = readHistory(historyTable, historyOrigin);
    input.history = read.rows;
    input.historyLayout = read.layout;
  } else {
    // A range with only its header is not read, but it is where the first rows go.
    const entry = source.entries.find((e) => canon(e.name) === canon(HISTORY_RANGE) && e.origin === historyOrigin);
    if (entry?.lookup.kind === "cells") input.historyLayout = readHistory(new Table(HISTORY_RANGE, entry.lookup.range, HISTORY_COLUMNS, []), historyOrigin).layout;
  }
  for (const t of opened) t.finish();
  return { input, findings: findings.close() };
}
