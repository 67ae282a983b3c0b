/**
 * Pagination: the report decides where each printed page ends, because it knows every row's height and the page's
 * size, and both hosts then write those breaks explicitly so Excel and LibreOffice break where the report says.
 *
 * Rules, as a report is laid out by hand:
 * - sections follow each other on a page; a page breaks only where a table may break;
 * - a heading stands with at least its table's header row and two data rows, or its first two paragraphs of prose;
 * - a table broken over two pages leaves at least two of its rows on each side, and its footnotes stay with it;
 * - a table that continues on the next page repeats its header row under "<section> (forts.)";
 * - a block marked `keepTogether` (the risk matrix) is never split, unless it is taller than a page;
 * - a chart (its band of rows, role "chart") stands on the page of what stands above it and is never split: when its
 *   section and the chart do not fit on one page together, the chart starts the next page under "(forts.)".
 */

import { RowRole } from "./model";

export type { RowRole };

/** The pagination's view of a row: its height in points and its role. */
export interface PageRow {
  role: RowRole;
  height: number;
}

/** A section of the report: its rows, its heading's text (for "(forts.)"), and whether it may be split at all. */
export interface PageBlock<R extends PageRow> {
  title: string | null;
  rows: R[];
  keepTogether?: boolean;
  /** Start this block on a new page (an appendix). */
  newPage?: boolean;
  /** Runs of rows (first and last index, inclusive) that stand on one page: a chart, its band and the rows it draws. */
  keep?: [number, number][];
}

export interface Pagination<R extends PageRow> {
  /** The rows in print order, with the continuation rows that were inserted. */
  rows: (R | Continuation<R>)[];
  /** Index (into `rows`) of the first row of every page after the first. */
  breaks: number[];
}

/** A row inserted at the top of a page: the heading with "(forts.)" or a repeated header row. */
export interface Continuation<R extends PageRow> {
  continuation: "heading" | "header";
  /** The row it repeats: the section heading or the table's header row. */
  of: R;
  role: RowRole;
  height: number;
  /** For a heading: its text with "(forts.)". */
  text?: string;
}

export function isContinuation<R extends PageRow>(row: R | Continuation<R>): row is Continuation<R> {
  return (row as Continuation<R>).continuation !== undefined;
}

/** Rows of a table that must stand together on each side of a break. */
const MIN_ROWS_EACH_SIDE = 2;
/** A table no taller than this share of a page is never split: it moves whole to the next page. */
const SHORT_TABLE = 0.4;

interface Slot<R extends PageRow> {
  row: R;
  block: PageBlock<R>;
  /** Index of the table's header row in the block when this row belongs to a table, else -1. */
  header: number;
  /** May a page begin with this row? */
  breakable: boolean;
  /** A page may begin here when no row before it on the page may (the first row of a chart's band). */
  fallback: boolean;
}

/** Marks, for every row, whether a page may start there, and which table header it falls under. */
function slots<R extends PageRow>(blocks: readonly PageBlock<R>[], capacity: number): Slot<R>[] {
  const out: Slot<R>[] = [];
  for (const block of blocks) {
    const rows = block.rows;
    // Table membership: a header row opens a table, which runs over body, total and subsection rows.
    const headerOf: number[] = new Array(rows.length).fill(-1);
    let open = -1;
    rows.forEach((r, i) => {
      if (r.role === "header") open = i;
      else if (!(r.role === "body" || r.role === "total" || r.role === "subsection")) open = -1;
      headerOf[i] = r.role === "header" ? -1 : open;
    });
    // Per table (by its header row): its data rows (subsection rows do not count) and its height, in one pass, so
    // that a row's place in its table costs nothing to look up (a long statement is one table of many rows).
    const dataRows = new Map<number, number>();
    const heights = new Map<number, number>();
    rows.forEach((r, i) => {
      const h = headerOf[i];
      if (r.role === "header") heights.set(i, (heights.get(i) ?? 0) + r.height);
      if (h < 0) return;
      heights.set(h, (heights.get(h) ?? 0) + r.height);
      if (r.role !== "subsection") dataRows.set(h, (dataRows.get(h) ?? 0) + 1);
    });
    /** Data rows of the current table above the current row. */
    let seen = 0;
    const keeps = (block.keep ?? []).filter(([a, b]) => rows.slice(a, b + 1).reduce((n, r) => n + r.height, 0) <= capacity);
    rows.forEach((r, i) => {
      let breakable = !block.keepTogether || i === 0;
      if (i > 0) {
        const prev = rows[i - 1];
        // A heading or a header row never ends a page; notes stay with what they annotate.
        if (prev.role === "section" || prev.role === "subsection" || prev.role === "header" || prev.role === "title") breakable = false;
        // A heading over prose keeps its first two paragraphs: one line of text under a heading at a page's foot reads as an orphan.
        if (i > 1 && prev.role === "text" && rows[i - 2].role === "section") breakable = false;
        if (r.role === "note") breakable = false;
        // A blank row ends what stands above it: a page may start after it, not on it.
        if (r.role === "blank") breakable = false;
      }
      // A chart stays with what it shows: never the top of a page while its section can move with it. A run of rows to
      // keep together is kept so when it fits on a page.
      if (r.role === "chart" || keeps.some(([a, b]) => i > a && i <= b)) breakable = false;
      const h = headerOf[i];
      if (h < 0 || h !== headerOf[i - 1]) seen = 0;
      if (h >= 0) {
        // Inside a table: at least two data rows after the header, and at least two rows of the table on the next page.
        const before = seen;
        const after = (dataRows.get(h) ?? 0) - seen;
        if (before < MIN_ROWS_EACH_SIDE || after < MIN_ROWS_EACH_SIDE) breakable = false;
        if ((heights.get(h) ?? 0) <= capacity * SHORT_TABLE) breakable = false;
        if (r.role !== "subsection") seen++;
      }
      const fallback = r.role === "chart" && (i === 0 || rows[i - 1].role !== "chart");
      out.push({ row: r, block, header: h, breakable: breakable && !(block.keepTogether && i > 0), fallback });
    });
  }
  return out;
}

