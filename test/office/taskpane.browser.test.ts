/**
 * The task pane, built for production as an IT department builds it (`npm run build:addin -- --env url=…`, see
 * docs/installera.md), served from that folder by a plain static server and driven in headless Chromium (Debian's
 * package) with playwright-core. Office's script is answered by a stand-in, and `Excel` is the in-memory fake holding
 * the example workbook. Real DOM, real clicks. HTTPS, which Office requires of the real host, is not needed to check
 * the pane in a local browser.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import * as acorn from "acorn";
import type { Browser, Page } from "playwright-core";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromWorkbook } from "../support/officeFixtures";
import { hasProgram } from "../support/system";
import { tempDir } from "../support/sheets";
import { schemaAvailable, validateFile } from "../support/manifestXsd";

const available = hasProgram("chromium", "chromium");
const describeIfChromium = available ? describe : describe.skip;
const HOSTED_AT = "https://intranat.exempelkommun.se/tillagg/uppfoljning/";
const ROOT = path.join(__dirname, "..", "..");

/** Office's script, answered by a stand-in: `ready` false keeps Office.onReady from ever calling back. */
const OFFICE_STUB = (supported: boolean, ready = true) => `
window.__shown = 0;
window.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
  context: { platform: "OfficeOnline", requirements: { isSetSupported: function () { return ${supported}; } } },
  actions: { associate: function (name, fn) { (window.__ribbon = window.__ribbon || {})[name] = fn; } },
  addin: { showAsTaskpane: function () { window.__shown++; return Promise.resolve(); } },
  onReady: function (cb) { var info = { host: "Excel", platform: "OfficeOnline" }; if (${ready}) setTimeout(function () { cb && cb(info); }, 0); return new Promise(function (r) { if (${ready}) r(info); }); }
};`;

/** `npm run build:addin -- --env url=…`, with the output folder given so that the test does not write dist/addin. */
function buildAsIt(outDir: string): void {
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `url=${HOSTED_AT}`, "--output-path", outDir], { cwd: ROOT, stdio: "pipe" });
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

