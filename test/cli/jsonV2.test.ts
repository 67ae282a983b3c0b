/**
 * Contract v3 adds fields to `--json` and changes none: a v1 or v2 workbook gives, for every field it had before, the
 * same bytes as before v3 (test/fixtures/json-v2, written by the code before v3). The one exception is the withdrawn
 * `risks[].expectedValue`: it weighted a consequence by level / scale (level 4 of 4 as certain), a method issue 22
 * removed; `expectedEffect` takes its place, null without a probability. And a notice of v3 may join the list: a
 * workbook whose economic consequences are all positive is told that v3 signs a loss negative (RISK_CONSEQUENCE_SIGN_SUSPECT),
 * where v2 said nothing of their sign.
 */
import * as fs from "fs";
import * as path from "path";
import { runCli, tempDir, writeXlsx } from "../support/sheets";
import { V2_WORKBOOKS } from "../support/v2Workbooks";

type Doc = Record<string, unknown>;

/** The fields v3 adds, by where they stand. */
const V3_FIGURES = ["actualPriorYearFull", "changeFromPriorYear", "forecastPrevious", "forecastChange"];
const V3_TOP = ["nonRecurring", "responsibilityStatements", "forecastHistory", "forecastInterval"];
/** Notices v3 can give about a v1 or v2 workbook. */
const V3_NOTICES = ["RISK_CONSEQUENCE_SIGN_SUSPECT"];

/** A document as it was before v3: v3's fields taken away, everything else in its order. */
function beforeV3(doc: Doc): Doc {
  const figures = (f: unknown) => (f && typeof f === "object" ? Object.fromEntries(Object.entries(f).filter(([k]) => !V3_FIGURES.includes(k))) : f);
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) {
    if (V3_TOP.includes(k)) continue;
    if (k === "income") out[k] = (v as Doc[]).map(figures);
    else if (k === "totals") out[k] = Object.fromEntries(Object.entries(v as Doc).filter(([t]) => t !== "resultExcludingNonRecurring").map(([t, f]) => [t, figures(f)]));
    else if (k === "byResponsibility") out[k] = v === null ? null : (v as Doc[]).map((r) => figures(Object.fromEntries(Object.entries(r).filter(([f]) => f !== "revenue" && f !== "cost"))));
    else if (k === "indicators") out[k] = (v as Doc[]).map((i) => Object.fromEntries(Object.entries(i).filter(([f]) => !["group", "targetYear", "actualWomen", "actualMen", "previousWomen", "previousMen"].includes(f))));
    else if (k === "risks") out[k] = (v as Doc[]).map((r) => Object.fromEntries(Object.entries(r).filter(([f]) => !["probability", "probabilitySource", "expectedEffect"].includes(f))));
    else if (k === "sensitivity") out[k] = (v as Doc[]).map((x) => Object.fromEntries(Object.entries(x).filter(([f]) => f !== "breakEven")));
    else if (k === "measures") out[k] = (v as Doc[]).map((m) => Object.fromEntries(Object.entries(m).filter(([f]) => f !== "effectAt")));
    else if (k === "notices") out[k] = (v as Doc[]).filter((n) => !V3_NOTICES.includes(n.code as string));
    else if (k === "measuresSummary") out[k] = Object.fromEntries(Object.entries(v as Doc).filter(([f]) => f !== "elsewhereThisYear" && f !== "elsewhereNextYear"));
    else out[k] = v;
  }
  return out;
}

/** The fixture without the withdrawn field. */
function withoutWithdrawn(doc: Doc): Doc {
  return { ...doc, risks: (doc.risks as Doc[]).map((r) => Object.fromEntries(Object.entries(r).filter(([f]) => f !== "expectedValue"))) };
}

describe.each(Object.entries(V2_WORKBOOKS))("the %s workbook's JSON", (name, make) => {
  let now: Doc, before: Doc, text: string;
  beforeAll(async () => {
    const dir = tempDir();
    const file = await writeXlsx(path.join(dir, `${name}.xlsx`), make());
    const json = path.join(dir, `${name}.json`);
    const r = await runCli([file, "--out", path.join(dir, `${name}.ut.xlsx`), "--json", json]);
    expect(r.code).toBe(0);
    text = fs.readFileSync(json, "utf8");
    now = JSON.parse(text);
    before = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/json-v2", `${name}.json`), "utf8"));
  });

  it("has every earlier field with the same value, in the same order, written the same way", () => {
    // Compared as the writer serialises them: key order and each number's digits count, not only the values.
    expect(JSON.stringify(beforeV3(now))).toBe(JSON.stringify(withoutWithdrawn(before)));
  });

  it("writes the income lines one per line as before, the v3 figures after the earlier ones", () => {
    const lines = text.split("\n").filter((l) => l.startsWith('    {"responsibility"'));
    expect(lines.length).toBe((now.income as Doc[]).length);
    for (const l of lines) expect(l).toMatch(/"forecastVariance":[^,]+,"actualPriorYearFull":[^,]+,"changeFromPriorYear":[^,}]+,"forecastPrevious":[^,}]+,"forecastChange":[^,}]+\}/);
  });

  it("adds only the notice about the consequences' sign", () => {
    const added = (now.notices as Doc[]).filter((n) => V3_NOTICES.includes(n.code as string));
    expect(added.map((n) => [n.code, n.cell])).toEqual(name === "stod-huvudbok" ? [] : [["RISK_CONSEQUENCE_SIGN_SUSPECT", "Risker!E2"]]);
  });

  it("has the v3 fields, null where the workbook has nothing of v3", () => {
    expect(now.nonRecurring).toBeNull();
    expect((now.totals as Doc).resultExcludingNonRecurring).toBeNull();
    expect(now.responsibilityStatements).toEqual([]);
    for (const r of now.income as Doc[]) expect(r.actualPriorYearFull).toBeNull();
    for (const r of now.risks as Doc[]) expect([r.probability, r.expectedEffect, "expectedValue" in r]).toEqual([null, null, false]);
  });
});

it("the withdrawn expectedValue was the level-as-probability method: 150 × 2/4 = 75 for level 2 of 4", () => {
  const before = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/json-v2/v1.json"), "utf8"));
  expect(before.risks[0]).toMatchObject({ likelihood: 2, economicConsequence: 150, expectedValue: 75 });
});
