/**
 * The second round of hostile files (issue 19): classes an independent fuzz found where a value came out wrong
 * without a word, where the cost grew faster than the file, or where the copy did not open or changed a part.
 * Each class is a case here with its exit code and bounds; the classes whose cost could grow are also built at a
 * size `n` (SCALING) so that `npm run bench` can show the time at n and at 4n side by side.
 */
import * as zlib from "zlib";
import { LIMITS } from "../../src/hosts/xlsx/package/limits";
import type { HostileCase } from "./cases";
import { collidingNames } from "./flood";
import { colLetters, MAIN_NS, partXml, SHEETS, workbookEntries, WorkbookOptions } from "./workbook";
import { crc32, deflate, deflateRepeated, Deflated, writeZip, ZipEntry } from "./zip";

const MB = 1024 * 1024;
const SMALL = { maxMs: 3000, maxRssMB: 400 } as const;
/** Files that inflate to gigabytes: every byte has to be inflated once to be checked. */
const LARGE = { maxMs: 15_000, maxRssMB: 600 } as const;

const BUDGET = "xl/worksheets/sheet1.xml";
const RISKER = "xl/worksheets/sheet3.xml";

function sv(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function zipOf(o: WorkbookOptions = {}, change?: (entries: ZipEntry[]) => ZipEntry[]): Buffer {
  const entries = workbookEntries(o);
  return writeZip(change ? change(entries) : entries);
}

function replaceEntry(entries: ZipEntry[], name: string, by: Partial<ZipEntry>): ZipEntry[] {
  return entries.map((e) => (e.name === name ? { ...e, ...by } : e));
}

/** A part of the contract workbook with one piece of its XML replaced (the piece must be there). */
function edited(name: string, from: string, to: string, o: WorkbookOptions = {}): string {
  const xml = partXml(name, o);
  if (!xml.includes(from)) throw new Error(`${name} has no ${from}`);
  return xml.replace(from, to);
}

/** `head`, a piece repeated until about `bytes` long, `tail`: deflated from pieces when large. */
function grown(head: string, piece: string, count: number, tail: string): Deflated {
  const perMB = Math.max(1, Math.floor(MB / piece.length));
  if (count <= perMB) return deflate(Buffer.from(head + piece.repeat(count) + tail));
  const times = Math.ceil(count / perMB);
  return deflateRepeated(Buffer.from(head), Buffer.from(piece.repeat(perMB)), times, Buffer.from(tail));
}

/** A part whose XML holds `count` copies of `piece` where `marker` stands (the marker is taken out). */
function partWith(name: string, marker: string, piece: string, count: number, o: WorkbookOptions = {}): Deflated {
  const xml = partXml(name, o);
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`${name} has no ${marker}`);
  return grown(xml.slice(0, at), piece, count, xml.slice(at + marker.length));
}

/** The JSON document's income line for a post, for cases that check a figure. */
interface JsonDoc {
  income: { item: string; actual: number | null; forecast: number | null }[];
  notices: { code: string; message: string }[];
}

function figure(doc: JsonDoc, item: string, field: "actual" | "forecast", want: number): string[] {
  const line = doc.income.find((l) => l.item === item);
  if (!line) return [`no income line ${item}`];
  return line[field] === want ? [] : [`${item} ${field} is ${line[field]}, expected ${want}`];
}

