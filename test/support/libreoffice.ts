/**
 * LibreOffice (Debian's libreoffice-calc-nogui) as a second, independent reader of the CLI's copies and as a
 * producer of workbooks. Every call gets a profile of its own, so runs never share or lock a user profile.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

function soffice(args: string[], timeoutMs: number): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-lo-"));
  try {
    return execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args], {
      encoding: "utf8",
      timeout: timeoutMs,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Converts the first sheet of each workbook to CSV (UTF-8) in one LibreOffice run. Returns, per input file, the
 * CSV's text, or null when LibreOffice could not load the file. Inputs must have distinct base names.
 */
export function firstSheetsAsCsv(files: string[], outDir: string): Map<string, string | null> {
  fs.mkdirSync(outDir, { recursive: true });
  // Token 12 = 1: the first sheet (not the active one), written as <name>-<sheet>.csv.
  soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1", "--outdir", outDir, ...files], 60_000 + 15_000 * files.length);
  const produced = fs.readdirSync(outDir);
  const result = new Map<string, string | null>();
  for (const f of files) {
    const base = path.basename(f).replace(/\.[^.]+$/, "");
    const csv = produced.find((p) => p.startsWith(`${base}-`) && p.endsWith(".csv")) ?? produced.find((p) => p === `${base}.csv`);
    result.set(f, csv ? fs.readFileSync(path.join(outDir, csv), "utf8") : null);
  }
  return result;
}

/** Opens a workbook in LibreOffice and saves it as .xlsx (Calc MS Excel 2007 XML) into outDir. */
export function roundTripXlsx(file: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file], 120_000);
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, "") + ".xlsx");
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/**
 * Whether the font Carlito (Calibri's metrics; Debian's fonts-crosextra-carlito) is installed, which the report's
 * layout measures with: without it a rendering tells nothing about the layout. Warns, or under CI=true throws.
 */
export function hasCarlito(): boolean {
  const found = (() => {
    try {
      return /carlito/i.test(execFileSync("fc-list", [], { encoding: "utf8" }));
    } catch {
      return false;
    }
  })();
  if (found) return true;
  const message = "Typsnittet Carlito saknas (Debian-paketet fonts-crosextra-carlito); utskriftstesterna hoppas över.";
  if (process.env.CI === "true") throw new Error(`${message} Under CI=true måste det finnas: .ci/run installerar det.`);
  console.warn(`VARNING: ${message}`);
  return false;
}
