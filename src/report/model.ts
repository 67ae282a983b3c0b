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
export type RowRole = "title" | "section" | "subsection" | "header" | "body" | "total" | "note" | "text" | "blank" | "chart";

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
  /** Its cells take the columns as the rest of the report sizes them, without widening any (cells only charts draw). */
  fitsColumns?: boolean;
  /** Charts standing over rows of this block (rows of role "chart", kept on the page of what stands above them). */
  charts?: ReportChart[];
}

/** What a chart shows (for readers of the model and its tests); how it is drawn is its `type`. */
export type ChartKind = "variance" | "bridge" | "tornado" | "forecast";

/** How a chart is drawn: horizontal bars side by side, columns stacked on each other (a bridge), or lines. */
export type ChartType = "barClustered" | "columnStacked" | "line";

/**
 * Cells of the report down one column: rows `first` to `last` (indices into the rows of the block with id `block`) in
 * grid column `col`. The layout turns it into a range of the sheet once pagination has placed the rows.
 */
export interface CellColumn {
  block: string;
  first: number;
  last: number;
  col: number;
}

/** How one point (bar, column, marker) looks where it differs from its series. Colours are `RRGGBB`. */
export interface PointStyle {
  fill: string | null;
  line?: string;
}

export interface ChartSeries {
  name: string;
  values: CellColumn;
  /** The fill of its bars (and its legend key); null draws nothing (the invisible base of a bridge). */
  fill: string | null;
  /** The outline of its bars, or the colour of its line. */
  line?: string;
  /** Per point, where a point differs from the series (green or red by its sign); null keeps the series' look. */
  points?: (PointStyle | null)[];
  /**
   * Data labels: every value in a number format (outside the end of a bar), or a text per point (null: no label on
   * that point), standing above or below it.
   */
  labels?: { numberFormat: string } | { texts: (string | null)[]; positions?: ("above" | "below")[] };
  /** Drawn as a line on the same axes instead of as bars of the chart (a bridge's labels). */
  overlay?: "line";
  /** Line charts: how the line is drawn ("none": markers only) and its markers. */
  stroke?: "solid" | "dash" | "none";
  marker?: "none" | "circle" | "dash";
}

/**
 * A native chart of the report, drawn from the report's own cells, so that a workbook sent by email shows it without
 * the add-in. It stands over a band of rows of its block (`at`); the layout places it, gives its plot area and its
 * value axis's bounds (one scale for the charts of a page), and both hosts draw exactly that.
 */
export interface ReportChart {
  /** Stable identity within the report (`avvikelse-per-post`). */
  id: string;
  kind: ChartKind;
  type: ChartType;
  /** Shown above the chart. */
  title: string;
  /** For screen readers: a short title and a description of what the chart shows. */
  alt: { title: string; description: string };
  categories: CellColumn;
  series: ChartSeries[];
  /** Where it stands: the first row of its band (an index into its block's rows), the first grid column, its size. */
  at: { row: number; col: number; rows: number; cols: number };
  legend: boolean;
  /** The value axis: drawn or not (labels on the bars can stand instead), and the format of its numbers. */
  valueAxis: { visible: boolean; numberFormat: string };
  /** Horizontal bars list the first category at the top (the order of the table they come from). */
  categoriesTopDown?: boolean;
  /** Bars and columns: the gap between categories, in per cent of a bar's width; the overlap of a category's bars. */
  gapWidth?: number;
  overlap?: number;
  /** The smallest and largest value drawn on the value axis (zero included), for one scale on each page. */
  extent: [number, number];
  /** Charts with the same scale group on one printed page share one scale (amounts in the report's unit). */
  scaleGroup?: string;
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