/** A sheet part (of the contract workbook's sheet `index`) re-encoded: its declaration names `label`. */
function encodedSheet(index: number, label: string, cells: Record<string, string>, encode: (s: string) => Buffer): Buffer {
  const xml = partXml(`xl/worksheets/sheet${index}.xml`, { cells }).replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<?xml version="1.0" encoding="${label}" standalone="yes"?>`);
  return encode(xml);
}

/** Latin-1 bytes of a string whose characters are all below U+0100. */
function latin1(s: string): Buffer {
  return Buffer.from(s, "latin1");
}

/** UTF-32 little endian, with its byte-order mark. */
function utf32le(s: string): Buffer {
  const cps = Array.from(s, (c) => c.codePointAt(0) as number);
  const out = Buffer.alloc(4 + cps.length * 4);
  out.writeUInt32LE(0xfeff, 0);
  cps.forEach((cp, i) => out.writeUInt32LE(cp, 4 + i * 4));
  return out;
}

const ZEROS = "0".repeat(450);

/** The ledger workbook of the year case: a long-form Huvudbok (one row per account, period and kind). */
function ledgerSheets(periods: (string | number)[]): WorkbookOptions {
  const rows: (string | number | null)[][] = [["Konto", "Ansvar", "Period", "Art", "Belopp"]];
  rows.push([3111, "Skola", 12, "Budget", -1_200_000], [5011, "Skola", 12, "Budget", 900_000]);
  periods.forEach((p, i) => rows.push([i % 2 ? 5011 : 3111, "Skola", p, "Utfall", i % 2 ? 70_000 : -100_000]));
  return {
    sheets: [
      { name: "Huvudbok", rows },
      { name: "Inställningar", rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 6], ["Enhet in", "kr"], ["Enhet ut", "tkr"]] },
    ],
  };
}

/** The Utfall sheet under a copy of its name: the same posts with every figure doubled. */
const DOUBLED = { name: "Utfall gammal", rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 1220, 2420], ["Personal", -940, -1900]] };
const CONTRACT_NAMES = { Budget: "Budget!$A$1:$O$3", Risker: "Risker!$A$1:$D$2", Inställningar: "Inställningar!$A$1:$B$5" };

/** How many shared strings the contract workbook has: a text appended to them gets this index. */
const SHARED_COUNT = (partXml("xl/sharedStrings.xml").match(/<si>/g) ?? []).length;

/** `count` risks with a comment each, as one shared string (appended to the workbook's) or as inline text. */
function manyRisks(count: number, comment: string, inline: boolean): Buffer {
  const head = partXml(RISKER).split("<sheetData>")[0] + "<sheetData>";
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const rows: string[] = [`<row r="1">${text("A1", "Risk")}${text("B1", "Sannolikhet")}${text("C1", "Konsekvens")}${text("D1", "Kommentar")}</row>`];
  for (let r = 2; r <= count + 1; r++) {
    const d = inline ? text(`D${r}`, comment) : `<c r="D${r}" t="s"><v>${SHARED_COUNT}</v></c>`;
    rows.push(`<row r="${r}">${text(`A${r}`, `Risk ${r - 1}`)}<c r="B${r}"><v>${1 + (r % 4)}</v></c><c r="C${r}"><v>${1 + ((r >> 2) % 4)}</v></c>${d}</row>`);
  }
  const head2 = Buffer.from(head + rows[0]);
  const body = Buffer.from(rows.slice(1).join("") + "</sheetData></worksheet>");
  const sheet = Buffer.concat([head2, body]);
  const names = { Budget: "Budget!$A$1:$O$3", Utfall: "Utfall!$A$1:$C$3", Risker: `Risker!$A$1:$D$${count + 1}`, Inställningar: "Inställningar!$A$1:$B$5" };
  return zipOf({ names }, (entries) =>
    entries.map((e) => {
      if (e.name === RISKER) return { ...e, data: undefined, deflated: { bytes: zlib.deflateRawSync(sheet, { level: 6 }), size: sheet.length, crc: crc32(sheet) } };
      if (e.name === "xl/sharedStrings.xml" && !inline) return { ...e, data: String(e.data).replace("</sst>", `<si><t>${comment}</t></si></sst>`) };
      return e;
    }),
  );
}

/**
 * `count` risks with a comment of `chars` characters in each cell, deflated from one repeated run of rows (rows and
 * cells without `r`, so that every row is the same bytes): gigabytes of text from some ten megabytes. The comment
 * repeats a block of 4 kB of letters, so that deflate finds it within its window.
 */
function inlineRisksRepeated(count: number, chars: number): Buffer {
  const block = Buffer.alloc(4096);
  let seed = 2024;
  for (let i = 0; i < block.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    block[i] = i % 7 === 6 ? 32 : 97 + ((seed >>> 16) % 26);
  }
  const comment = block.toString("latin1").repeat(Math.ceil(chars / block.length)).slice(0, chars);
  const text = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;
  const head = partXml(RISKER).split("<sheetData>")[0] + `<sheetData><row r="1">${text("Risk")}${text("Sannolikhet")}${text("Konsekvens")}${text("Kommentar")}</row>`;
  const row = `<row>${text("Risk")}<c><v>2</v></c><c><v>3</v></c>${text(comment)}</row>`;
  const perChunk = 100;
  const deflated = deflateRepeated(Buffer.from(head), Buffer.from(row.repeat(perChunk)), Math.ceil(count / perChunk), Buffer.from("</sheetData></worksheet>"));
  const names = { Budget: "Budget!$A$1:$O$3", Utfall: "Utfall!$A$1:$C$3", Risker: `Risker!$A$1:$D$${count + 1}`, Inställningar: "Inställningar!$A$1:$B$5" };
  return zipOf({ names }, (entries) => replaceEntry(entries, RISKER, { data: undefined, deflated }));
}

/** Budget and Utfall with `count` posts of their own, one row each, named `prefix` and a number. */
function manyPosts(count: number, prefix = "Post "): Buffer {
  const budget: (string | number | null)[][] = [["Post", "Typ", "Helår"]];
  const actual: (string | number | null)[][] = [["Post", "Utfall", "Prognos"]];
  for (let i = 0; i < count; i++) {
    budget.push([`${prefix}${i}`, i % 2 ? "Kostnad" : "Intäkt", i % 2 ? -100 : 100]);
    actual.push([`${prefix}${i}`, i % 2 ? -50 : 50, i % 2 ? -100 : 100]);
  }
  const sheets = [{ name: "Budget", rows: budget }, { name: "Utfall", rows: actual }, SHEETS[3]];
  return zipOf({ sheets, names: { Budget: `Budget!$A$1:$C$${count + 1}`, Utfall: `Utfall!$A$1:$C$${count + 1}`, Inställningar: "Inställningar!$A$1:$B$5" } });
}

/** `count` parts (`customXml/itemN.xml`) whose prolog is a comment of `commentBytes`, all with the same deflated bytes. */
function partsWithLongProlog(count: number, commentBytes: number): Buffer {
  const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<!--${"x".repeat(commentBytes)}-->\n<data xmlns="urn:uppfoljning:prov"/>`);
  const deflated = deflate(xml);
  return zipOf({}, (entries) => [...entries, ...Array.from({ length: count }, (_, i) => ({ name: `customXml/item${i + 1}.xml`, deflated }))]);
}

/** The Utfall range as the whole sheet, and row 1 048 576 with a value in each of `columns` columns. */
function wholeSheetLastRow(columns: number): Buffer {
  const cells: string[] = [];
  for (let c = 4; c < 4 + columns && c <= LIMITS.maxColumns; c++) cells.push(`<c r="${colLetters(c)}1048576"><v>1</v></c>`);
  return zipOf({
    names: { ...CONTRACT_NAMES, Utfall: "Utfall!$A$1:$XFD$1048576" },
    extraRows: { Utfall: `<row r="1048576">${cells.join("")}</row>` },
  });
}

/**
 * The Utfall range as the whole sheet, and a million rows of `perRow` numbers in it, deflated from one repeated run
 * of a thousand rows (rows and cells without `r`).
 */
function wholeSheetFull(perRow: number, rows: number): Buffer {
  let seed = 7;
  let row = "";
  for (let r = 0; r < 1000; r++) {
    row += "<row>";
    for (let c = 0; c < perRow; c++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      row += `<c><v>${(seed >>> 20) % 1000}</v></c>`;
    }
    row += "</row>";
  }
  const xml = partXml("xl/worksheets/sheet2.xml");
  const at = xml.indexOf("</sheetData>");
  const deflated = deflateRepeated(Buffer.from(xml.slice(0, at)), Buffer.from(row), Math.floor(rows / 1000), Buffer.from(xml.slice(at)));
  return zipOf({ names: { ...CONTRACT_NAMES, Utfall: "Utfall!$A$1:$XFD$1048576" } }, (e) => replaceEntry(e, "xl/worksheets/sheet2.xml", { data: undefined, deflated }));
}

