/** Facts read from the .xlsx package itself (the zip and its XML), shared by both ways of reading a file. */
import { UppfoljningError } from "../../findings/errors";

/** Parts of an .xlsx that ExcelJS cannot write back, with the Swedish words for them. */
const UNSUPPORTED_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, "diagram"],
  [/^xl\/chartsheets\//, "diagramblad"],
  [/^xl\/pivotTables\//, "pivottabeller"],
  [/^xl\/vbaProject\.bin$/, "makron"],
  [/^xl\/slicers\//, "utsnitt"],
  [/^xl\/timelines\//, "tidslinjer"],
  [/^xl\/externalLinks\//, "länkar till andra arbetsböcker"],
  [/^xl\/ctrlProps\//, "formulärkontroller"],
];

/** Swedish names of the parts among `files` that a rewritten copy would lose. */
export function unsupportedParts(files: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of files) for (const [re, word] of UNSUPPORTED_PARTS) if (re.test(name)) found.add(word);
  return [...found];
}

/** Refuses files that are not .xlsx packages: old .xls, password-protected workbooks, anything else. */
export function checkSignature(bytes: Buffer, path: string): void {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    const encrypted = bytes.includes(Buffer.from("EncryptedPackage", "utf16le"));
    throw new UppfoljningError(encrypted ? "FILE_ENCRYPTED" : "FILE_LEGACY_FORMAT", { path });
  }
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path });
}

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Workbook-scoped defined names as written in workbook.xml, so broken and constant names are seen too. */
export function definedNames(workbookXml: string): { name: string; formula: string }[] {
  const names: { name: string; formula: string }[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const attrs = m[1];
    if (/\blocalSheetId=/.test(attrs)) continue;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name.startsWith("_xlnm.")) continue;
    names.push({ name: xmlUnescape(name), formula: xmlUnescape(m[2]).trim() });
  }
  return names;
}
