import { canon } from "../../core/text";
import { AccountResult } from "../../engine";
import { IncomeRow } from "../../engine/variance";
import { ReportBlock, ReportRow } from "../model";
import { S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { Ctx, periodSpan, Tree } from "./context";

const LIMIT = 1500;
type Key = IncomeRow | AccountResult;

/**
 * The accounts behind each post (from a ledger), an appendix on pages of its own: per post and ansvar, the
 * accounts with their utfall, budget and forecast, largest first. Their sum is the post's; where the printed
 * accounts do not add up to the printed post, a footnote says so. A very long list stops with a note.
 */
export function accountsSection(ctx: Ctx): ReportBlock | null {
  const accounts = ctx.result.accounts;
  if (!accounts || accounts.length === 0) return null;
  const { settings } = ctx;
  const rows: ReportRow[] = [
    ctx.heading("Konton bakom posterna"),
    ctx.note(PHRASES.accountsIntro()),
    ctx.headerRow(["Post, ansvar och konto", `Utfall ${periodSpan(settings.months)} ${settings.year}`, `Budget helår ${settings.year}`, `Prognos helår ${settings.year}`], false),
  ];
  const posts = ctx.result.income.statement.map((post) => ({ post, mine: accounts.filter((a) => a.kind === post.kind && canon(a.item) === canon(post.item)) })).filter((p) => p.mine.length > 0);
  const fields = ["actual", "budgetYear", "forecast"] as const;
  // Each post is the sum of its accounts.
  const perPost = posts.map(({ post, mine }) => ctx.printed<Key>({ key: post, parts: mine.map((key): Tree<Key> => ({ key })) }, fields, (k, f) => k[f as (typeof fields)[number]]));
  let shown = 0;
  posts.forEach(({ post, mine }, i) => {
    const p = perPost[i];
    const cells = (k: Key, st?: typeof S.total) => fields.map((f) => ({ value: p.get(k, f), style: style({ numberFormat: ctx.amountFmt }, st) }));
    rows.push(ctx.row([{ value: post.item, style: S.total }, ...cells(post, S.total)], { role: "subsection" }));
    const byResp = new Map<string, AccountResult[]>();
    for (const a of mine) {
      const k = a.responsibility ?? "";
      const list = byResp.get(k);
      if (list) list.push(a);
      else byResp.set(k, [a]);
    }
    for (const [resp, list] of byResp) {
      if (shown >= LIMIT) break;
      if (byResp.size > 1 || resp) rows.push(ctx.row([{ value: resp || "(utan ansvar)", style: style(S.item, { italic: true }) }], { role: "subsection" }));
      for (const a of [...list].sort((x, y) => Math.abs(y.actual ?? y.budgetYear ?? 0) - Math.abs(x.actual ?? x.budgetYear ?? 0))) {
        if (shown >= LIMIT) break;
        rows.push(ctx.row([{ value: a.account, style: { indent: 2 } }, ...cells(a)]));
        shown++;
      }
    }
  });
  if (shown < accounts.length) rows.push(ctx.note(PHRASES.moreAccounts({ count: accounts.length - shown })));
  const rounding = ctx.roundingNote({ differs: perPost.some((p) => p.differs), adjusted: perPost.some((p) => p.adjusted) });
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "accounts", title: "Konton bakom posterna", rows, newPage: true };
}
