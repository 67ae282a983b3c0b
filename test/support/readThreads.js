/**
 * Reads a workbook with the compiled reader (dist/cli, where the worker thread exists) with `threads` set as asked,
 * and prints every range read out into plain rows, or the refusal. Run through scripts/run-built.js, which
 * compiles first when the sources are newer:  node scripts/run-built.js test/support/readThreads.js <file> <threads>
 */
"use strict";
const fs = require("fs");
const path = require("path");
const dist = path.join(__dirname, "..", "..", "dist", "cli", "src");
const { readWorkbook } = require(path.join(dist, "hosts", "xlsx", "package", "read", "readWorkbook.js"));
const { isContractRangeName } = require(path.join(dist, "contract", "schema.js"));
const { gridValues } = require(path.join(dist, "contract", "source.js"));

const [file, threads] = process.argv.slice(2);
const plain = (v) => (v instanceof Date ? { date: v.toISOString() } : v);
readWorkbook(fs.readFileSync(file), file, isContractRangeName, { threads }).then(
  (wb) => {
    const entries = [...wb.source.entries]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => {
        if (e.lookup.kind !== "cells") return { name: e.name, origin: e.origin, lookup: e.lookup };
        const { grid, ...rest } = e.lookup.range;
        const formats = Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: grid.colCount }, (_, c) => grid.format(r, c)));
        return { name: e.name, origin: e.origin, range: { ...rest, values: gridValues(grid).map((row) => row.map(plain)), formats } };
      });
    process.stdout.write(JSON.stringify({ entries, sheetsOnWorker: wb.sheetsOnWorker }));
  },
  (e) => process.stdout.write(JSON.stringify({ error: { code: e.code ?? null, message: e.message } })),
);
