import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { refreshReport } from "../../src/hosts/office/refresh";
import { fakeFromWorkbook, installFake, supportsAll } from "../support/officeFixtures";
import { minimalRanges, runCli, tempDir, writeXlsx } from "../support/sheets";

describe("the command line never leaves half a file", () => {
  it("keeps the previous output when writing fails at the last step, and cleans up", async () => {
    const dir = tempDir();
    const input = await writeXlsx(path.join(dir, "in.xlsx"), minimalRanges());
    const out = path.join(dir, "ut.xlsx");
    expect((await runCli([input, "--out", out])).code).toBe(0);
    const previous = fs.readFileSync(out);
    // The module object itself (the import above is a read-only view of it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs: typeof import("fs") = require("fs");
    const rename = jest.spyOn(nodeFs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    try {
      const r = await runCli([input, "--out", out, "--json", path.join(dir, "ut.json")]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Kunde inte skriva ${out}: disken är full`);
      expect(r.err).not.toMatch(/ENOSPC|no space/);
    } finally {
      rename.mockRestore();
    }
    expect(fs.readFileSync(out).equals(previous)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["in.xlsx", "ut.xlsx"]);
  });
});

describe("refreshing twice inside Excel", () => {
  it("gives an identical tab, timestamp aside, and one report tab only", async () => {
    const fake = fakeFromWorkbook(buildExampleWorkbook());
    installFake(fake);
    const run = (minute: number) => fake.run((c) => refreshReport(c, { now: new Date(2024, 8, 12, 9, minute), supports: supportsAll }));
    await run(1);
    const first = JSON.stringify(fake.sheetValues("Rapport")).replace(/09:01/, "TT");
    await run(2);
    const second = JSON.stringify(fake.sheetValues("Rapport")).replace(/09:02/, "TT");
    expect(second).toBe(first);
    expect(fake.model.sheets.filter((s) => s.name.startsWith("Rapport")).map((s) => s.name)).toEqual(["Rapport"]);
  });
});
