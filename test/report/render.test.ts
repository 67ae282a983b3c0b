/**
 * The report as a printed document: rendered by LibreOffice in a Swedish locale, read back with pdftotext, and
 * checked page by page as a controller would before handing it to her nämnd — for the bundled example, its ledger
 * twin and Stöd & process 2014: no heading alone at a page's foot, a continued table repeats its header under
 * "(forts.)", no header words run together, no empty Förklaring column, no page under a third full but the last.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { buildLedgerExampleWorkbook } from "../../scripts/exampleLedger";
import { runCli, tempDir, writeXlsx } from "../support/sheets";
import { hasProgram } from "../support/system";
import { hasCarlito } from "../support/libreoffice";
import { summarised } from "../support/stodProcess2014";

const available = hasProgram("soffice", "libreoffice-calc-nogui") && hasProgram("pdftotext", "poppler-utils") && hasCarlito();
const describeIfRenderer = available ? describe : describe.skip;

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

interface Rendered {
  pages: string[];
  words: Word[];
  pageHeight: number;
  pngs: string[];
}

function render(file: string, dir: string): Rendered {
  execFileSync("bash", [path.join(__dirname, "../../scripts/render-report.sh"), file, dir, "40"], { timeout: 180_000 });
  const pdf = path.join(dir, path.basename(file).replace(/\.xlsx$/, ".pdf"));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words: Word[] = [];
  let page = -1;
  let pageHeight = 0;
  for (const line of bbox.split("\n")) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) words.push({ page, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: w[5] });
  }
  return { pages: text.split("\f").filter((p) => p.trim() !== ""), words, pageHeight, pngs: fs.readdirSync(dir).filter((f) => f.endsWith(".png")) };
}

/** The lines of a page without the footer, trimmed, empty ones left out. */
function bodyLines(page: string): string[] {
  return page.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/Sida \d+ av \d+/.test(l));
}

const SECTIONS = [
  "Resultaträkning", "Jämförelsestörande poster", "Kostnadsutveckling", "Driftredovisning per ansvar", "Intäkter och kostnader per ansvar", "Resultaträkning per ansvar", "Åtgärder för ekonomi i balans", "Investeringsredovisning",
  "Indikatorer", "Kvinnor och män", "Risker", "Känslighetsanalys", "Analys", "Konton bakom posterna",
  // Issue 23: the forecast's accuracy and interval.
  "Prognossäkerhet", "Årets resultat som intervall",
];

/** A section's heading (or its continuation): one of SECTIONS, or an ansvar's own resultaträkning ("Resultaträkning Område 4 …"). */
function sectionOf(line: string): string | null {
  const l = line.replace(/ \(forts\.\)$/, "");
  return SECTIONS.includes(l) ? l : /^Resultaträkning \S/.test(l) ? "Resultaträkning per ansvar" : null;
}

function checkDocument(r: Rendered, headersOf: Record<string, string>): void {
  expect(r.pngs.length).toBe(r.pages.length);
  r.pages.forEach((page, i) => {
    const lines = bodyLines(page);
    // A page begins with a section, a continued section or a table of its own: never in the middle of a table.
    if (i > 0) expect([lines[0], PAGE_STARTS.some((start) => lines[0].startsWith(start))]).toEqual([lines[0], true]);
    // No section heading among a page's last two lines (it would stand without its table).
    if (i < r.pages.length - 1) for (const l of lines.slice(-2)) expect([l, sectionOf(l)]).toEqual([l, null]);
    // A table continued here repeats its header row under its name and "(forts.)".
    const cont = lines.findIndex((l) => l.endsWith("(forts.)"));
    if (cont >= 0) {
      const section = sectionOf(lines[cont]) as string;
      expect([lines[cont], section]).toEqual([lines[cont], expect.any(String)]);
      const header = headersOf[section];
      // …unless what continues is the section's chart, which stands on the next page when it did not fit (issue 24).
      const chart = CHART_TITLES.some((t) => lines[cont + 1]?.startsWith(t));
      if (header && !chart) expect(lines.slice(cont + 1, cont + 5).some((l) => l.startsWith(header))).toBe(true);
    }
  });
  // Header words never run together ("prognosFörklaring", "TrendStatus").
  for (const w of r.words) expect(w.text).not.toMatch(/[a-zåäö%][A-ZÅÄÖ][a-zåäö]/);
  // The empty Förklaring column is not printed.
  expect(r.pages.join("\n")).not.toContain("Förklaring");
  // Swedish numbers, as a Swedish Excel shows them.
  expect(r.pages[0]).toMatch(/\d,\d/);
  // No page under a third full but the last: the lowest line of text (above the footer) against the page.
  const lastPage = Math.max(...r.words.map((w) => w.page));
  for (let p = 0; p < lastPage; p++) {
    const body = r.words.filter((w) => w.page === p && !/^(Sida|av)$/.test(w.text) && w.yMax < r.pageHeight - 40);
    const bottom = Math.max(...body.map((w) => w.yMax));
    const top = Math.min(...body.map((w) => w.yMin));
    expect((bottom - top) / (r.pageHeight - 93.6)).toBeGreaterThan(1 / 3);
  }
}

