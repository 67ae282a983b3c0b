import { CellRef } from "../engine/types";
import { FindingCode, MESSAGES } from "./messages";

export type Severity = "error" | "notice";

/** A data problem found in a workbook. Collected, never thrown. Addresses stay numeric inside. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The contract range the problem belongs to (`Utfall`), or null for the workbook as a whole. */
  range: string | null;
  at: CellRef | null;
  /** Further cells the problem names, e.g. the other half of a duplicate key. */
  also?: CellRef[];
  params: Record<string, string | number>;
}

/** A finding as users and `--json` see it: `{code, range, cell, message}`. */
export interface PublicFinding {
  code: FindingCode;
  severity: Severity;
  range: string | null;
  cell: string | null;
  message: string;
}

/** Creates a finding whose severity comes from the catalogue. */
export function finding(
  code: FindingCode,
  range: string | null,
  at: CellRef | null,
  params: Record<string, string | number> = {},
  also?: CellRef[],
): Finding {
  const f: Finding = { code, severity: MESSAGES[code].severity, range, at, params };
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
      super.push(finding(code, first.range, last, { count, where: column ? ` i kolumnen ${column}` : "", kind: first.code }));
    }
    this.overflow.clear();
    return Array.from(this);
  }
}

/** Column number (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `Blad!C7`, quoting sheet names that need it the way Excel does. */
export function formatAddress(ref: CellRef): string {
  const needsQuotes = /[^A-Za-z0-9_ÅÄÖåäö.]/.test(ref.sheet) || /^\d/.test(ref.sheet);
  const sheet = needsQuotes ? `'${ref.sheet.replace(/'/g, "''")}'` : ref.sheet;
  return `${sheet}!${columnLetters(ref.col)}${ref.row + 1}`;
}

/** The Swedish message of a finding, from the one catalogue. */
export function messageOf(f: Finding): string {
  const params: Record<string, string | number> = { ...f.params };
  if (f.at) params.cell = formatAddress(f.at);
  if (f.also && f.also.length) params.other = f.also.map(formatAddress).join(", ");
  if (f.range && params.range === undefined) params.range = f.range;
  return fill(MESSAGES[f.code].text, params);
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    return v === undefined ? whole : String(v);
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
