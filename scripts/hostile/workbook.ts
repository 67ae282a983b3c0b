/**
 * The valid contract workbook every hostile case starts from, written part by part so that a case can change
 * exactly one thing: a cell's raw XML, the workbook part's prologue or tail, a relationship, an entry name.
 * Budget has monthly columns and Helår, so a Helår cell read as empty would go unnoticed (Helår defaults to the
 * months' sum): a case that puts an unreadable value there tells a reader that refuses it from one that guesses.
 */
import { ZipEntry } from "./zip";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];

type Value = string | number | null;

/** The contract, one range per sheet, each at A1. */
export const SHEETS: { name: string; rows: Value[][] }[] = [
  {
    name: "Budget",
    rows: [
      ["Post", "Typ", ...MONTHS, "Helår"],
      ["Intäkter", "Intäkt", ...MONTHS.map(() => 100), 1200],
      ["Personal", "Kostnad", ...MONTHS.map(() => -80), -960],
    ],
  },
  { name: "Utfall", rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 610, 1210], ["Personal", -470, -950]] },
  { name: "Risker", rows: [["Risk", "Sannolikhet", "Konsekvens", "Kommentar"], ["Brand", 2, 3, "Övning i maj"]] },
  { name: "Inställningar", rows: [["Inställning", "Värde"], ["Period", 6], ["Enhet in", "tkr"], ["Enhet ut", "tkr"], ["År", 2024]] },
];

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface WorkbookOptions {
  /** Raw XML replacing a cell, keyed `Sheet!A1`. */
  cells?: Record<string, string>;
  /** Raw XML appended to a sheet's <sheetData>, keyed by sheet name. */
  extraRows?: Record<string, string>;
  /** Defined names replacing the contract's (name → formula text, unescaped). */
  names?: Record<string, string>;
  /** Text put before the workbook part's root element (after the XML declaration). */
  workbookPrologue?: string;
  /** Raw XML put just before </workbook>. */
  workbookTail?: string;
  /** Text put before a sheet's root element, keyed by sheet name. */
  sheetPrologue?: Record<string, string>;
  /** Replaces the Target of a sheet's relationship, keyed by sheet name. */
  sheetTarget?: Record<string, string>;
  /** Replaces docProps/core.xml. */
  core?: string;
  /** The sheets and their rows, instead of the contract's four (a ledger workbook, an extra sheet). */
  sheets?: { name: string; rows: Value[][] }[];
  /** Raw XML put inside `<sheets>` after the sheets' own elements. */
  sheetElements?: string;
}

/** The parts of the contract workbook, in the order a spreadsheet program writes them. */
export function workbookEntries(o: WorkbookOptions = {}): ZipEntry[] {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    if (!index.has(s)) {
      index.set(s, strings.length);
      strings.push(s);
    }
    return index.get(s) as number;
  };
  const sheets = o.sheets ?? SHEETS;
  const sheetXml = sheets.map((sheet) => {
    const rows = sheet.rows.map((values, r) => {
      const cells = values.map((v, c) => {
        const ref = `${colLetters(c + 1)}${r + 1}`;
        const raw = o.cells?.[`${sheet.name}!${ref}`];
        if (raw !== undefined) return raw;
        if (v === null) return "";
        if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
        return `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
      });
      return `<row r="${r + 1}">${cells.join("")}</row>`;
    });
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${o.sheetPrologue?.[sheet.name] ?? ""}` +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows.join("")}${o.extraRows?.[sheet.name] ?? ""}</sheetData></worksheet>`
    );
  });
  const names = o.names ?? Object.fromEntries(sheets.map((s) => [s.name, `${s.name}!$A$1:$${colLetters(s.rows[0].length)}$${s.rows.length}`]));
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${o.workbookPrologue ?? ""}` +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="1"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `${o.sheetElements ?? ""}</sheets><definedNames>${Object.entries(names).map(([n, f]) => `<definedName name="${esc(n)}">${esc(f)}</definedName>`).join("")}</definedNames>` +
    `<calcPr calcId="191029"/>${o.workbookTail ?? ""}</workbook>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">` +
    sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${esc(o.sheetTarget?.[s.name] ?? `worksheets/sheet${i + 1}.xml`)}"/>`).join("") +
    `<Relationship Id="rId10" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId11" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const shared =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t>${esc(s)}</t></si>`).join("") +
    `</sst>`;
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rootRels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const core =
    o.core ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Uppföljning</dc:creator></cp:coreProperties>`;
  return [
    { name: "[Content_Types].xml", data: types },
    { name: "_rels/.rels", data: rootRels },
    { name: "docProps/core.xml", data: core },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: rels },
    ...sheetXml.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
    { name: "xl/styles.xml", data: styles },
    { name: "xl/sharedStrings.xml", data: shared },
  ];
}

/** The XML of one part of `workbookEntries(o)`, to build a variant of it. */
export function partXml(name: string, o: WorkbookOptions = {}): string {
  const e = workbookEntries(o).find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  return String(e.data);
}
