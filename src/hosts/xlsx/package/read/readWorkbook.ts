/**
 * Reads the contract's ranges out of an .xlsx package: names and tables from the workbook parts, then only the
 * cells inside those ranges from the sheets, streamed through native inflate and the strict byte scanner, then
 * only the shared strings those cells use. The result is the host-neutral `SourceWorkbook`.
 */
import { quoteSheetName } from "../../../../core/references";
import { Cell, gridValues, RangeEntry, RawRange, SourceWorkbook } from "../../../../contract/source";
import { UppfoljningError } from "../../../../findings/errors";
import { KIND_SHARED, StringPool } from "./grid";
import { LIMITS } from "../limits";
import { classifyFormula } from "../../../../contract/references";
import { SharedStringsReader } from "./sharedStrings";
import { Rect, RectResult, SheetReader, StyleInfo } from "./sheetReader";
import { readStyles } from "./styles";
import { WorkbookPackage } from "./workbookPackage";
import { ZipEntry } from "../zip/archive";
import { scanEntry } from "./parts";
import { readSheetsInWorker, Threads, workerWorthIt } from "./sheetThreads";

/** Parts a rewritten copy keeps byte for byte but the user should know are there, with Swedish words for them. */
const NOTABLE_PARTS: [string, string][] = [
  ["xl/charts/", "diagram"],
  ["xl/chartsheets/", "diagramblad"],
  ["xl/pivotTables/", "pivottabeller"],
  ["xl/vbaProject.bin", "makron"],
  ["xl/slicers/", "utsnitt"],
  ["xl/timelines/", "tidslinjer"],
  ["xl/externalLinks/", "länkar till andra arbetsböcker"],
  ["xl/ctrlProps/", "formulärkontroller"],
];

export interface ReadWorkbook {
  pkg: WorkbookPackage;
  source: SourceWorkbook;
  sheetNames: string[];
  /** Swedish words for notable parts the package holds (macros, charts, pivot tables…). */
  notableParts: string[];
  /** How many sheets were read on a worker thread (see sheetThreads.ts). */
  sheetsOnWorker: number;
  /** Reads every value of one sheet (the previous report, for its explanations), or null when there is none. */
  readWholeSheet(name: string): Promise<(string | number | null)[][] | null>;
  /** The cells of one sheet's first 100 000 rows and 64 columns as read, or null when there is no such sheet. */
  readSheetCells(name: string): Promise<Cell[][] | null>;
}

/** Reads one sheet's rectangles (and afterwards the shared strings they use). */
async function readRects(pkg: WorkbookPackage, part: string, rects: Rect[], pool: StringPool, styles: StyleInfo): Promise<{ results: RectResult[]; merges: Rect[]; shared: Set<number> }> {
  const entry = pkg.entry(part);
  const reader = new SheetReader(rects, pool, styles);
  if (entry) await scanEntry(pkg.zip, entry, reader.attach(part, pkg.file), pkg.file);
  return { results: reader.results, merges: reader.merges, shared: reader.sharedUsed };
}

async function readSharedStrings(pkg: WorkbookPackage, wanted: Set<number>, pool: StringPool): Promise<Set<number>> {
  if (wanted.size === 0 || !pkg.sharedStringsPart) return new Set();
  const entry = pkg.entry(pkg.sharedStringsPart) as ZipEntry;
  const reader = new SharedStringsReader(wanted, pool);
  await scanEntry(pkg.zip, entry, reader.attach(pkg.sharedStringsPart, pkg.file), pkg.file);
  return reader.truncated;
}

function toRawRange(sheet: string, res: RectResult, merges: Rect[], truncatedShared: Set<number>): RawRange {
  const { rect, grid } = res;
  const mergedHeaderCols: number[] = [];
  for (const m of merges) {
    if (m.top <= rect.top && m.bottom >= rect.top && m.right > m.left) {
      for (let c = Math.max(m.left, rect.left); c <= Math.min(m.right, rect.right); c++) mergedHeaderCols.push(c - rect.left);
    }
  }
  const truncated = [...res.truncated];
  if (truncatedShared.size > 0) {
    // The cells present, never the range's area (which may be a whole sheet).
    grid.forEachCell((row, col, kind, num) => {
      if (kind === KIND_SHARED && truncatedShared.has(num)) truncated.push({ row, col });
    });
  }
  // Only the first cell of a merged header holds its text; repeat it so the header reads as Excel shows it.
  const headerGrid = mergedHeaderCols.length ? withMergedHeader(grid, merges, rect) : grid;
  return {
    sheet,
    row: rect.top - 1,
    col: rect.left - 1,
    grid: headerGrid,
    hiddenRows: res.hiddenRows,
    mergedHeaderCols,
    truncated,
  };
}

