import ExcelJS from "exceljs";
import { CellStyle } from "../../report/model";
import { SheetLayout } from "../../report/layout";

function argb(rgb: string): string {
  return "FF" + rgb.toUpperCase();
}

/** ExcelJS style properties for a report style. */
export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: "Calibri", size: s.size ?? 10 };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color) font.color = { argb: argb(s.color) };
  out.font = font;
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.align) alignment.horizontal = s.align;
  if (s.wrap) alignment.wrapText = true;
  if (s.indent) alignment.indent = s.indent;
  alignment.vertical = s.verticalTop ? "top" : "middle";
  out.alignment = alignment;
  const border: Partial<ExcelJS.Borders> = {};
  if (s.borderTop) border.top = { style: s.borderTop, color: { argb: "FF7F7F7F" } };
  if (s.borderBottom) border.bottom = { style: s.borderBottom, color: { argb: "FF7F7F7F" } };
  if (s.grid) {
    const thin = { style: "thin" as const, color: { argb: "FFFFFFFF" } };
    Object.assign(border, { top: thin, bottom: thin, left: thin, right: thin });
  }
  if (s.borderTop || s.borderBottom || s.grid) out.border = border;
  if (s.numberFormat) out.numFmt = s.numberFormat;
  return out;
}

/**
 * Draws a laid-out report as a worksheet, replacing an earlier report tab of the same name, and makes it the
 * first and active tab. Values are written as values: text stays text, nothing becomes a formula.
 */
export function renderXlsx(workbook: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const old = workbook.getWorksheet(layout.sheetName);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(layout.sheetName, {
    views: [{ showGridLines: false }],
    properties: { defaultRowHeight: 15 } as ExcelJS.WorksheetProperties,
    pageSetup: {
      paperSize: 9,
      orientation: layout.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&L&8${escapeHeader(layout.print.footerLeft)}&R&8${layout.print.footerRight}`,
    },
  });
  const minOrder = Math.min(...workbook.worksheets.map((w) => (w as unknown as { orderNo: number }).orderNo));
  (ws as unknown as { orderNo: number }).orderNo = minOrder - 1;
  ws.columns = layout.columnWidths.map((width, i) => ({ width, hidden: layout.hiddenColumns.includes(i) }));

  for (let r = 0; r < layout.rowCount; r++) {
    const row = ws.getRow(r + 1);
    const vals = layout.values[r];
    for (let c = 0; c < layout.colCount; c++) {
      const v = vals[c];
      if (v !== null && v !== undefined) row.getCell(c + 1).value = typeof v === "number" && !Number.isFinite(v) ? null : v;
    }
  }
  for (const rect of layout.styles) {
    const st = excelStyle(rect.style);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const row = ws.getRow(r + 1);
      for (let c = rect.col; c < rect.col + rect.cols; c++) row.getCell(c + 1).style = st;
    }
  }
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const { row, height } of layout.rowHeights) ws.getRow(row + 1).height = height;
  for (const r of layout.pageBreaks) ws.getRow(r).addPageBreak();
  if (layout.print.repeatRows) ws.pageSetup.printTitlesRow = `${layout.print.repeatRows[0] + 1}:${layout.print.repeatRows[1] + 1}`;
  const ordered = workbook.worksheets;
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, ordered.indexOf(ws)), visibility: "visible" }];
  return ws;
}

function escapeHeader(s: string): string {
  return s.replace(/&/g, "&&");
}
