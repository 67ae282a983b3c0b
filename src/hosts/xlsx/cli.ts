import { UppfoljningError } from "../../findings/errors";
import { Finding, toPublic } from "../../findings/findings";
import { runXlsx, RunOptions } from "./runXlsx";

/** Parses `<in.xlsx> --out <out.xlsx> [--json <out.json>] [--report-only]`. */
export function parseArgs(argv: readonly string[]): RunOptions {
  let input: string | undefined;
  let out: string | undefined;
  let json: string | undefined;
  let reportOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UppfoljningError("USAGE", { detail: `${a} behöver ett filnamn.` });
      return v;
    };
    if (a === "--out" || a === "-o") out = value();
    else if (a === "--json") json = value();
    else if (a === "--report-only") reportOnly = true;
    else if (a.startsWith("-")) throw new UppfoljningError("USAGE", { detail: `Okänd flagga ${a}.` });
    else if (input === undefined) input = a;
    else throw new UppfoljningError("USAGE", { detail: `Bara en indatafil kan anges (fick även ${a}).` });
  }
  if (!input) throw new UppfoljningError("USAGE", { detail: "Ange arbetsboken som ska läsas." });
  if (!out) throw new UppfoljningError("USAGE", { detail: "Ange utfilen med --out." });
  return { input, out, json, reportOnly };
}

function printFindings(findings: readonly Finding[], write: (s: string) => void): void {
  for (const f of findings.map(toPublic)) {
    const tag = f.severity === "error" ? "FEL" : "Notering";
    write(`  ${tag}: ${f.message}\n`);
  }
}

const HELP = [
  "Skapar delårsrapportens ekonomiska del ur en arbetsbok och skriver en kopia med rapportfliken först.",
  "  --out, -o <fil>   utfilen (.xlsx, eller .xlsm om arbetsboken har makron)",
  "  --json <fil>      siffrorna som JSON (formen står i docs/arbetsboken.md)",
  "  --report-only     en arbetsbok med bara rapporten",
  "Slutkod: 0 rapporten skrevs, 1 fel i arbetsbokens data, 2 filen går inte att använda eller fel i kommandot.",
].join("\n");

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

const PROCESS_OUTPUT: Output = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** The command line: exit 0 on success, 1 on errors in the workbook's data, 2 on misuse, unusable files or failed writes. */
export async function main(argv: readonly string[], io: Output = PROCESS_OUTPUT): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(`${new UppfoljningError("USAGE", { detail: HELP }).message}\n`);
    return 0;
  }
  try {
    const options = parseArgs(argv);
    const outcome = await runXlsx(options);
    if (!outcome.ok) {
      const errors = outcome.findings.filter((f) => f.severity === "error");
      io.err(`${new UppfoljningError("REPORT_REFUSED", { path: options.input, count: errors.length }).message}\n`);
      printFindings(errors, io.err);
      const notices = outcome.findings.filter((f) => f.severity !== "error");
      if (notices.length) {
        io.err(`Dessutom ${notices.length} ${notices.length === 1 ? "notering" : "noteringar"}:\n`);
        printFindings(notices, io.err);
      }
      return 1;
    }
    io.out(`Rapporten är skriven till ${outcome.out}\n`);
    if (outcome.json) io.out(`Siffrorna är skrivna till ${outcome.json}\n`);
    if (outcome.findings.length) {
      io.out(`${outcome.findings.length} ${outcome.findings.length === 1 ? "notering" : "noteringar"} om indata:\n`);
      printFindings(outcome.findings, io.out);
    }
    return 0;
  } catch (e) {
    if (e instanceof UppfoljningError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    // A fault of ours, not of the file: still a Swedish message and no stack trace (unless asked for).
    const kind = e instanceof RangeError ? "minnet eller en gräns tog slut" : e instanceof Error ? e.name : "okänt";
    io.err(`${new UppfoljningError("INTERNAL", { detail: kind }).message}\n`);
    if (process.env.UPPFOLJNING_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