/** How a page may begin: a section heading (or its continuation), the risk matrix, or the header row of a table. */
const PAGE_STARTS = [...SECTIONS, "Riskmatris", "Post", "Ansvar", "Projekt", "Indikator", "Risk", "Faktor", "Beslutade åtgärder", "Åtgärder som inte är beslutade", "Prognos och åtgärder", "Effekt", "Jämförelsestörande post"];

/** The titles of the report's charts (issue 24), as a page that continues a section with its chart begins. */
const CHART_TITLES = ["Avvikelse per post", "Från budget till prognos", "Avvikelse per ansvar", "Känslighetsanalys: effekt", "Prognos för årets resultat"];

const HEADERS: Record<string, string> = {
  Resultaträkning: "Post", "Jämförelsestörande poster": "Jämförelsestörande post", Kostnadsutveckling: "Post", "Driftredovisning per ansvar": "Ansvar", "Intäkter och kostnader per ansvar": "Ansvar", "Resultaträkning per ansvar": "Post",
  Investeringsredovisning: "Projekt", Indikatorer: "Indikator", "Kvinnor och män": "Indikator", Risker: "Risk", "Konton bakom posterna": "Post, ansvar och konto",
  Prognossäkerhet: "Prognos gjord i", "Årets resultat som intervall": "Resultat",
};

