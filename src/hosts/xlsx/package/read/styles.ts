/** How cells are shown, read from styles.xml: the number format of every cell format (xf), and whether it is a date. */
import { SPREADSHEET_NS } from "../namespaces";
import { StyleInfo } from "./sheetReader";
import { XmlDocument } from "../xml/tree";

/** Built-in number formats that matter here: percentages, dates and times, text. */
export const BUILTIN_FORMATS: Record<number, string> = {
  9: "0%", 10: "0.00%", 14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 49: "@",
};

/** Format ids that East Asian Excel shows as dates whatever their code says. */
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True for number formats that show dates or times (d, y, h:m, m:s outside quotes, brackets and escapes). */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dy]/i.test(f) || /h+[:.]?m|m+[:.]s/i.test(f);
}

/** The styles of a workbook (or none: every cell General). */
export function readStyles(doc: XmlDocument | null): StyleInfo {
  const formats: (string | null)[] = [null];
  const ids = new Map<string, number>();
  const idOf = (code: string | null): number => {
    if (code === null || code === "General") return 0;
    let id = ids.get(code);
    if (id === undefined) {
      id = formats.length;
      formats.push(code);
      ids.set(code, id);
    }
    return id;
  };
  const root = doc?.root;
  if (!root || root.local !== "styleSheet" || !SPREADSHEET_NS.includes(root.ns)) return { xfFormat: new Uint16Array(0), xfIsDate: new Uint8Array(0), formats };
  const custom = new Map<number, string>();
  for (const f of root.element("numFmts", SPREADSHEET_NS)?.elements("numFmt", SPREADSHEET_NS) ?? []) {
    const id = Number(f.attr("numFmtId"));
    const code = f.attr("formatCode");
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const xfs = root.element("cellXfs", SPREADSHEET_NS)?.elements("xf", SPREADSHEET_NS) ?? [];
  const xfFormat = new Uint16Array(xfs.length);
  const xfIsDate = new Uint8Array(xfs.length);
  xfs.forEach((xf, i) => {
    const id = Number(xf.attr("numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
    xfFormat[i] = Math.min(idOf(code), 0xffff);
    xfIsDate[i] = isDateFormat(code) || (!custom.has(id) && LOCALE_DATE_IDS.has(id)) ? 1 : 0;
  });
  return { xfFormat, xfIsDate, formats };
}
