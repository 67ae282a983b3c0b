/**
 * The task pane, built for production, driven in headless Chromium (Debian's package) with playwright-core.
 * Office's script is answered by a stand-in, and `Excel` is the in-memory fake holding the example workbook.
 * Real DOM, real clicks.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromWorkbook } from "../support/officeFixtures";
import { hasProgram } from "../support/system";
import { tempDir } from "../support/sheets";

const available = hasProgram("chromium", "chromium");
const describeIfChromium = available ? describe : describe.skip;

const OFFICE_STUB = (supported: boolean) => `
window.Office = {
  HostType: { Excel: "Excel" },
  context: { requirements: { isSetSupported: function () { return ${supported}; } } },
  actions: { associate: function (name, fn) { (window.__ribbon = window.__ribbon || {})[name] = fn; } },
  onReady: function (cb) { var info = { host: "Excel", platform: "OfficeOnline" }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); }
};`;

async function buildBundle(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js")({}, { mode: "production" });
  config.output.path = outDir;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

function serve(dir: string): Promise<{ server: http.Server; url: string }> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "text/xml" };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

describeIfChromium("task pane in Chromium", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let workbookJson: unknown;
  const requests: string[] = [];

  beforeAll(async () => {
    const dir = tempDir();
    await buildBundle(dir);
    ({ server, url: base } = await serve(dir));
    const wb = buildExampleWorkbook();
    const cell = wb.getWorksheet("Utfall")!.getCell("D3");
    cell.value = String(cell.value).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
    workbookJson = fakeFromWorkbook(wb).toJSON();
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function openPane(supported = true, json: unknown = workbookJson): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB(supported) }));
    await page.addInitScript({ path: require.resolve("../support/fakeExcel.js") });
    await page.addInitScript((json) => {
      const w = window as unknown as Record<string, unknown>;
      const Fake = w.FakeExcel as { fromJSON(j: unknown): { run(a: unknown, b?: unknown): unknown; SheetVisibility: unknown; PageOrientation: unknown; PaperType: unknown } };
      const fake = Fake.fromJSON(json);
      w.__fake = fake;
      w.Excel = { run: (a: unknown, b?: unknown) => fake.run(a, b), SheetVisibility: fake.SheetVisibility, PageOrientation: fake.PageOrientation, PaperType: fake.PaperType };
    }, json);
    await page.goto(`${base}/taskpane.html`);
    return page;
  }

  it("lists the inputs it found and the notices with links that select the cell", async () => {
    const page = await openPane();
    await page.waitForSelector("#inputs li:has-text('Budget: 36 rader')");
    const inputs = await page.locator("#inputs li").allTextContents();
    expect(inputs).toEqual([
      "✓ Budget: 36 rader (Budget!A1)",
      "✓ Utfall: 39 rader (Utfall!A1)",
      "✓ Indikatorer: 8 rader (Indikatorer!A1)",
      "✓ Risker: 8 rader (Risker!A1)",
      "✓ Känslighet: 5 rader (Känslighet!A1)",
      "✓ Åtgärder: 20 rader (Åtgärder!A1)",
      "✓ Investeringar: 4 rader (Investeringar!A1)",
      "✓ Inställningar: 13 rader (Inställningar!A1)",
    ]);
    const link = page.locator("#findings a", { hasText: "Utfall!D3" });
    await expect(link.count()).resolves.toBe(1);
    await link.click();
    await page.waitForFunction(() => (window as unknown as { __fake: { model: { selected: string } } }).__fake.model.selected === "Utfall!D3");
    await page.close();
  });

  it("refreshes the report from the button and shows a summary", async () => {
    const page = await openPane();
    await page.waitForSelector("#inputs li:has-text('Budget')");
    await page.getByRole("button", { name: "Uppdatera rapport" }).click();
    await page.waitForSelector("#status.ok");
    expect(await page.locator("#status").textContent()).toContain("Rapporten på fliken Rapport är uppdaterad. 1 notering om indata.");
    expect(await page.locator("#summary").textContent()).toMatch(/Resultat \+11,0\u00a0mnkr inklusive över-\/underskott \(\+15,7\u00a0mnkr exklusive\) mot budget \+13,8\u00a0mnkr \(avvikelse −2,8\u00a0mnkr\)/);
    expect(await page.locator("#summary").textContent()).toContain("Åtgärder i år: beslutade +6,2\u00a0mnkr, ej beslutade +1,3\u00a0mnkr; prognos med åtgärder som inte ingår i prognosen −1,8\u00a0mnkr.");
    expect(await page.locator("#summary").textContent()).toContain("Risker med högt riskvärde");
    const sheets = await page.evaluate(() => (window as unknown as { __fake: { model: { sheets: { name: string }[] } } }).__fake.model.sheets.map((s) => s.name));
    expect(sheets[0]).toBe("Rapport");
    if (process.env.UPPFOLJNING_DOCS === "1") await page.screenshot({ path: path.join(__dirname, "../../docs/panel.png"), fullPage: true });
    await page.close();
  });

  it("validates and saves settings into the Inställningar range", async () => {
    const page = await openPane();
    const period = page.getByLabel("Period (månader 1–12)");
    await expect(period.inputValue()).resolves.toBe("8");
    await period.fill("13");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await page.waitForSelector("#status.bad");
    expect(await page.locator("#set-Period-error").textContent()).toBe("Ange ett heltal från 1 till 12.");
    expect(await period.getAttribute("aria-invalid")).toBe("true");
    await period.fill("6");
    await page.getByLabel("Decimaler").fill("2");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await page.waitForSelector("#status.ok");
    const stored = await page.evaluate(() => (window as unknown as { __fake: { sheetValues(n: string): unknown[][] } }).__fake.sheetValues("Inställningar"));
    expect(stored).toContainEqual(["Period", 6]);
    expect(stored).toContainEqual(["Decimaler", 2]);
    await page.close();
  });

  it("works from the keyboard", async () => {
    const page = await openPane();
    await page.waitForSelector("#inputs li:has-text('Budget')");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("refresh");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#status.ok");
    await page.close();
  });

  it("lays out the ledger template in an empty workbook, then finds Huvudbok and reports from it", async () => {
    const empty = new FakeExcel();
    empty.model.addSheet("Blad1");
    const page = await openPane(true, empty.toJSON());
    await page.waitForSelector("#inputs li:has-text('Budget: saknas (krävs)')");
    await page.getByRole("button", { name: "Mall med Huvudbok" }).click();
    await page.waitForSelector("#status.ok");
    expect(await page.locator("#status").textContent()).toContain("klistra in huvudboken från ekonomisystemet på bladet Huvudbok");
    await page.waitForSelector("#inputs li:has-text('Huvudbok: 8 rader')");
    const inputs = await page.locator("#inputs li").allTextContents();
    expect(inputs.slice(0, 2)).toEqual(["✓ Huvudbok: 8 rader (Huvudbok!A1)", "✓ Kontoplan: 4 rader (Kontoplan!A1)"]);
    await page.getByRole("button", { name: "Uppdatera rapport" }).click();
    await page.waitForSelector("#status.ok");
    expect(await page.locator("#findings").textContent()).toContain("balanskonton");
    await page.getByRole("button", { name: "Mall med Budget och Utfall" }).click();
    await page.waitForSelector("#status.bad");
    expect(await page.locator("#status").textContent()).toContain("Mallen skapas bara i en arbetsbok utan bladet eller namnet ”Indikatorer”");
    await page.close();
  });

  it("says plainly when Excel is too old", async () => {
    const page = await openPane(false);
    await page.waitForSelector("#status.bad");
    expect(await page.locator("#status").textContent()).toContain("för gammal för Uppföljning (kräver ExcelApi 1.4)");
    expect(await page.getByRole("button", { name: "Uppdatera rapport" }).isDisabled()).toBe(true);
    await page.close();
  });

  it("requests nothing but its own files and Office's script", () => {
    const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith("https://appsforoffice.microsoft.com/"));
    expect(foreign).toEqual([]);
  });
});
