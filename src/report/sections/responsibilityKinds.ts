import { Figures } from "../../engine/types";
import { ResponsibilityRow } from "../../engine/variance";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { periodWords } from "../language/words";
import { Ctx, Tree } from "./context";

type Field = "actual" | "budgetPeriod" | "budgetYear" | "forecast";
const HEADER: Record<Field, string> = { actual: "Utfall", budgetPeriod: "Budget", budgetYear: "Budget helår", forecast: "Prognos" };

/**
 * Intäkter och kostnader per ansvar: beside each ansvar's net (the table before), its revenue and its costs for
 * Utfall, Budget and Prognos (and Budget helår where the grid has room), for every ansvar that has both. One row per
 * ansvar, so that a nämnd sees what each ansvar turns over, not only what it nets; the sums when every ansvar is in it.
 */
export function responsibilityKindsSection(ctx: Ctx): ReportBlock | null {
  const { income, settings } = ctx.result;
  const all = income.byResponsibility;
  if (!all) return null;
  const list = all.filter((r): r is ResponsibilityRow & { revenue: Figures; cost: Figures } => r.revenue !== null && r.cost !== null);
  if (list.length === 0) return null;
  // Pairs of columns, as many as the grid holds, the most telling first; then shown in the statement's order.
  const wanted: Field[] = ["actual", "budgetPeriod", ...(income.hasForecast ? (["forecast"] as const) : []), "budgetYear"];
  const chosen = wanted.slice(0, Math.floor(ctx.columns.length / 2));
  const fields = (["actual", "budgetPeriod", "budgetYear", "forecast"] as const).filter((f) => chosen.includes(f));
  const whole = list.length === all.length;
  type Key = ResponsibilityRow | "total";
  const columns = fields.flatMap((f) => [`revenue.${f}`, `cost.${f}`]);
  const valueOf = (k: Key, column: string): number | null => {
    const [kind, field] = column.split(".") as ["revenue" | "cost", Field];
    const f = k === "total" ? income.totals[kind] : k[kind];
    return f ? f[field] : null;
  };
  // Each ansvar's revenue sums to the nämnd's revenue when every ansvar is here: rounded as one table then, and each
  // row on its own when some ansvar are not (their parts sum to nothing printed).
  const tree: Tree<Key> = { key: "total", parts: list.map((key) => ({ key })) };
  const printed = whole ? ctx.printed<Key>(tree, columns, valueOf) : null;
  const own = new Map<Key, ReturnType<typeof ctx.printed<Key>>>(whole ? [] : list.map((r) => [r, ctx.printed<Key>({ key: r }, columns, valueOf)]));
  const cells = (k: Key, rowStyle?: typeof S.total): ReportCell[] =>
    columns.map((c) => ({ value: (printed ?? own.get(k))?.get(k, c) ?? null, style: style({ numberFormat: ctx.amountFmt }, rowStyle) }));
  const rows: ReportRow[] = [
    ctx.heading("Intäkter och kostnader per ansvar"),
    ctx.headerRow(["Ansvar", ...fields.flatMap((f) => [`${HEADER[f]} intäkter`, `${HEADER[f]} kostnader`])], false),
  ];
  for (const r of list) rows.push(ctx.row([{ value: r.responsibility || "(utan ansvar)", style: S.item }, ...cells(r)]));
  if (whole) {
    const organisation = settings.organisation;
    rows.push(ctx.row([{ value: organisation ? `Summa ${organisation}` : "Summa", style: S.grandTotal }, ...cells("total", S.grandTotal)], { role: "total" }));
  }
  rows.push(ctx.note(PHRASES.responsibilityKinds({ period: periodWords(settings.months, settings.year), budgetYear: fields.includes("budgetYear"), forecast: fields.includes("forecast"), all: whole })));
  const rounding = printed ? ctx.roundingNote(printed) : null;
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "responsibilityKinds", title: "Intäkter och kostnader per ansvar", rows };
}