/**
 * Places the blocks on pages of `capacity` points each (the printable height at the print scale, less the rows
 * repeated at the top of every page). `continuationHeight` gives the height of a "(forts.)" heading.
 */
export function paginate<R extends PageRow>(blocks: readonly PageBlock<R>[], capacity: number, headingHeight: number): Pagination<R> {
  if (!(capacity > 0)) throw new RangeError(`page capacity must be positive: ${capacity}`);
  const all = slots(blocks, capacity);
  const rows: (R | Continuation<R>)[] = [];
  const breaks: number[] = [];
  let used = 0;
  /** Index into `all` of the first row on the current page. */
  let pageStart = 0;
  /** Where each row of `all` was put in `rows`, so a page can be cut back to an earlier row. */
  const outIndexOf = new Map<number, number>();
  /** How much of its page was used above each row of `all` placed so far. */
  const usedAbove = new Map<number, number>();
  let i = 0;
  /** What a page would hold if it ended before row `at`: the blank rows that close its last section do not count. */
  const contentAbove = (at: number) => {
    let k = at - 1;
    while (k > pageStart && all[k].row.role === "blank") k--;
    return usedAbove.get(k + 1) ?? 0;
  };
  const startPage = (at: number) => {
    // Restart output at `at`: drop what was emitted for rows from `at` on, then open a page there.
    rows.length = outIndexOf.get(at) ?? rows.length;
    breaks.push(rows.length);
    pageStart = at;
    used = 0;
    const s = all[at];
    // A page that begins inside a section says so: its heading with "(forts.)", and a table's header row again.
    const heading = s.block.rows.find((r) => r.role === "section");
    if (heading && s.block.title && s.block.rows[0] !== s.row && s.row.role !== "section") {
      rows.push({ continuation: "heading", of: heading, role: "section", height: headingHeight, text: `${s.block.title} (forts.)` });
      used += headingHeight;
    }
    if (s.header >= 0) {
      const header = s.block.rows[s.header];
      rows.push({ continuation: "header", of: header, role: "header", height: header.height });
      used += header.height;
    }
  };
  while (i < all.length) {
    const s = all[i];
    if (i > pageStart && s.block.newPage && s.block.rows[0] === s.row) {
      startPage(i);
    }
    if (used + s.row.height > capacity && i > pageStart) {
      // Break at the latest row on this page where a page may start; if there is none, here.
      let at = -1;
      for (let k = i; k > pageStart; k--) {
        if (all[k].breakable) {
          at = k;
          break;
        }
      }
      // A chart's band may start the page where no other row may, or where the only other place would leave this page
      // under a third full (a section that fits on this page, and its chart on the next, under "(forts.)").
      if (at < 0 || contentAbove(at) < capacity / 3) {
        for (let k = i; k > Math.max(pageStart, at); k--) {
          if (all[k].fallback) {
            at = k;
            break;
          }
        }
      }
      if (at < 0) at = i;
      startPage(at);
      i = at;
      continue;
    }
    outIndexOf.set(i, rows.length);
    usedAbove.set(i, used);
    rows.push(s.row);
    used += s.row.height;
    i++;
  }
  return { rows, breaks };
}