describeIfRenderer("the report printed through LibreOffice in a Swedish locale", () => {
  const docs: Record<string, Rendered> = {};
  beforeAll(async () => {
    const dir = tempDir();
    const inputs: [string, string][] = [];
    const example = path.join(dir, "exempel.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(example);
    inputs.push(["exempel", example]);
    const ledger = path.join(dir, "huvudbok.xlsx");
    await buildLedgerExampleWorkbook().xlsx.writeFile(ledger);
    inputs.push(["huvudbok", ledger]);
    inputs.push(["stod", await writeXlsx(path.join(dir, "stod.xlsx"), summarised())]);
    // Issue 23: the example with a forecast history, at period 8 (Prognosförändring, the interval and its chart) and
    // at period 12 (Prognossäkerhet with its chart).
    for (const period of [8, 12] as const) {
      const file = path.join(dir, `historik-${period}.xlsx`);
      await withHistory(period).xlsx.writeFile(file);
      inputs.push([`historik${period}`, file]);
    }
    for (const [name, input] of inputs) {
      const out = path.join(dir, `${name}-rapport.xlsx`);
      expect((await runCli([input, "--out", out, "--report-only"])).code).toBe(0);
      docs[name] = render(out, path.join(dir, name));
    }
  }, 600_000);

  it("prints the bundled example as a delårsrapport: A4 landscape, sections flowing on, figures in Swedish", () => {
    const r = docs.exempel;
    checkDocument(r, HEADERS);
    const first = r.pages[0];
    // The analysis opens the report (a delårsrapport's summary first); the statement follows on its own page.
    expect(bodyLines(first)[3]).toBe("Analys");
    const statement = r.pages.find((p) => bodyLines(p).includes("Resultaträkning")) as string;
    // Bokslut 2023 (invented, v3) before the printed columns.
    expect(statement).toMatch(/Resultaträkning[\s\S]*Personalkostnader\s+−455,9\s+−296,3\s+−306,3\s+−310,8\s+4,5/);
    expect(statement).toMatch(/Årets resultat exkl\. över-\/underskott\s+−10,2\s+0,1\s+15,7\s+13,8\s+1,9\s+0,0\s+4,0\s+4,0/);
    expect(statement).toMatch(/Årets resultat inkl\. över-\/underskott\s+−7,0\s+3,3\s+11,0\s+13,8\s+−2,8/);
    expect(statement).toContain("En positiv avvikelse är gynnsam");
    const all = r.pages.join("\n");
    expect(all).toMatch(/Summa beslutade åtgärder\s+6 220\s+6 650/);
    expect(all).toMatch(/Prognos inkl\. ej beslutade åtgärder\s+−2,8/);
    expect(all).toMatch(/Summa investeringar\s+−30,8\s+−46,9\s+−44,1\s+2,8\s+−32,4/);
    expect(all).toContain("Riskmatris");
    expect(all).toContain("Analys");
    expect(all).not.toContain("Noteringar om indata");
    expect(first).toContain(`Sida 1 av ${r.pages.length}`);
    // Contract v3's sections, as the real report shows them.
    expect(statement).toMatch(/Post\s+Bokslut 2023\s+jan–aug 2023/);
    expect(statement).toMatch(/Resultat exkl\. jämförelsestörande poster\s+9,6\s+−1,4/);
    expect(all).toMatch(/Jämförelsestörande poster[\s\S]*Reavinster vid försäljning av fordon[\s\S]*Resultat exkl\. jämförelsestörande poster\s+9,6\s+−1,4/);
    expect(all).toMatch(/Kostnadsutveckling[\s\S]*Livsmedel\s+−57,8\s+−54,1\s+−3,7\s+−6,4 %/);
    expect(all).toMatch(/Resultaträkning Område 4 Måltidsservice[\s\S]*Livsmedel\s+−87,1\s+−57,0\s+−53,1\s+−59,3\s+6,2/);
    expect(all).toMatch(/Kvinnor och män[\s\S]*Sjukfrånvaro totalt\s+7,4 %\s+4,6 %\s+6,1 %\s+7,7 %\s+4,9 %\s+6,4 %\s+−0,3 p\.e\./);
    expect(all).toMatch(/Varav besparing hos annan nämnd eller part\s+1 000\s+8 000/);
    expect(all).toMatch(/Summa väntad effekt\s+−2,8/);
    // The v3 sections (issue 22) and the charts (issue 24) on the pages of their sections.
    expect(r.pages.length).toBeLessThanOrEqual(11);
  });

  it("prints the ledger twin with its accounts appendix, continued under its header", () => {
    checkDocument(docs.huvudbok, HEADERS);
    expect(docs.huvudbok.pages.join("\n")).toContain("Konton bakom posterna");
  });

  it("prints the forecast's history and interval on pages that follow the same rules (issue 23)", () => {
    checkDocument(docs.historik8, HEADERS);
    const at8 = docs.historik8.pages.join("\n");
    expect(at8).toMatch(/Prognos\s+Prognos\s+Avvikelse[\s\S]*april\s+helår 2024\s+Förändring\s+prognos/);
    expect(at8).toMatch(/Årets resultat som intervall[\s\S]*P10\s+P50 \(median\)\s+P90[\s\S]*Årets resultat inkl\. över-\/underskott\s+−?\d+,\d\s+−?\d+,\d\s+−?\d+,\d\s+\d+,\d %/);
    expect(at8).toContain("Prognos för årets resultat, mnkr");
    expect(at8).toMatch(/Prognosen för årets resultat har förbättrats med 1,0 mnkr sedan april/);
    checkDocument(docs.historik12, HEADERS);
    const at12 = docs.historik12.pages.join("\n");
    expect(at12).toMatch(/Prognossäkerhet[\s\S]*April 2024[\s\S]*Augusti 2024/);
    expect(at12).not.toContain("Årets resultat som intervall");
  });

  it("prints Stöd & process 2014", () => {
    checkDocument(docs.stod, HEADERS);
    expect(docs.stod.pages[0]).toContain("Stöd & process");
  });
});

/**
 * The example with a Prognoshistorik pasted in, as a controller would: at period 8, the forecasts of April (each
 * post's August forecast moved a little); at period 12, those of April and August, and the year's outcome in Utfall.
 */
function withHistory(period: 8 | 12) {
  const wb = buildExampleWorkbook();
  const utfall = wb.getWorksheet("Utfall") as import("exceljs").Worksheet;
  const col = (name: string) => (utfall.getRow(1).values as unknown[]).indexOf(name);
  const [resp, post, actual, forecast] = [col("Ansvar"), col("Post"), col("Utfall"), col("Prognos")];
  const rows: (string | number | null)[][] = [["År", "Period", "Ansvar", "Post", "Prognos", "Utfall"]];
  const lines: { r: string; p: string; a: number; f: number }[] = [];
  utfall.eachRow((row, i) => {
    if (i > 1) lines.push({ r: row.getCell(resp).value as string, p: row.getCell(post).value as string, a: row.getCell(actual).value as number, f: row.getCell(forecast).value as number });
  });
  lines.forEach((l, i) => rows.push([2024, 4, l.r, l.p, l.f + (i % 3 === 0 ? -150 : 40), Math.round(l.a / 2)]));
  if (period === 12) {
    lines.forEach((l) => rows.push([2024, 8, l.r, l.p, l.f, l.a]));
    lines.forEach((l, i) => {
      const outcome = l.f + (i % 2 === 0 ? 60 : -25);
      utfall.getRow(i + 2).getCell(actual).value = outcome;
      utfall.getRow(i + 2).getCell(forecast).value = outcome;
    });
    (wb.getWorksheet("Inställningar") as import("exceljs").Worksheet).eachRow((row) => {
      if (row.getCell(1).value === "Period") row.getCell(2).value = 12;
    });
  }
  const ws = wb.addWorksheet("Prognoshistorik");
  rows.forEach((r) => ws.addRow(r));
  wb.definedNames.add(`Prognoshistorik!$A$1:$F$${rows.length}`, "Prognoshistorik");
  return wb;
}
