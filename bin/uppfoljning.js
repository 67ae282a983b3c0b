#!/usr/bin/env node
"use strict";
const path = require("path");
const fs = require("fs");
const cli = path.join(__dirname, "..", "dist", "cli", "src", "hosts", "xlsx", "cli.js");
if (!fs.existsSync(cli)) {
  process.stderr.write("Uppföljning är inte byggt. Kör: npm run build:cli\n");
  process.exit(2);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
