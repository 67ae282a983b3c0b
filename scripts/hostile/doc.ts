import * as fs from "fs";
import * as path from "path";
import { LIMITS } from "../../src/hosts/xlsx/package/limits";
import { LIST_ROWS_SHOWN } from "../../src/pipeline";
import { MAX_REPORT_CHARS, MAX_REPORT_LINES } from "../../src/report/build";
import { MAX_JSON_BYTES } from "../../src/report/json";
import { CASES, HostileCase } from "./cases";

export const DOC_PATH = path.join(__dirname, "..", "..", "..", "..", "docs", "fientliga-filer.md");

function exits(c: HostileCase): string {
  const e = c.expect.exit;
  return typeof e === "number" ? String(e) : e.join(" eller ");
}

/** A whole number as Swedish text writes it: 50 000. */
function sv(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function size(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= 1024 * MB) return `${sv(bytes / (1024 * MB))} GiB`;
  return bytes >= MB ? `${sv(bytes / MB)} MB` : `${sv(bytes / 1024)} kB`;
}

/** Every limit the command line holds, with what it bounds and the refusal that names it. */
function limitRows(): string[] {
  const L = LIMITS;
  return [
    "| gräns | värde | när den passeras |",
    "|---|---|---|",
    `| filens storlek | ${size(L.maxFileBytes)} | \`FILE_TOO_LARGE\` |`,
    `| delar i paketet | ${sv(L.maxEntries)} | \`PACKAGE_TOO_MANY_PARTS\` |`,
    `| en del som läses som träd (arbetsboken, relationer, format, tabeller, app.xml) | ${size(L.maxTreePartBytes)} uppackad | \`PART_TOO_LARGE\` |`,
    `| en del som strömmas eller kontrolleras och kopieras | ${size(L.maxPartBytes)} uppackad | \`PART_TOO_LARGE\` |`,
    `| hela paketet uppackat: varje byte som packas upp räknas, var det än sker | ${size(L.maxTotalBytes)} | \`PACKAGE_INFLATED_TOO_LARGE\` |`,
    `| uppackning mot packad storlek | en del får alltid bli ${size(L.ratioFloorBytes)}; större än så högst ${L.maxRatio} gånger sin packade storlek | \`PART_RATIO_TOO_HIGH\` |`,
    `| XML-nivåer | ${L.maxXmlDepth} | \`XML_TOO_DEEP\` |`,
    `| attribut på ett element (namnrymdsdeklarationer räknas) | ${sv(L.maxXmlAttributes)} | \`XML_TOO_MANY_ATTRIBUTES\` |`,
    `| olika element- och attributnamn i en del | ${sv(L.maxXmlNames)} | \`XML_TOO_MANY_NAMES\` |`,
    `| element, attribut, texter och kommentarer i alla delar som läses som träd, räknade innan trädet byggs | ${sv(L.maxXmlNodes)} | \`XML_TOO_MANY_NODES\` |`,
    `| det som står före rotelementet i en del | ${size(L.maxPrologBytes)} | \`XML_PROLOG_TOO_LONG\` |`,
    `| blad i arbetsboken | ${sv(L.maxSheets)} | \`WORKBOOK_TOO_MANY_SHEETS\` |`,
    `| namn och tabeller som kan vara kontraktets områden | ${sv(L.maxRangeCandidates)} | \`RANGES_TOO_MANY\` |`,
    `| tecken i de olika texter som läses ur områdena | ${sv(L.maxTextChars)} | \`TEXT_TOO_LARGE\` |`,
    `| celler med innehåll i områdena tillsammans | ${sv(L.maxCells)} | \`CELLS_TOO_MANY\` |`,
    `| tecken i ett värde (\`<v>\`, en text) | ${sv(L.maxCellChars)} (Excels gräns) | text kapas med en notering, ett tal är ett fel som nämner cellen |`,
    `| id för rapportens egna talformat | det lägsta lediga från ${L.minCustomNumFmtId} (under det ligger Excels inbyggda), inte nästa efter det högsta som används | ett format med id 2 147 483 647 i arbetsboken ger inga id bortom 2³¹ |`,
    `| rader och kolumner i ett område | bladets faktiska celler, inom Excels ${sv(L.maxRows)} × ${sv(L.maxColumns)} | arbetet följer cellerna som finns, aldrig ytan |`,
    `| rader i en lista i rapporten och siffrorna (risker, indikatorer, åtgärder, investeringar, känslighet) | ${sv(LIST_ROWS_SHOWN)} | listan kortas, \`REPORT_LIST_SHORTENED\` |`,
    `| rader i resultaträkningen, redovisningen per ansvar, resultaträkningarna per ansvar och de jämförelsestörande posterna | ${sv(MAX_REPORT_LINES)} | \`REPORT_TOO_MANY_LINES\` |`,
    `| tecken text i rapporten | ${sv(MAX_REPORT_CHARS)} | \`REPORT_TEXT_TOO_LARGE\` |`,
    `| JSON-filen med siffrorna | ${size(MAX_JSON_BYTES)} | \`REPORT_OUTPUT_TOO_LARGE\` |`,
  ];
}

function seconds(ms: number): string {
  return `${String(ms / 1000).replace(".", ",")} s`;
}

