/// <reference types="office-js" />
import { TemplateKind, templateSheets } from "../../contract/template";
import { rangeAddress } from "../../core/references";
import { canon } from "../../core/text";
import { protectText } from "./renderOffice";
import { UppfoljningError } from "../../findings/errors";

/**
 * Skapa mall: adds the input sheets of `kind` (Budget and Utfall, or Huvudbok and Kontoplan) with headers and
 * example rows, each an Excel table named as the contract says (tables grow with the rows the user adds). Refuses
 * when any of the sheets or names already exists, so nothing of the user's is overwritten. Two round trips.
 */
export async function createTemplate(context: Excel.RequestContext, kind: TemplateKind = "budget"): Promise<void> {
  const sheetsToAdd = templateSheets(kind);
  // The other kind's inputs beside these would be refused on refresh (a workbook has a ledger or Budget/Utfall).
  const otherInputs = kind === "ledger" ? ["Budget", "Utfall"] : ["Huvudbok"];
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const taken = new Set([...sheets.items, ...names.items, ...tables.items].map((s) => canon(s.name)));
  const clash = sheetsToAdd.find((t) => taken.has(canon(t.sheet)) || taken.has(canon(t.range)))?.sheet ?? otherInputs.find((n) => taken.has(canon(n)));
  if (clash) throw new UppfoljningError("TEMPLATE_CLASH", { name: clash });
  for (const t of sheetsToAdd) {
    const ws = context.workbook.worksheets.add(t.sheet);
    const width = t.rows[0].length;
    const range = ws.getRange(rangeAddress(0, 0, t.rows.length, width));
    range.values = t.rows.map((r) => r.map((v) => (v === null ? "" : protectText(v)))) as (string | number)[][];
    const table = ws.tables.add(range, true);
    table.name = t.range;
    table.style = "TableStyleLight9";
    range.format.autofitColumns();
  }
  await context.sync();
}
