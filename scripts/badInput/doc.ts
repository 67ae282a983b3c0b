import * as fs from "fs";
import * as path from "path";
import { CASES } from "./cases";

export const DOC_PATH = path.join(__dirname, "..", "..", "..", "..", "docs", "felaktiga-indata.md");

/** The documentation page of the bad-input suite: every case and what comes of it. */
export function renderDoc(): string {
  const lines = [
    "# Felaktiga indata: vad som händer",
    "",
    "Varje rad är ett fall i testsviten (`scripts/badInput/cases.ts`). Arbetsböckerna skapas av skriptet",
    "(`npm run bad-input -- <mapp>` skriver dem till en mapp så att du kan öppna dem) och körs genom både",
    "kommandoraden och Office-värden. *Stoppas* betyder att ingen rapport skrivs och att kommandot avslutas med",
    "kod 1 (fel i indata) eller 2 (filen går inte att använda); *fortsätter* betyder att rapporten skrivs och att",
    "fyndet visas som en notering. Varje meddelande är på svenska, nämner område och cell och saknar stackspår.",
    "",
    "| fall | arbetsboken | utfall | fynd (kod, område, cell) | körs i |",
    "|---|---|---|---|---|",
  ];
  for (const c of CASES) {
    const found = c.expect.length ? c.expect.map((e) => `\`${e.code}\` ${e.range ?? "–"} ${e.cell ?? ""}`.trim()).join("<br>") : "inget fynd";
    const hosts = c.hosts.map((h) => (h === "xlsx" ? "kommandoraden" : "Excel")).join(", ") + (c.note ? ` (${c.note})` : "");
    lines.push(`| \`${c.id}\` | ${c.title} | ${c.refused ? "stoppas" : "fortsätter"} | ${found} | ${hosts} |`);
  }
  lines.push(
    "",
    "Dessutom gäller, och testas: text från celler som börjar med `=`, `+`, `-`, `@`, tab eller radbrytning blir",
    "aldrig en formel i rapporten; inget uttryck ur arbetsboken räknas ut; två uppdateringar i rad ger samma",
    "rapportflik; indataområden och andra blad ändras aldrig; ett fel mitt i skrivningen lämnar den förra",
    "rapporten orörd; kommandoraden skriver aldrig över indatafilen och lämnar aldrig en halvskriven utfil.",
    "",
  );
  return lines.join("\n");
}

if (require.main === module) {
  fs.writeFileSync(DOC_PATH, renderDoc());
  process.stdout.write(`Skrev ${DOC_PATH}\n`);
}
