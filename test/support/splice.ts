/**
 * What the CLI's copy of a workbook must be, checked black-box from two inspections (inspect_xlsx.py) of the
 * input and the output: every part other than the workbook part, its rels, [Content_Types].xml, the styles part
 * and docProps/app.xml byte-identical after inflating; the report first and the user's sheets after it as they
 * were; every defined name with its value and the sheet it is scoped to; the user's active sheet still active;
 * app.xml's titles listing the report; every XML part well-formed with namespaces and without a DTD; valid part
 * names; openpyxl opening the copy. Each check returns readable problems, so one failing file shows them all.
 * The forecast history (contract v3) is the one other thing a copy may hold: the sheet Prognoshistorik, added last
 * when the input had none, its part rewritten (test/history checks its rows), and the workbook name of that sheet.
 */
import * as path from "path";
import { Inspection } from "./python";

const CONTENT_TYPES = "[content_types].xml";
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** CT_Workbook's sequence (transitional and strict alike). */
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr",
  "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

const lower = (s: string) => s.toLowerCase();

/** The sheet and workbook name of the forecast history. */
const HISTORY = "prognoshistorik";
const isHistory = (name: string | null | undefined) => !!name && lower(name) === HISTORY;
/** The history's own workbook name: `Prognoshistorik` referring to the sheet Prognoshistorik. */
const isHistoryName = (n: { name: string; value: string; scope: string | null }) => isHistory(n.name) && n.scope === null && /^'?prognoshistorik'?!/i.test(n.value.trim());

function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", path.posix.basename(part) + ".rels");
}

function partMap(i: Inspection): Map<string, { sha256?: string; error?: string }> {
  return new Map((i.parts ?? []).map((p) => [lower(p.name), p]));
}

function nameKey(n: { name: string; value: string; scope: string | null }): string {
  return `${n.name} [${n.scope ?? "arbetsbok"}] = ${n.value.trim()}`;
}

/** Problems that make a package unusable on its own, whatever it came from. */
export function packageProblems(out: Inspection): string[] {
  const problems: string[] = [];
  if (out.zipError) return [`not a readable zip: ${out.zipError}`];
  for (const d of out.zip?.duplicates ?? []) problems.push(`duplicate zip entry ${d}`);
  for (const b of out.zip?.badNames ?? []) problems.push(`invalid part name in the zip: ${JSON.stringify(b)}`);
  for (const p of out.parts ?? []) if (p.error) problems.push(`part ${p.name} cannot be read: ${p.error}`);
  for (const x of out.xml ?? []) {
    if (x.dtd) problems.push(`part ${x.part} has a DTD`);
    else if (!x.wellFormed) problems.push(`part ${x.part} is not well-formed XML with namespaces: ${x.error}`);
  }
  if (out.workbookError) problems.push(`workbook part unreadable: ${out.workbookError}`);
  if (out.contentTypes?.error) problems.push(`[Content_Types].xml unreadable: ${out.contentTypes.error}`);
  const ids = new Set<string>();
  for (const s of out.sheets ?? []) {
    if (!s.exists) problems.push(`sheet ${s.name} points at a missing part (${s.rid} → ${s.part})`);
    if (s.sheetId && ids.has(s.sheetId)) problems.push(`sheetId ${s.sheetId} used twice`);
    if (s.sheetId) ids.add(s.sheetId);
  }
  const children = out.workbook?.children ?? [];
  for (const c of new Set(children)) if (children.filter((x) => x === c).length > 1) problems.push(`workbook part has ${children.filter((x) => x === c).length} <${c}> elements`);
  const order = children.filter((c) => WORKBOOK_ORDER.includes(c)).map((c) => WORKBOOK_ORDER.indexOf(c));
  if (order.some((v, i) => i > 0 && v < order[i - 1])) problems.push(`workbook part's children are out of schema order: ${children.join(", ")}`);
  for (const n of out.names ?? []) if (n.scope?.startsWith("#invalid")) problems.push(`defined name ${n.name} has localSheetId ${n.localSheetId} beyond the sheets`);
  return problems;
}

const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"] as const;

/**
 * The style merge: the user's styles stay where they were (every style index in the user's sheets still means the
 * same), each section once, counts that agree, and every new cell format pointing at fonts, fills, borders and
 * number formats that exist, as does every style index the report sheet uses.
 */
