/**
 * The pane's first script must run where the add-in cannot: "Trident+ doesn't support JavaScript versions later than
 * ES5" (Browsers and webview controls used by Office Add-ins). Checked here on the sources, without a browser; the
 * Chromium test checks the built folder and what the script does.
 */
import * as fs from "fs";
import * as path from "path";
import * as acorn from "acorn";

const office = path.join(__dirname, "../../src/hosts/office");

it("boot.js parses as ECMAScript 5 and comes right after Office's script, before anything of the add-in's", () => {
  expect(() => acorn.parse(fs.readFileSync(path.join(office, "boot.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  const html = fs.readFileSync(path.join(office, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "boot.js"]);
  // The add-in's own script is injected by webpack at the end of <body>, after both.
  expect(fs.readFileSync(path.join(__dirname, "../../webpack.config.js"), "utf8")).toMatch(/inject: "body"/);
});

it("the add-in's code is ES2020 and not ES5 (so the boot script is needed): it uses BigInt", () => {
  const exact = fs.readFileSync(path.join(__dirname, "../../src/engine/exact.ts"), "utf8");
  expect(exact).toMatch(/\d+n\b/);
  const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, "../../tsconfig.json"), "utf8")) as { compilerOptions: { target: string } };
  expect(tsconfig.compilerOptions.target).toBe("ES2020");
});
