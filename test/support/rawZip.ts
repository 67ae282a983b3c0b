/**
 * A deliberately simple zip writer for tests, independent of the product's: it can store or deflate, and it can
 * lie (declared sizes, names) so that the reader's checks are exercised on what hostile files really contain.
 */
import * as zlib from "zlib";

export interface RawEntry {
  name: string;
  data: Buffer | string;
  store?: boolean;
  /** Declared inflated size, when it should differ from the real one. */
  declaredSize?: number;
  /** Flags to set (bit 0: encrypted). */
  flags?: number;
  /** Deflated bytes to store as they are (the CRC is then written as 0, as the reader checks it only when inflating fully). */
  compressed?: Buffer;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const body = e.compressed ?? (e.store ? data : zlib.deflateRawSync(data));
    const name = Buffer.from(e.name, "utf8");
    const crc = e.compressed ? 0 : zlib.crc32(data);
    const size = e.declaredSize ?? data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    head.writeUInt16LE(e.store ? 0 : 8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    c.writeUInt16LE(e.store ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(head, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a minimal workbook whose first sheet holds `sheetData` and which names `names` (name → formula). */
export function minimalWorkbook(options: { sheetData?: string; names?: Record<string, string>; sharedStrings?: string[]; styles?: string; workbook?: string; extra?: RawEntry[] } = {}): RawEntry[] {
  const names = Object.entries(options.names ?? {}).map(([n, f]) => `<definedName name="${n}">${f}</definedName>`).join("");
  const sst = options.sharedStrings
    ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`
    : null;
  return [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}${options.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: options.workbook ?? `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets>${names ? `<definedNames>${names}</definedNames>` : ""}</workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sst ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${options.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${options.sheetData ?? ""}</sheetData></worksheet>` },
    ...(sst ? [{ name: "xl/sharedStrings.xml", data: sst }] : []),
    ...(options.styles ? [{ name: "xl/styles.xml", data: options.styles }] : []),
    ...(options.extra ?? []),
  ];
}
