import ExcelJS from "exceljs";
import { FakeExcel } from "./fakeExcel";
import { SheetRange } from "./sheets";
import { columnLetters } from "../../src/core/references";

/** Loads an ExcelJS workbook (values as Excel would hold them, number formats, names, tables) into a fake Excel. */
export function fakeFromWorkbook(wb: ExcelJS.Workbook): FakeExcel {
  const fake = new FakeExcel();
  // ExcelJS turns serial numbers into dates by the workbook's date system; they go back the same way.
  const date1904 = !!(wb.properties as { date1904?: boolean }).date1904;
  fake.model.date1904 = date1904;
  const epoch = date1904 ? 24107 : 25569;
  wb.eachSheet((ws) => {
    const sheet = fake.model.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        let v: unknown = cell.value;
        if (v && typeof v === "object" && "formula" in (v as object)) v = (v as { result?: unknown }).result ?? 0;
        if (v && typeof v === "object" && "error" in (v as object)) v = (v as { error: string }).error;
        if (v && typeof v === "object" && "richText" in (v as object)) v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
        if (v instanceof Date) v = v.getTime() / 86400000 + epoch;
        const target = sheet.cell(r - 1, c - 1, true);
        if (!target) return;
        target.value = v ?? "";
        if (cell.numFmt) target.numberFormat = cell.numFmt;
      }),
    );
    for (const t of ws.getTables()) {
      const m = (t as unknown as { table?: { name: string; tableRef: string } }).table ?? (t as unknown as { model: { name: string; tableRef: string } }).model;
      fake.model.tables.push({ name: m.name, sheet: ws.name, address: m.tableRef });
    }
  });
  for (const n of wb.definedNames.model) fake.model.names.set(n.name, "=" + n.ranges.join(","));
  return fake;
}

/** Loads contract ranges written as sheets (the same shape the xlsx tests use) into a fake Excel. */
export function fakeFromRanges(ranges: Record<string, SheetRange>): FakeExcel {
  const fake = new FakeExcel();
  for (const [name, r] of Object.entries(ranges)) {
    const sheet = r.sheet ?? name;
    const at = r.at ?? "A1";
    const formats = r.rows.map((row, i) => row.map((v, j) => (v instanceof Date ? "yyyy-mm-dd" : (r.formats?.[i]?.[j] ?? null))));
    const values = r.rows.map((row) =>
      row.map((v) => {
        if (v instanceof Date) return v.getTime() / 86400000 + 25569;
        if (v && typeof v === "object" && "error" in v) return v.error;
        if (v && typeof v === "object" && "formula" in v) return (v as { result?: unknown }).result ?? "";
        return v;
      }),
    );
    const target = fake.model.put(sheet, at, values, formats);
    if (r.protected) target.protected = true;
    const m = /^([A-Z]+)(\d+)$/.exec(at) as RegExpExecArray;
    const col = m[1].charCodeAt(0) - 65;
    const row = Number(m[2]);
    const width = Math.max(...r.rows.map((x) => x.length));
    const local = `$${m[1]}$${row}:$${columnLetters(col + width - 1)}$${row + r.rows.length - 1}`;
    if (r.table) fake.model.tables.push({ name, sheet, address: local.replace(/\$/g, "") });
    else fake.model.names.set(name, `='${sheet}'!${local}`);
  }
  return fake;
}

/**
 * Makes the fake the global `Excel` (and a minimal `Office`) the host code talks to, supporting ExcelApi up to
 * `supported`: members above it fail in the fake with ApiNotFound, and `isSetSupported` answers accordingly.
 */
export function installFake(fake: FakeExcel, supported = "1.12"): void {
  fake.apiVersion = supported;
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = {
    run: (a: unknown, b?: unknown) => (fake.run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b),
    SheetVisibility: fake.SheetVisibility,
    PageOrientation: fake.PageOrientation,
    PaperType: fake.PaperType,
    CalculationMode: fake.CalculationMode,
    CalculationType: fake.CalculationType,
  };
  g.Office = {
    context: {
      requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && FakeExcel.versionAtLeast(supported, v) },
      platform: fake.platform === "web" ? "OfficeOnline" : "PC",
    },
    actions: { associate: () => undefined },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  };
}

export const supportsAll = (): boolean => true;

/** `supports` for a host that has ExcelApi up to `version` and nothing above. */
export const supportsUpTo = (version: string) => (v: string): boolean => FakeExcel.versionAtLeast(version, v);
