/** The bad-input suite (scripts/badInput/cases.ts) through the file host, the command line and the Office host. */
import * as fs from "fs";
import * as path from "path";
import { BadInputCase, CASES, ExpectedFinding } from "../../scripts/badInput/cases";
import { renderDoc } from "../../scripts/badInput/doc";
import { writeCase } from "../../scripts/badInput/generate";
import { UppfoljningError } from "../../src/findings/errors";
import { toPublic } from "../../src/findings/findings";
import { MESSAGES } from "../../src/findings/messages";
import { refreshReport } from "../../src/hosts/office/refresh";
import { runXlsx } from "../../src/hosts/xlsx/runXlsx";
import { fakeFromRanges, installFake, supportsAll } from "../support/officeFixtures";
import { runCli, tempDir } from "../support/sheets";

interface Seen {
  code: string;
  range: string | null;
  cell: string | null;
  message: string;
}

function expectFindings(seen: Seen[], expected: ExpectedFinding[]): void {
  for (const e of expected) {
    expect(seen).toContainEqual(expect.objectContaining({ code: e.code, range: e.range, cell: e.cell }));
    if (e.message !== undefined) expect(seen).toContainEqual(expect.objectContaining({ code: e.code, cell: e.cell, message: expect.stringContaining(e.message) }));
  }
  for (const s of seen) {
    expect(s.message).not.toMatch(/\n\s+at |Error:|undefined|NaN|\{\w+\}/);
    if (s.cell) expect(s.message).toContain(s.cell);
  }
}

const dir = tempDir();

/** A case refused by a thrown failure (a file that cannot be used, a report tab that cannot be written), not by findings. */
const byFailure = (c: BadInputCase) => c.refused && (!!c.file || c.expect.some((e) => MESSAGES[e.code].severity === "failure"));

it("has at least 40 workbooks", () => {
  expect(CASES.filter((c) => c.hosts.includes("xlsx")).length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
});

it("is documented case by case in docs/felaktiga-indata.md", () => {
  expect(fs.readFileSync(path.join(__dirname, "../../docs/felaktiga-indata.md"), "utf8")).toBe(renderDoc());
});

describe.each(CASES.filter((c) => c.hosts.includes("xlsx")).map((c) => [c.id, c] as [string, BadInputCase]))("file host: %s", (id, c) => {
  let file: string;
  let before: Buffer;
  beforeAll(async () => {
    file = await writeCase(c, path.join(dir, `${id}.xlsx`));
    before = fs.readFileSync(file);
  });

  it(c.refused ? "is refused with the expected findings" : "goes on with the expected findings", async () => {
    const out = path.join(dir, `${id}.ut.xlsx`);
    let seen: Seen[];
    try {
      const outcome = await runXlsx({ input: file, out });
      expect(outcome.ok).toBe(!c.refused);
      seen = outcome.findings.map(toPublic);
    } catch (e) {
      expect(e).toBeInstanceOf(UppfoljningError);
      expect(c.refused).toBe(true);
      const err = e as UppfoljningError;
      seen = [{ code: err.code, range: null, cell: null, message: err.message }];
    }
    expectFindings(seen, c.expect);
    expect(fs.existsSync(out)).toBe(!c.refused);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("gives the right exit code and Swedish messages without a stack trace on the command line", async () => {
    const r = await runCli([file, "--out", path.join(dir, `${id}.cli.xlsx`)]);
    expect(r.code).toBe(c.refused ? (byFailure(c) ? 2 : 1) : 0);
    expect(r.err + r.out).not.toMatch(/\n\s+at /);
    for (const e of c.expect) if (e.cell) expect(r.err + r.out).toContain(e.cell);
    for (const e of c.expect) if (e.message) expect(r.err + r.out).toContain(e.message);
    if (c.refused && !byFailure(c)) {
      const outcome = await runXlsx({ input: file, out: path.join(dir, `${id}.count.xlsx`) });
      expect(r.err).toContain(`har ${outcome.findings.filter((f) => f.severity === "error").length} fel som måste rättas först`);
    }
  });
});

describe.each(CASES.filter((c) => c.hosts.includes("office")).map((c) => [c.id, c] as [string, BadInputCase]))("Office host: %s", (_id, c) => {
  it(c.refused ? "is refused with the expected findings" : "goes on with the expected findings", async () => {
    const fake = fakeFromRanges(c.ranges ?? {});
    for (const [n, formula] of Object.entries(c.rawNames ?? {})) fake.model.names.set(n, "=" + formula);
    for (const [key, name] of Object.entries(c.sheetScoped ?? {})) {
      // The range's name, moved from the workbook's names to its own sheet's (worksheet.names).
      fake.model.sheet(c.ranges?.[key].sheet ?? key)?.names.set(name, fake.model.names.get(key) as string);
      fake.model.names.delete(key);
    }
    installFake(fake);
    const sheetsBefore = fake.model.sheets.map((s) => s.name);
    let seen: Seen[];
    try {
      const outcome = await fake.run((context) => refreshReport(context, { supports: supportsAll }));
      expect(outcome.ok).toBe(!c.refused);
      seen = outcome.findings;
    } catch (e) {
      expect(e).toBeInstanceOf(UppfoljningError);
      expect(byFailure(c)).toBe(true);
      const err = e as UppfoljningError;
      seen = [{ code: err.code, range: null, cell: null, message: err.message }];
    }
    expectFindings(seen, c.expect);
    if (c.refused) expect(fake.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    else expect(fake.model.sheet("Rapport") !== null).toBe(true);
  });
});
