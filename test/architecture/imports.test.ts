/**
 * The import graph of src/, checked by dependency-cruiser against the rules in .dependency-cruiser.js: layers import
 * only downwards (core ← findings ← engine ← contract ← pipeline ← report ← hosts), the two hosts stay apart, the
 * package layer's zip/ and xml/ stand alone and read/ never uses write/, nothing imports in a circle, and the layers
 * below the hosts use no Node built-ins. A small tree with an upward import and a cycle shows the rules bite. The
 * command line's build holds no Office host.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../support/sheets";

const ROOT = path.join(__dirname, "..", "..");
const CRUISE = path.join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const CONFIG = path.join(ROOT, ".dependency-cruiser.js");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

interface Cruise {
  modules: { source: string }[];
  summary: { violations: Violation[]; totalCruised: number };
}

/** Cruises `folder` (relative to `cwd`) with the project's rules. */
function cruise(cwd: string, folder: string, tsConfig?: string): Cruise {
  const args = [CRUISE, folder, "--config", CONFIG, "--output-type", "json"];
  if (tsConfig) args.push("--ts-config", tsConfig);
  const out = execFileSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(out) as Cruise;
}

describe("the import graph of src/", () => {
  const result = cruise(ROOT, "src");

  it("sees every module of src/", () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const all = files(path.join(ROOT, "src")).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
    expect(result.modules.map((m) => m.source).filter((s) => s.startsWith("src/")).sort()).toEqual(all.sort());
  });

  it("breaks no rule: no upward import, no cycle, hosts apart, the package layer in its order", () => {
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});

describe("the command line's build (tsconfig.cli.json)", () => {
  it("holds no Office host: the bench builds its Office run apart (tsconfig.bench.json)", () => {
    const tsc = require.resolve("typescript/bin/tsc");
    const files = execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.cli.json"), "--listFilesOnly"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 })
      .split("\n")
      .map((f) => path.relative(ROOT, f.trim()).split(path.sep).join("/"));
    expect(files).toContain("src/hosts/xlsx/cli.ts");
    expect(files.filter((f) => f.startsWith("src/hosts/office/"))).toEqual([]);
    const bench = execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.bench.json"), "--listFilesOnly"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(bench).toContain("src/hosts/office/refresh.ts");
  });
});

describe("the rules", () => {
  it("catch an upward import, a cycle, a host using the other, and a Node built-in below the hosts", () => {
    const dir = tempDir();
    const put = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    put("tsconfig.json", JSON.stringify({ compilerOptions: { module: "commonjs", moduleResolution: "node", strict: true }, include: ["src"] }));
    put("src/engine/variance.ts", 'import { CONTRACT } from "../contract/read";\nexport const ENGINE = CONTRACT;\n');
    put("src/contract/read.ts", 'import { ENGINE } from "../engine/variance";\nexport const CONTRACT = 1;\nexport const USES = ENGINE;\n');
    put("src/core/text.ts", 'import * as fs from "fs";\nexport const F = fs;\n');
    put("src/hosts/office/refresh.ts", 'import { X } from "../xlsx/cli";\nexport const Y = X;\n');
    put("src/hosts/xlsx/cli.ts", "export const X = 1;\n");
    put("src/hosts/xlsx/package/zip/zip.ts", 'import { P } from "../xml/tree";\nexport const Z = P;\n');
    put("src/hosts/xlsx/package/xml/tree.ts", "export const P = 1;\n");
    const rules = cruise(dir, "src", path.join(dir, "tsconfig.json")).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "no-upward-from-engine: src/engine/variance.ts → src/contract/read.ts",
        expect.stringMatching(/^no-circular: /),
        "office-not-xlsx: src/hosts/office/refresh.ts → src/hosts/xlsx/cli.ts",
        "pure-below-hosts: src/core/text.ts → fs",
        "package-zip-alone: src/hosts/xlsx/package/zip/zip.ts → src/hosts/xlsx/package/xml/tree.ts",
      ]),
    );
  });
});
