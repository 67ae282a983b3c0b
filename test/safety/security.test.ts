/** The add-in's own security: least privilege, a strict Content-Security-Policy, no eval, no foreign addresses. */
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../support/sheets";

const root = path.join(__dirname, "../..");

function csp(): Record<string, string[]> {
  const html = fs.readFileSync(path.join(root, "src/hosts/office/taskpane.html"), "utf8");
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  return Object.fromEntries(content.split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([k, ...v]) => [k, v]));
}

it("the task pane allows only its own files and Office's script", () => {
  const p = csp();
  expect(p["default-src"]).toEqual(["'self'"]);
  expect(p["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(p["connect-src"]).toEqual(["'self'"]);
  expect(p["object-src"]).toEqual(["'none'"]);
  expect(Object.values(p).flat()).not.toContain("'unsafe-eval'");
  expect(p["script-src"]).not.toContain("'unsafe-inline'");
});

it("the manifest asks for ReadWriteDocument only and no other domains", () => {
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  expect(xml.match(/<Permissions>[^<]+<\/Permissions>/g)).toEqual(["<Permissions>ReadWriteDocument</Permissions>"]);
  // No other domains: no AppDomains at all. An empty <AppDomains/>, as the manifest had, is invalid ("This element
  // can't be empty", https://learn.microsoft.com/javascript/api/manifest/appdomains); issue 20 removed it.
  expect(xml).not.toMatch(/<AppDomain\b/);
});

describe("the production bundle", () => {
  let bundle: string;
  let html: string;
  beforeAll(async () => {
    const out = tempDir();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require("webpack");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../../webpack.config.js")({}, { mode: "production" });
    config.output.path = out;
    await new Promise<void>((resolve, reject) => webpack(config, (err: Error | null, stats: { hasErrors(): boolean }) => (err || stats.hasErrors() ? reject(err ?? new Error("build failed")) : resolve())));
    // The pane's two scripts: the add-in and the ES5 boot script that runs first.
    bundle = fs.readFileSync(path.join(out, "taskpane.js"), "utf8") + "\n" + fs.readFileSync(path.join(out, "boot.js"), "utf8");
    html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  }, 120_000);

  it("has no eval and no new Function", () => {
    expect(bundle).not.toMatch(/\beval\s*\(/);
    expect(bundle).not.toMatch(/new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
  });

  it("names no network address, so it can send nothing anywhere (no telemetry)", () => {
    expect(bundle.match(/https?:\/\/[^\s"'`)]+/g) ?? []).toEqual([]);
    expect(bundle).not.toMatch(/XMLHttpRequest|fetch\(|sendBeacon|WebSocket/);
    expect(html.match(/https?:\/\/[^\s"'`)]+/g)?.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com"))).toEqual([]);
  });

  it("holds no secrets", () => {
    expect(bundle).not.toMatch(/api[_-]?key|secret|password\s*[:=]|Bearer\s/i);
  });
});
