import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { arrayRange, Cell, gridValues, RangeEntry, SourceWorkbook } from "../../src/contract/source";
import { KIND_CODES } from "../../src/core/kinds";
import { BudgetRows } from "../../src/engine/types";
import { parseA1, SheetRange } from "../../scripts/workbookWriter";

export { SheetRange, writeXlsx } from "../../scripts/workbookWriter";

/** Builds a host-neutral workbook from ranges keyed by name; each range sits on a sheet of its own name. */
export function workbook(ranges: Record<string, SheetRange>): SourceWorkbook {
  const entries: RangeEntry[] = Object.entries(ranges).map(([name, r]) => {
    const { row, col } = parseA1(r.at ?? "A1");
    return {
      name,
      origin: r.table ? "table" : "name",
      lookup: { kind: "cells", range: arrayRange({ sheet: r.sheet ?? name, row, col, cells: r.rows as Cell[][], formats: r.formats, hiddenRows: r.hiddenRows }) },
    };
  });
  return { entries };
}

/** A workbook's entries with every grid read out into plain rows (grids are objects, not comparable as such). */
export function materialise(entries: readonly RangeEntry[]): unknown[] {
  return [...entries]
    .sort((p, q) => p.name.localeCompare(q.name))
    .map((e) => {
      if (e.lookup.kind !== "cells") return { name: e.name, origin: e.origin, lookup: e.lookup };
      const { grid, ...rest } = e.lookup.range;
      const formats = Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: grid.colCount }, (_, c) => grid.format(r, c)));
      return { name: e.name, origin: e.origin, range: { ...rest, values: gridValues(grid), formats } };
    });
}

/** A fresh temporary folder for one test. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-test-"));
}

/** Runs the CLI in-process and captures its output. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import("../../src/hosts/xlsx/cli");
  let out = "", err = "";
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** The minimal valid contract: budget and outcome for two posts, settings for eight months in mkr. */
export function minimalRanges(): Record<string, SheetRange> {
  return {
    Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]] },
    Utfall: { rows: [["Post", "Utfall"], ["Intäkter", 82], ["Personal", -60]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024]] },
  };
}

/** Columnar budget rows as plain objects, for assertions. */
export function budgetLines(b: BudgetRows) {
  return Array.from({ length: b.size }, (_, i) => {
    const months = b.months ? Array.from(b.months.subarray(i * 12, i * 12 + 12)) : null;
    const stated = b.budgetYear[i];
    return {
      responsibility: b.responsibility[i],
      item: b.item[i],
      kind: KIND_CODES[b.kind[i]],
      budgetYear: Number.isNaN(stated) && months ? months.reduce((x, y) => x + y, 0) : stated,
      months,
    };
  });
}
