/**
 * The bundled example as a ledger export: the same figures as the summarised example, but as the ekonomisystem
 * writes them, one row per account and ansvar, in kronor, debit positive, with the headers a real export has
 * (`KONTO`, `KST`, `UTFALL ACK`, `PRG`), an extra dimension column and two balance-sheet accounts mixed in. Each
 * post is split over Kommun-Bas accounts (öre and all, adding up exactly); a `Kontoplan` maps the accounts whose
 * Kommun-Bas group has another post than the example's. Its report must equal the summarised example's.
 */
import ExcelJS from "exceljs";
import { buildExampleWorkbook } from "./exampleWorkbook";

/** Accounts per post of the example, and the share of the post each takes (the last takes the rest). */
const ACCOUNTS: Record<string, [string, number][]> = {
  "Övriga intäkter": [["3611", 0.62], ["3911", 0]],
  Personalkostnader: [["5011", 0.7], ["5611", 0]],
  Lokalkostnader: [["6011", 0.8], ["6111", 0]],
  "Köp av verksamhet": [["4611", 0.5], ["4691", 0]],
  Livsmedel: [["4410", 0.85], ["4419", 0]],
  Transporter: [["7311", 0.7], ["7341", 0]],
  "Övriga kostnader": [["4011", 0.3], ["6411", 0.45], ["7011", 0]],
  Finansnetto: [["8411", 0.6], ["8511", 0]],
  "Rullat över-/underskott": [["2989", 1]],
};

/** Rows of the account plan: what the Kommun-Bas groups would give otherwise is mapped to the example's posts. */
export const EXAMPLE_KONTOPLAN: [string, string, string][] = [
  ["40-44", "Övriga kostnader", "Kostnad"],
  ["441", "Livsmedel", "Kostnad"],
  ["73", "Transporter", "Kostnad"],
  ["84-85", "Finansnetto", "Finansiell"],
  ["2989", "Rullat över-/underskott", "Över-/underskott"],
];

/** Splits kronor into the accounts' shares, giving all but the last some öre so that exactness is put to work. */
function splitKronor(total: number, shares: [string, number][]): number[] {
  const parts = shares.slice(0, -1).map(([, s]) => Math.round(total * s * 100 + 37) / 100);
  const rest = Math.round((total - parts.reduce((a, b) => a + b, 0)) * 100) / 100;
  return [...parts, rest];
}

function cells(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => {
      if (v && typeof v === "object" && "result" in (v as object)) return (v as { result: number }).result;
      return (v ?? null) as string | number | null;
    });
    out.push(values);
  });
  return out;
}

