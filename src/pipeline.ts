import { ContractInput, readContract } from "./contract/readContract";
import { SourceWorkbook } from "./contract/source";
import { computeAll, EngineResult } from "./engine";
import { Finding, hasErrors } from "./findings/findings";

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
  const engineFindings: Finding[] = [];
  const result = computeAll(input, engineFindings);
  if (readFailed) {
    findings.push(...engineFindings.filter((f) => f.severity === "error"));
    return { ok: false, input, findings };
  }
  findings.push(...engineFindings);
  if (hasErrors(findings)) return { ok: false, input, findings };
  return { ok: true, input, result, findings };
}