/** The page's scripts in document order, as `src` values (quoted or not: the built page is minified). */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describeIfChromium("task pane in Chromium", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let workbookJson: unknown;
  const requests: string[] = [];

  let dir: string;

  beforeAll(async () => {
    dir = tempDir();
    buildAsIt(dir);
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

  async function openPane(supported = true, json: unknown = workbookJson, options: { ready?: boolean; before?: string } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB(supported, options.ready ?? true) }));
    if (options.before) await page.addInitScript({ content: options.before });
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
    await page.waitForSelector("#inputs li:has-text('Budget: 38 rader')");
    const inputs = await page.locator("#inputs li").allTextContents();
    expect(inputs).toEqual([
      "✓ Budget: 38 rader (Budget!A1)",
      "✓ Utfall: 41 rader (Utfall!A1)",
      "✓ Jämförelsestörande: 1 rad (Jämförelsestörande!A1)",
      "✓ Indikatorer: 10 rader (Indikatorer!A1)",
      "✓ Risker: 8 rader (Risker!A1)",
      "✓ Känslighet: 5 rader (Känslighet!A1)",
      "✓ Åtgärder: 20 rader (Åtgärder!A1)",
      "✓ Investeringar: 4 rader (Investeringar!A1)",
      "✗ Prognoshistorik: skapas när rapporten uppdateras",
      "✓ Inställningar: 14 rader (Inställningar!A1)",
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
    expect(await page.locator("#status").textContent()).toContain("Rapporten på fliken Rapport är uppdaterad. En notering om indata.");
    expect(await page.locator("#summary").textContent()).toMatch(/Resultat \+11,0\u00a0mnkr inklusive över-\/underskott \(\+15,7\u00a0mnkr exklusive\) mot budget \+13,8\u00a0mnkr \(avvikelse −2,8\u00a0mnkr\)/);
    expect(await page.locator("#summary").textContent()).toContain("Åtgärder i år: beslutade +6,2\u00a0mnkr, ej beslutade +1,3\u00a0mnkr; prognos inkl. ej beslutade åtgärder −2,8\u00a0mnkr.");
    expect(await page.locator("#summary").textContent()).toContain("Risker med högt riskvärde");
    // Issue 23: the interval's figures, as the report's section gives them (the example has a carried deficit).
    const summary = (await page.locator("#summary").textContent()) ?? "";
    expect(summary).toContain("Årets resultat som intervall");
    expect(summary).toMatch(/Med hänsyn till riskerna är sannolikheten för ett underskott \d+\u00a0%; resultatet inklusive över-\/underskott hamnar med 80\u00a0% sannolikhet mellan −?\d+,\d och [+−]\d+,\d\u00a0mnkr\./);
    expect(summary).toMatch(/Inkl\. över-\/underskott: P10 [+−]\d+,\d\u00a0mnkr, P50 [+−]\d+,\d\u00a0mnkr, P90 [+−]\d+,\d\u00a0mnkr; sannolikhet för underskott [\d,]+\u00a0%\./);
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
    expect(await page.locator("#status").textContent()).toContain("Mallen skapas bara i en arbetsbok utan bladet eller namnet ”Jämförelsestörande”");
    await page.close();
  });

  it("says plainly when Excel is too old", async () => {
    const page = await openPane(false);
    await page.waitForSelector("#status.bad");
    expect(await page.locator("#status").textContent()).toContain("för gammal för Uppföljning (kräver ExcelApi 1.4)");
    expect(await page.getByRole("button", { name: "Uppdatera rapport" }).isDisabled()).toBe(true);
    await page.close();
  });

  // Deployable by a municipality: the folder holds the pane and a manifest for the address it will be served from.
  it("builds, for the address given, a manifest beside the pane that validates against Microsoft's XSDs and names no localhost", () => {
    for (const f of ["taskpane.html", "taskpane.js", "boot.js", "help.html", "assets/icon-32.png", "manifest.xml"]) expect([f, fs.existsSync(path.join(dir, f))]).toEqual([f, true]);
    const manifest = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${HOSTED_AT}taskpane.html"/>`);
    expect(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]).toBe(/<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))?.[1]);
    if (schemaAvailable()) expect(validateFile(path.join(dir, "manifest.xml"))).toMatchObject({ ok: true });
  });

  // "Trident+ doesn't support JavaScript versions later than ES5" (Browsers and webview controls used by Office
  // Add-ins); volume-licensed Office through 2019 and Office without WebView2 use it. The first script of the pane must
  // parse there; the add-in's own script is ES2020 (BigInt) and does not, which docs/i-excel.md states.
  it("loads first, after Office's script, a script that parses as ECMAScript 5; the add-in's script needs ES2020", () => {
    const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
    const own = scripts(html).filter((s) => !s.startsWith("https://appsforoffice.microsoft.com/"));
    expect(own).toEqual(["boot.js", "taskpane.js"]);
    expect(scripts(html)[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(() => acorn.parse(fs.readFileSync(path.join(dir, own[0]), "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    const bundle = fs.readFileSync(path.join(dir, "taskpane.js"), "utf8");
    expect(() => acorn.parse(bundle, { ecmaVersion: 5, sourceType: "script" })).toThrow();
    expect(() => acorn.parse(bundle, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
  });

  it("says in Swedish which Excel it needs where the webview lacks what the add-in needs, and the ribbon opens the pane with it", async () => {
    const page = await openPane(true, workbookJson, { before: "delete window.BigInt;" });
    await page.waitForSelector("#status.bad");
    const status = await page.locator("#status").textContent();
    expect(status).toContain("Uppföljning kan inte starta i den här versionen av Excel.");
    expect(status).toContain("Excel 2021 och senare, Excel på webben och Excel för Mac med Safari 14 eller senare");
    expect(await page.locator("#inputs li").allTextContents()).toEqual(["Indata kan inte läsas i den här versionen av Excel."]);
    expect(await page.getByRole("button", { name: "Uppdatera rapport" }).isDisabled()).toBe(true);
    const completed = await page.evaluate(() => {
      const w = window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void>; __shown: number };
      let n = 0;
      for (const name of ["refreshReport", "createTemplate", "createLedgerTemplate"]) w.__ribbon[name]({ completed: () => void n++ });
      return { n, shown: w.__shown };
    });
    expect(completed).toEqual({ n: 3, shown: 3 });
    const sheets = await page.evaluate(() => (window as unknown as { __fake: { model: { sheets: { name: string }[] } } }).__fake.model.sheets.map((s) => s.name));
    expect(sheets).not.toContain("Rapport");
    await page.close();
  });

  it("says the same when the add-in's script does not parse at all", async () => {
    const page = await browser.newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB(true) }));
    await page.route(`${base}/taskpane.js`, (route) => route.fulfill({ contentType: "text/javascript", body: "var x = 1 ?? ;" }));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector("#status.bad");
    expect(await page.locator("#status").textContent()).toContain("Uppföljning kan inte starta i den här versionen av Excel.");
    await page.close();
  });

  // office-js #5176: "the first time you try to click a command button in Excel, the associated command does not run";
  // the functions are associated at the top level of the script, before Office.onReady answers, as Microsoft's sample
  // for function commands does.
  it("associates the ribbon's functions before Office.onReady has answered, and they run then", async () => {
    const page = await openPane(true, workbookJson, { ready: false });
    await page.waitForFunction(() => Object.keys((window as unknown as { __ribbon?: object }).__ribbon ?? {}).length === 3);
    expect(await page.locator("#inputs li").allTextContents()).toEqual(["Söker indataområden …"]);
    const done = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const w = window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void> };
          w.__ribbon.refreshReport({ completed: () => resolve(1) });
        }),
    );
    expect(done).toBe(1);
    const sheets = await page.evaluate(() => (window as unknown as { __fake: { model: { sheets: { name: string }[] } } }).__fake.model.sheets.map((s) => s.name));
    expect(sheets[0]).toBe("Rapport");
    await page.close();
  });

  it("requests nothing but its own files and Office's script", () => {
    const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith("https://appsforoffice.microsoft.com/"));
    expect(foreign).toEqual([]);
  });
});
