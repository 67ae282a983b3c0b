/**
 * Producer variants of the bundled example: the same workbook as openpyxl, LibreOffice, ExcelJS and SheetJS
 * write it, and as other legal spellings of the same XML would (prefixed elements, single quotes, UTF-16, Strict
 * namespaces, no cell references, exponent numbers, inline strings, rich text, character references). Each must
 * give the plain example's figures; where the format carries no figure (formulas without values) the CLI must
 * refuse, naming only cells that really hold a formula without a value. Every copy the CLI writes must pass the
 * splice checks and open in openpyxl.
 */
import { differencesFromOpenpyxl, openpyxlValues, Ref } from "../support/openpyxlValues";
import * as XLSX from "@e965/xlsx";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { formatAddress } from "../../src/core/references";
import { runXlsx } from "../../src/hosts/xlsx/runXlsx";
import { roundTripXlsx } from "../support/libreoffice";
import { hasPythonOpenpyxl, Inspection, inspectXlsx, PYTHON, PYTHON_DIR } from "../support/python";
import { runCli, tempDir } from "../support/sheets";
import { spliceProblems } from "../support/splice";
import { hasProgram } from "../support/system";
import { foreignText } from "../support/userText";

type Expect = "figures" | "refusal";

interface Variant {
  id: string;
  /** What the variant is, for the test name. */
  title: string;
  expect: Expect;
  make(plain: string, target: string, dir: string): Promise<void> | void;
  needs?: "soffice";
}

