/**
 * The npm scripts run their compiled entry through `scripts/run-built.js`. The entry must run as the main module,
 * as under `node <file>`: the generators and doc writers act only then, and were silent no-ops before.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CASES } from "../../scripts/badInput/cases";
import { tempDir } from "../support/sheets";

const ROOT = path.join(__dirname, "..", "..");
const runBuilt = (args: string[]) => execFileSync(process.execPath, [path.join(ROOT, "scripts", "run-built.js"), ...args], { cwd: ROOT, encoding: "utf8" });

describe("scripts/run-built.js", () => {
  it("runs the entry as the main module, with the arguments after it", () => {
    const dir = tempDir();
    const probe = path.join(dir, "probe.js");
    fs.writeFileSync(probe, "process.stdout.write(JSON.stringify({ main: require.main === module, args: process.argv.slice(2) }));");
    expect(JSON.parse(runBuilt([probe, "a", "--b"]))).toEqual({ main: true, args: ["a", "--b"] });
  });

  it("runs in the folder npm was started from (INIT_CWD), so a user's relative file names mean what she typed", () => {
    const dir = fs.realpathSync(tempDir());
    const probe = path.join(dir, "cwd.js");
    fs.writeFileSync(probe, "process.stdout.write(process.cwd());");
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "run-built.js"), probe], { cwd: ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: dir } });
    expect(out).toBe(dir);
  });

  it("lets `npm run bad-input -- <mapp>` write one workbook per case", () => {
    const dir = path.join(tempDir(), "felaktiga");
    const said = runBuilt(["dist/cli/scripts/badInput/generate.js", dir]);
    expect(said).toContain(`${CASES.length} arbetsböcker skrivna`);
    expect(fs.readdirSync(dir).sort()).toEqual(CASES.map((c) => `${c.id}.xlsx`).sort());
  }, 120_000);
});
