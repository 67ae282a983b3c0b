#!/usr/bin/env node
/**
 * `node scripts/run-built.js <built entry> [args…]` (or `--build` alone): runs a compiled command-line entry, compiling first only when
 * a source is newer than the last build (the stamp `dist/cli/.built`). The npm scripts `rapport`, `demo`, `bench`
 * and the generators go through here, so an unchanged checkout starts at once instead of running tsc every time.
 * Sources are src/, scripts/, the tsconfig files and package.json; a deleted file shows as a newer directory.
 * An entry under dist/bench/ (the bench's Office host run) is built by tsconfig.bench.json into a build of its own:
 * the command line's build (tsconfig.cli.json, dist/cli) holds no Office host.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.join(__dirname, "..");

function newest(p) {
  const st = fs.statSync(p);
  let t = st.mtimeMs;
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/** Whether the build whose stamp is `stamp` is newer than every source. */
function built(stamp) {
  if (!fs.existsSync(stamp)) return false;
  const at = fs.statSync(stamp).mtimeMs;
  const sources = ["src", "scripts", "tsconfig.json", "tsconfig.cli.json", "tsconfig.bench.json", "package.json"].map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  return sources.every((s) => newest(s) <= at);
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("Användning: node scripts/run-built.js <fil.js> [argument …]\n");
  process.exit(2);
}
/** Compiles `config` into its folder unless that build is up to date, leaving the stamp. */
function build(config, folder) {
  const stamp = path.join(root, folder, ".built");
  if (built(stamp)) return;
  const startedAt = Date.now();
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc");
  } catch {
    process.stderr.write("Uppföljning behöver byggas, men TypeScript saknas. Kör först: npm install\n");
    process.exit(2);
  }
  try {
    execFileSync(process.execPath, [tsc, "-p", path.join(root, config)], { cwd: root, stdio: "inherit" });
  } catch {
    process.stderr.write("Bygget misslyckades (felen från TypeScript står ovan).\n");
    process.exit(2);
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, "");
  // Sources saved while tsc ran stay newer than the stamp and are built next time.
  fs.utimesSync(stamp, new Date(startedAt), new Date(startedAt));
}

build("tsconfig.cli.json", path.join("dist", "cli"));
if (entry.split(/[\\/]/).slice(0, 2).join("/") === "dist/bench") build("tsconfig.bench.json", path.join("dist", "bench"));
// `--build`: only bring dist/cli up to date (the tests that run the built command line use this, so that every
// build goes through one place and leaves the stamp).
if (entry === "--build") process.exit(0);
const target = path.resolve(root, entry);
process.argv = [process.argv[0], target, ...args];
// npm runs scripts in the project's folder; file names the user gives are relative to where she typed the command.
if (process.env.INIT_CWD && fs.existsSync(process.env.INIT_CWD)) process.chdir(process.env.INIT_CWD);
// Run it as the main module, as `node <target>` would: scripts that act only when `require.main === module`
// (the generators and doc writers) must not become silent no-ops behind this launcher.
require("module").runMain();