/** The ledger version of the example workbook, in memory. */
export function buildLedgerExampleWorkbook(): ExcelJS.Workbook {
  const wb = buildExampleWorkbook();
  const budget = cells(wb.getWorksheet("Budget") as ExcelJS.Worksheet);
  const utfall = cells(wb.getWorksheet("Utfall") as ExcelJS.Worksheet);
  const [bh, uh] = [budget[0], utfall[0]];
  const bi = (name: string) => bh.indexOf(name);
  const ui = (name: string) => uh.indexOf(name);
  const months = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
  const outcome = new Map<string, (string | number | null)[]>();
  for (const r of utfall.slice(1)) outcome.set(`${r[ui("Ansvar")]}|${r[ui("Post")]}`, r);

  const header = ["KONTO", "KST", "VERKSAMHET", ...months.map((m) => m.toUpperCase()), "UTFALL ACK", "UTFALL FG ACK", "PRG", "UTFALL FG HELÅR"];
  const rows: (string | number | null)[][] = [];
  const kr = (tkr: unknown) => (typeof tkr === "number" ? tkr * 1000 : 0);
  // Ledgers book debit positive: revenue negative, costs positive; −0 is written as 0.
  const debit = (x: number) => -x || 0;
  const push = (ansvar: string, post: string, budgetMonths: number[], actual: number, prior: number, forecast: number, priorFull: number) => {
    const accounts = ACCOUNTS[post];
    const monthParts = budgetMonths.map((m) => splitKronor(m, accounts));
    const [a, p, f, pf] = [actual, prior, forecast, priorFull].map((v) => splitKronor(v, accounts));
    accounts.forEach(([account], k) => {
      rows.push([account, ansvar, "100", ...monthParts.map((m) => debit(m[k])), debit(a[k]), debit(p[k]), debit(f[k]), debit(pf[k])]);
    });
  };
  for (const r of budget.slice(1)) {
    const ansvar = r[bi("Ansvar")] as string, post = r[bi("Post")] as string;
    const u = outcome.get(`${ansvar}|${post}`) ?? [];
    push(ansvar, post, months.map((m) => kr(r[bi(m)])), kr(u[ui("Utfall")]), kr(u[ui("Utfall fg år")]), kr(u[ui("Prognos")]), kr(u[ui("Utfall helår fg år")]));
  }
  for (const r of utfall.slice(1)) {
    if (r[ui("Typ")] !== "Över-/underskott") continue;
    push(r[ui("Ansvar")] as string, r[ui("Post")] as string, months.map(() => 0), kr(r[ui("Utfall")]), kr(r[ui("Utfall fg år")]), kr(r[ui("Prognos")]), kr(r[ui("Utfall helår fg år")]));
  }
  // Balance-sheet accounts, as an export of the whole ledger has them: left out of the result.
  rows.splice(7, 0, ["1510", "Nämnd och ledning", "100", ...months.map(() => 0), 1234567.89, 1111111, 0, 0]);
  rows.push(["2440", "Område 4 Måltidsservice", "100", ...months.map(() => 0), -765432.1, -700000, 0, 0]);

  // The workbook: the ledger and the plan in place of Budget and Utfall, everything else as in the example, in kr.
  const out = new ExcelJS.Workbook();
  out.creator = "Uppföljning (exempel)";
  const ledger = out.addWorksheet("Huvudbok", { views: [{ state: "frozen", ySplit: 1 }] });
  ledger.addRow(header);
  for (const r of rows) ledger.addRow(r);
  ledger.getRow(1).font = { bold: true };
  for (let c = 4; c <= header.length; c++) ledger.getColumn(c).numFmt = "#,##0.00";
  [10, 34, 12].forEach((w, i) => (ledger.getColumn(i + 1).width = w));
  out.definedNames.add(`Huvudbok!$A$1:$${String.fromCharCode(64 + header.length)}$${rows.length + 1}`, "Huvudbok");
  const plan = out.addWorksheet("Kontoplan");
  plan.addRow(["Konto", "Post", "Typ"]);
  for (const r of EXAMPLE_KONTOPLAN) plan.addRow(r);
  plan.getRow(1).font = { bold: true };
  [12, 28, 18].forEach((w, i) => (plan.getColumn(i + 1).width = w));
  out.definedNames.add(`Kontoplan!$A$1:$C$${EXAMPLE_KONTOPLAN.length + 1}`, "Kontoplan");

  for (const name of ["Jämförelsestörande", "Indikatorer", "Risker", "Känslighet", "Åtgärder", "Investeringar", "Inställningar"]) {
    const src = wb.getWorksheet(name) as ExcelJS.Worksheet;
    const data = cells(src);
    const ws = out.addWorksheet(name);
    for (const [i, r] of data.entries()) {
      let row = r;
      if (name === "Inställningar" && r[0] === "Enhet in") row = ["Enhet in", "kr"];
      if (name === "Investeringar" && i > 0) row = r.map((v, c) => (c >= 2 && typeof v === "number" ? v * 1000 : v));
      if (name === "Jämförelsestörande" && i > 0) row = r.map((v, c) => (c >= 3 && typeof v === "number" ? v * 1000 : v));
      if (name === "Känslighet" && i > 0) row = r.map((v, c) => (c === 2 && typeof v === "number" ? v * 1000 : v));
      const added = ws.addRow(row);
      // Number formats carry meaning (a share shown as a percentage): they come along.
      row.forEach((_, c) => {
        const fmt = src.getRow(i + 1).getCell(c + 1).numFmt;
        if (fmt) added.getCell(c + 1).numFmt = fmt;
      });
    }
    ws.getRow(1).font = { bold: true };
    const width = Math.max(...data.map((r) => r.length));
    out.definedNames.add(`'${name}'!$A$1:$${String.fromCharCode(64 + width)}$${data.length}`, name);
  }
  return out;
}