/** The Utfall range as the whole sheet, and `rows` rows far apart with one value each, in columns far apart. */
function wholeSheetScattered(rows: number): Buffer {
  const parts: string[] = [];
  const step = Math.max(1, Math.floor((LIMITS.maxRows - 10) / rows));
  for (let i = 0; i < rows; i++) {
    const r = 10 + i * step;
    const c = 4 + ((i * 7919) % (LIMITS.maxColumns - 4));
    parts.push(`<row r="${r}"><c r="${colLetters(c)}${r}"><v>1</v></c></row>`);
  }
  return zipOf({ names: { ...CONTRACT_NAMES, Utfall: "Utfall!$A$1:$XFD$1048576" }, extraRows: { Utfall: parts.join("") } });
}

/** Distinct element names (`e0`, `e1`, … in base 36) inside an extension of the Budget sheet. */
function distinctNames(count: number): Buffer {
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(`<e${i.toString(36)}/>`);
  const xml = edited(BUDGET, "</sheetData>", `</sheetData><extLst><ext uri="{00000000-0000-0000-0000-000000000009}"><d xmlns="urn:uppfoljning:namn">${names.join("")}</d></ext></extLst>`);
  return zipOf({}, (e) => replaceEntry(e, BUDGET, { data: undefined, deflated: { bytes: zlib.deflateRawSync(Buffer.from(xml), { level: 1 }), size: Buffer.byteLength(xml), crc: crc32(Buffer.from(xml)) } }));
}

/** Names sharing one FNV-1a hash (2^blocks of them) as elements inside an extension of the Budget sheet. */
function floodedNames(blocks: number): Buffer {
  const names = collidingNames(blocks).map((n) => `<${n}/>`).join("");
  const xml = edited(BUDGET, "</sheetData>", `</sheetData><extLst><ext uri="{00000000-0000-0000-0000-000000000008}"><f xmlns="urn:uppfoljning:flod">${names}</f></ext></extLst>`);
  return zipOf({}, (e) => replaceEntry(e, BUDGET, { data: xml }));
}

/** `elements` elements in a sheet extension, each with `perElement` attributes (namespace declarations when `declarations`). */
function attributesOn(elements: number, perElement: number, kind: "plain" | "prefixed" | "declarations"): string {
  const one = (k: number) => (kind === "plain" ? ` a${k}="1"` : kind === "prefixed" ? ` p:a${k}="1"` : ` xmlns:n${k}="urn:n${k}"`);
  let attrs = "";
  for (let k = 0; k < perElement; k++) attrs += one(k);
  return `<x${attrs}${kind === "prefixed" ? ' xmlns:p="urn:uppfoljning:p"' : ""}/>`.repeat(elements);
}

/** `count` rows below the Budget range (row 10 on), each with `cell(ref)` in columns A to C. */
function budgetRowsBelow(count: number, cell: (ref: string) => string): string {
  const rows: string[] = [];
  for (let r = 10; r < 10 + count; r++) rows.push(`<row r="${r}">${["A", "B", "C"].map((c) => cell(`${c}${r}`)).join("")}</row>`);
  return rows.join("");
}

/** The contract workbook with `count` parts that are only copied, each made by `entry(i)`. */
function copiedParts(count: number, entry: (i: number) => ZipEntry): Buffer {
  return zipOf({}, (entries) => [...entries, ...Array.from({ length: count }, (_, i) => entry(i))]);
}