export function stylesProblems(before: Inspection, after: Inspection, report: string): string[] {
  const problems: string[] = [];
  const a = after.styles;
  if (!a) {
    if (before.styles) problems.push("the copy lost its styles part");
    else problems.push("the copy has no styles part for the report's formats");
    return problems;
  }
  if (a.error || !a.sections) return [`styles part ${a.part} unreadable: ${a.error}`];
  for (const f of a.foreign ?? []) problems.push(`styles part has a section outside the spreadsheetml namespace: ${f}`);
  const b = before.styles?.sections;
  for (const name of STYLE_LISTS) {
    const sec = a.sections[name];
    if (sec.occurrences > 1) problems.push(`styles part has ${sec.occurrences} <${name}> sections`);
    if (sec.occurrences && sec.count != null && Number(sec.count) !== sec.children) problems.push(`<${name} count="${sec.count}"> holds ${sec.children}`);
    const kept = b?.[name]?.digests ?? [];
    const now = sec.digests ?? [];
    const moved = kept.findIndex((d, i) => now[i] !== d);
    if (moved >= 0) problems.push(`the user's ${name}[${moved}] is not kept in place (${kept.length} before, ${now.length} after)`);
  }
  const size = (name: string) => a.sections?.[name]?.children ?? 0;
  const formatIds = new Set((a.sections.numFmts.ids ?? []).map(Number));
  if (formatIds.size !== (a.sections.numFmts.ids ?? []).length) problems.push("number format ids used twice in <numFmts>");
  const firstNew = b?.cellXfs?.children ?? 0;
  (a.sections.cellXfs.refs ?? []).slice(firstNew).forEach((x, k) => {
    const i = firstNew + k;
    const check = (key: "fontId" | "fillId" | "borderId", list: string) => {
      if (x[key] != null && Number(x[key]) >= size(list)) problems.push(`cellXfs[${i}] ${key}=${x[key]} but <${list}> has ${size(list)}`);
    };
    check("fontId", "fonts");
    check("fillId", "fills");
    check("borderId", "borders");
    if (x.xfId != null && a.sections?.cellStyleXfs.occurrences && Number(x.xfId) >= size("cellStyleXfs")) problems.push(`cellXfs[${i}] xfId=${x.xfId} but <cellStyleXfs> has ${size("cellStyleXfs")}`);
    const id = Number(x.numFmtId ?? 0);
    if (id >= 164 && !formatIds.has(id)) problems.push(`cellXfs[${i}] numFmtId=${id} is not defined`);
  });
  const sheet = (after.sheets ?? []).find((s) => s.name.toLowerCase() === report.toLowerCase());
  if (sheet?.maxStyle !== undefined && sheet.maxStyle >= size("cellXfs")) problems.push(`the report uses style ${sheet.maxStyle} but <cellXfs> has ${size("cellXfs")}`);
  return problems;
}

export interface SpliceOptions {
  /** Name of the report sheet. */
  report: string;
  /**
   * The user's workbook before any report was added, whose styles must stay in place. On a refresh the input
   * already holds an earlier report's styles, which a copy may drop or reuse; by default, `before` itself.
   */
  userStyles?: Inspection;
}

/**
 * Everything the splice promises, comparing the input (`before`) with the CLI's output (`after`). When the input
 * already has a report of that name (a refresh), it is the one part set allowed to go.
 */
