import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { Cell, RangeEntry, SourceWorkbook } from "../../src/contract/source";
import { columnLetters } from "../../src/findings/findings";

/** A contract range written as it looks in a sheet: where it starts and its rows, header first. */
export interface SheetRange {
  sheet?: string;
  /** Top-left cell, A1 by default. */
  at?: string;
  rows: Cell[][];
  formats?: (string | null)[][];
  hiddenRows?: number[];
  table?: boolean;
}

function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Builds a host-neutral workbook from ranges keyed by name; each range sits on a sheet of its own name. */
export function workbook(ranges: Record<string, SheetRange>): SourceWorkbook {
  const entries: RangeEntry[] = Object.entries(ranges).map(([name, r]) => {
    const { row, col } = parseA1(r.at ?? "A1");
    return {
      name,
      origin: r.table ? "table" : "name",
      lookup: { kind: "cells", range: { sheet: r.sheet ?? name, row, col, cells: r.rows, formats: r.formats, hiddenRows: r.hiddenRows } },
    };
  });
  return { entries };
}

/** Writes ranges to an .xlsx file with workbook-scoped names (or tables), as a user's workbook would be. */
export async function writeXlsx(file: string, ranges: Record<string, SheetRange>, extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, r] of Object.entries(ranges)) {
    const sheetName = r.sheet ?? name;
    const ws = wb.getWorksheet(sheetName) ?? wb.addWorksheet(sheetName);
    const { row, col } = parseA1(r.at ?? "A1");
    r.rows.forEach((cells, i) =>
      cells.forEach((v, j) => {
        const cell = ws.getCell(row + i + 1, col + j + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = r.formats?.[i]?.[j];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    const width = Math.max(...r.rows.map((x) => x.length));
    const ref = `$${columnLetters(col)}$${row + 1}:$${columnLetters(col + width - 1)}$${row + r.rows.length}`;
    wb.definedNames.add(`'${sheetName}'!${ref}`, name);
  }
  extra?.(wb);
  await wb.xlsx.writeFile(file);
  return file;
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