/** The documentation page of the hostile-file suite: every case, its exit code and its bounds. */
export function renderDoc(): string {
  const lines = [
    "# Fientliga filer: vad som händer",
    "",
    "Arbetsböcker kommer med e-post från främlingar. Varje rad är ett fall i testsviten (`scripts/hostile/cases.ts`),",
    "byggt av skriptet (`npm run hostile -- <mapp>` skriver filerna till en mapp) och kört genom den byggda",
    "kommandoraden i en egen process. Slutkod 0 betyder att rapporten skrevs, 1 att indata har fel (meddelandet",
    "nämner cellen), 2 att filen inte går att använda. Aldrig slutkod 3, aldrig ett stackspår eller engelsk text,",
    "aldrig en utfil eller tillfällig fil kvar när slutkoden inte är 0, och indatafilen ändras aldrig.",
    "Tidsgränsen gäller kommandots arbete (processens start räknas inte), minnesgränsen processens största",
    "residenta minne. Gränserna som paketet själv håller står i `src/hosts/xlsx/package/limits.ts`.",
    "",
    "| fall | vad filen innehåller | väntad slutkod | tidsgräns | minnesgräns |",
    "|---|---|---|---|---|",
  ];
  for (const c of CASES) {
    const extra = [c.expect.code ? `\`${c.expect.code}\`` : "", c.expect.cell ? `nämner ${c.expect.cell}` : ""].filter(Boolean).join(", ");
    lines.push(`| \`${c.id}\` | ${c.title.replace(/\|/g, "\\|")} | ${exits(c)}${extra ? ` (${extra})` : ""} | ${seconds(c.expect.maxMs)} | ${c.expect.maxRssMB} MB |`);
  }
  lines.push(
    "",
    "Dessutom gäller, och testas: när rapporten skrivs (slutkod 0) finns i utmappen bara utfilen och JSON-filen;",
    "en rapportcell har aldrig fler än 32 767 tecken; text som en entitet pekar på hamnar aldrig i utdata. Där ett fall",
    "säger det öppnar openpyxl kopian, varje XML-del i den är välformad, varje del av indata finns kvar oförändrad (utom",
    "de delar rapporten redigerar), delnamnen har kvar sina byte och sin UTF-8-flagga, och siffrorna i JSON-filen är filens.",
    "",
    "## Gränserna",
    "",
    "Varje gräns ligger långt över vad en verklig arbetsbok behöver och kontrolleras innan arbetet görs, eller medan det",
    "görs, aldrig efteråt. Den som passeras nämns i meddelandet (slutkod 2).",
    "",
    ...limitRows(),
    "",
    "Kostnaden är linjär i filens storlek: dubbletter av attribut och prefix slås upp i tabeller, elementnamn hashas med",
    "ett frö som är nytt i varje körning och med en längsta kedja, ingen obegränsad lista sprids som argument till ett",
    "anrop, och ett område som är hela bladet kostar de celler som finns. `npm run bench` mäter det klass för klass:",
    "tiden vid n och vid 4n, som en linjär läsare håller inom 5 gånger (klasserna står i `scripts/hostile/round2.ts`).",
    "",
    "## Vilka delar som kontrolleras",
    "",
    "Varje del i paketet packas upp en gång och kontrolleras mot sin storlek och CRC-32, också de som bara kopieras:",
    "en skadad del vägras med sitt namn (`PART_CORRUPT`) i stället för att följa med till en kopia som inte går att",
    "öppna. Samtidigt läses början av varje del, vad den än heter (`customXml/item1.dat` lika väl som `core.xml`), i den",
    "kodning dess första byte visar (UTF-8 och andra ASCII-kompatibla, UTF-16 och UTF-32 i båda byteordningarna, med eller",
    "utan byteordningsmärke, och EBCDIC): en del vars första tecken efter blanktecken är `<` har sin inledning läst, och",
    "en DTD där vägras (`XML_DTD`). Delar som inte börjar med `<` (bilder, binärer) är inte XML och har ingen. De delar som",
    "tolkas (arbetsboken, bladen, de delade texterna, formatmallen …) vägrar en DTD var som helst i sig.",
    "",
    "Varför inledningen räcker: XML 1.0 tillåter en DTD bara där, före rotelementet och efter en eventuell",
    "XML-deklaration, kommentarer och bearbetningsinstruktioner. Inledningen läses så långt den går, dock högst",
    `${size(LIMITS.maxPrologBytes)} per del (\`XML_PROLOG_TOO_LONG\`), och varje uppackad byte räknas mot gränsen för hela paketet.`,
    "Varför också delar som bara kopieras: Open Packaging Conventions förbjuder DTD:er i varje del, och kopian skickas",
    "vidare till den som öppnar den i Excel eller något annat program; en entitet där ska inte följa med.",
    "",
    "En del redigeras bara om den är vad arbetsboken använder den som: rätt rotelement och en innehållstyp som är den",
    "väntade (eller bara säger XML). En relation till formatmallen som pekar på temat vägras (`PART_WRONG_TYPE`).",
    "Teckenkodningar läses som sina standarder säger: ISO-8859-1 är inte windows-1252, US-ASCII har inga byte över 0x7F;",
    "äldre flerbytekodningar (Shift_JIS, EUC, GBK, Big5) och EBCDIC vägras med namn.",
    "",
  );
  return lines.join("\n");
}

if (require.main === module) {
  fs.writeFileSync(DOC_PATH, renderDoc());
  process.stdout.write(`Skrev ${DOC_PATH}\n`);
}