export function spliceProblems(before: Inspection, after: Inspection, { report, userStyles }: SpliceOptions): string[] {
  const problems = packageProblems(after);
  if (after.zipError || !before.workbook || !after.workbook) {
    if (!after.workbook && !after.zipError) problems.push("the copy has no workbook part");
    return problems;
  }
  const isReport = (name: string | null | undefined) => !!name && lower(name) === lower(report);
  const oldReport = (before.sheets ?? []).find((s) => isReport(s.name));

  // Parts: byte-identical except those the splice must edit.
  const wbDir = path.posix.dirname(before.workbook.part);
  const styles = before.workbook.relTargets.find((r) => r.type?.endsWith("/styles"))?.part ?? path.posix.join(wbDir === "." ? "" : wbDir, "styles.xml");
  const exempt = new Set([before.workbook.part, before.workbook.rels ?? relsPartOf(before.workbook.part), CONTENT_TYPES, styles, "docProps/app.xml"].map(lower));
  const oldHistory = (before.sheets ?? []).find((s) => isHistory(s.name));
  if (oldHistory?.part) exempt.add(lower(oldHistory.part));
  if (oldReport?.part) {
    exempt.add(lower(oldReport.part));
    if (oldReport.relsPart) exempt.add(lower(oldReport.relsPart));
    for (const t of oldReport.relTargets) exempt.add(lower(t));
    // The previous report's own drawing and charts are replaced with it.
    for (const t of oldReport.ownedParts ?? []) exempt.add(lower(t));
  }
  const afterParts = partMap(after);
  for (const p of before.parts ?? []) {
    if (exempt.has(lower(p.name)) || p.error) continue;
    const q = afterParts.get(lower(p.name));
    if (!q) problems.push(`part ${p.name} is missing from the copy`);
    else if (q.sha256 !== p.sha256) problems.push(`part ${p.name} changed (it must be copied byte for byte)`);
  }
  const beforeParts = partMap(before);
  const newReport = (after.sheets ?? [])[0];
  const allowedNew = new Set<string>([CONTENT_TYPES, lower(styles), "docProps/app.xml"]);
  if (newReport?.part) {
    allowedNew.add(lower(newReport.part));
    allowedNew.add(lower(relsPartOf(newReport.part)));
    for (const t of newReport.relTargets) allowedNew.add(lower(t));
    // The report's drawing, its relationships and its charts.
    for (const t of newReport.ownedParts ?? []) allowedNew.add(lower(t));
  }
  const afterSheets = after.sheets ?? [];
  const newHistory = !oldHistory && afterSheets.length > 0 && isHistory(afterSheets[afterSheets.length - 1].name) ? afterSheets[afterSheets.length - 1] : null;
  if (newHistory?.part) allowedNew.add(lower(newHistory.part));
  for (const p of after.parts ?? []) {
    if (!beforeParts.has(lower(p.name)) && !allowedNew.has(lower(p.name)) && !/sharedstrings\d*\.xml$/i.test(p.name)) {
      problems.push(`unexpected new part ${p.name}`);
    }
  }
  const missingBefore = new Set(before.contentTypes?.missing ?? []);
  for (const m of after.contentTypes?.missing ?? []) if (!missingBefore.has(m)) problems.push(`part ${m} has no content type`);

  // Sheets: the report first, then the user's as they were.
  const userSheets = (before.sheets ?? []).filter((s) => !isReport(s.name));
  const expectedNames = [report, ...userSheets.map((s) => s.name), ...(newHistory ? [newHistory.name] : [])];
  const afterNames = (after.sheets ?? []).map((s) => s.name);
  if (JSON.stringify(afterNames) !== JSON.stringify(expectedNames)) problems.push(`sheet order ${JSON.stringify(afterNames)}, expected ${JSON.stringify(expectedNames)}`);
  for (const s of userSheets) {
    const t = (after.sheets ?? []).find((x) => x.name === s.name);
    if (t && t.state !== s.state) problems.push(`sheet ${s.name} was ${s.state}, is ${t.state}`);
  }
  if (newReport && isReport(newReport.name)) {
    if (newReport.state !== "visible") problems.push(`the report sheet is ${newReport.state}`);
    if (!newReport.relType?.endsWith("/worksheet")) problems.push(`the report's relationship type is ${newReport.relType}`);
    if (newReport.exists && newReport.contentType !== WORKSHEET_CT) problems.push(`the report part has content type ${newReport.contentType}`);
    const family = before.workbook.ns.includes("purl.oclc.org") ? "http://purl.oclc.org/" : "http://schemas.openxmlformats.org/";
    if (newReport.relType && !newReport.relType.startsWith(family)) problems.push(`the report's relationship type ${newReport.relType} is not of the workbook's conformance class`);
    if (newReport.rootNs && newReport.rootNs !== before.workbook.ns) problems.push(`the report sheet is in namespace ${newReport.rootNs}, the workbook in ${before.workbook.ns}`);
  }
  if (after.workbook.ns !== before.workbook.ns) problems.push(`workbook namespace changed from ${before.workbook.ns} to ${after.workbook.ns}`);

  // Defined names: same value and the same sheet scope, whatever localSheetIds shifted.
  const keep = (i: Inspection) => (i.names ?? []).filter((n) => !isReport(n.scope) && !isHistoryName(n)).map(nameKey).sort();
  const lost = keep(before).filter((k) => !keep(after).includes(k));
  const gained = keep(after).filter((k) => !keep(before).includes(k));
  for (const k of lost) problems.push(`defined name lost or changed: ${k}`);
  for (const k of gained) problems.push(`defined name appeared or changed: ${k}`);
  for (const n of after.names ?? []) if (isReport(n.scope) && !n.name.startsWith("_xlnm.")) problems.push(`unexpected name ${n.name} scoped to the report`);

  // The user's active sheet stays active, with or without <bookViews>.
  const wasActive = before.active?.name ?? null;
  if (wasActive !== null) {
    const expected = isReport(wasActive) ? report : wasActive;
    if (after.active?.name !== expected) problems.push(`active sheet is ${after.active?.name}, expected ${expected} (input ${before.active?.bookViews ? "with" : "without"} <bookViews>)`);
    if (!isReport(expected) && newReport?.tabSelected) problems.push("the report sheet is marked tabSelected while another sheet is active");
  }

  // docProps/app.xml lists the report too.
  if (before.app?.titles) {
    const titles = after.app?.titles ?? null;
    if (!titles) problems.push("app.xml lost its TitlesOfParts");
    else {
      const withoutReport = (list: string[]) => {
        const i = list.findIndex((t) => isReport(t));
        return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
      };
      if (!titles.some(isReport)) problems.push(`app.xml's TitlesOfParts does not list ${report}: ${JSON.stringify(titles)}`);
      else if (JSON.stringify(withoutReport(titles)) !== JSON.stringify(withoutReport(before.app.titles))) {
        problems.push(`app.xml's TitlesOfParts ${JSON.stringify(titles)} is not the input's ${JSON.stringify(before.app.titles)} plus ${report}`);
      }
      if (before.app.consistent && !after.app?.consistent) problems.push("app.xml's HeadingPairs counts no longer match TitlesOfParts");
    }
  }

  problems.push(...stylesProblems(userStyles ?? before, after, report));

  // openpyxl opens the copy and sees its sheets, when it understood the input. (It ignores Strict namespaces
  // and sees no sheet in a Strict workbook; it is no judge of those.)
  const sameView = (i: Inspection) => JSON.stringify(i.openpyxl?.sheetnames ?? null) === JSON.stringify((i.sheets ?? []).map((s) => s.name));
  if (before.openpyxl?.ok && sameView(before) && after.openpyxl && !after.openpyxl.missing) {
    if (!after.openpyxl.ok) problems.push(`openpyxl cannot open the copy: ${after.openpyxl.error}`);
    else if (!sameView(after)) problems.push(`openpyxl sees sheets ${JSON.stringify(after.openpyxl.sheetnames)}, the workbook part lists ${JSON.stringify(afterNames)}`);
  }
  return problems;
}

