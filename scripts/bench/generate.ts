/**
 * A seeded generator of large contract workbooks, the shape of a kommun's ledger export: ansvar × konto with a
 * monthly budget, outcome, outcome last year and forecast, plus 200 indicators, 200 risks and 50 sensitivity
 * factors. Written with ExcelJS's streaming writer so that even 300 000 rows are made in seconds.
 */
import ExcelJS from "exceljs";

export interface BenchShape {
  rows: number;
  responsibilities: number;
}

/** 50 ansvar for 1 000 rows, rising to 300 for 300 000. */
export function shapeFor(rows: number): BenchShape {
  const responsibilities = Math.min(300, Math.max(50, Math.round(50 * Math.log10(rows / 100) ** 1.3)));
  return { rows, responsibilities };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];

/** Writes a workbook of `shape.rows` Budget rows and as many Utfall rows to `file`. */
export async function generateWorkbook(file: string, shape: BenchShape, seed = 42): Promise<void> {
  const rnd = random(seed);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const perResponsibility = Math.ceil(shape.rows / shape.responsibilities);
  const accounts = Array.from({ length: perResponsibility }, (_, i) => {
    const kind = i % 10 === 0 ? "Intäkt" : i % 97 === 1 ? "Finansiell" : "Kostnad";
    return { item: `Konto ${3000 + i} ${kind === "Intäkt" ? "intäkter" : kind === "Kostnad" ? "kostnader" : "finansiellt"}`, kind };
  });
  const rowsOf = (each: (ansvar: string, account: { item: string; kind: string }, i: number) => void) => {
    let i = 0;
    for (let a = 0; a < shape.responsibilities && i < shape.rows; a++) {
      for (const account of accounts) {
        if (i >= shape.rows) break;
        each(`Ansvar ${1000 + a}`, account, i++);
      }
    }
  };

  const budget = wb.addWorksheet("Budget");
  budget.addRow(["Ansvar", "Post", "Typ", ...MONTHS]).commit();
  const amounts: number[] = [];
  rowsOf((ansvar, account) => {
    const sign = account.kind === "Kostnad" ? -1 : 1;
    const monthly = Math.round(1000 + rnd() * 50000);
    amounts.push(sign * monthly);
    budget.addRow([ansvar, account.item, account.kind, ...MONTHS.map((_, m) => sign * Math.round(monthly * (m === 6 ? 0.6 : 1 + (rnd() - 0.5) * 0.1)))]).commit();
  });
  budget.commit();

  const actual = wb.addWorksheet("Utfall");
  actual.addRow(["Ansvar", "Post", "Utfall", "Utfall fg år", "Prognos"]).commit();
  rowsOf((ansvar, account, i) => {
    const m = amounts[i];
    actual.addRow([ansvar, account.item, Math.round(m * 8 * (0.9 + rnd() * 0.2)), Math.round(m * 8 * (0.85 + rnd() * 0.2)), Math.round(m * 12 * (0.95 + rnd() * 0.1))]).commit();
  });
  actual.commit();

  const indicators = wb.addWorksheet("Indikatorer");
  indicators.addRow(["Indikator", "Utfall", "Mål", "Riktning", "Tolerans", "Föregående", "Enhet"]).commit();
  for (let i = 0; i < 200; i++) {
    indicators.addRow([`Indikator ${i + 1}`, i % 17 === 0 ? null : Math.round(rnd() * 100), 80, i % 3 === 0 ? "Lägre" : "Högre", i % 4 === 0 ? 5 : null, Math.round(rnd() * 100), "%"]).commit();
  }
  indicators.commit();

  const risks = wb.addWorksheet("Risker");
  risks.addRow(["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig"]).commit();
  for (let i = 0; i < 200; i++) risks.addRow([`Risk ${i + 1}`, 1 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 4), `Åtgärd ${i + 1}`, `Ansvar ${1000 + (i % 50)}`]).commit();
  risks.commit();

  const sensitivity = wb.addWorksheet("Känslighet");
  sensitivity.addRow(["Faktor", "Post", "Förändring"]).commit();
  for (let i = 0; i < 50; i++) sensitivity.addRow([`Faktor ${i + 1}`, accounts[i % accounts.length].item, 0.01]).commit();
  sensitivity.commit();

  const settings = wb.addWorksheet("Inställningar");
  for (const r of [["Inställning", "Värde"], ["Organisation", "Exempelkommunen"], ["År", 2024], ["Period", 8], ["Enhet in", "kr"], ["Enhet ut", "mkr"]]) settings.addRow(r).commit();
  settings.commit();

  const n = Math.min(shape.rows, shape.responsibilities * perResponsibility);
  wb.definedNames.add(`Budget!$A$1:$O$${n + 1}`, "Budget");
  wb.definedNames.add(`Utfall!$A$1:$E$${n + 1}`, "Utfall");
  wb.definedNames.add("Indikatorer!$A$1:$G$201", "Indikatorer");
  wb.definedNames.add("Risker!$A$1:$E$201", "Risker");
  wb.definedNames.add("'Känslighet'!$A$1:$C$51", "Känslighet");
  wb.definedNames.add("'Inställningar'!$A$1:$B$6", "Inställningar");
  await wb.commit();
}

