/**
 * Offline checks of manifest.xml, since Microsoft's validation service cannot be reached from here: every element
 * under the parent and in the order Microsoft's reference gives (test/support/manifestSchema.ts), and the
 * invariants that break add-ins in practice. The manifest is read with a namespace-aware XML parser (saxes).
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { SaxesParser } from "saxes";
import { NS, validateManifest, XmlElement } from "./support/manifestSchema";
import { MANIFEST_XSD, schemaAvailable, validateAgainstXsd } from "./support/manifestXsd";

const root = path.join(__dirname, "..");
const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Parses XML into an element tree with namespaces resolved and `xsi:type` reduced to its local part. */
function parse(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let top: XmlElement | null = null;
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    let xsiType: string | null = null;
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XSI && a.local === "type") xsiType = a.value.includes(":") ? a.value.slice(a.value.indexOf(":") + 1) : a.value;
      else if (a.uri === "") attributes[a.local] = a.value;
    }
    const parent = stack[stack.length - 1];
    const el: XmlElement = { ns: tag.uri ?? "", name: tag.local ?? tag.name, attributes, xsiType, children: [], text: "", path: parent ? `${parent.path}/${tag.local}[${parent.children.length}]` : tag.local ?? tag.name };
    if (parent) parent.children.push(el);
    else top = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return top as unknown as XmlElement;
}

const manifest = parse(source);

