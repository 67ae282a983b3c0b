/**
 * The built-in account plan: the posts of the income statement by account group, after Kommun-Bas, the chart of
 * accounts of Swedish municipalities (Sveriges Kommuner och Regioner). It is data, not code: the workbook
 * contract (v2) fixes it, docs/huvudbok.md documents it, and a workbook's own `Kontoplan` overrides any of it.
 * Classes 1 and 2 (the balance sheet) and group 89 are not part of the result.
 */
import { ItemKind } from "../core/kinds";

export interface DefaultGroup {
  /** Two-digit account groups, inclusive. */
  from: number;
  to: number;
  item: string;
  kind: ItemKind;
}

export const KOMMUN_BAS: readonly DefaultGroup[] = [
  { from: 30, to: 33, item: "Försäljning, taxor och avgifter", kind: "revenue" },
  { from: 34, to: 34, item: "Hyror och arrenden", kind: "revenue" },
  { from: 35, to: 35, item: "Bidrag", kind: "revenue" },
  { from: 36, to: 39, item: "Övriga intäkter", kind: "revenue" },
  { from: 40, to: 44, item: "Material och tjänster", kind: "cost" },
  { from: 45, to: 45, item: "Lämnade bidrag", kind: "cost" },
  { from: 46, to: 46, item: "Köp av verksamhet", kind: "cost" },
  { from: 47, to: 49, item: "Material och tjänster", kind: "cost" },
  { from: 50, to: 59, item: "Personalkostnader", kind: "cost" },
  { from: 60, to: 61, item: "Lokalkostnader", kind: "cost" },
  { from: 62, to: 78, item: "Övriga kostnader", kind: "cost" },
  { from: 79, to: 79, item: "Avskrivningar", kind: "cost" },
  { from: 80, to: 80, item: "Skatteintäkter", kind: "revenue" },
  { from: 82, to: 83, item: "Generella statsbidrag och utjämning", kind: "revenue" },
  { from: 84, to: 84, item: "Finansiella intäkter", kind: "financial" },
  { from: 85, to: 85, item: "Finansiella kostnader", kind: "financial" },
];

/** True for accounts outside the result: classes 1 and 2 (assets, equity and liabilities) and group 89. */
export function isBalanceAccount(account: string): boolean {
  return account[0] === "1" || account[0] === "2" || account.startsWith("89");
}
