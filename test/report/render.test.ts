/** Renders the demo report with LibreOffice, as a reader who opens the file would see it. */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { runCli, tempDir } from "../support/sheets";
import { hasProgram } from "../support/system";

const available = hasProgram("soffice", "libreoffice-calc-nogui") && hasProgram("pdftoppm", "poppler-utils");
const describeIfRenderer = available ? describe : describe.skip;

describeIfRenderer("the report rendered by LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const input = path.join(dir, "exempel.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(input);
    expect((await runCli([input, "--out", path.join(dir, "rapport.xlsx"), "--report-only"])).code).toBe(0);
    execFileSync("bash", [path.join(__dirname, "../../scripts/render-report.sh"), path.join(dir, "rapport.xlsx"), path.join(dir, "png"), "60"], { timeout: 180_000 });
  }, 240_000);

  it("prints six A4 landscape pages, as a delårsrapport's economic part reads: statement and ansvar, measures, investments, indicators, risks, sensitivity and analysis", () => {
    const pages = fs.readdirSync(path.join(dir, "png")).filter((f) => f.endsWith(".png"));
    expect(pages).toHaveLength(6);
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "png", "rapport.pdf"), "-"], { encoding: "utf8" });
    const pagesText = text.split("\f");
    expect(pagesText[0]).toMatch(/Resultaträkning[\s\S]*Personalkostnader\s+[−-]296[.,]3\s+[−-]306[.,]3\s+[−-]310[.,]8\s+4[.,]5/);
    expect(pagesText[0]).toMatch(/Årets resultat exkl\. över-\/underskott\s+0[.,]1\s+15[.,]7\s+13[.,]8\s+1[.,]9/);
    expect(pagesText[0]).toMatch(/Årets resultat inkl\. över-\/underskott\s+3[.,]3\s+11[.,]0\s+13[.,]8\s+[−-]2[.,]8/);
    expect(pagesText[0]).toMatch(/Summa Servicenämnden\s+3[.,]3\s+11[.,]0\s+13[.,]8\s+[−-]2[.,]8/);
    expect(pagesText[1]).toMatch(/Summa beslutade åtgärder\s+6[ ,.]?220\s+6[ ,.]?650/);
    expect(pagesText[1]).toMatch(/Summa ej beslutade åtgärder\s+1[ ,.]?250\s+17[ ,.]?000/);
    expect(pagesText[1]).toMatch(/Prognos med åtgärder som inte ingår i prognosen \(mnkr\)\s+[−-]1[.,]8/);
    expect(pagesText[2]).toMatch(/Summa investeringar\s+[−-]30[.,]8\s+[−-]46[.,]9\s+[−-]44[.,]1\s+2[.,]8\s+[−-]32[.,]4/);
    expect(pagesText[3]).toContain("Indikatorer");
    expect(pagesText[4]).toContain("Riskmatris");
    expect(pagesText[5]).toContain("Analys");
    expect(pagesText[0]).toContain("Sida 1 av 6");
    const [w, h] = (() => {
      const b = fs.readFileSync(path.join(dir, "png", pages[0]));
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    })();
    expect(w).toBeGreaterThan(h);
  });
});
