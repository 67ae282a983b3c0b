import { ContractInput, readContract } from "./contract/readContract";
import { SourceWorkbook } from "./contract/source";
import { computeAll, EngineResult } from "./engine";
import { finding, Finding, FindingList, hasErrors } from "./findings/findings";

/**
 * Rows of one list (risks, indicators, measures, investments, sensitivity factors) that the report and the figures
 * carry: far more than a nämnd reads (500 risks fill some twenty pages). A longer list is summarised: its first rows
 * in the report's order, with a notice saying how many there are; every figure is still computed from all of them.
 */
export const LIST_ROWS_SHOWN = 500;

/** The result with each list cut to LIST_ROWS_SHOWN rows, a notice for each list cut. */
function summariseLists(result: EngineResult, findings: Finding[]): EngineResult {
  const cut = <T>(items: T[], range: string | null, list: string, order: string): T[] => {
    if (items.length <= LIST_ROWS_SHOWN) return items;
    findings.push(finding("REPORT_LIST_SHORTENED", range, null, { list, count: items.length, shown: LIST_ROWS_SHOWN, order }));
    return items.slice(0, LIST_ROWS_SHOWN);
  };
  const inOrder = "de första i områdets ordning";
  const out: EngineResult = {
    ...result,
    risks: cut(result.risks, "Risker", "Risker", "de med högst riskvärde"),
    indicators: cut(result.indicators, "Indikatorer", "Indikatorer", inOrder),
    // Without a Känslighet range the analysis has a factor per post, sorted by effect like given ones.
    sensitivity: cut(result.sensitivity, null, "Känslighetsanalysen", "de med störst effekt"),
  };
  if (result.measures) out.measures = { ...result.measures, measures: cut(result.measures.measures, "Åtgärder", "Åtgärder", inOrder) };
  if (result.investments) {
    const projects = cut(result.investments.projects, "Investeringar", "Investeringar", inOrder);
    const shown = new Set(projects);
    out.investments = { ...result.investments, projects, groups: result.investments.groups.map((g) => ({ ...g, projects: g.projects.filter((p) => shown.has(p)) })) };
  }
  return out;
}

export type Computation =
  | { ok: true; input: ContractInput; result: EngineResult; findings: Finding[] }
  | { ok: false; input: ContractInput; findings: Finding[] };

/**
 * Reads a workbook's contract ranges and computes everything, or stops with every error found.
 * When reading already failed, the engine still runs so that matching errors (duplicate keys) are
 * reported in the same pass; its notices about the partial data are left out.
 */
export function compute(source: SourceWorkbook, now?: Date): Computation {
  const { input, findings } = readContract(source, now);
  const readFailed = hasErrors(findings);
  // Counted per kind like the reader's: a notice on each of a million rows is 25 of them and one saying how many
  // more, not a million lines on the screen, in the report and in the figures.
  const counted = new FindingList();
  const result = computeAll(input, counted);
  const engineFindings = counted.close();
  if (readFailed) {
    // One by one: spreading an unbounded list into arguments overflows the stack.
    for (const f of engineFindings) if (f.severity === "error") findings.push(f);
    return { ok: false, input, findings };
  }
  for (const f of engineFindings) findings.push(f);
  if (hasErrors(findings)) return { ok: false, input, findings };
  return { ok: true, input, result: summariseLists(result, findings), findings };
}
