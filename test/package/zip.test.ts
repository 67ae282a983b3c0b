/** The zip container: every claim checked before work, inflated bytes counted while inflating. */
import * as zlib from "zlib";
import { readZip } from "../../src/hosts/xlsx/package/zip/archive";
import { writeZip } from "../../src/hosts/xlsx/package/zip/write";
import { listZip, writeZip as hostileZip } from "../../scripts/hostile/zip";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { LIMITS } from "../../src/hosts/xlsx/package/limits";
import { UppfoljningError } from "../../src/findings/errors";
import { minimalWorkbook, rawZip } from "../support/rawZip";

async function read(bytes: Buffer) {
  return readWorkbook(bytes, "fil.xlsx", () => true);
}

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await read(bytes);
    return "ok";
  } catch (e) {
    if (e instanceof UppfoljningError) return e.code;
    throw e;
  }
}

describe("decompression bombs", () => {
  it("stops a part at its declared size while inflating: a header that lies costs nothing", async () => {
    const parts = minimalWorkbook({ names: { Budget: "Blad1!$A$1:$B$2" } });
    const sheet = parts.findIndex((p) => p.name === "xl/worksheets/sheet1.xml");
    // 200 MB of spaces deflate to about 200 KB; the header claims 1 000 bytes.
    const deflated = zlib.deflateRawSync(
      Buffer.concat([Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), Buffer.alloc(200 << 20, 0x20)]),
      { level: 1 },
    );
    const bomb = rawZipWithCompressed(parts, sheet, deflated, 1000);
    // Declaring the truth instead is stopped by the ratio: 200 MB from well under 1 MB.
    const spaces = Buffer.concat([Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), Buffer.alloc(200 << 20, 0x20)]);
    const honest = rawZipWithCompressed(parts, sheet, zlib.deflateRawSync(spaces, { level: 9 }), spaces.length);
    expect(await refusal(honest)).toBe("PART_RATIO_TOO_HIGH");
    const before = process.memoryUsage().rss;
    const t = performance.now();
    expect(await refusal(bomb)).toBe("PART_SIZE_MISMATCH");
    expect(performance.now() - t).toBeLessThan(3000);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it("refuses a declared size past the limit before inflating anything", () => {
    const bytes = rawZip([{ name: "xl/workbook.xml", data: "<a/>", declaredSize: LIMITS.maxTreePartBytes + 1 }]);
    const zip = readZip(bytes, "fil.xlsx");
    const entry = zip.entry("xl/workbook.xml");
    expect(() => zip.inflate(entry as NonNullable<typeof entry>, "tree")).toThrow(expect.objectContaining({ code: expect.stringMatching(/PART_TOO_LARGE|PART_RATIO_TOO_HIGH/) }));
  });

  it("refuses a part whose inflated size differs from what it declares (a lying header)", () => {
    const bytes = rawZip([{ name: "xl/workbook.xml", data: "<a>" + "x".repeat(5000) + "</a>", declaredSize: 10 }]);
    const zip = readZip(bytes, "fil.xlsx");
    const entry = zip.entry("xl/workbook.xml");
    expect(() => zip.inflate(entry as NonNullable<typeof entry>, "tree")).toThrow(expect.objectContaining({ code: "PART_SIZE_MISMATCH" }));
  });
});

/** The minimal workbook with one entry's compressed bytes replaced (declaring `declared` inflated bytes). */
function rawZipWithCompressed(parts: ReturnType<typeof minimalWorkbook>, index: number, compressed: Buffer, declared: number): Buffer {
  return rawZip(parts.map((p, i) => (i === index ? { ...p, compressed, declaredSize: declared } : p)));
}

