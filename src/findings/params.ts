/**
 * The types a message's parameters can have, and how each is written into the Swedish text. This is the one place
 * where values become message text: numbers get Swedish digits here (and the report's prose uses the same
 * `swedishNumber`), item kinds get their Swedish words, a row's key its quoted form.
 *
 * Adding a type: add a formatter below; its parameter's type is what callers must pass (see ParamValue).
 */
import { ItemKind } from "../core/kinds";

const NBSP = "\u00a0";
const MINUS = "\u2212";

/**
 * A number the Swedish way: `83 166,5` (non-breaking thousands space, decimal comma, Unicode minus). Without
 * `decimals` it is written as briefly as it reads back to six decimals; with `decimals` it is written with exactly
 * that many (round it first, see report/swedish.ts). `plus` writes `+` before a positive number.
 */
export function swedishNumber(n: number, options: { decimals?: number; plus?: boolean } = {}): string {
  const { decimals, plus = false } = options;
  const digits = decimals === undefined ? String(Math.abs(Math.round(n * 1e6) / 1e6)) : Math.abs(n).toFixed(decimals);
  const [int, frac] = digits.split(".");
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) + (frac ? "," + frac : "");
  if (n < 0) return MINUS + body;
  return plus && n > 0 ? "+" + body : body;
}

/** An income-statement line's key as messages name it: item, ansvar and (where it matters) kind. */
export interface RowKey {
  item: string;
  responsibility: string | null;
  kind?: ItemKind | null;
}

/** Kinds as messages name them. */
const KIND_WORD: Record<ItemKind, string> = { revenue: "intäkt", cost: "kostnad", financial: "finansiell post", carryover: "över-/underskott" };

/** Why an account number could not be read, as far as it can be told. */
export type AccountHint = "none" | "thousands" | "nameInCell" | "spaces";

const ACCOUNT_HINT: Record<AccountHint, string> = {
  none: "",
  thousands: " (det har mellanrum eller tusentalsavgränsare)",
  nameInCell: " (kontonummer och benämning står i samma cell: dela kolumnen med Data › Text till kolumner)",
  spaces: " (det har mellanrum)",
};

const MIB = 1024 * 1024;

/**
 * Text with its control characters made visible: a C0 control as its Control Pictures symbol (U+0001 as ␁), a C1
 * control as `[U+0096]`. A cell's text may hold them (a `_x0001_` in the file, a byte of ISO-8859-1); written as they
 * are, they would vanish from the message or disturb the terminal.
 */
function visible(v: string): string {
  let out = "";
  let last = 0;
  for (let k = 0; k < v.length; k++) {
    const c = v.charCodeAt(k);
    const control = (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || (c >= 0x7f && c <= 0x9f);
    if (!control) continue;
    out += v.slice(last, k) + (c < 0x20 ? String.fromCharCode(0x2400 + c) : c === 0x7f ? "\u2421" : `[U+${c.toString(16).toUpperCase().padStart(4, "0")}]`);
    last = k + 1;
  }
  return last === 0 ? v : out + v.slice(last);
}

/** Each parameter type and how a value of it is written into a message. */
export const PARAM_TYPES = {
  /** Text shown as it is: a header, a name, a cell's text, a path, a sentence from the caller. */
  text: (v: string): string => visible(v),
  /** A whole number of things: rows, cells, parts. */
  count: (v: number): string => String(v),
  /** A year: never grouped (2024, not 2 024). */
  year: (v: number): string => String(v),
  /** An amount or other decimal number, Swedish digits. */
  amount: (v: number): string => (Number.isFinite(v) ? swedishNumber(v) : String(v)),
  /** What a cell held: its text, or its number in Swedish digits. */
  value: (v: string | number): string => (typeof v === "number" ? (Number.isFinite(v) ? swedishNumber(v) : String(v)) : visible(v)),
  /** A size in bytes: whole megabytes from 1 MB (`1024 MB`), whole kilobytes from 1 kB (`64 kB`), else bytes. */
  bytes: (v: number): string => (v >= MIB ? `${Math.round(v / MIB)} MB` : v >= 1024 ? `${Math.round(v / 1024)} kB` : `${v} byte`),
  /** An item kind, as a word: intäkt, kostnad … */
  kind: (v: ItemKind): string => KIND_WORD[v],
  /** A row's key: ”Personalkostnader” (ansvar ”Område 1”) [kostnad]. */
  key: (v: RowKey): string => {
    let s = `”${visible(v.item)}”`;
    if (v.responsibility) s += ` (ansvar ”${visible(v.responsibility)}”)`;
    if (v.kind) s += ` [${KIND_WORD[v.kind]}]`;
    return s;
  },
  /** A message code, named as it is. */
  code: (v: string): string => v,
  /** The column a count of findings is in, or none: ` i kolumnen Utfall`. */
  inColumn: (v: string | null): string => (v ? ` i kolumnen ${v}` : ""),
  /** How many more cells of a column have the same fault: ` och 3 celler till i samma kolumn`, nothing for 0. */
  moreCells: (v: number): string => (v > 0 ? ` och ${v} celler till i samma kolumn` : ""),
  /** Why an account number could not be read. */
  accountHint: (v: AccountHint): string => ACCOUNT_HINT[v],
} as const;

export type ParamType = keyof typeof PARAM_TYPES;
/** What a caller passes for a parameter of type `T`. */
export type ParamValue<T extends ParamType> = Parameters<(typeof PARAM_TYPES)[T]>[0];
/** Any parameter's value (for code that passes parameters along without knowing their message). */
export type AnyParamValue = ParamValue<ParamType>;

/** Writes one parameter value as text. */
export function formatParam(type: ParamType, value: unknown): string {
  return (PARAM_TYPES[type] as (v: unknown) => string)(value);
}
