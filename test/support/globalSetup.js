/**
 * Jest global setup: brings dist/cli up to date once, before any test file runs. Several test files run the built
 * command line (in child processes, through scripts/run-built.js); building here means no two of them compile at
 * once, and none loads dist/ while tsc rewrites it, whatever number of workers Jest picks.
 */
"use strict";
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "run-built.js"), "--build"], { stdio: "inherit" });
};
