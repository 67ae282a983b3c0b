/**
 * The package reader against openpyxl as an independent reference: every cell of every worksheet as openpyxl reads
 * it (`test/support/python/sheet_values.py`, cached values) must be the value our reader gives. Numbers must be the
 * same double, texts the same characters. The differences in what each side reports by design are normalised in
 * `same()`, each with its reason; anything else is a problem naming the sheet and cell.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Cell } from "../../src/contract/source";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { PYTHON } from "./python";

const SCRIPT = path.join(__dirname, "python", "sheet_values.py");

export type RefCell = [number, number, "n" | "s" | "b" | "e" | "d", number | string | boolean, number?];
export type Ref = { ok: true; sheets: Record<string, RefCell[]> } | { ok: false; error: string };

/** openpyxl's cells of each file (one Python process for all). */
export function openpyxlValues(files: string[]): Record<string, Ref> {
  return files.length ? JSON.parse(execFileSync(PYTHON, [SCRIPT, ...files], { encoding: "utf8", maxBuffer: 1 << 28 })) : {};
}

const column = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : column(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

/** Excel's serial number of a date the reader gave as a Date (an ISO `t="d"` cell), in the 1900 system. */
const serialOf = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/**
 * openpyxl leaves OOXML's `_xHHHH_` escapes in texts; Excel decodes them (ECMA-376 Part 1, §22.9.2.19 ST_Xstring;
 * `_x005F_` is the escape for a literal `_`), and so do we.
 */
const decodeXstring = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Null when openpyxl's value and ours agree, else what differs. */
export function same(ref: RefCell | undefined, ours: Cell, date1904: boolean): string | null {
  // An empty text is no value in openpyxl; a formula without a cached value is None in openpyxl's data_only view.
  const oursEmpty = ours === null || ours === "" || (typeof ours === "object" && !(ours instanceof Date) && "formula" in ours);
  if (!ref) return oursEmpty ? null : `openpyxl: tom, vår: ${JSON.stringify(ours)}`;
  const [, , kind, value] = ref;
  const show = () => `openpyxl: ${kind} ${JSON.stringify(value)}, vår: ${JSON.stringify(ours)}`;
  switch (kind) {
    case "n":
      return ours === value ? null : show();
    case "s":
      return ours === decodeXstring(value as string) || (value === "" && oursEmpty) ? null : show();
    case "b":
      return ours === value ? null : show();
    case "e":
      return ours !== null && typeof ours === "object" && "error" in ours && ours.error === value ? null : show();
    case "d": {
      // Both sides turn date-formatted numbers into dates; a number whose format we do not count as a date stays the
      // stored number (the workbook's epoch). Within a microsecond: openpyxl rounds times to them.
      const stored = ref[4] as number;
      if (typeof ours === "number") return Math.abs(ours - stored) < 1e-6 ? null : show();
      if (!(ours instanceof Date)) return show();
      // A date is the same day in either system; a duration (`[hh]:mm:ss`, a timedelta in openpyxl) is the stored
      // number, which we read as a date counted from the workbook's own epoch.
      const storedOfOurs = ours.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
      return Math.abs(serialOf(ours) - (value as number)) < 1e-6 || Math.abs(storedOfOurs - stored) < 1e-6 ? null : show();
    }
  }
}

/** Every cell where our reader and openpyxl disagree (the first `limit`); throws when we refuse what openpyxl opens. */
export async function differencesFromOpenpyxl(file: string, ref: Ref, limit = 20): Promise<string[]> {
  if (!ref.ok) return [];
  let wb;
  try {
    wb = await readWorkbook(fs.readFileSync(file), file, () => false);
  } catch (e) {
    throw new Error(`openpyxl opens it, we refuse it: ${(e as Error).message}`);
  }
  const problems: string[] = [];
  for (const [sheet, cells] of Object.entries(ref.sheets)) {
    const ours = await wb.readSheetCells(sheet);
    if (!ours) {
      problems.push(`${sheet}: bladet saknas hos oss`);
      continue;
    }
    const byAddress = new Map(cells.map((c) => [`${c[0]},${c[1]}`, c]));
    const rows = Math.max(ours.length, ...cells.map((c) => c[0] + 1));
    for (let r = 0; r < rows && problems.length < limit; r++) {
      for (let c = 0; c < 64; c++) {
        const theirs = byAddress.get(`${r},${c}`);
        const mine = ours[r]?.[c] ?? null;
        if (!theirs && mine === null) continue;
        const d = same(theirs, mine, wb.pkg.date1904);
        if (d) problems.push(`${sheet}!${column(c)}${r + 1}: ${d}`);
      }
    }
  }
  return problems;
}
