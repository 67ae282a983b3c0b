import { CellRef, formatAddress } from "../core/references";
import { FindingCode, formatMessage, MESSAGES, ParamArgs, ParamsOf, Severity } from "./messages";
import { AnyParamValue } from "./params";

export type { Severity };

/** A data problem found in a workbook. Collected, never thrown. Addresses stay numeric inside. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The contract range the problem belongs to (`Utfall`), or null for the workbook as a whole. */
  range: string | null;
  at: CellRef | null;
  /** Further cells the problem names, e.g. the other half of a duplicate key. */
  also?: CellRef[];
  /** The message's parameters, as finding() was given them (typed per code there). */
  params: Readonly<Record<string, AnyParamValue>>;
}

/** A finding as users and `--json` see it: `{code, range, cell, message}`. */
export interface PublicFinding {
  code: FindingCode;
  severity: Severity;
  range: string | null;
  cell: string | null;
  message: string;
}

/**
 * Creates a finding whose severity comes from the catalogue; `params` are the code's own, typed (messages.ts).
 *
 *   finding("HEADER_MISSING", "Budget", table.origin, { column: "Typ" })
 */
export function finding<C extends FindingCode>(code: C, range: string | null, at: CellRef | null, ...args: [...ParamArgs<C>, also?: CellRef[]]): Finding {
  return findingWith(code, range, at, (args[0] ?? {}) as ParamsOf<C>, args[1] as CellRef[] | undefined);
}

/** `finding` for code that passes a code and its parameters along, generically (TableRow.flag, readNumber). */
export function findingWith<C extends FindingCode>(code: C, range: string | null, at: CellRef | null, params: ParamsOf<C>, also?: CellRef[]): Finding {
  const f: Finding = { code, severity: MESSAGES[code].severity as Severity, range, at, params: params as Record<string, AnyParamValue> };
  if (also && also.length) f.also = also;
  return f;
}

/** How many findings of one kind (code, range and column) are kept before the rest are only counted. */
export const FINDINGS_PER_KIND = 25;

/**
 * The findings of one read, as an array that keeps the first {@link FINDINGS_PER_KIND} of each kind and counts
 * the rest: a ledger with the same fault on a million rows gives 25 findings and one saying how many more there
 * are and where the last one is, not a million lines. Nothing goes unreported; `close()` adds the counts.
 */
export class FindingList extends Array<Finding> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  private readonly overflow = new Map<string, { first: Finding; count: number; last: CellRef | null }>();

  override push(...items: Finding[]): number {
    for (const f of items) {
      const key = `${f.code}\u0000${f.range ?? ""}\u0000${f.params.column ?? ""}`;
      const o = this.overflow.get(key);
      if (o) {
        o.count++;
        o.last = f.at;
        continue;
      }
      if (this.kept(key) >= FINDINGS_PER_KIND) {
        this.overflow.set(key, { first: f, count: 1, last: f.at });
        continue;
      }
      super.push(f);
    }
    return this.length;
  }

  private readonly perKind = new Map<string, number>();
  private kept(key: string): number {
    const n = this.perKind.get(key) ?? 0;
    this.perKind.set(key, n + 1);
    return n;
  }

  /** Adds one finding per kind that overflowed: how many more, and the last cell. Returns this, as a plain array. */
  close(): Finding[] {
    for (const { first, count, last } of this.overflow.values()) {
      const code = first.severity === "error" ? "MORE_ERRORS" : "MORE_NOTICES";
      const column = first.params.column;
      super.push(finding(code, first.range, last, { count, where: typeof column === "string" ? column : null, kind: first.code }));
    }
    this.overflow.clear();
    return Array.from(this);
  }
}

/** The Swedish message of a finding, from the one catalogue. */
export function messageOf(f: Finding): string {
  return formatMessage(f.code, f.params, {
    cell: f.at ? formatAddress(f.at) : undefined,
    other: f.also && f.also.length ? f.also.map(formatAddress).join(", ") : undefined,
    range: f.range ?? undefined,
  });
}

/** Turns an internal finding into its public form. */
export function toPublic(f: Finding): PublicFinding {
  return {
    code: f.code,
    severity: f.severity,
    range: f.range,
    cell: f.at ? formatAddress(f.at) : null,
    message: messageOf(f),
  };
}

/** True when any finding stops the report. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
