/** Types for the in-memory Excel stand-in (see fakeExcel.js). */
export interface FakeCell {
  value: unknown;
  numberFormat: string;
  format: Record<string, unknown>;
}
export interface FakeRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}
export interface FakeSheet {
  name: string;
  visibility: string;
  merges: FakeRect[];
  hiddenColumns: Set<number>;
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  pageBreaks: number[];
  showGridlines: boolean;
  pageLayout: Record<string, unknown> & { headersFooters: { defaultForAllPages: Record<string, string> } };
  cells: Map<string, FakeCell>;
  /** Names scoped to this sheet: name → formula. */
  names: Map<string, string>;
  /** Sheet protection. */
  protected: boolean;
  cell(r: number, c: number, create: boolean): FakeCell | undefined;
  used(valuesOnly?: boolean, within?: FakeRect): FakeRect | null;
}
/** A chart's series as the fake reads it back: ranges as absolute addresses with their sheet, #REF! where it is gone. */
export interface FakeChartSeries {
  name: string;
  chartType: string;
  values: string | null;
  categories: string | null;
  fill: string | null | undefined;
  line: Record<string, unknown> | null;
  gapWidth?: number;
  overlap?: number;
  markerStyle?: string;
  hasDataLabels: boolean;
  dataLabels: Record<string, unknown>;
  points: Record<string, { fill?: string | null; line?: Record<string, unknown>; hasDataLabel?: boolean; dataLabel?: Record<string, unknown> }>;
}
export interface FakeChart {
  name: string;
  type: string;
  /** The cells it covers (A21:D35). */
  anchor: string | null;
  title: string | null;
  legend: boolean;
  altTextTitle: string;
  altTextDescription: string;
  categoryAxis: Record<string, unknown>;
  valueAxis: Record<string, unknown>;
  plotArea: Record<string, number>;
  series: FakeChartSeries[];
}
export interface FakeModel {
  sheets: FakeSheet[];
  names: Map<string, string>;
  tables: { name: string; sheet: string; address: string }[];
  selected: string | null;
  active: string | null;
  /** Workbook structure protection. */
  structureProtected: boolean;
  /** The 1904 date system. */
  date1904: boolean;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
  nameComments: Map<Map<string, string>, Map<string, string>>;
  sheet(name: string): FakeSheet | null;
  addSheet(name: string): FakeSheet;
  visibleSheets(): FakeSheet[];
  put(sheet: string, a1: string, rows: unknown[][], formats?: (string | null)[][]): FakeSheet;
}
export interface FakeStats {
  syncs: number;
  valuesWrites: number;
  formatCalls: number;
  maxRequestBytes: number;
  /** Largest response, including those Excel refused. */
  maxResponseBytes: number;
  /** Largest response Excel sent (within its limit). */
  maxResponseBytesSent: number;
  /** Most cells read in one range load. */
  maxCellsRead: number;
  /** Most cells read in one sync. */
  maxCellsPerSync: number;
  delayedForCellEdit: number;
}
export interface FakeOp {
  kind: string;
  sheet: string | null;
}
export declare class FakeExcel {
  model: FakeModel;
  stats: FakeStats;
  log: FakeOp[];
  failOn: ((op: FakeOp) => boolean) | null;
  requestLimit: number;
  responseLimit: number;
  apiVersion: string;
  /** "desktop" (default) or "web". */
  platform: "desktop" | "web";
  cellEditMode: boolean;
  SheetVisibility: Record<string, string>;
  PageOrientation: Record<string, string>;
  PaperType: Record<string, string>;
  CalculationMode: Record<string, string>;
  CalculationType: Record<string, string>;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  resetStats(): void;
  sheetValues(name: string): unknown[][] | null;
  /** The charts of a sheet, or null when there is no such sheet. */
  charts(sheetName: string): FakeChart[] | null;
  cellValue(sheet: string, a1: string): unknown;
  toJSON(): unknown;
  static fromJSON(json: unknown): FakeExcel;
  static parseAddress(address: string): FakeRect;
  static formatAddress(sheet: string, rect: FakeRect): string;
  static parseInput(s: string, date1904?: boolean): { value: unknown; numberFormat?: string };
  static displayText(v: unknown, format: string, date1904: boolean): string;
  static versionAtLeast(supported: string, needed: string): boolean;
  static MIN_VERSION: Record<string, string>;
  static CHART_TYPE_VERSION: Record<string, string>;
  static LIMITS: { rows: number; cols: number; readCells: number; cellChars: number; headerFooterChars: number; rowHeight: number };
}
