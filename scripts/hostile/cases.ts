/**
 * The hostile-file suite: workbooks built to break a reader (zip bombs, lying sizes, entity expansion, deep
 * nesting, escaping part names, extents far beyond what a sheet holds, text and numbers a careless reader takes
 * for something else) next to legal packagings a reader must accept. Each case states the exit code the command
 * line must give and the wall time and peak memory it may use. Files are generated (never saved binaries), big
 * ones from repeated deflate pieces in milliseconds. Documented in docs/fientliga-filer.md (scripts/hostile/doc.ts).
 */
import { LIMITS } from "../../src/hosts/xlsx/package/limits";
import { MAIN_NS, partXml, workbookEntries, WorkbookOptions } from "./workbook";
import { ROUND2_CASES } from "./round2";
import { deflateRepeated, writeZip, ZipEntry } from "./zip";

export type ExitCode = 0 | 1 | 2;

export interface HostileExpectation {
  /** The exit code, or the codes allowed when the file is legal and either outcome is right. */
  exit: ExitCode | readonly ExitCode[];
  /** A finding or failure code that must be among those reported. */
  code?: string;
  /** A cell the message must name (exit 1). */
  cell?: string;
  /** Wall time of the command's work (the process's start-up not counted), ms. */
  maxMs: number;
  /** Peak resident memory of the whole process, MB. */
  maxRssMB: number;
  /** With exit 0: no cell of the report sheet may hold more characters than this. */
  reportCellsMax?: number;
  /** Text that must appear nowhere in the output or the messages (e.g. a file an entity points at). */
  forbidden?: string[];
  /** Text the message (exit 1 or 2) must contain. */
  message?: string;
  /**
   * With exit 0: the copy opens in openpyxl, every XML part of it is well-formed, and every part of the input
   * is in it, byte for byte the same inflated, except the parts the report edits.
   */
  copyOpens?: boolean;
  /** With exit 0: every entry the input and the copy share has the same name bytes and UTF-8 flag in both. */
  sameNames?: boolean;
  /** With exit 0: problems with the `--json` document (figures that must come out as the file holds them). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json?: (doc: any) => string[];
}

export interface HostileCase {
  id: string;
  /** What the file holds, in Swedish, for the documentation table. */
  title: string;
  build(): Buffer | Promise<Buffer>;
  /** Extra arguments after `<in> --out <out> --json <json>`. */
  args?: string[];
  expect: HostileExpectation;
}

const MB = 1024 * 1024;

/** A whole number as Swedish text writes it: 50 001. */
function sv(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
const BOMB = { maxMs: 3000, maxRssMB: 400 } as const;
const SMALL = { maxMs: 3000, maxRssMB: 400 } as const;

function zipOf(o: WorkbookOptions = {}, change?: (entries: ZipEntry[]) => ZipEntry[]): Buffer {
  const entries = workbookEntries(o);
  return writeZip(change ? change(entries) : entries);
}

function replaceEntry(entries: ZipEntry[], name: string, by: Partial<ZipEntry>): ZipEntry[] {
  return entries.map((e) => (e.name === name ? { ...e, ...by } : e));
}

/** The Budget sheet, as a head and a tail around `<sheetData>`'s end, for parts that grow in the middle. */
function sheetAround(): { head: Buffer; tail: Buffer } {
  const xml = partXml("xl/worksheets/sheet1.xml");
  const at = xml.indexOf("</sheetData>");
  return { head: Buffer.from(xml.slice(0, at)), tail: Buffer.from(xml.slice(at)) };
}

/** The Budget sheet part with `size` bytes of blanks inside <sheetData> (legal XML), deflated from pieces. */
function blankSheet(size: number): ReturnType<typeof deflateRepeated> {
  const { head, tail } = sheetAround();
  const chunk = Buffer.alloc(MB, 0x20);
  return deflateRepeated(head, chunk, Math.ceil(size / MB), tail);
}

/** Deterministic letters that deflate at a modest ratio (a few hundred to one at most). */
function mildlyCompressible(length: number): Buffer {
  const block = Buffer.alloc(4096);
  let s = 2024;
  for (let i = 0; i < block.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    block[i] = 97 + ((s >>> 16) % 26);
  }
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += block.length) block.copy(out, i);
  return out;
}

