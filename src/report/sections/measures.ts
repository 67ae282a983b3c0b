import { EngineResult } from "../../engine";
import { roundReport, sumReport } from "../../engine/amounts";
import { MeasureResult } from "../../engine/measures";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { amountFormat, S, style } from "../styles";
import { unitWord, Voice } from "../language/words";
import { PHRASES } from "../language/phrases";
import { Ctx, Tree } from "./context";

const UNIT_RANK = { kr: 0, tkr: 1, mkr: 2 } as const;

/**
 * Åtgärder för ekonomi i balans: decided and proposed measures as two tables with their sums, printed in the
 * measures' own unit when it is finer than the report's (as real reports list them in tkr), then the forecast with
 * the effect of the measures the forecast does not count yet. A measure whose saving lands at another nämnd
 * (`Effekt hos`) is listed with where it lands and counted in the sums, with a "varav" line, but not in the forecast.
 */
export function measuresSection(ctx: Ctx): ReportBlock | null {
  const m = ctx.result.measures as EngineResult["measures"];
  if (!m) return null;
  const { settings } = ctx;
  const finer = UNIT_RANK[settings.measureUnit] < UNIT_RANK[settings.unitOut];
  const unit = finer ? settings.measureUnit : settings.unitOut;
  const decimals = finer ? 0 : settings.decimals;
  const fmt = amountFormat(decimals);
  const elsewhere = m.measures.some((x) => x.effectAt !== null);
  const fullSpan = ctx.explanationColumn - 2;
  const y = settings.year;
  const rows: ReportRow[] = [ctx.heading("Åtgärder för ekonomi i balans")];
  type Key = MeasureResult | "sum";
  const table = (title: string, status: "decided" | "proposed", sumLabel: string, sums: [number, number], ownSums: [number, number]) => {
    const list = m.measures.filter((x) => x.status === status);
    // A column for where the saving lands, in the table that has such a measure.
    const landsElsewhere = list.some((x) => x.effectAt !== null);
    const nameSpan = fullSpan - (landsElsewhere ? 1 : 0);
    const tree: Tree<Key> = { key: "sum", parts: list.map((key) => ({ key })) };
    const printed = ctx.printed<Key>(tree, ["now", "next"], (k, f) => {
      if (k === "sum") return finer ? ownSums[f === "now" ? 0 : 1] : sums[f === "now" ? 0 : 1];
      return f === "now" ? (finer ? k.effectThisYear : k.effectThisYearReport) : finer ? k.effectNextYear : k.effectNextYearReport;
    }, decimals);
    const cell = (v: number | null, extra?: typeof S.total): ReportCell => ({ value: v, style: style({ numberFormat: fmt }, extra) });
    const at = (v: string | null, extra?: typeof S.total): ReportCell[] => (landsElsewhere ? [{ value: v, style: style(S.wrapText, extra) }] : []);
    rows.push(ctx.headerRow([[title, nameSpan], ...(landsElsewhere ? ["Effekt hos"] : []), `Effekt ${y} (${unitWord(unit)})`, `Effekt ${y + 1} (${unitWord(unit)})`], false));
    if (list.length === 0) rows.push(ctx.note(PHRASES.noMeasures()));
    for (const x of list) {
      const text = x.comment ? `${x.measure} (${x.comment})` : x.measure;
      rows.push({ role: "body", cells: [{ value: text, span: nameSpan, style: S.wrapText }, ...at(x.effectAt), cell(printed.get(x, "now")), cell(printed.get(x, "next"))] });
    }
    rows.push({ role: "total", cells: [{ value: sumLabel, span: nameSpan, style: S.total }, ...at(null, S.total), cell(printed.get("sum", "now"), S.total), cell(printed.get("sum", "next"), S.total)] });
    const landing = list.filter((x) => x.effectAt !== null);
    if (landing.length > 0) {
      // Part of the sum above: the effects of the measures whose saving lands elsewhere, each exact, summed exactly.
      const own = (f: "now" | "next") => sumReport(landing.map((x) => (f === "now" ? (finer ? x.effectThisYear : x.effectThisYearReport) : finer ? x.effectNextYear : x.effectNextYearReport)));
      const st = style(S.item, { italic: true });
      rows.push({ role: "total", cells: [{ value: "Varav besparing hos annan nämnd eller part", span: nameSpan, style: st }, ...at(null), { value: roundReport(own("now"), decimals), style: style({ numberFormat: fmt }, st) }, { value: roundReport(own("next"), decimals), style: style({ numberFormat: fmt }, st) }] });
    }
    const rounding = ctx.roundingNote(printed);
    if (rounding) rows.push(rounding);
    rows.push(ctx.blank());
  };
  const s = m.summary;
  table("Beslutade åtgärder", "decided", "Summa beslutade åtgärder", [s.decidedThisYear, s.decidedNextYear], [s.own.decidedThisYear, s.own.decidedNextYear]);
  table("Åtgärder som inte är beslutade", "proposed", "Summa ej beslutade åtgärder", [s.proposedThisYear, s.proposedNextYear], [s.own.proposedThisYear, s.own.proposedNextYear]);
  const forecast = ctx.result.income.totals.resultIncludingCarryover.forecast;
  if (forecast !== null && s.forecastWithMeasures !== null) {
    const label = ctx.result.income.hasCarryover ? `Prognos helår ${y} inkl. över-/underskott` : `Prognos helår ${y}`;
    const line = (text: string, v: number, st?: typeof S.total): ReportRow => ({ role: st ? "total" : "body", cells: [{ value: text, span: fullSpan + 1, style: st ?? S.item }, ctx.amount(v, st)] });
    rows.push(ctx.headerRow([[`Prognos och åtgärder (${unitWord(settings.unitOut)})`, fullSpan + 1], `${y}`], false));
    rows.push(line(label, forecast));
    rows.push(line(elsewhere ? "Effekt i år av ej beslutade åtgärder som inte ingår i prognosen, utom besparing hos andra" : "Effekt i år av ej beslutade åtgärder som inte ingår i prognosen", s.notInForecastThisYear));
    rows.push(line("Prognos inkl. ej beslutade åtgärder", roundReport(s.forecastWithMeasures, 9), S.grandTotal));
  }
  if (elsewhere) {
    const voice = new Voice(decimals, unit);
    rows.push(ctx.note(PHRASES.measuresElsewhereNote({ thisYear: finer ? s.own.elsewhereThisYear : s.elsewhereThisYear, nextYear: finer ? s.own.elsewhereNextYear : s.elsewhereNextYear }, voice)));
  }
  if ((forecast !== null && s.forecastWithMeasures !== null) || elsewhere) rows.push(ctx.blank());
  return { id: "measures", title: "Åtgärder för ekonomi i balans", rows };
}
