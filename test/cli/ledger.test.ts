/**
 * A ledger export gives the same report as the summarised workbook it sums to: the bundled example and Stöd &
 * process 2014, each in both forms, through the command line.
 */
import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { buildLedgerExampleWorkbook } from "../../scripts/exampleLedger";
import { runCli, tempDir, writeXlsx } from "../support/sheets";
import { ledger, summarised } from "../support/stodProcess2014";

type Json = Record<string, unknown> & { income: Record<string, unknown>[]; notices: { code: string; message: string }[]; accounts?: Record<string, unknown>[] };

async function run(file: string): Promise<Json> {
  const json = file.replace(/\.xlsx$/, ".json");
  const r = await runCli([file, "--out", file.replace(/\.xlsx$/, ".ut.xlsx"), "--json", json]);
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(fs.readFileSync(json, "utf8"));
}

/** Everything but the notices and the accounts, income lines in a fixed order. */
function figures(j: Json): unknown {
  const { notices, accounts, ...rest } = j;
  void notices;
  void accounts;
  return { ...rest, income: [...j.income].sort((a, b) => `${a.responsibility}|${a.kind}|${a.item}`.localeCompare(`${b.responsibility}|${b.kind}|${b.item}`)) };
}

describe("the bundled example as a ledger", () => {
  let plain: Json, ledgerJson: Json;
  beforeAll(async () => {
    const dir = tempDir();
    await buildExampleWorkbook().xlsx.writeFile(path.join(dir, "sammanstalld.xlsx"));
    await buildLedgerExampleWorkbook().xlsx.writeFile(path.join(dir, "huvudbok.xlsx"));
    [plain, ledgerJson] = [await run(path.join(dir, "sammanstalld.xlsx")), await run(path.join(dir, "huvudbok.xlsx"))];
  });

  it("gives the same figures as the summarised example, to the last decimal", () => {
    expect(figures(ledgerJson)).toEqual(figures(plain));
  });

  it("says once that the balance-sheet accounts were left out, with their number and sum as the ledger books them", () => {
    const skipped = ledgerJson.notices.filter((n) => n.code === "LEDGER_BALANCE_SKIPPED");
    expect(skipped).toHaveLength(1);
    expect(skipped[0].message).toContain("2 rader");
    expect(skipped[0].message).toContain("469\u00a0135,79");
  });

  it("lists the accounts behind each post, and they add up to the post", () => {
    const accounts = ledgerJson.accounts ?? [];
    const posts = plain.income;
    for (const p of posts) {
      const mine = accounts.filter((a) => a.item === p.item && a.responsibility === p.responsibility);
      const sum = (k: string) => Math.round(mine.reduce((s, a) => s + (a[k] as number), 0) * 1e9);
      expect({ post: `${p.responsibility} ${p.item}`, actual: sum("actual"), budgetYear: sum("budgetYear"), forecast: sum("forecast") }).toEqual({
        post: `${p.responsibility} ${p.item}`,
        actual: Math.round((p.actual as number) * 1e9),
        budgetYear: Math.round((p.budgetYear as number) * 1e9),
        forecast: Math.round((p.forecast as number) * 1e9),
      });
    }
  });
});

describe("Stöd & process 2014 (input in tkr, report in mkr, a budget in balance)", () => {
  let plain: Json, ledgerJson: Json;
  beforeAll(async () => {
    const dir = tempDir();
    [plain, ledgerJson] = [
      await run(await writeXlsx(path.join(dir, "sammanstalld.xlsx"), summarised())),
      await run(await writeXlsx(path.join(dir, "huvudbok.xlsx"), ledger())),
    ];
  });

  it("balances to exactly 0, and the result's percentage is no number", () => {
    const result = (plain.totals as Record<string, Record<string, number | null>>).result;
    expect(result.budgetYear).toBe(0);
    expect(result.variancePercent).toBeNull();
  });

  it("gives the same figures from the ledger as from the summarised workbook", () => {
    expect(figures(ledgerJson)).toEqual(figures(plain));
  });

  it("maps 8511 (a financial cost in Kommun-Bas) to Kapitalkostnader, as its own Kontoplan row says", () => {
    expect((ledgerJson.accounts ?? []).find((a) => a.account === "8511")).toMatchObject({ item: "Kapitalkostnader" });
  });
});
