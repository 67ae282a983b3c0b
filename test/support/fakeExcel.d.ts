/** Types for the in-memory Excel stand-in (see fakeExcel.js). */
export interface FakeSheet {
  name: string;
  visibility: string;
  merges: { row: number; col: number; rows: number; cols: number }[];
  hiddenColumns: Set<number>;
  columnWidths: Record<number, number>;
  pageBreaks: number[];
  pageLayout: Record<string, unknown> & { headersFooters: { defaultForAllPages: Record<string, string> } };
  cells: Map<string, { value: unknown; numberFormat: string; format: Record<string, unknown> }>;
  cell(r: number, c: number, create: boolean): { value: unknown; numberFormat: string; format: Record<string, unknown> } | undefined;
}
export interface FakeModel {
  sheets: FakeSheet[];
  names: Map<string, string>;
  tables: { name: string; sheet: string; address: string }[];
  selected: string | null;
  active: string | null;
  sheet(name: string): FakeSheet | null;
  addSheet(name: string): FakeSheet;
  put(sheet: string, a1: string, rows: unknown[][], formats?: (string | null)[][]): FakeSheet;
}
export interface FakeStats {
  syncs: number;
  valuesWrites: number;
  formatCalls: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}
export declare class FakeExcel {
  model: FakeModel;
  stats: FakeStats;
  log: { kind: string; sheet: string | null }[];
  failOn: ((op: { kind: string; sheet: string | null }) => boolean) | null;
  requestLimit: number;
  SheetVisibility: Record<string, string>;
  PageOrientation: Record<string, string>;
  PaperType: Record<string, string>;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  resetStats(): void;
  sheetValues(name: string): unknown[][] | null;
  toJSON(): unknown;
  static fromJSON(json: unknown): FakeExcel;
}