function python(kind: string) {
  return (plain: string, target: string) => {
    execFileSync(PYTHON, [path.join(PYTHON_DIR, "variants.py"), kind, plain, target], { stdio: "pipe", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  };
}

/** SheetJS (community edition) writes no tables: each table is carried over as a defined name of its range. */
function sheetjs(plain: string, target: string): void {
  const wb = XLSX.read(fs.readFileSync(plain), { cellFormula: true, cellNF: true, cellStyles: true });
  const names = (wb.Workbook ??= {}).Names ?? (wb.Workbook.Names = []);
  if (!names.some((n) => n.Name === "Budget")) names.push({ Name: "Budget", Ref: `Budget!${(wb.Sheets.Budget["!ref"] as string).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}` });
  fs.writeFileSync(target, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
}

const VARIANTS: Variant[] = [
  { id: "exceljs", title: "ExcelJS (the plain example)", expect: "figures", make: (p, t) => fs.copyFileSync(p, t) },
  { id: "openpyxl", title: "openpyxl load and save (formulas written without values)", expect: "refusal", make: python("openpyxl") },
  { id: "openpyxl-values", title: "openpyxl with cached values", expect: "figures", make: python("openpyxl-values") },
  { id: "libreoffice", title: "LibreOffice round trip", expect: "figures", make: (p, _t, dir) => void fs.renameSync(roundTripXlsx(p, path.join(dir, "lo")), path.join(dir, "libreoffice.xlsx")), needs: "soffice" },
  { id: "sheetjs", title: "SheetJS", expect: "figures", make: sheetjs },
  { id: "prefixed", title: "every element prefixed (x:workbook …)", expect: "figures", make: python("prefixed") },
  { id: "single-quoted", title: "attributes in single quotes", expect: "figures", make: python("single-quoted") },
  { id: "utf16", title: "every XML part in UTF-16", expect: "figures", make: python("utf16") },
  { id: "strict", title: "Strict OOXML namespaces", expect: "figures", make: python("strict") },
  { id: "no-refs", title: "rows and cells without r attributes", expect: "figures", make: python("no-refs") },
  { id: "exponent", title: "numbers in exponent form", expect: "figures", make: python("exponent") },
  { id: "inline-strings", title: "inline strings instead of shared strings", expect: "figures", make: python("inline-strings") },
  { id: "rich-text", title: "shared strings as rich text runs with xml:space and phonetic runs", expect: "figures", make: python("rich-text") },
  { id: "char-refs", title: "hex and decimal character references", expect: "figures", make: python("char-refs") },
  { id: "names-and-views", title: "sheet-scoped names, a hidden sheet and another sheet active", expect: "figures", make: python("names-and-views") },
  { id: "formulas-empty-v", title: "formulas written <f>…</f><v></v>", expect: "refusal", make: python("formulas-empty-v") },
  { id: "formulas-no-v", title: "formulas written <f>…</f> with no <v>", expect: "refusal", make: python("formulas-no-v") },
];

const FIGURES = ["unit", "months", "income", "totals", "byResponsibility", "indicators", "risks", "sensitivity"] as const;

function figures(json: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIGURES.map((k) => [k, json[k]]));
}

let ready = false;
let dir: string;
let plainFigures: Record<string, unknown>;
const made = new Map<string, string>();
const skipped = new Map<string, string>();
const inputs = new Map<string, Inspection>();
let refs: Record<string, Ref> = {};

beforeAll(async () => {
  ready = hasPythonOpenpyxl();
  if (!ready) return;
  dir = tempDir();
  const plain = path.join(dir, "plain.xlsx");
  await buildExampleWorkbook().xlsx.writeFile(plain);
  const r = await runCli([plain, "--out", path.join(dir, "plain.ut.xlsx"), "--json", path.join(dir, "plain.json")]);
  expect(r.code).toBe(0);
  plainFigures = figures(JSON.parse(fs.readFileSync(path.join(dir, "plain.json"), "utf8")));
  const soffice = hasProgram("soffice", "libreoffice-calc-nogui");
  for (const v of VARIANTS) {
    if (v.needs === "soffice" && !soffice) {
      skipped.set(v.id, "soffice saknas");
      continue;
    }
    const target = path.join(dir, `${v.id}.xlsx`);
    await v.make(plain, target, dir);
    made.set(v.id, target);
  }
  for (const [file, info] of Object.entries(inspectXlsx([...made.values()]))) inputs.set(file, info);
  refs = openpyxlValues([...made.values()]);
}, 180_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(VARIANTS.map((v) => [v.id, v] as [string, Variant]))("%s", (id, v) => {
  it("every cell as openpyxl, an independent reader, reads it", async () => {
    if (!ready || skipped.has(id)) return;
    const input = made.get(id) as string;
    const ref = refs[input];
    // openpyxl opens every variant except Strict OOXML, which it does not support.
    if (id === "strict") return;
    expect(ref).toMatchObject({ ok: true });
    expect(await differencesFromOpenpyxl(input, ref)).toEqual([]);
  });

  const title = v.expect === "figures" ? `${v.title}: the plain example's figures and a sound copy` : `${v.title}: refused, naming the formula cells`;
  it(title, async () => {
    if (!ready || skipped.has(id)) return;
    const input = made.get(id) as string;
    const before = inputs.get(input) as Inspection;
    const outDir = path.join(dir, `ut-${id}`);
    fs.mkdirSync(outDir);
    const out = path.join(outDir, "kopia.xlsx");
    const json = path.join(outDir, "kopia.json");
    const r = await runCli([input, "--out", out, "--json", json]);
    expect(foreignText(r.err + r.out, [input, outDir])).toEqual([]);

    if (v.expect === "figures") {
      expect({ code: r.code, err: r.err.slice(0, 600) }).toEqual({ code: 0, err: "" });
      expect(figures(JSON.parse(fs.readFileSync(json, "utf8")))).toEqual(plainFigures);
      const after = inspectXlsx([out])[out];
      expect(spliceProblems(before, after, { report: "Rapport" })).toEqual([]);
      return;
    }

    // No figure in the format: exit 1, only FORMULA_NOT_CALCULATED errors, each on a formula without a value.
    expect({ code: r.code, out: fs.existsSync(out), json: fs.existsSync(json) }).toEqual({ code: 1, out: false, json: false });
    const outcome = await runXlsx({ input, out: path.join(outDir, "runxlsx.xlsx") });
    expect(outcome.ok).toBe(false);
    const errors = outcome.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const noValue = new Set((before.sheets ?? []).flatMap((s) => (s.formulasWithoutValue ?? []).map((ref) => formatAddress({ sheet: s.name, ...a1(ref) }))));
    for (const e of errors) {
      expect({ code: e.code, cell: e.at && formatAddress(e.at) }).toEqual({ code: "FORMULA_NOT_CALCULATED", cell: expect.any(String) });
      expect(noValue).toContain(formatAddress(e.at as NonNullable<typeof e.at>));
      expect(r.err).toContain(formatAddress(e.at as NonNullable<typeof e.at>));
    }
  });
});

function a1(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}
