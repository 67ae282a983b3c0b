/**
 * Looks up the post of an account in an account plan: rules that are a whole account, a prefix or an interval,
 * the most specific one winning. Built once; each lookup is a binary search per rule length present (a plan has
 * two to five lengths), never a scan of the plan.
 *
 *   const plan = new AccountPlan([rule("50", "Personalkostnader"), rule("5011", "Löner tillsvidare")]);
 *   plan.lookup("50115")   // the rule 5011: four digits are more specific than two
 */
import { AccountRule } from "./types";

/** How much of the account a rule pins down: its digits, less the spread of an interval (3000-3099 is as two digits). */
export function specificity(rule: Pick<AccountRule, "digits" | "first" | "last">): number {
  return rule.digits - Math.log10(rule.last - rule.first + 1);
}

export interface Match {
  rule: AccountRule;
  /** Another rule as specific as `rule` that also matches: the plan overlaps here. */
  tie: AccountRule | null;
}

interface ByLength {
  digits: number;
  rules: AccountRule[];
  /** Largest `last` among rules[0..i]: a backwards scan stops once it falls below the account. */
  maxLast: number[];
}

export class AccountPlan {
  private readonly lengths: ByLength[];

  constructor(rules: readonly AccountRule[]) {
    const groups = new Map<number, AccountRule[]>();
    for (const r of rules) {
      let g = groups.get(r.digits);
      if (!g) groups.set(r.digits, (g = []));
      g.push(r);
    }
    this.lengths = [...groups.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([digits, list]) => {
        const sorted = [...list].sort((a, b) => a.first - b.first || a.last - b.last);
        const maxLast: number[] = [];
        sorted.forEach((r, i) => maxLast.push(Math.max(r.last, i > 0 ? maxLast[i - 1] : -1)));
        return { digits, rules: sorted, maxLast };
      });
  }

  /** The most specific rule matching an account (digits only), or null. */
  lookup(account: string): Match | null {
    let best: AccountRule | null = null, bestSpec = -Infinity, tie: AccountRule | null = null;
    for (const g of this.lengths) {
      if (g.digits > account.length) break;
      const v = Number(account.slice(0, g.digits));
      // Last rule starting at or before v.
      let lo = 0, hi = g.rules.length - 1, at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (g.rules[mid].first <= v) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let i = at; i >= 0 && g.maxLast[i] >= v; i--) {
        const r = g.rules[i];
        if (r.last < v) continue;
        const s = specificity(r);
        if (s > bestSpec + 1e-9) {
          best = r;
          bestSpec = s;
          tie = null;
        } else if (Math.abs(s - bestSpec) <= 1e-9 && best !== r) tie ??= r;
      }
    }
    return best ? { rule: best, tie } : null;
  }
}

/** A rule from an account plan's text: `3911`, `50` or `3000-3099` (both ends with as many digits). Null when it is none. */
export function parseAccountRule(text: string): { first: number; last: number; digits: number } | { backwards: true } | null {
  const t = text.trim();
  const dash = t.search(/[-–]/);
  const digits = (s: string) => /^\d{1,10}$/.test(s);
  if (dash < 0) return digits(t) ? { first: Number(t), last: Number(t), digits: t.length } : null;
  const a = t.slice(0, dash).trim(), b = t.slice(dash + 1).trim();
  if (!digits(a) || !digits(b) || a.length !== b.length) return null;
  if (Number(a) > Number(b)) return { backwards: true };
  return { first: Number(a), last: Number(b), digits: a.length };
}
