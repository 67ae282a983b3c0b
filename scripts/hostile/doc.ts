import * as fs from "fs";
import * as path from "path";
import { CASES, HostileCase } from "./cases";

export const DOC_PATH = path.join(__dirname, "..", "..", "..", "..", "docs", "fientliga-filer.md");

function exits(c: HostileCase): string {
  const e = c.expect.exit;
  return typeof e === "number" ? String(e) : e.join(" eller ");
}

function seconds(ms: number): string {
  return `${String(ms / 1000).replace(".", ",")} s`;
}

/** The documentation page of the hostile-file suite: every case, its exit code and its bounds. */
export function renderDoc(): string {
  const lines = [
    "# Fientliga filer: vad som händer",
    "",
    "Arbetsböcker kommer med e-post från främlingar. Varje rad är ett fall i testsviten (`scripts/hostile/cases.ts`),",
    "byggt av skriptet (`npm run hostile -- <mapp>` skriver filerna till en mapp) och kört genom den byggda",
    "kommandoraden i en egen process. Slutkod 0 betyder att rapporten skrevs, 1 att indata har fel (meddelandet",
    "nämner cellen), 2 att filen inte går att använda. Aldrig slutkod 3, aldrig ett stackspår eller engelsk text,",
    "aldrig en utfil eller tillfällig fil kvar när slutkoden inte är 0, och indatafilen ändras aldrig.",
    "Tidsgränsen gäller kommandots arbete (processens start räknas inte), minnesgränsen processens största",
    "residenta minne. Gränserna som paketet själv håller står i `src/hosts/xlsx/package/limits.ts`.",
    "",
    "| fall | vad filen innehåller | väntad slutkod | tidsgräns | minnesgräns |",
    "|---|---|---|---|---|",
  ];
  for (const c of CASES) {
    const extra = [c.expect.code ? `\`${c.expect.code}\`` : "", c.expect.cell ? `nämner ${c.expect.cell}` : ""].filter(Boolean).join(", ");
    lines.push(`| \`${c.id}\` | ${c.title.replace(/\|/g, "\\|")} | ${exits(c)}${extra ? ` (${extra})` : ""} | ${seconds(c.expect.maxMs)} | ${c.expect.maxRssMB} MB |`);
  }
  lines.push(
    "",
    "Dessutom gäller, och testas: när rapporten skrivs (slutkod 0) finns i utmappen bara utfilen och JSON-filen;",
    "en rapportcell har aldrig fler än 32 767 tecken; text som en entitet pekar på hamnar aldrig i utdata.",
    "",
  );
  return lines.join("\n");
}

if (require.main === module) {
  fs.writeFileSync(DOC_PATH, renderDoc());
  process.stdout.write(`Skrev ${DOC_PATH}\n`);
}
