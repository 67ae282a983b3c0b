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
  verticalTop?: boolean;
  wrap?: boolean;
  indent?: number;
  borderTop?: Border;
  borderBottom?: Border;
  /** A thin border on all four edges of every cell (grids such as the risk matrix). */
  grid?: boolean;
  numberFormat?: string;
}

export type CellValue = string | number | null;

export interface ReportCell {
  value: CellValue;
  style?: CellStyle;
  /** Columns this cell spans (merged), 1 when absent. */
  span?: number;
}

export interface ReportRow {
  cells: ReportCell[];
  /** Row height in points, when the default does not fit (wrapped text). */
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
  rows: ReportRow[];
  /** Start this block on a new printed page. */
  pageBreakBefore?: boolean;
}

export interface PrintSettings {
  orientation: "landscape" | "portrait";
  /** Rows (0-based, inclusive) repeated at the top of every printed page. */
  repeatRows: [number, number] | null;
  footerLeft: string;
  footerRight: string;
}

export interface ReportModel {
  sheetName: string;
  /** Column widths in Excel character units; the last column holds row keys and is hidden. */
  columnWidths: number[];
  /** Zero-based column of the Förklaring column. */
  explanationColumn: number;
  /** Zero-based column holding each row's key (hidden). */
  keyColumn: number;
  blocks: ReportBlock[];
  print: PrintSettings;
}