function sharedStringCell(v: string): string {
  return `<c r="O2" t="s"><v>${v}</v></c>`;
}

const LAUGHS = (() => {
  const lines = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) lines.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  return `<!DOCTYPE workbook [\n${lines.join("\n")}\n]>\n`;
})();

export const CASES: HostileCase[] = [
  // Bombs and sizes.
  {
    id: "zipbomb",
    title: "Budgetbladet packas upp till 3 GB blanksteg ur 3 MB (sanna storlekar i huvudena)",
    build: () => zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { data: undefined, deflated: blankSheet(3 * 1024 * MB) })),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "ljugande-storlek",
    title: "Budgetbladet säger sig vara 2 kB (lokalt och centralt) men packas upp till 3 GB",
    build: () => zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { data: undefined, deflated: blankSheet(3 * 1024 * MB), lie: { size: 2048 } })),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "ljugande-databeskrivare",
    title: "Budgetbladet med storlekarna bara i databeskrivaren, där det säger 2 kB men packas upp till 3 GB",
    build: () => zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { data: undefined, deflated: blankSheet(3 * 1024 * MB), dataDescriptor: true, lie: { size: 2048 } })),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "hog-kvot",
    title: `Budgetbladet på 100 MB ur ca 100 kB (kvot ca 1 000:1, gränsen är ${LIMITS.maxRatio}:1)`,
    build: () => zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { data: undefined, deflated: blankSheet(100 * MB) })),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "for-manga-delar",
    title: `${sv(LIMITS.maxEntries + 1)} delar i zip-filen (gränsen är ${sv(LIMITS.maxEntries)})`,
    build: () =>
      zipOf({}, (e) => [...e, ...Array.from({ length: LIMITS.maxEntries + 1 - e.length }, (_, i) => ({ name: `xl/media/bild${i}.bin`, data: Buffer.alloc(0), method: "stored" as const }))]),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "for-stor-del",
    title: `\`workbook.xml\` på ${Math.round(LIMITS.maxTreePartBytes / MB) + 8} MB (en jättelik kommentar; gränsen för delar som läses hela är ${Math.round(LIMITS.maxTreePartBytes / MB)} MB)`,
    build: () => {
      const xml = partXml("xl/workbook.xml");
      const at = xml.indexOf("<bookViews>");
      const chunk = mildlyCompressible(MB);
      const deflated = deflateRepeated(Buffer.from(xml.slice(0, at) + "<!--"), chunk, Math.round(LIMITS.maxTreePartBytes / MB) + 8, Buffer.from("-->" + xml.slice(at)));
      return zipOf({}, (e) => replaceEntry(e, "xl/workbook.xml", { data: undefined, deflated }));
    },
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "djup-nastling",
    title: `100 000 nästlade element i \`workbook.xml\` (gränsen är ${LIMITS.maxXmlDepth} nivåer)`,
    build: () => zipOf({ workbookTail: `<extLst><ext uri="{00000000-0000-0000-0000-000000000000}">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</ext></extLst>` }),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "miljard-skratt",
    title: "DTD med entiteter som växer till 10⁹ ”lol” (*billion laughs*) i `workbook.xml`",
    build: () => zipOf({ workbookPrologue: LAUGHS, workbookTail: "<extLst><ext uri=\"{x}\"><a>&lol9;</a></ext></extLst>" }),
    expect: { exit: 2, ...BOMB },
  },
  {
    id: "dtd-i-bladet",
    title: "En ofarlig DTD (`<!DOCTYPE worksheet>`) i Budgetbladet",
    build: () => zipOf({ sheetPrologue: { Budget: "<!DOCTYPE worksheet>\n" } }),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "dtd-i-kopierad-del",
    title: "En DTD i `docProps/core.xml`, en del som bara kopieras",
    build: () =>
      zipOf({
        core: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE cp:coreProperties [<!ENTITY namn "Uppföljning">]>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>&namn;</dc:creator></cp:coreProperties>`,
      }),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "extern-entitet",
    title: "En extern entitet (`file:///etc/passwd`) i en textcell i Budgetbladet",
    build: () =>
      zipOf({
        sheetPrologue: { Budget: '<!DOCTYPE worksheet [<!ENTITY hemligt SYSTEM "file:///etc/passwd">]>\n' },
        cells: { "Budget!A2": '<c r="A2" t="inlineStr"><is><t>&hemligt;</t></is></c>' },
      }),
    expect: { exit: 2, ...SMALL, forbidden: ["root:x:0"] },
  },

  // Part names and relationships.
  {
    id: "absolut-delnamn",
    title: "En extra del med absolut namn i zip-filen (`/xl/extra.xml`)",
    build: () => zipOf({}, (e) => [...e, { name: "/xl/extra.xml", data: `<x xmlns="${MAIN_NS}"/>` }]),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "punkt-punkt-delnamn",
    title: "En extra del som heter `../../uppfoljning-utanfor.xml` i zip-filen",
    build: () => zipOf({}, (e) => [...e, { name: "../../uppfoljning-utanfor.xml", data: `<x xmlns="${MAIN_NS}"/>` }]),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "relation-utanfor-paketet",
    title: "Relationen till Budgetbladet pekar ut ur paketet (`../../../worksheets/sheet1.xml`)",
    build: () => zipOf({ sheetTarget: { Budget: "../../../worksheets/sheet1.xml" } }),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "relation-absolut-utanfor",
    title: "Relationen till Budgetbladet är absolut och går ovanför roten (`/../xl/worksheets/sheet1.xml`)",
    build: () => zipOf({ sheetTarget: { Budget: "/../xl/worksheets/sheet1.xml" } }),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "dubbla-delnamn",
    title: "Två delar som båda heter `xl/workbook.xml`, med olika innehåll",
    build: () => zipOf({}, (e) => [...e, { name: "xl/workbook.xml", data: partXml("xl/workbook.xml", { names: {} }) }]),
    expect: { exit: 2, code: "PART_NAME_TWICE", ...SMALL },
  },
  {
    id: "bakstreck-i-namn",
    title: "Budgetbladet heter `xl\\worksheets\\sheet1.xml` (bakstreck, som vissa program skriver): läses som `xl/worksheets/sheet1.xml` och skrivs med snedstreck",
    build: () => zipOf({}, (e) => e.map((x) => (x.name === "xl/worksheets/sheet1.xml" ? { ...x, name: "xl\\worksheets\\sheet1.xml" } : x))),
    expect: { exit: 0, ...SMALL },
  },
  {
    id: "bakstreck-ut-ur-paketet",
    title: "En del heter `xl\\..\\..\\utanfor.xml`: med bakstreck som snedstreck pekar den ut ur paketet",
    build: () => zipOf({}, (e) => [...e, { name: "xl\\..\\..\\utanfor.xml", data: Buffer.from("<a/>") }]),
    expect: { exit: 2, ...SMALL },
  },

  // Extents.
  {
    id: "hela-arket",
    title: "Namnet Budget omfattar hela bladet (`Budget!$A$1:$XFD$1048576`) och ett värde står i XFD1048576",
    build: () =>
      zipOf({
        names: { Budget: "Budget!$A$1:$XFD$1048576", Utfall: "Utfall!$A$1:$C$3", Risker: "Risker!$A$1:$D$2", Inställningar: "Inställningar!$A$1:$B$5" },
        extraRows: { Budget: '<row r="1048576"><c r="XFD1048576"><v>5</v></c></row>' },
      }),
    expect: { exit: [0, 1], maxMs: 3000, maxRssMB: 400 },
  },
  {
    id: "kolumn-utanfor-arket",
    title: "En cell med adressen XFE2 (bortom Excels sista kolumn XFD) på rad 2 i Budgetbladet, i budgetområdets rader",
    build: () => zipOf({ cells: { "Budget!O2": '<c r="O2"><v>1200</v></c><c r="XFE2"><v>5</v></c>' } }),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "rad-utanfor-arket",
    title: "Namnet Budget omfattar hela kolumner (`Budget!$A:$O`) och bladet har en rad 1048577 (bortom Excels sista rad)",
    build: () =>
      zipOf({
        names: { Budget: "Budget!$A:$O", Utfall: "Utfall!$A$1:$C$3", Risker: "Risker!$A$1:$D$2", Inställningar: "Inställningar!$A$1:$B$5" },
        extraRows: { Budget: '<row r="1048577"><c r="A1048577"><v>5</v></c></row>' },
      }),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "namn-utanfor-arket",
    title: "Namnet Budget pekar bortom bladets gränser (`Budget!$A$1:$XFE$1048577`)",
    build: () => zipOf({ names: { Budget: "Budget!$A$1:$XFE$1048577", Utfall: "Utfall!$A$1:$C$3", Risker: "Risker!$A$1:$D$2", Inställningar: "Inställningar!$A$1:$B$5" } }),
    expect: { exit: 1, ...SMALL },
  },
  {
    id: "kommentar-taggar",
    title: "300 000 taggar inuti en XML-kommentar i `workbook.xml` (annars en giltig arbetsbok)",
    build: () => zipOf({ workbookTail: `<!--${"<definedName><sheet ".repeat(150_000)}-->` }),
    expect: { exit: 0, maxMs: 1000, maxRssMB: 400 },
  },
  {
    id: "namn-i-kommentar",
    title: "En bortkommenterad definition av Budget (`<!-- <definedName name=\"Budget\">Fel!$A$1:$C$3</definedName> -->`) före den riktiga",
    build: () => {
      const xml = partXml("xl/workbook.xml");
      const at = xml.indexOf("<definedNames>") + "<definedNames>".length;
      const edited = xml.slice(0, at) + '<!-- <definedName name="Budget">Fel!$A$1:$C$3</definedName> -->' + xml.slice(at);
      return zipOf({}, (e) => replaceEntry(e, "xl/workbook.xml", { data: edited }));
    },
    expect: { exit: 0, ...SMALL },
  },
  {
    id: "jattecell",
    title: `En riskkommentar på 30 MB text (en cell får ha ${sv(LIMITS.maxCellChars)} tecken i Excel); rapporten skrivs`,
    build: () => {
      const text = "Övning i maj. ".repeat(Math.ceil((30 * MB) / 14)).slice(0, 30 * MB);
      return zipOf({ cells: { "Risker!D2": `<c r="D2" t="inlineStr"><is><t>${text}</t></is></c>` } });
    },
    expect: { exit: 0, maxMs: 10_000, maxRssMB: 800, reportCellsMax: LIMITS.maxCellChars },
  },

  // Broken bytes and structure.
  {
    id: "ogiltig-utf8",
    title: "Ogiltig UTF-8 (bytes C3 28 och FF) i en textcell i Budgetbladet",
    build: () => {
      const xml = Buffer.from(partXml("xl/worksheets/sheet1.xml", { cells: { "Budget!A2": '<c r="A2" t="inlineStr"><is><t>Int@@@@kter</t></is></c>' } }));
      const at = xml.indexOf("@@@@");
      Buffer.from([0xc3, 0x28, 0xff, 0x20]).copy(xml, at);
      return zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { data: xml }));
    },
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "avkortad-zip",
    title: "Zip-filen är avkortad (de sista 40 % saknas)",
    build: () => {
      const whole = zipOf();
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "avkortad-xml",
    title: "Budgetbladets XML slutar mitt i en tagg",
    build: () => {
      const xml = partXml("xl/worksheets/sheet1.xml");
      return zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { data: xml.slice(0, xml.indexOf('<row r="3">') + 14) }));
    },
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "fel-crc",
    title: "Budgetbladets CRC-32 stämmer inte med innehållet",
    build: () => zipOf({}, (e) => replaceEntry(e, "xl/worksheets/sheet1.xml", { lie: { crc: 0x12345678 } })),
    expect: { exit: 2, ...SMALL },
  },
  {
    id: "zip-med-annat",
    title: "En .xlsx som är en zip-fil med en textfil och en bild",
    build: () => writeZip([{ name: "readme.txt", data: "Inte en arbetsbok." }, { name: "bild.png", data: Buffer.from("89504e470d0a1a0a", "hex"), method: "stored" }]),
    expect: { exit: 2, code: "FILE_NOT_WORKBOOK", ...SMALL },
  },

  // Values a careless reader takes for something else.
  {
    id: "delad-strang-utanfor",
    title: "Helår i Budget!O2 är delad sträng nummer 9999, som inte finns",
    build: () => zipOf({ cells: { "Budget!O2": sharedStringCell("9999") } }),
    expect: { exit: 1, cell: "Budget!O2", ...SMALL },
  },
  {
    id: "delad-strang-negativ",
    title: "Helår i Budget!O2 är delad sträng nummer −1",
    build: () => zipOf({ cells: { "Budget!O2": sharedStringCell("-1") } }),
    expect: { exit: 1, cell: "Budget!O2", ...SMALL },
  },
  {
    id: "delad-strang-text",
    title: "Helår i Budget!O2 är delad sträng nummer ”abc”",
    build: () => zipOf({ cells: { "Budget!O2": sharedStringCell("abc") } }),
    expect: { exit: 1, cell: "Budget!O2", ...SMALL },
  },
  {
    id: "hex-tal",
    title: "Januari i Budget!C2 är `<v>0x10</v>` (inget tal i XML-formatet, inte 16)",
    build: () => zipOf({ cells: { "Budget!C2": '<c r="C2"><v>0x10</v></c>' } }),
    expect: { exit: 1, cell: "Budget!C2", ...SMALL },
  },
  {
    id: "oandligt-tal",
    title: "Januari i Budget!C2 är `<v>1e400</v>` (större än ett flyttal rymmer)",
    build: () => zipOf({ cells: { "Budget!C2": '<c r="C2"><v>1e400</v></c>' } }),
    expect: { exit: 1, code: "NUMBER_NOT_FINITE", cell: "Budget!C2", ...SMALL },
  },

  // Legal packagings that must work.
  {
    id: "giltig",
    title: "Den giltiga arbetsboken som fallen utgår från",
    build: () => zipOf(),
    expect: { exit: 0, ...SMALL },
  },
  {
    id: "databeskrivare",
    title: "Giltig, med storlekar och CRC i databeskrivare efter varje del (som strömmande skrivare gör)",
    build: () => zipOf({}, (e) => e.map((x) => ({ ...x, dataDescriptor: true }))),
    expect: { exit: 0, ...SMALL },
  },
  {
    id: "zip64",
    title: "Giltig, med zip64-fält i varje huvud och zip64-slutpost",
    build: () => zipOf({}, (e) => e.map((x) => ({ ...x, zip64: true }))),
    expect: { exit: 0, ...SMALL },
  },
  {
    id: "okomprimerad",
    title: "Giltig, med alla delar okomprimerade (*stored*)",
    build: () => zipOf({}, (e) => e.map((x) => ({ ...x, method: "stored" as const }))),
    expect: { exit: 0, ...SMALL },
  },

  // Round two (issue 19): scripts/hostile/round2.ts.
  ...ROUND2_CASES,
];

/** Checks the table itself: unique ids, sane bounds. */
export function checkCases(): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const c of CASES) {
    if (ids.has(c.id)) problems.push(`duplicate id ${c.id}`);
    ids.add(c.id);
    if (c.expect.maxMs <= 0 || c.expect.maxRssMB <= 0) problems.push(`${c.id}: bounds must be positive`);
  }
  return problems;
}