describe("names and structure", () => {
  it.each([
    ["an absolute part name", "/xl/evil.xml"],
    ["a part name that climbs out", "xl/../../evil.xml"],
    ["a dot segment", "xl/./a.xml"],
    ["an empty segment", "xl//a.xml"],
    ["a drive letter", "C:/a.xml"],
  ])("refuses %s", async (_, name) => {
    expect(await refusal(rawZip([...minimalWorkbook(), { name, data: "<a/>" }]))).toBe("PART_NAME_INVALID");
  });

  it("refuses two entries whose names differ only in case (one part in OPC)", async () => {
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "XL/WORKBOOK.XML", data: "<a/>" }]))).toBe("PART_NAME_TWICE");
  });

  it("reads a package whose producer separated folders with backslashes", async () => {
    const parts = minimalWorkbook({ sheetData: '<row r="1"><c r="A1"><v>7</v></c></row>', names: { Budget: "Blad1!$A$1" } }).map((p) => ({ ...p, name: p.name.split("/").join("\\") }));
    const wb = await read(rawZip(parts));
    const e = wb.source.entries[0];
    expect(e.lookup.kind === "cells" && e.lookup.range.grid.get(0, 0)).toBe(7);
  });

  it("refuses more entries than the limit, from the directory's count, before reading them", async () => {
    const many = Array.from({ length: LIMITS.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.bin`, data: "", store: true }));
    expect(await refusal(rawZip(many))).toBe("PACKAGE_TOO_MANY_PARTS");
  });

  it("refuses zip-level encryption, truncation and entries sharing bytes", async () => {
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "x.bin", data: "a", flags: 1 }]))).toBe("FILE_ENCRYPTED");
    const whole = rawZip(minimalWorkbook());
    expect(await refusal(whole.subarray(0, whole.length - 30))).toBe("FILE_NOT_WORKBOOK");
    // Point the second central entry at the first entry's data.
    const shared = Buffer.from(whole);
    const cd = shared.readUInt32LE(shared.length - 6);
    let at = cd;
    at += 46 + shared.readUInt16LE(at + 28) + shared.readUInt16LE(at + 30) + shared.readUInt16LE(at + 32);
    shared.writeUInt32LE(0, at + 42);
    expect(await refusal(shared)).toBe("FILE_NOT_WORKBOOK");
  });
});

describe("document type declarations in any part", () => {
  const doctype = (prefix: string) => `<?xml version="1.0"?>${prefix}<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`;
  it.each([
    ["a part that is only copied", ""],
    ["the same after a long comment", `<!--${"x".repeat(20_000)}-->`],
    ["in UTF-16", "UTF16"],
  ])("are refused in %s", async (_, prefix) => {
    const data = prefix === "UTF16" ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doctype(""), "utf16le")]) : doctype(prefix);
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "docProps/core.xml", data }]))).toBe("XML_DTD");
  });

  it("are not confused with a comment or instruction that mentions one", async () => {
    const data = `<?xml version="1.0"?><!-- <!DOCTYPE x> --><?pi <!DOCTYPE y>?><a/>`;
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "docProps/core.xml", data }]))).toBe("ok");
  });
});

describe("parts that are only copied (issue 19)", () => {
  const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(5000, 7)]);

  it("are inflated and checked: a wrong CRC or a cut deflate stream is refused, naming the part", async () => {
    const good = rawZip([...minimalWorkbook(), { name: "xl/media/bild1.png", data: png }]);
    expect(await refusal(good)).toBe("ok");
    // The part's CRC, in both headers, one bit off.
    const bad = Buffer.from(good);
    const local = bad.indexOf("xl/media/bild1.png") - 30;
    const central = bad.lastIndexOf("xl/media/bild1.png") - 46;
    bad.writeUInt32LE(bad.readUInt32LE(local + 14) ^ 1, local + 14);
    bad.writeUInt32LE(bad.readUInt32LE(central + 16) ^ 1, central + 16);
    await expect(read(bad)).rejects.toMatchObject({ code: "PART_CORRUPT", params: { part: "xl/media/bild1.png" } });
    const cut = zlib.deflateRawSync(png).subarray(0, 20);
    await expect(read(rawZip([...minimalWorkbook(), { name: "xl/media/bild1.png", data: png, compressed: cut, declaredSize: png.length }]))).rejects.toMatchObject({ code: "PART_CORRUPT" });
  });

  it("are looked at for a DTD whatever their name or encoding, and a prolog longer than the limit is refused", async () => {
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "customXml/item1.dat", data: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>' }]))).toBe("XML_DTD");
    const utf32 = Buffer.alloc(4 * 40);
    Array.from("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>").forEach((c, i) => utf32.writeUInt32LE(c.charCodeAt(0), i * 4));
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "docProps/core.xml", data: utf32 }]))).toBe("XML_DTD");
    const long = `<?xml version="1.0"?><!--${"x".repeat(LIMITS.maxPrologBytes)}--><a/>`;
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "customXml/item1.xml", data: long }]))).toBe("XML_PROLOG_TOO_LONG");
    expect(await refusal(rawZip([...minimalWorkbook(), { name: "customXml/item1.xml", data: long.replace("x".repeat(LIMITS.maxPrologBytes), "x".repeat(LIMITS.maxPrologBytes - 100)) }]))).toBe("ok");
  });

  it("keep their name's bytes and UTF-8 flag: a code page 437 name is read as such and written as it was", () => {
    const raw = Buffer.from([...Buffer.from("xl/media/bild"), 0x84, ...Buffer.from(".png")]);
    const entries = minimalWorkbook().map((e) => ({ name: e.name, data: e.data }));
    const zip = hostileZip([...entries, { name: "xl/media/bildä.png", rawName: raw, utf8Flag: false, data: png, method: "stored" }]);
    const archive = readZip(zip, "fil.xlsx");
    const entry = archive.entry("xl/media/bildä.png");
    expect(entry?.part).toBe("xl/media/bildä.png");
    const copy = writeZip(archive.entries.map((e) => ({ name: e.part, copy: e, from: archive })));
    const listed = listZip(copy).find((e) => e.name.equals(raw));
    expect(listed && listed.flags & 0x800).toBe(0);
    expect(listZip(copy).filter((e) => !e.name.equals(raw)).every((e) => (e.flags & 0x800) !== 0)).toBe(true);
  });
});