/**
 * A ledger export of `rows` account rows (Konto, Ansvar, Verksamhet, Budget, Utfall, Utfall fg år, Prognos), in kr
 * with öre, debit positive, as a kommun's ekonomisystem writes it; about 2 % are balance-sheet accounts. With a
 * Kontoplan of a few dozen rules over the Kommun-Bas default, and the same indicators, risks and settings.
 */
export async function generateLedgerWorkbook(file: string, rows: number, seed = 42): Promise<void> {
  const rnd = random(seed);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const accounts: number[] = [];
  for (const group of [30, 31, 34, 35, 36, 40, 41, 43, 45, 46, 49, 50, 51, 52, 54, 55, 56, 58, 60, 61, 62, 63, 64, 65, 69, 70, 73, 74, 76, 79, 84, 85]) {
    for (let i = 0; i < 8; i++) accounts.push(group * 100 + i * 11 + 1);
  }
  const balance = [1510, 1930, 2440, 2710, 2990];
  const sheet = wb.addWorksheet("Huvudbok");
  sheet.addRow(["Konto", "Ansvar", "Verksamhet", "Budget", "Utfall", "Utfall fg år", "Prognos"]).commit();
  const responsibilities = Math.max(20, Math.round(rows / 500));
  const cents = (x: number) => Math.round(x * 100) / 100;
  for (let i = 0; i < rows; i++) {
    const isBalance = rnd() < 0.02;
    const account = isBalance ? balance[Math.floor(rnd() * balance.length)] : accounts[Math.floor(rnd() * accounts.length)];
    const revenue = account < 4000 || account === 8401;
    const yearly = (revenue ? -1 : 1) * (1000 + rnd() * 200000);
    sheet
      .addRow([
        account,
        String(100000 + (i % responsibilities) * 10),
        String(200 + Math.floor(rnd() * 40)),
        isBalance ? 0 : Math.round(yearly),
        cents(yearly * (8 / 12) * (0.9 + rnd() * 0.2)),
        cents(yearly * (8 / 12) * (0.85 + rnd() * 0.2)),
        isBalance ? 0 : Math.round(yearly * (0.95 + rnd() * 0.1)),
      ])
      .commit();
  }
  sheet.commit();

  const plan = wb.addWorksheet("Kontoplan");
  plan.addRow(["Konto", "Post", "Typ"]).commit();
  const rules: [string, string, string][] = [
    ["30-33", "Taxor och avgifter", "Intäkt"],
    ["3400-3499", "Hyror och arrenden", "Intäkt"],
    ["35", "Bidrag", "Intäkt"],
    ["50", "Löner", "Kostnad"],
    ["51", "Löner", "Kostnad"],
    ["5201", "Löner, timanställda", "Kostnad"],
    ["54-56", "Sociala avgifter och pension", "Kostnad"],
    ["60", "Lokalhyror", "Kostnad"],
    ["6100-6199", "Fastighetskostnader", "Kostnad"],
    ["46", "Köp av verksamhet", "Kostnad"],
  ];
  for (const r of rules) plan.addRow(r).commit();
  plan.commit();

  const settings = wb.addWorksheet("Inställningar");
  for (const r of [["Inställning", "Värde"], ["Organisation", "Exempelregionen"], ["År", 2024], ["Period", 8], ["Enhet in", "kr"], ["Enhet ut", "mkr"], ["Tecken i huvudbok", "Debet positiv"]]) settings.addRow(r).commit();
  settings.commit();

  wb.definedNames.add(`Huvudbok!$A$1:$G$${rows + 1}`, "Huvudbok");
  wb.definedNames.add(`Kontoplan!$A$1:$C$${rules.length + 1}`, "Kontoplan");
  wb.definedNames.add("'Inställningar'!$A$1:$B$7", "Inställningar");
  await wb.commit();
}
