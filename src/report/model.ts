/**
 * The report as plain data: blocks of rows of cells with styles and number formats.
 * Built once from the engine's results; drawn by the xlsx host and the Office.js host alike.
 * Hosts decide nothing about layout.
 */

export type Align = "left" | "center" | "right";
export type Border = "thin" | "medium" | "double";

/** Everything a cell can look like. Colours are `RRGGBB`. Number formats are Excel's locale-independent codes. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: Align;
  /** Text stands at the foot of its cell (headers over figures); otherwise every cell's text stands at its top. */
  bottom?: boolean;
  wrap?: boolean;
  indent?: number;
  borderTop?: Border;
  borderBottom?: Border;
  /** A thin border on all four edges of every cell (grids such as the risk matrix). */
  grid?: boolean;
  numberFormat?: string;
}

export type CellValue = string | number | null;

/** What a row is, for pagination and for sizing (see paginate.ts). */
export type RowRole = "title" | "section" | "subsection" | "header" | "body" | "total" | "note" | "text" | "blank";

export interface ReportCell {
  value: CellValue;
  style?: CellStyle;
  /**
   * Columns this cell spans (merged), 1 when absent. `"measure"`: as many columns from this one as a readable line
   * of prose needs (about 100 characters), decided by the layout once the columns have their widths.
   */
  span?: number | "measure";
}

export interface ReportRow {
  cells: ReportCell[];
  /** What the row is: a heading, a table's header or body or total, a note, prose, a spacer. Default "body". */
  role?: RowRole;
  /** Row height in points; left out, the layout gives the row the height its content needs. */
  height?: number;
  /**
   * Identity of the row for explanations typed into the report's Förklaring column:
   * the explanation follows the key, not the position, across refreshes.
   */
  key?: string;
  /** Text shown for the row where its explanation is listed after the row has disappeared. */
  label?: string;
}

export interface ReportBlock {
  id: string;
  /** The section's name, repeated as "<title> (forts.)" where a table continues on the next page. */
  title?: string;
  rows: ReportRow[];
  /** Never split over two pages (the risk matrix, a chart), unless it is taller than a page. */
  keepTogether?: boolean;
  /** Start this block on a new printed page (an appendix). */
  newPage?: boolean;
  /** Not printed: the block stands below the print area (notices about the input, for the controller only). */
  screenOnly?: boolean;
}

export interface PrintSettings {
  orientation: "landscape" | "portrait";
  footerLeft: string;
  footerRight: string;
}

export interface ReportModel {
  sheetName: string;
  /** Number of columns: a label column, the figure columns, the Förklaring column and the hidden key column. */
  columnCount: number;
  /** Zero-based column of the Förklaring column. */
  explanationColumn: number;
  /** True when some row carries an explanation the controller wrote: the Förklaring column is then printed. */
  explanationsWritten: boolean;
  /** Zero-based column holding each row's key (hidden). */
  keyColumn: number;
  blocks: ReportBlock[];
  print: PrintSettings;
}