export const ROUND2_CASES: HostileCase[] = [
  // Silent wrong figures.
  {
    id: "tal-i-bitar",
    title: "Utfall för Intäkter är 450 nollor och 45411 med en kommentar, en teckenreferens eller CDATA mitt i `<v>`: läses som 45411 (och −470)",
    build: () =>
      zipOf({
        cells: {
          "Utfall!B2": `<c r="B2"><v>${ZEROS}<!-- mitt i -->45411</v></c>`,
          "Utfall!C2": `<c r="C2"><v>${ZEROS}&#52;5411</v></c>`,
          "Utfall!B3": `<c r="B3"><v>-${ZEROS}<![CDATA[470]]></v></c>`,
        },
      }),
    expect: { exit: 0, ...SMALL, copyOpens: true, json: (d: JsonDoc) => [...figure(d, "Intäkter", "actual", 45411), ...figure(d, "Intäkter", "forecast", 45411), ...figure(d, "Personal", "actual", -470)] },
  },
  {
    id: "tal-for-langt",
    title: `Utfall!B2 är ett tal med ${sv(40_000)} nollor framför, i bitar: längre än en cell får vara, så cellen nämns`,
    build: () => zipOf({ cells: { "Utfall!B2": `<c r="B2"><v>${"0".repeat(40_000)}<!-- -->610</v></c>` } }),
    expect: { exit: 1, code: "CELL_INVALID", cell: "Utfall!B2", ...SMALL },
  },
  {
    id: "cell-i-cell",
    title: 'En cell inne i en annan cells `<v>` (`<c r="E2"><v>45411<c r="E2"><v>1</v></c></v></c>`) i Budget',
    build: () => zipOf({ cells: { "Budget!E2": '<c r="E2"><v>45411<c r="E2"><v>1</v></c></v></c>' } }),
    expect: { exit: 2, code: "XML_MALFORMED", ...SMALL },
  },
  {
    id: "cell-i-cell-utanfor",
    title: "En cell utanför budgetområdet (Z2) med en cell C2 inne i sin `<v>`",
    build: () => zipOf({ cells: { "Budget!C2": '<c r="Z2"><v>1<c r="C2"><v>45411</v></c></v></c>' } }),
    expect: { exit: 2, code: "XML_MALFORMED", ...SMALL },
  },
  {
    id: "tva-varden-i-cell",
    title: "En cell med två `<v>` (`<c r=\"E2\"><v>100</v><v>45411</v></c>`) i Budget",
    build: () => zipOf({ cells: { "Budget!E2": '<c r="E2"><v>100</v><v>45411</v></c>' } }),
    expect: { exit: 2, code: "XML_MALFORMED", ...SMALL },
  },
  {
    id: "vikta-namn",
    title: "Namnen Utfall och Ütfall (som Excel skiljer åt) pekar på olika blad; Utfall läses, inte det som kommer först",
    build: () =>
      zipOf({
        sheets: [...SHEETS, DOUBLED],
        names: { Ütfall: "'Utfall gammal'!$A$1:$C$3", ...CONTRACT_NAMES, Utfall: "Utfall!$A$1:$C$3" },
      }),
    expect: {
      exit: 0,
      ...SMALL,
      json: (d: JsonDoc) => [...figure(d, "Intäkter", "actual", 610), ...d.notices.filter((n) => n.message.includes("tabell")).map((n) => `notice about a table: ${n.message}`)],
    },
  },
  {
    id: "vikta-namn-utan-exakt",
    title: "Namnen Ütfall och Útfall, men inget Utfall: två namn som bara lika efter vikning är ett fel som nämner båda",
    build: () =>
      zipOf({
        sheets: [...SHEETS, DOUBLED],
        names: { Ütfall: "'Utfall gammal'!$A$1:$C$3", ...CONTRACT_NAMES, Útfall: "Utfall!$A$1:$C$3" },
      }),
    expect: { exit: 1, code: "RANGE_NAME_AMBIGUOUS", ...SMALL },
  },
  {
    id: "latin1-kodning",
    title: "Budgetbladet i ISO-8859-1 med byten 0x96 före 45411 i Budget!C2: i ISO-8859-1 ett styrtecken, inte ett tankstreck",
    build: () => {
      const cells = { "Budget!C2": '<c r="C2" t="inlineStr"><is><t>\u009645411</t></is></c>' };
      return zipOf({ cells }, (e) => replaceEntry(e, BUDGET, { data: encodedSheet(1, "ISO-8859-1", cells, latin1) }));
    },
    expect: { exit: 1, cell: "Budget!C2", ...SMALL },
  },
  {
    id: "ascii-hog-byte",
    title: "Budgetbladet säger sig vara US-ASCII men har byten 0xE4 i en text",
    build: () => {
      const cells = { "Budget!A2": '<c r="A2" t="inlineStr"><is><t>Int\u00e4kter</t></is></c>' };
      return zipOf({ cells }, (e) => replaceEntry(e, BUDGET, { data: encodedSheet(1, "US-ASCII", cells, latin1) }));
    },
    expect: { exit: 2, code: "XML_MALFORMED", ...SMALL },
  },
  {
    id: "huvudbok-annat-ar",
    title: "En huvudbok i lång form för 2024 med utfallsrader för perioderna 1999-03 och 199903",
    build: () => zipOf(ledgerSheets(["2024-03", "1999-03", 199903, 202404])),
    expect: { exit: 1, code: "LEDGER_PERIOD_OTHER_YEAR", cell: "Huvudbok!C5", ...SMALL },
  },

  // Cost that grows faster than the file.
  {
    id: "manga-element-arbetsbok",
    title: `\`workbook.xml\` med ${sv(16_000_000)} tomma element (84 kB packad); gränsen är ${sv(LIMITS.maxXmlNodes)} element och attribut i arbetsbokens delar`,
    build: () => zipOf({}, (e) => replaceEntry(e, "xl/workbook.xml", { data: undefined, deflated: partWith("xl/workbook.xml", "</workbook>", "<a/>", 16_000_000) })),
    expect: { exit: 2, code: "XML_TOO_MANY_NODES", ...SMALL },
  },
  {
    id: "manga-element-relationer",
    title: `Budgetbladets relationer (\`sheet1.xml.rels\`) med ${sv(15_000_000)} tomma element (60 MB uppackad)`,
    build: () => {
      const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
      return zipOf({}, (e) => [...e, { name: "xl/worksheets/_rels/sheet1.xml.rels", deflated: grown(head, "<a/>", 15_000_000, "</Relationships>") }]);
    },
    expect: { exit: 2, code: "XML_TOO_MANY_NODES", maxMs: 5000, maxRssMB: 700 },
  },
  {
    id: "manga-attribut-bladtagg",
    title: `${sv(200_000)} attribut på Budgetbladets \`<sheetData>\` (gränsen är ${sv(LIMITS.maxXmlAttributes)} per element)`,
    build: () => zipOf({}, (e) => replaceEntry(e, BUDGET, { data: edited(BUDGET, "<sheetData>", `<sheetData${Array.from({ length: 200_000 }, (_, k) => ` a${k}="1"`).join("")}>`) })),
    expect: { exit: 2, code: "XML_TOO_MANY_ATTRIBUTES", ...SMALL },
  },
  {
    id: "manga-attribut-400k",
    title: `${sv(400_000)} attribut på Budgetbladets \`<sheetData>\``,
    build: () => zipOf({}, (e) => replaceEntry(e, BUDGET, { data: edited(BUDGET, "<sheetData>", `<sheetData${Array.from({ length: 400_000 }, (_, k) => ` a${k}="1"`).join("")}>`) })),
    expect: { exit: 2, code: "XML_TOO_MANY_ATTRIBUTES", ...SMALL },
  },
  {
    id: "prefixade-attribut-arbetsbok",
    title: `${sv(100_000)} attribut med prefix på \`<workbook>\``,
    build: () => {
      const attrs = Array.from({ length: 100_000 }, (_, k) => ` p:a${k}="1"`).join("");
      // The prefix is declared after the attributes that use it, as XML allows.
      return zipOf({}, (e) => replaceEntry(e, "xl/workbook.xml", { data: edited("xl/workbook.xml", `<workbook xmlns="${MAIN_NS}"`, `<workbook xmlns="${MAIN_NS}"${attrs} xmlns:p="urn:uppfoljning:p"`) }));
    },
    expect: { exit: 2, code: "XML_TOO_MANY_ATTRIBUTES", ...SMALL },
  },
  {
    id: "manga-namnrymder-blad",
    title: `${sv(100_000)} namnrymdsdeklarationer på Budgetbladets rotelement`,
    build: () => {
      const decls = Array.from({ length: 100_000 }, (_, k) => ` xmlns:n${k}="urn:n${k}"`).join("");
      return zipOf({}, (e) => replaceEntry(e, BUDGET, { data: edited(BUDGET, `<worksheet xmlns="${MAIN_NS}"`, `<worksheet xmlns="${MAIN_NS}"${decls}`) }));
    },
    expect: { exit: 2, code: "XML_TOO_MANY_ATTRIBUTES", ...SMALL },
  },
  {
    id: "hashflod",
    title: `${sv(65_536)} elementnamn med samma FNV-1a-hash i Budgetbladet: läses i linjär tid`,
    build: () => floodedNames(16),
    expect: { exit: 0, ...SMALL, copyOpens: true },
  },
  {
    id: "manga-namn",
    title: `${sv(6_000_000)} olika elementnamn i Budgetbladet (gränsen är ${sv(LIMITS.maxXmlNames)} namn per del)`,
    build: () => distinctNames(6_000_000),
    expect: { exit: 2, code: "XML_TOO_MANY_NAMES", ...SMALL },
  },
  {
    id: "hela-arket-sista-raden",
    title: `Utfall är hela bladet och rad ${sv(LIMITS.maxRows)} har värden i ${sv(2000)} kolumner: arbetet följer cellerna, inte ytan`,
    build: () => wholeSheetLastRow(2000),
    expect: { exit: [0, 1], ...SMALL },
  },
  {
    id: "hela-arket-alla-kolumner",
    title: `Utfall är hela bladet och rad ${sv(LIMITS.maxRows)} har värden i alla ${sv(LIMITS.maxColumns)} kolumner`,
    build: () => wholeSheetLastRow(LIMITS.maxColumns),
    expect: { exit: [0, 1], ...SMALL },
  },
  {
    id: "hela-arket-spritt",
    title: `Utfall är hela bladet med ${sv(100_000)} värden, var och en i en egen rad och kolumn`,
    build: () => wholeSheetScattered(100_000),
    expect: { exit: [0, 1], ...SMALL },
  },
  {
    id: "hela-arket-fullt",
    title: `Utfall är hela bladet och har en miljon rader med 45 tal var (45 miljoner celler ur ca 30 MB; gränsen är ${sv(LIMITS.maxCells)} celler)`,
    build: () => wholeSheetFull(45, 1_000_000),
    expect: { exit: 2, code: "CELLS_TOO_MANY", maxMs: 15_000, maxRssMB: 1000 },
  },
  {
    id: "langa-riskkommentarer",
    title: `${sv(40_000)} risker med samma kommentar på ${sv(32_000)} tecken (en delad text): listan kortas med en notering, och rapportens text har en gräns`,
    build: () => manyRisks(40_000, "Risk för ökade kostnader. ".repeat(1231).slice(0, 32_000), false),
    expect: { exit: 2, code: "REPORT_TEXT_TOO_LARGE", ...SMALL },
  },
  {
    id: "langa-riskkommentarer-i-cellen",
    title: `${sv(40_000)} risker med en kommentar på ${sv(32_000)} tecken i varje cell (1,3 GB text ur ca 10 MB)`,
    build: () => inlineRisksRepeated(40_000, 32_000),
    expect: { exit: 2, code: "TEXT_TOO_LARGE", ...LARGE },
  },
  {
    id: "manga-risker",
    title: `${sv(3000)} risker med korta kommentarer: rapporten visar de med högst riskvärde och säger hur många som utelämnats`,
    build: () => manyRisks(3000, "Bevakas.", false),
    expect: { exit: 0, code: "REPORT_LIST_SHORTENED", ...SMALL, copyOpens: true },
  },
  {
    id: "manga-poster",
    title: `${sv(40_000)} poster, var och en på en rad i Budget och Utfall: resultaträkningen skulle få fler rader än en rapport rymmer`,
    build: () => manyPosts(40_000),
    expect: { exit: 2, code: "REPORT_TOO_MANY_LINES", maxMs: 6000, maxRssMB: 500 },
  },
  {
    id: "langa-inledningar",
    title: `${sv(49_000)} delar vars inledning är en kommentar på 1 MB (56 MB fil, 49 GB uppackat)`,
    build: () => partsWithLongProlog(49_000, MB),
    expect: { exit: 2, ...LARGE },
  },
  {
    id: "manga-namn-for-utfall",
    title: `${sv(150_000)} definierade namn som alla heter Utfall (gränsen är ${sv(LIMITS.maxRangeCandidates)} namn och tabeller som kan vara områdena)`,
    build: () => zipOf({ workbookTail: "" }, (e) => replaceEntry(e, "xl/workbook.xml", { data: edited("xl/workbook.xml", "</definedNames>", '<definedName name="Utfall">Utfall!$A$1:$C$3</definedName>'.repeat(150_000) + "</definedNames>") })),
    expect: { exit: 2, code: "RANGES_TOO_MANY", maxMs: 5000, maxRssMB: 500 },
  },
  {
    id: "kopierade-delar-4-gb",
    title: `${sv(49_000)} bilder som bara kopieras, 100 kB var uppackade (5 GB ur 10 MB): var och en packas upp och kontrolleras, räknat mot gränsen för hela paketet`,
    build: () => {
      const deflated = deflate(Buffer.alloc(100 * 1024, 0x78));
      return zipOf({}, (entries) => [...entries, ...Array.from({ length: 49_000 }, (_, i) => ({ name: `xl/media/bild${i}.bin`, deflated }))]);
    },
    expect: { exit: 2, code: "PACKAGE_INFLATED_TOO_LARGE", ...LARGE },
  },
  {
    id: "manga-blad",
    title: `${sv(150_000)} \`<sheet>\`-element i arbetsboken (gränsen är ${sv(LIMITS.maxSheets)} blad)`,
    build: () => zipOf({ sheetElements: Array.from({ length: 150_000 }, (_, i) => `<sheet name="Blad ${i}" sheetId="${i + 10}" r:id="rIdX${i}"/>`).join("") }),
    expect: { exit: 2, code: "WORKBOOK_TOO_MANY_SHEETS", ...SMALL },
  },

  // Copies that do not open, or parts that change.
  {
    id: "styrtecken-i-postnamn",
    title: "Postnamnet ”Intäkter_x0001_” (ett styrtecken som XML inte tillåter) i Budget och Utfall: kopian är giltig XML och öppnas",
    build: () =>
      zipOf({
        cells: {
          "Budget!A2": '<c r="A2" t="inlineStr"><is><t>Intäkter_x0001__x0007_</t></is></c>',
          "Utfall!A2": '<c r="A2" t="inlineStr"><is><t>Intäkter_x0001__x0007_</t></is></c>',
        },
      }),
    expect: { exit: 0, ...SMALL, copyOpens: true },
  },
  {
    id: "styrtecken-i-rapportflik",
    title: "Inställningen Rapportflik är ”Rapport_x0001_”: ett bladnamn Excel inte tar, så inställningen nämns",
    build: () =>
      zipOf({
        sheets: SHEETS.map((s) => (s.name === "Inställningar" ? { ...s, rows: [...s.rows, ["Rapportflik", "Rapport_x0001_"]] } : s)),
        names: { Budget: "Budget!$A$1:$O$3", Utfall: "Utfall!$A$1:$C$3", Risker: "Risker!$A$1:$D$2", Inställningar: "Inställningar!$A$1:$B$6" },
      }),
    expect: { exit: 1, code: "SETTING_INVALID", cell: "Inställningar!B6", ...SMALL },
  },
  {
    id: "talformat-hogsta-id",
    title: "Ett oanvänt eget talformat med id 2147483647 i `styles.xml`: rapportens format får lediga id under Excels gräns",
    build: () =>
      zipOf({}, (e) =>
        replaceEntry(e, "xl/styles.xml", { data: edited("xl/styles.xml", "<fonts", '<numFmts count="1"><numFmt numFmtId="2147483647" formatCode="0.000"/></numFmts><fonts') }),
      ),
    expect: { exit: 0, ...SMALL, copyOpens: true },
  },
  {
    id: "stilar-pekar-pa-tema",
    title: "Relationen till formatmallen pekar på temat (`theme/theme1.xml`): Uppföljning redigerar bara delar av rätt typ",
    build: () =>
      zipOf({}, (e) => [
        ...replaceEntry(replaceEntry(e, "xl/_rels/workbook.xml.rels", { data: edited("xl/_rels/workbook.xml.rels", 'Target="styles.xml"', 'Target="theme/theme1.xml"') }), "[Content_Types].xml", {
          data: edited("[Content_Types].xml", "</Types>", '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>'),
        }),
        { name: "xl/theme/theme1.xml", data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements/></a:theme>' },
      ]),
    expect: { exit: 2, code: "PART_WRONG_TYPE", ...SMALL },
  },
  {
    id: "kopierad-del-fel-crc",
    title: "`docProps/core.xml`, en del som bara kopieras, har fel CRC-32",
    build: () => zipOf({}, (e) => replaceEntry(e, "docProps/core.xml", { lie: { crc: 0x12345678 } })),
    expect: { exit: 2, code: "PART_CORRUPT", ...SMALL },
  },
  {
    id: "kopierad-del-avkortad",
    title: "En bild (`xl/media/bild1.png`) som bara kopieras har en avkortad deflate-ström",
    build: () => {
      const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(20_000, 7)]);
      const whole = deflate(png);
      return zipOf({}, (e) => [...e, { name: "xl/media/bild1.png", deflated: { ...whole, bytes: whole.bytes.subarray(0, whole.bytes.length - 4) } }]);
    },
    expect: { exit: 2, code: "PART_CORRUPT", ...SMALL },
  },
  {
    id: "cp437-delnamn",
    title: "En bild heter `xl/media/bildä.png` i kodsida 437 (byte 0x84, ingen UTF-8-flagga): kopian behåller namnets byte och flagga",
    build: () => zipOf({}, (e) => [...e, { name: "xl/media/bild\u00e4.png", rawName: Buffer.from([...Buffer.from("xl/media/bild"), 0x84, ...Buffer.from(".png")]), utf8Flag: false, data: Buffer.from("89504e470d0a1a0a", "hex"), method: "stored" as const }]),
    expect: { exit: 0, ...SMALL, copyOpens: true, sameNames: true },
  },
  {
    id: "dtd-i-dat-del",
    title: "En DTD i `customXml/item1.dat`, en XML-del vars namn inte slutar på .xml",
    build: () => zipOf({}, (e) => [...e, { name: "customXml/item1.dat", data: '<?xml version="1.0"?>\n<!DOCTYPE data [<!ENTITY e "x">]>\n<data>&e;</data>' }]),
    expect: { exit: 2, code: "XML_DTD", ...SMALL },
  },
  {
    id: "dtd-utf32",
    title: "En DTD i `docProps/core.xml` skriven i UTF-32",
    build: () =>
      zipOf({}, (e) =>
        replaceEntry(e, "docProps/core.xml", {
          data: utf32le('<?xml version="1.0" encoding="UTF-32"?>\n<!DOCTYPE cp:coreProperties [<!ENTITY n "x">]>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'),
        }),
      ),
    expect: { exit: 2, code: "XML_DTD", ...SMALL },
  },
  {
    id: "tom-cell-okant-format",
    title: 'En tom cell med ett format som inte finns (`<c r="C2" s="99"/>`) i Budget: meddelandet nämner formatet',
    build: () => zipOf({ cells: { "Budget!C2": '<c r="C2" s="99"/>' } }),
    expect: { exit: 1, code: "CELL_INVALID", cell: "Budget!C2", message: "format", ...SMALL },
  },
  {
    id: "tom-cell-okand-typ",
    title: 'En tom cell med en typ som inte finns (`<c r="C2" t="x"/>`) i Budget: meddelandet nämner typen',
    build: () => zipOf({ cells: { "Budget!C2": '<c r="C2" t="x"/>' } }),
    expect: { exit: 1, code: "CELL_INVALID", cell: "Budget!C2", message: "celltypen", ...SMALL },
  },
];