/** A refresh of the copy gives the same package shape: the same parts, sheets, names, active sheet and titles. */
export function shapeProblems(first: Inspection, second: Inspection): string[] {
  const problems: string[] = [];
  const names = (i: Inspection) => (i.parts ?? []).map((p) => p.name).sort();
  const a = names(first), b = names(second);
  for (const p of a) if (!b.includes(p)) problems.push(`refresh lost part ${p}`);
  for (const p of b) if (!a.includes(p)) problems.push(`refresh added part ${p}`);
  const sheets = (i: Inspection) => JSON.stringify((i.sheets ?? []).map((s) => [s.name, s.state]));
  if (sheets(first) !== sheets(second)) problems.push(`refresh changed the sheets from ${sheets(first)} to ${sheets(second)}`);
  const dn = (i: Inspection) => JSON.stringify((i.names ?? []).map(nameKey).sort());
  if (dn(first) !== dn(second)) problems.push(`refresh changed the defined names from ${dn(first)} to ${dn(second)}`);
  if (first.active?.name !== second.active?.name) problems.push(`refresh changed the active sheet from ${first.active?.name} to ${second.active?.name}`);
  if (JSON.stringify(first.app?.titles ?? null) !== JSON.stringify(second.app?.titles ?? null)) {
    problems.push(`refresh changed app.xml's titles from ${JSON.stringify(first.app?.titles)} to ${JSON.stringify(second.app?.titles)}`);
  }
  return problems;
}