function withMergedHeader(grid: RectResult["grid"], merges: Rect[], rect: Rect): RawRange["grid"] {
  const repeat = new Map<number, number>();
  for (const m of merges) {
    if (m.top <= rect.top && m.bottom >= rect.top && m.right > m.left) {
      for (let c = Math.max(m.left + 1, rect.left); c <= Math.min(m.right, rect.right); c++) repeat.set(c - rect.left, m.left - rect.left);
    }
  }
  return {
    get rowCount() {
      return grid.rowCount;
    },
    get colCount() {
      return grid.colCount;
    },
    get: (row: number, col: number): Cell => (row === 0 && repeat.has(col) ? grid.get(0, repeat.get(col) as number) : grid.get(row, col)),
    format: (row: number, col: number) => grid.format(row, col),
    isRowBlank: (row: number) => grid.isRowBlank(row),
    // Only data rows are read in bulk: the header row, where merged cells repeat, is not among them.
    numbers: (cols, rows, out, below, odd) => grid.numbers(cols, rows, out, below, odd),
  };
}

export interface ReadOptions {
  /** Whether sheets may be read on a second thread (default `auto`: when it pays). */
  threads?: Threads;
}

/** Opens a workbook file's bytes and reads the ranges named `wanted` (folded names), or every name when null. */
export async function readWorkbook(bytes: Buffer, file: string, isWanted: (name: string) => boolean, options: ReadOptions = {}): Promise<ReadWorkbook> {
  const pkg = WorkbookPackage.open(bytes, file);
  const sheetNames = pkg.sheets.map((s) => s.name);
  const styles = readStyles(pkg.stylesPart ? pkg.tree(pkg.stylesPart) : null);
  const pool = new StringPool();
  pool.date1904 = pkg.date1904;
  pool.path = file;

  interface Wanted {
    name: string;
    origin: "name" | "table";
    sheet: string;
    rect: Rect;
  }
  const wanted: Wanted[] = [];
  const entries: RangeEntry[] = [];
  const sheetScoped: { name: string; sheet: string }[] = [];
  for (const d of pkg.definedNames) {
    if (d.name.startsWith("_xlnm.") || !isWanted(d.name)) continue;
    if (d.localSheetId !== null) {
      // A name of one sheet's scope is not read, as in Excel (src/contract/source.ts); the reader says so.
      const sheet = pkg.sheets[d.localSheetId];
      if (sheet) sheetScoped.push({ name: d.name, sheet: sheet.name });
      continue;
    }
    const c = classifyFormula(d.formula, sheetNames);
    if ("kind" in c) entries.push({ name: d.name, origin: "name", lookup: c });
    else wanted.push({ name: d.name, origin: "name", ...c });
  }
  for (const sheet of pkg.sheets) {
    if (!sheet.part) continue;
    for (const t of pkg.tablesOf(sheet.part)) {
      if (!isWanted(t.name)) continue;
      const c = classifyFormula(`${quoteSheetName(sheet.name)}!${t.ref}`, sheetNames);
      if (!("kind" in c)) wanted.push({ name: t.name, origin: "table", ...c });
    }
  }
  // Each range read costs a pass over its cells: a workbook with thousands of names for the contract's ten ranges
  // (the same name again and again, or spelled with every accent) is refused before any sheet is read.
  if (wanted.length + entries.length > LIMITS.maxRangeCandidates) {
    throw new UppfoljningError("RANGES_TOO_MANY", { path: file, count: wanted.length + entries.length, limit: LIMITS.maxRangeCandidates });
  }
  const wantedBySheet = new Map<string, Wanted[]>();
  for (const w of wanted) {
    const list = wantedBySheet.get(w.sheet);
    if (list) list.push(w);
    else wantedBySheet.set(w.sheet, [w]);
  }

  const shared = new Set<number>();
  const pending: { w: Wanted; res: RectResult; merges: Rect[] }[] = [];
  const jobs: { list: Wanted[]; part: string; entry: ZipEntry | null }[] = [];
  for (const sheet of pkg.sheets) {
    const list = wantedBySheet.get(sheet.name) ?? [];
    wantedBySheet.delete(sheet.name);
    if (list.length === 0) continue;
    if (!sheet.part) {
      for (const w of list) entries.push({ name: w.name, origin: w.origin, lookup: { kind: "notCells", formula: quoteSheetName(sheet.name) } });
      continue;
    }
    jobs.push({ list, part: sheet.part, entry: pkg.entry(sheet.part) });
  }
  // The largest sheet is read here; with two cores and large sheets, the others in a worker thread meanwhile.
  const bySize = [...jobs].sort((a, b) => (b.entry?.compressedSize ?? 0) - (a.entry?.compressedSize ?? 0));
  const rest = bySize.slice(1).filter((j) => j.entry);
  const inWorker = workerWorthIt(rest.map((j) => j.entry), options.threads) ? rest : [];
  const worker = inWorker.length ? readSheetsInWorker(pkg, inWorker.map((j) => ({ entry: j.entry as ZipEntry, rects: j.list.map((w) => w.rect) })), styles) : null;
  // Read on this thread whatever the worker does not; a failure is held until the worker is done too.
  const onWorker = new Set(inWorker);
  const here = bySize.filter((j) => !onWorker.has(j));
  const read = new Map<string, { results: RectResult[]; merges: Rect[]; shared: Set<number> }>();
  let failure: unknown = null;
  try {
    for (const j of here) read.set(j.part, await readRects(pkg, j.part, j.list.map((w) => w.rect), pool, styles));
  } catch (e) {
    failure = e;
  }
  if (worker) {
    try {
      const done = await worker;
      inWorker.forEach((j, i) => {
        read.set(j.part, done.adopt(i, pool));
        // Inflated whole there, its size and CRC checked.
        pkg.zip.markVerified(j.entry as ZipEntry);
      });
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure) throw failure;
  for (const j of jobs) {
    const r = read.get(j.part) as { results: RectResult[]; merges: Rect[]; shared: Set<number> };
    for (const i of r.shared) shared.add(i);
    j.list.forEach((w, i) => pending.push({ w, res: r.results[i], merges: r.merges }));
  }
  const truncatedShared = await readSharedStrings(pkg, shared, pool);
  // Every other part, checked before anything is written from the package.
  await pkg.verifyParts();
  for (const { w, res, merges } of pending) {
    entries.push({ name: w.name, origin: w.origin, lookup: { kind: "cells", range: toRawRange(w.sheet, res, merges, truncatedShared) } });
  }

  const notable = new Set<string>();
  for (const e of pkg.zip.entries) for (const [prefix, word] of NOTABLE_PARTS) if (e.name.toLowerCase().startsWith(prefix.toLowerCase())) notable.add(word);

  const readSheetCells = async (name: string): Promise<Cell[][] | null> => {
    const sheet = pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet?.part) return null;
    const rect = { top: 1, left: 1, bottom: 100_000, right: 64 };
    const sheetPool = new StringPool();
    sheetPool.date1904 = pkg.date1904;
    sheetPool.path = file;
    const read = await readRects(pkg, sheet.part, [rect], sheetPool, styles);
    await readSharedStrings(pkg, read.shared, sheetPool);
    return gridValues(read.results[0].grid);
  };

  return {
    pkg,
    source: { entries, sheetScoped },
    sheetNames,
    notableParts: [...notable],
    sheetsOnWorker: inWorker.length,
    readSheetCells,
    async readWholeSheet(name: string) {
      const cells = await readSheetCells(name);
      return cells
        ? cells.map((row) =>
            row.map((v) => (typeof v === "string" || typeof v === "number" ? v : v === null ? null : v instanceof Date ? v.toISOString() : typeof v === "boolean" ? String(v) : JSON.stringify(v))),
          )
        : null;
    },
  };
}