/**
 * The classes whose cost could grow faster than the file, each built at a size n (for `npm run bench`: the time at
 * n and at 4n, which a linear reader keeps within a small factor of 4). Valid files where the class allows it, so
 * that the whole command runs, not just a refusal.
 */
export interface ScalingClass {
  id: string;
  /** The numbered class of issue 19 the case scales (1–20). */
  issueClass: number;
  title: string;
  /** The unit n counts. */
  unit: string;
  n: number;
  /** The n of `npm run bench -- --smoke`: small, so that CI stays fast. */
  smokeN: number;
  build(n: number): Buffer;
}

/** The valid workbook every class starts from: its run is the fixed cost in the times at n and 4n. */
export function baseWorkbook(): Buffer {
  return zipOf();
}

export const SCALING: ScalingClass[] = [
  {
    id: "tal-i-bitar",
    issueClass: 1,
    title: "ett tal i bitar i `<v>` (nollor och en kommentar per bit)",
    unit: "bitar",
    n: 2000,
    smokeN: 200,
    build: (n) => zipOf({ cells: { "Utfall!B2": `<c r="B2"><v>${"0<!---->".repeat(n)}610</v></c>` } }),
  },
  {
    id: "element-i-arbetsboken",
    issueClass: 6,
    title: "tomma element i `workbook.xml`",
    unit: "element",
    n: 250_000,
    smokeN: 25_000,
    build: (n) => zipOf({ workbookTail: `<extLst><ext uri="{00000000-0000-0000-0000-000000000007}"><d xmlns="urn:uppfoljning:d">${"<a/>".repeat(n)}</d></ext></extLst>` }),
  },
  {
    id: "attribut-per-element",
    issueClass: 7,
    title: `element med ${sv(LIMITS.maxXmlAttributes)} attribut var i Budgetbladet`,
    unit: "element",
    n: 1000,
    smokeN: 100,
    build: (n) => zipOf({}, (e) => replaceEntry(e, BUDGET, { data: edited(BUDGET, "</sheetData>", `</sheetData><extLst><ext uri="{0}"><d xmlns="urn:d">${attributesOn(n, LIMITS.maxXmlAttributes, "plain")}</d></ext></extLst>`) })),
  },
  {
    id: "prefixade-attribut",
    issueClass: 7,
    title: `element med ${sv(LIMITS.maxXmlAttributes - 1)} attribut med prefix var i \`workbook.xml\``,
    unit: "element",
    n: 100,
    smokeN: 10,
    build: (n) => zipOf({ workbookTail: `<extLst><ext uri="{0}"><d xmlns="urn:d">${attributesOn(n, LIMITS.maxXmlAttributes - 1, "prefixed")}</d></ext></extLst>` }),
  },
  {
    id: "namnrymder",
    issueClass: 7,
    title: `element med ${sv(LIMITS.maxXmlAttributes)} namnrymdsdeklarationer var i Budgetbladet`,
    unit: "element",
    n: 500,
    smokeN: 50,
    build: (n) => zipOf({}, (e) => replaceEntry(e, BUDGET, { data: edited(BUDGET, "</sheetData>", `</sheetData><extLst><ext uri="{0}"><d xmlns="urn:d">${attributesOn(n, LIMITS.maxXmlAttributes, "declarations")}</d></ext></extLst>`) })),
  },
  {
    id: "hashflod",
    issueClass: 8,
    title: "elementnamn med samma FNV-1a-hash i Budgetbladet",
    unit: "namn",
    n: 16_384,
    smokeN: 1024,
    build: (n) => floodedNames(Math.round(Math.log2(n))),
  },
  {
    id: "olika-namn",
    issueClass: 9,
    title: "olika elementnamn i Budgetbladet",
    unit: "namn",
    n: 20_000,
    smokeN: 2000,
    build: (n) => distinctNames(n),
  },
  {
    id: "hela-arket",
    issueClass: 10,
    title: "värden i sista raden av ett område som är hela bladet",
    unit: "kolumner",
    n: 4000,
    smokeN: 400,
    build: (n) => wholeSheetLastRow(n),
  },
  {
    id: "spridda-celler",
    issueClass: 10,
    title: "värden i var sin rad och kolumn i ett område som är hela bladet",
    unit: "celler",
    n: 25_000,
    smokeN: 2500,
    build: (n) => wholeSheetScattered(n),
  },
  {
    id: "poster",
    issueClass: 11,
    title: "poster i Budget och Utfall, en rad var",
    unit: "poster",
    n: 2500,
    smokeN: 250,
    build: (n) => manyPosts(n),
  },
  {
    id: "risker",
    issueClass: 11,
    title: "risker med en kommentar på 2 000 tecken var",
    unit: "risker",
    n: 2000,
    smokeN: 200,
    build: (n) => manyRisks(n, "Risk för ökade kostnader. ".repeat(80).slice(0, 2000), true),
  },
  {
    id: "inledningar",
    issueClass: 12,
    title: "delar med en kommentar på 32 kB före rotelementet",
    unit: "delar",
    n: 2000,
    smokeN: 200,
    build: (n) => partsWithLongProlog(n, 32 * 1024),
  },
  {
    id: "blad",
    issueClass: 13,
    title: "`<sheet>`-element i arbetsboken",
    unit: "blad",
    n: 2000,
    smokeN: 200,
    build: (n) => zipOf({ sheetElements: Array.from({ length: n }, (_, i) => `<sheet name="Blad ${i}" sheetId="${i + 10}" r:id="rIdX${i}"/>`).join("") }),
  },
  {
    id: "nastlade-texter",
    issueClass: 2,
    title: "texter med formaterade bitar (`<is><r><rPr/><t>`) under Budgetområdet: innehållsmodellen kontrolleras per element",
    unit: "celler",
    n: 300_000,
    smokeN: 30_000,
    build: (n) => zipOf({ extraRows: { Budget: budgetRowsBelow(Math.ceil(n / 3), (ref) => `<c r="${ref}" t="inlineStr"><is><r><rPr><b/></rPr><t>Del</t></r><r><t xml:space="preserve"> två</t></r></is></c>`) } }),
  },
  {
    id: "vikta-namn",
    issueClass: 3,
    title: "definierade namn som bara är lika Utfall efter vikning (`Ütfall_1`, …) bredvid det exakta",
    unit: "namn",
    n: 5000,
    smokeN: 500,
    build: (n) => {
      const folded: Record<string, string> = {};
      for (let i = 0; i < n; i++) folded[`Ütfall_${i}`] = "Utfall!$A$1:$C$3";
      return zipOf({ names: { ...folded, ...CONTRACT_NAMES, Utfall: "Utfall!$A$1:$C$3" } });
    },
  },
  {
    id: "latin1",
    issueClass: 4,
    title: "Budgetbladet i ISO-8859-1 med texter i höga byte (0x80–0xFF) under området",
    unit: "celler",
    n: 300_000,
    smokeN: 30_000,
    build: (n) => {
      const extraRows = { Budget: budgetRowsBelow(Math.ceil(n / 3), (ref) => `<c r="${ref}" t="inlineStr"><is><t>\u0096Åäö\u00e9\u00ff</t></is></c>`) };
      return zipOf({ extraRows }, (e) => replaceEntry(e, BUDGET, { data: latin1(partXml(BUDGET, { extraRows }).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')) }));
    },
  },
  {
    id: "huvudbok-perioder",
    issueClass: 5,
    title: "utfallsrader i en huvudbok i lång form, var och en med sin period och sitt år",
    unit: "rader",
    n: 10_000,
    smokeN: 1000,
    build: (n) => zipOf(ledgerSheets(Array.from({ length: n }, (_, i) => (i % 2 ? `2024-0${1 + (i % 6)}` : 202400 + 1 + (i % 6))))),
  },
  {
    id: "styrtecken",
    issueClass: 14,
    title: "poster vars namn har ett styrtecken (`_x0001_`) som kopian kodar",
    unit: "poster",
    n: 2500,
    smokeN: 250,
    build: (n) => manyPosts(n, "Post_x0001_ "),
  },
  {
    id: "talformat",
    issueClass: 15,
    title: "egna talformat i `styles.xml`, med id upp till 2147483647: rapportens får lediga id",
    unit: "format",
    n: 10_000,
    smokeN: 1000,
    build: (n) => {
      const fmts = Array.from({ length: n }, (_, i) => `<numFmt numFmtId="${i === n - 1 ? 2147483647 : 164 + 2 * i}" formatCode="0.${"0".repeat(1 + (i % 5))}"/>`).join("");
      return zipOf({}, (e) => replaceEntry(e, "xl/styles.xml", { data: edited("xl/styles.xml", "<fonts", `<numFmts count="${n}">${fmts}</numFmts><fonts`) }));
    },
  },
  {
    id: "formatmallar",
    issueClass: 16,
    title: "cellformat (`<xf>`) i formatmallen, vars typ kontrolleras innan rapportens läggs till",
    unit: "format",
    n: 10_000,
    smokeN: 1000,
    build: (n) => zipOf({}, (e) => replaceEntry(e, "xl/styles.xml", { data: edited("xl/styles.xml", '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', `<cellXfs count="${n + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${'<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'.repeat(n)}`) })),
  },
  {
    id: "kopierade-delar",
    issueClass: 17,
    title: "bilder som bara kopieras, 20 kB var: var och en packas upp och får sin CRC och längd kontrollerad",
    unit: "delar",
    n: 1000,
    smokeN: 100,
    build: (n) => {
      const deflated = deflate(Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(20_000, 7)]));
      return copiedParts(n, (i) => ({ name: `xl/media/bild${i}.png`, deflated }));
    },
  },
  {
    id: "cp437-namn",
    issueClass: 18,
    title: "delar med namn i kodsida 437 utan UTF-8-flagga, vars byte kopian behåller",
    unit: "delar",
    n: 2000,
    smokeN: 200,
    build: (n) => copiedParts(n, (i) => ({ name: `xl/media/bild\u00e4${i}.png`, rawName: Buffer.concat([Buffer.from("xl/media/bild"), Buffer.from([0x84]), Buffer.from(`${i}.png`)]), utf8Flag: false, data: Buffer.from("89504e470d0a1a0a", "hex"), method: "stored" as const })),
  },
  {
    id: "dat-delar",
    issueClass: 19,
    title: "XML-delar under `customXml/` vars namn slutar på .dat, var och en kontrollerad för DTD",
    unit: "delar",
    n: 2000,
    smokeN: 200,
    build: (n) => copiedParts(n, (i) => ({ name: `customXml/item${i + 1}.dat`, data: `<?xml version="1.0"?>\n<!-- del ${i} -->\n<data xmlns="urn:uppfoljning:prov">${"x".repeat(1000)}</data>` })),
  },
  {
    id: "tomma-celler",
    issueClass: 20,
    title: "tomma celler med format (`<c r=\"A10\" s=\"0\"/>`) under Budgetområdet",
    unit: "celler",
    n: 300_000,
    smokeN: 30_000,
    build: (n) => zipOf({ extraRows: { Budget: budgetRowsBelow(Math.ceil(n / 3), (ref) => `<c r="${ref}" s="0"/>`) } }),
  },
];