function all(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (pred(el)) out.push(el);
  for (const ch of el.children) all(ch, pred, out);
  return out;
}
const named = (name: string, ns?: string) => all(manifest, (e) => e.name === name && (ns === undefined || e.ns === ns));
const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
const text = (el: XmlElement | undefined) => el?.text.trim();

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml against Microsoft's element rules", () => {
  // "The XML elements in the manifest of an Office Add-in must be under the proper parent element and in a specific
  // order [...] Your manifest will not be valid and your add-in will not load, if any element is in the wrong order."
  // https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering
  it("has every element under an allowed parent, in the required order and count", () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  // "Requirements element [...] Contained in: OfficeApp, VersionOverrides"
  // https://learn.microsoft.com/javascript/api/manifest/requirements ; [MS-OWEMXML] Host has only Runtimes and
  // AllFormFactors (plus DesktopFormFactor for Workbook) as children.
  it("rejects Requirements under Host, as the add-in had it, and elements out of order", () => {
    const underHost = source
      .replace(/\s*<!--[\s\S]*?-->\s*<Requirements>[\s\S]*?<\/Requirements>(\s*<Hosts>\s*<Host xsi:type="Workbook">)/, "$1<Requirements><bt:Sets DefaultMinVersion=\"1.1\"><bt:Set Name=\"SharedRuntime\" MinVersion=\"1.1\"/></bt:Sets></Requirements>");
    expect(underHost).not.toBe(source);
    expect(validateManifest(parse(underHost))).toEqual([expect.stringMatching(/<Requirements> is not a valid child of <Host>/)]);

    const swapped = source.replace(/(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1");
    expect(validateManifest(parse(swapped))).toContainEqual(expect.stringMatching(/<Id> comes after <Version>/));

    const afterHosts = source.replace(/(\s*<!--[\s\S]*?-->\s*)(<Requirements>[\s\S]*?<\/Requirements>)(\s*<Hosts>[\s\S]*?<\/Hosts>)/, "$1$3$2");
    expect(validateManifest(parse(afterHosts))).toEqual([expect.stringMatching(/<Requirements> comes after <Hosts>, but must come before it under <VersionOverrides>/)]);
  });

  it("declares ExcelApi in the base manifest (as the code checks) and SharedRuntime only for the VersionOverrides", () => {
    // "If A is supported, but B is not, then the add-in is activated and some of the markup in the VersionOverrides
    // takes effect. [...] all child elements of the VersionOverrides that override a base manifest element, such as
    // Hosts, do not take effect." https://learn.microsoft.com/javascript/api/manifest/requirements
    const taskpane = fs.readFileSync(path.join(root, "src/hosts/office/taskpane.ts"), "utf8");
    const required = /REQUIRED_EXCEL_API = "([\d.]+)"/.exec(taskpane)?.[1];
    const base = child(manifest, "Requirements");
    expect(child(base, "Sets")?.children.map((s) => s.attributes)).toEqual([{ Name: "ExcelApi", MinVersion: required }]);
    const overrides = child(manifest, "VersionOverrides");
    const sets = child(child(overrides, "Requirements"), "Sets");
    expect(sets?.ns).toBe(NS.bt);
    expect(sets?.children.map((s) => s.attributes)).toEqual([{ Name: "SharedRuntime", MinVersion: "1.1" }]);
    // Without SharedRuntime (Excel 2019) the base manifest alone must still give a working task pane.
    expect(child(child(manifest, "Hosts"), "Host")?.attributes.Name).toBe("Workbook");
    expect(child(child(manifest, "DefaultSettings"), "SourceLocation")?.attributes.DefaultValue).toMatch(/^https:\/\/.+\/taskpane\.html$/);
  });

  // "A shared runtime only supports the use of one task pane. Note that any task pane without a <TaskpaneID> is
  // considered a different task pane." https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime
  it("gives every ShowTaskpane action the same TaskpaneId and the runtime's page", () => {
    const actions = all(manifest, (e) => e.name === "Action" && e.xsiType === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    const ids = actions.map((a) => child(a, "TaskpaneId"));
    expect(ids.every((i) => i !== undefined)).toBe(true);
    expect(new Set(ids.map((i) => text(i))).size).toBe(1);
    const runtime = named("Runtime")[0]?.attributes.resid;
    for (const a of actions) expect(child(a, "SourceLocation")?.attributes.resid).toBe(runtime);
  });

  it("uses one resid for the runtime, the function file and the task pane (\"The shared runtime won't load if the resid uses different values\")", () => {
    const runtimes = named("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes.lifetime).toBe("long");
    const resid = runtimes[0].attributes.resid;
    expect(named("FunctionFile").map((f) => f.attributes.resid)).toEqual([resid]);
    expect(new Set(all(manifest, (e) => e.name === "SourceLocation" && e.ns === NS.ov).map((s) => s.attributes.resid))).toEqual(new Set([resid]));
  });
});

describe("manifest.xml invariants", () => {
  it("has a GUID id, a version of four parts and Swedish as default locale", () => {
    expect(text(child(manifest, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(child(manifest, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text(child(manifest, "DefaultLocale"))).toBe("sv-SE");
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(named("Permissions").map(text)).toEqual(["ReadWriteDocument"]);
  });

  it("defines every resid it uses, and uses only https URLs", () => {
    const used = new Set(all(manifest, (e) => "resid" in e.attributes).map((e) => e.attributes.resid));
    const resources = child(child(manifest, "VersionOverrides"), "Resources") as XmlElement;
    const defined = new Set(all(resources, (e) => e.ns === NS.bt && "id" in e.attributes).map((e) => e.attributes.id));
    for (const id of used) expect(defined).toContain(id);
    for (const e of all(manifest, (x) => /^https?:/.test(x.attributes.DefaultValue ?? ""))) expect(e.attributes.DefaultValue).toMatch(/^https:\/\//);
    for (const s of all(resources, (e) => e.name === "String")) expect(s.attributes.DefaultValue.length).toBeLessThanOrEqual(s.path.includes("ShortStrings") ? 125 : 250);
  });

  it("has the Uppföljning tab with the three controls (Skapa mall a menu of two templates) and their functions", () => {
    const strings = new Map(all(manifest, (e) => e.name === "String" && e.ns === NS.bt).map((s) => [s.attributes.id, s.attributes.DefaultValue]));
    expect(strings.get("Tab.Label")).toBe("Uppföljning");
    const labels = all(manifest, (e) => e.name === "Control").map((ctl) => strings.get(child(ctl, "Label")?.attributes.resid as string));
    expect(labels).toEqual(["Uppdatera rapport", "Visa panel", "Skapa mall"]);
    const functions = named("FunctionName").map(text);
    expect(functions).toEqual(["refreshReport", "createTemplate", "createLedgerTemplate"]);
    const items = all(manifest, (e) => e.name === "Item").map((i) => strings.get(child(i, "Label")?.attributes.resid as string));
    expect(items).toEqual(["Med Budget och Utfall", "Med Huvudbok"]);
    const commands = fs.readFileSync(path.join(root, "src/hosts/office/commands.ts"), "utf8");
    for (const f of functions) expect(commands).toContain(`Office.actions.associate("${f}"`);
  });

  it("points at icons that exist at their declared sizes", () => {
    const images = all(manifest, (e) => e.name === "Image" && e.ns === NS.bt && "id" in e.attributes);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const img of images) {
      const size = Number(/^Icon\.(\d+)x\d+$/.exec(img.attributes.id)?.[1]);
      const rel = new URL(img.attributes.DefaultValue).pathname.slice(1);
      expect(pngSize(path.join(root, rel))).toEqual([size, size]);
    }
    for (const name of ["IconUrl", "HighResolutionIconUrl"]) {
      const rel = new URL(child(manifest, name)?.attributes.DefaultValue as string).pathname.slice(1);
      expect(fs.existsSync(path.join(root, rel))).toBe(true);
    }
  });

  it("is parsed by office-addin-manifest info", () => {
    const out = execFileSync(process.execPath, [require.resolve("office-addin-manifest/cli.js"), "info", "manifest.xml"], { cwd: root, encoding: "utf8" });
    expect(out).toContain("Name: Uppföljning");
    expect(out).toContain("Permissions: ReadWriteDocument");
  });
});

// "AppDomains element [...] This element can't be empty." (https://learn.microsoft.com/javascript/api/manifest/appdomains);
// [MS-OWEMXML] defines AppDomains as a sequence of AppDomain with minOccurs="1". Administrators' deployment tools and
// AppSource validate against the schema and refuse the manifest.
const describeIfXsd = schemaAvailable() ? describe : describe.skip;

describeIfXsd("every manifest the project ships, against Microsoft's XSDs (xmllint)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { productionManifest } = require("../webpack.config.js") as { productionManifest: (xml: string, url: string, id?: string) => string };

  it("manifest.xml (development, https://localhost:3000/) validates", () => {
    expect(validateAgainstXsd(source)).toEqual({ ok: true, output: expect.stringContaining("validates") });
  });

  it("refuses an empty <AppDomains/>, as the manifest had it", () => {
    const empty = source.replace(/(<SupportUrl [^>]*\/>)/, "$1\n  <AppDomains/>");
    expect(empty).not.toBe(source);
    const result = validateAgainstXsd(empty);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/AppDomains': Missing child element\(s\)/);
    expect(validateManifest(parse(empty))).toEqual([expect.stringMatching(/<AppDomains> lacks <AppDomain>/)]);
  });

  it("the production manifest for a sample address validates, names no localhost and keeps the add-in's Id", () => {
    const prod = productionManifest(source, "https://intranat.eskilstuna.se/tillagg/uppfoljning");
    expect(validateAgainstXsd(prod).ok).toBe(true);
    expect(prod).not.toMatch(/localhost/);
    const parsed = parse(prod);
    expect(text(child(parsed, "Id"))).toBe(text(child(manifest, "Id")));
    const urls = all(parsed, (e) => /^https?:/.test(e.attributes.DefaultValue ?? "")).map((e) => e.attributes.DefaultValue);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/intranat\.eskilstuna\.se\/tillagg\/uppfoljning\/[a-z0-9/-]+\.(html|png)$/);
    expect(validateManifest(parsed)).toEqual([]);
    // The same address gives the same manifest, build after build.
    expect(productionManifest(source, "https://intranat.eskilstuna.se/tillagg/uppfoljning/")).toBe(prod);
  });

  it("takes another Id on request, escapes the address for XML, and refuses addresses Office cannot use", () => {
    const id = "0b6a3c1e-2d4f-4e5a-8b7c-9d0e1f2a3b4c";
    const prod = productionManifest(source, "https://sp.kommun.se/sites/ekonomi/Delade%20dokument/uppf&ljning/", id);
    expect(validateAgainstXsd(prod).ok).toBe(true);
    expect(text(child(parse(prod), "Id"))).toBe(id);
    expect(prod).toContain("uppf&amp;ljning/taskpane.html");
    for (const bad of ["http://intranat.kommun.se/", "https://localhost:3000/", "https://127.0.0.1/", "intranat.kommun.se/uppfoljning/", "https://kommun.se/?x=1", "https://anna:hemligt@kommun.se/"]) {
      expect(() => productionManifest(source, bad)).toThrow(/--env url=/);
    }
    expect(() => productionManifest(source, "https://kommun.se/", "inte-ett-id")).toThrow(/--env id=/);
  });

  it("validates with the schemas where CI has them, at ../shared/schemas relative to the project", () => {
    expect(path.relative(root, MANIFEST_XSD)).toBe(path.join("..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd"));
  });
});
