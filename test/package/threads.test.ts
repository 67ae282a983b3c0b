/**
 * Sheets read on a worker thread come back exactly as read on this one: values, formats, texts from the worker's
 * own string table, hidden rows; and a refusal inside the worker is the same refusal. Runs the compiled reader
 * (the worker exists only there), compiling first when the sources are newer.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { isContractRangeName } from "../../src/contract/schema";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { materialise, tempDir, writeXlsx } from "../support/sheets";

const ROOT = path.join(__dirname, "..", "..");

function readBuilt(file: string, threads: "never" | "always"): { entries?: unknown[]; sheetsOnWorker?: number; error?: { code: string; message: string } } {
  const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "run-built.js"), "test/support/readThreads.js", file, threads], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

/** Budget is the largest sheet, so with `always` it is read here and Utfall and Risker in the worker. */
async function sample(dir: string): Promise<string> {
  const budget: (string | number | null)[][] = [["Ansvar", "Post", "Typ", "Helår"]];
  for (let i = 0; i < 400; i++) budget.push([`Ansvar ${i % 7}`, `Post ${i}`, i % 5 === 0 ? "Intäkt" : "Kostnad", i % 5 === 0 ? 1000 + i : -(500 + i * 0.25)]);
  return writeXlsx(path.join(dir, "tradar.xlsx"), {
    Budget: { rows: budget },
    Utfall: {
      rows: [
        ["Ansvar", "Post", "Utfall", "Prognos"],
        ["Ansvar 0", "Post 0", 510.5, { formula: "C2*2" }],
        ["Ansvar 1", "Post 1", -260, -520],
        ["Ansvar 2", "Ekonomi – åäö ”citat”", 12, null],
      ],
      formats: [[], [], [null, null, null, "0.0%"]],
      hiddenRows: [3],
    },
    Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens"], ["Brand", 2, 4], ["Datum", new Date(Date.UTC(2024, 5, 30)), 1]] },
    Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 6]] },
  });
}

describe("reading sheets on a worker thread", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir();
    file = await sample(dir);
  }, 60_000);

  it("gives every range exactly as the reader on one thread, and as the reader run from the sources", async () => {
    const one = readBuilt(file, "never");
    const two = readBuilt(file, "always");
    expect(one.error).toBeUndefined();
    expect([one.sheetsOnWorker, two.sheetsOnWorker]).toEqual([0, 3]);
    expect(two.entries).toEqual(one.entries);
    const fromSources = materialise((await readWorkbook(fs.readFileSync(file), file, isContractRangeName)).source.entries);
    const plain = (v: unknown): unknown => (v instanceof Date ? { date: v.toISOString() } : Array.isArray(v) ? v.map(plain) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
    expect(JSON.parse(JSON.stringify(plain(fromSources)))).toEqual(one.entries);
    // Texts and formulas of the worker's sheet (its own string table) and a date came through.
    expect(JSON.stringify(two.entries)).toContain("Ekonomi – åäö ”citat”");
    expect(JSON.stringify(two.entries)).toContain('"formula":"=C2*2"');
  }, 120_000);

  it("refuses a broken sheet read by the worker with the same error as on one thread", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    // The smallest sheet with data is read by the worker.
    const sizes = await Promise.all(sheets.map(async (n) => [n, (await zip.file(n)!.async("string")).length] as const));
    const target = sizes.sort((a, b) => a[1] - b[1]).find(([n]) => n !== sizes[sizes.length - 1][0])![0];
    const xml = await zip.file(target)!.async("string");
    zip.file(target, xml.replace("</sheetData>", "<row r=\"99\"><c r=\"A99\"><v>1</v></row></sheetData>"));
    const broken = path.join(dir, "trasig.xlsx");
    fs.writeFileSync(broken, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const one = readBuilt(broken, "never");
    const two = readBuilt(broken, "always");
    expect(one.error?.code).toBe("XML_MALFORMED");
    expect(two).toEqual(one);
  }, 120_000);
});
