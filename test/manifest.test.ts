/**
 * Offline checks of manifest.xml: the invariants that break add-ins in practice, since Microsoft's
 * validation service cannot be reached from here.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

const root = path.join(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

const all = (re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  it("has a GUID id, a version of four parts and Swedish as default locale", () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i);
    expect(xml).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    expect(xml).toContain("<DefaultLocale>sv-SE</DefaultLocale>");
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(all(/<Permissions>([^<]+)<\/Permissions>/g)).toEqual(["ReadWriteDocument"]);
  });

  it("declares the ExcelApi requirement the code checks, and the shared runtime", () => {
    const taskpane = fs.readFileSync(path.join(root, "src/hosts/office/taskpane.ts"), "utf8");
    const required = /REQUIRED_EXCEL_API = "([\d.]+)"/.exec(taskpane)?.[1];
    expect(xml).toContain(`<Set Name="ExcelApi" MinVersion="${required}"/>`);
    expect(xml).toContain('<bt:Set Name="SharedRuntime" MinVersion="1.1"/>');
  });

  it("uses one resid for the runtime, the function file and the task pane", () => {
    const runtime = all(/<Runtime resid="([^"]+)"/g);
    const functionFile = all(/<FunctionFile resid="([^"]+)"/g);
    const panes = all(/<SourceLocation resid="([^"]+)"/g);
    expect(runtime).toHaveLength(1);
    expect(functionFile).toEqual(runtime);
    expect(new Set(panes)).toEqual(new Set(runtime));
    expect(xml).toMatch(/<Runtime resid="[^"]+" lifetime="long"\/>/);
  });

  it("defines every resid it uses, and uses only https URLs", () => {
    const used = new Set(all(/resid="([^"]+)"/g));
    const defined = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/g));
    for (const id of used) expect(defined).toContain(id);
    for (const url of all(/DefaultValue="(https?:[^"]+)"/g)) expect(url).toMatch(/^https:\/\//);
    for (const s of all(/<bt:String id="[^"]+" DefaultValue="([^"]*)"/g)) expect(s.length).toBeLessThanOrEqual(250);
  });

  it("has the Uppföljning tab with the three buttons and their functions", () => {
    expect(xml).toMatch(/<bt:String id="Tab.Label" DefaultValue="Uppföljning"\/>/);
    expect(xml).toContain('DefaultValue="Uppdatera rapport"');
    expect(xml).toContain('DefaultValue="Visa panel"');
    expect(xml).toContain('DefaultValue="Skapa mall"');
    const functions = all(/<FunctionName>([^<]+)<\/FunctionName>/g);
    const commands = fs.readFileSync(path.join(root, "src/hosts/office/commands.ts"), "utf8");
    for (const f of functions) expect(commands).toContain(`Office.actions.associate("${f}"`);
  });

  it("points at icons that exist at their declared sizes", () => {
    const images = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/[^/]+\/([^"]+)"/g)];
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const [, size, rel] of images) expect(pngSize(path.join(root, rel))).toEqual([Number(size), Number(size)]);
    for (const m of xml.matchAll(/<(?:IconUrl|HighResolutionIconUrl) DefaultValue="https:\/\/[^/]+\/([^"]+)"/g)) {
      expect(fs.existsSync(path.join(root, m[1]))).toBe(true);
    }
  });

  it("is parsed by office-addin-manifest info", () => {
    const out = execFileSync(process.execPath, [require.resolve("office-addin-manifest/cli.js"), "info", "manifest.xml"], { cwd: root, encoding: "utf8" });
    expect(out).toContain("Name: Uppföljning");
    expect(out).toContain("Permissions: ReadWriteDocument");
  });
});
