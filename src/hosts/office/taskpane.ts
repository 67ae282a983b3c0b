/// <reference types="office-js" />
import { parseRangeRef, splitSheetAddress } from "../../core/references";
import { DEFAULT_REPORT_SHEET } from "../../contract/reportSheetPolicy";
import { FoundRange } from "../../contract/schema";
import { PublicFinding, toPublic } from "../../findings/findings";
import { compute } from "../../pipeline";
import { TemplateKind } from "../../contract/template";
import { createTemplate } from "./template";
import { onRibbonOutcome, registerCommands, TEMPLATE_DONE, requestLimit, responseLimit, runInExcel, supportsExcelApi } from "./commands";
import { readOfficeSource } from "./officeSource";
import { swedishError } from "./officeErrors";
import { refreshReport, RefreshOutcome } from "./refresh";
import { capitalise, counted } from "../../report/language/grammar";
import { N } from "../../report/language/lexicon";
import { EDITABLE_SETTINGS, readSettingValues, SettingValues, validateSettingsForm, writeSettingValues } from "./settingsIO";

/** Lowest ExcelApi the add-in needs (named ranges with getRangeOrNullObject, tables, null objects). */
export const REQUIRED_EXCEL_API = "1.4";

const api = {
  async inspect(): Promise<{ found: FoundRange[]; findings: PublicFinding[] }> {
    return runInExcel(async (context) => {
      const read = await readOfficeSource(context, DEFAULT_REPORT_SHEET, { maxResponseBytes: responseLimit(), supports: supportsExcelApi });
      const c = compute(read.source);
      return { found: c.input.found, findings: [...c.findings.map(toPublic), ...read.notices.map(toPublic)] };
    });
  },
  refresh(): Promise<RefreshOutcome> {
    return runInExcel((context) => refreshReport(context, { supports: supportsExcelApi, maxResponseBytes: responseLimit(), maxRequestBytes: requestLimit() }));
  },
  async select(address: string): Promise<void> {
    const at = splitSheetAddress(address);
    if (!at || !parseRangeRef(at.local)) return;
    await runInExcel(async (context) => {
      const ws = context.workbook.worksheets.getItem(at.sheet);
      ws.activate();
      ws.getRange(at.local).select();
      await context.sync();
    });
  },
  createTemplate: (kind: TemplateKind): Promise<void> => runInExcel((context) => createTemplate(context, kind)),
  readSettings: (): Promise<SettingValues> => runInExcel((context) => readSettingValues(context)),
  writeSettings: (values: SettingValues): Promise<void> => runInExcel((context) => writeSettingValues(context, values, supportsExcelApi)),
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function setStatus(message: string, ok: boolean | null): void {
  const s = byId<HTMLDivElement>("status");
  s.textContent = message;
  s.className = ok === null ? "" : ok ? "ok" : "bad";
}

function showInputs(found: FoundRange[]): void {
  const list = byId<HTMLUListElement>("inputs");
  list.replaceChildren(
    ...found.map((f) => {
      const li = el("li");
      const mark = el("span", f.found ? "✓ " : "✗ ", f.found ? "ok" : f.required ? "bad" : "muted");
      mark.setAttribute("aria-hidden", "true");
      // The forecast history is the add-in's own: a refresh creates it.
      const text = f.found
        ? `${f.name}: ${f.rows} ${f.rows === 1 ? "rad" : "rader"} (${f.address})`
        : f.name === "Prognoshistorik"
          ? `${f.name}: skapas när rapporten uppdateras`
          : `${f.name}: saknas${f.required ? " (krävs)" : " (valfritt)"}`;
      li.append(mark, el("span", text));
      li.setAttribute("aria-label", `${f.found ? "Hittad" : "Saknas"}: ${text}`);
      return li;
    }),
  );
}

function showFindings(findings: PublicFinding[]): void {
  const box = byId<HTMLDivElement>("findings");
  if (findings.length === 0) {
    box.replaceChildren(el("p", "Inga noteringar.", "muted"));
    return;
  }
  const items = findings.slice(0, 300).map((f) => {
    const div = el("div", undefined, "finding");
    div.append(el("span", f.severity === "error" ? "Fel " : "Notering ", f.severity === "error" ? "sev-error" : "muted"));
    if (f.cell) {
      const a = el("a", f.cell);
      a.href = "#";
      a.setAttribute("data-address", f.cell);
      a.setAttribute("aria-label", `Gå till ${f.cell}`);
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        api.select(f.cell as string).catch((e) => setStatus(swedishError(e), false));
      });
      div.append(a, document.createTextNode(" "));
    }
    const message = f.cell && f.message.startsWith(f.cell) ? f.message.slice(f.cell.length).replace(/^[:\s]+/, "") : f.message;
    div.append(el("span", message.charAt(0).toUpperCase() + message.slice(1)));
    return div;
  });
  if (findings.length > 300) items.push(el("p", `… och ${findings.length - 300} till.`, "muted") as unknown as HTMLDivElement);
  box.replaceChildren(...items);
}

function showSummary(outcome: RefreshOutcome): void {
  const box = byId<HTMLDivElement>("summary");
  box.replaceChildren();
  const s = outcome.summary;
  if (!s) return;
  const section = (title: string, lines: string[]) => {
    if (!lines.length) return;
    box.append(el("h3", title, "muted"));
    const ul = el("ul");
    ul.append(...lines.map((l) => el("li", l)));
    box.append(ul);
  };
  box.append(el("p", s.result));
  if (s.measures) box.append(el("p", s.measures));
  if (s.interval) {
    box.append(el("h3", "Årets resultat som intervall", "muted"));
    box.append(el("p", s.interval.sentence));
    const ul = el("ul");
    ul.append(...s.interval.figures.map((l) => el("li", l)));
    box.append(ul);
  }
  section("Största avvikelser", s.variances);
  section("Indikatorer som inte är uppfyllda", s.indicatorsNotMet);
  section("Risker med högt riskvärde", s.highRisks);
}

async function inspect(): Promise<void> {
  try {
    const { found, findings } = await api.inspect();
    showInputs(found);
    showFindings(findings);
  } catch (e) {
    setStatus(swedishError(e), false);
  }
}

async function refresh(): Promise<void> {
  const button = byId<HTMLButtonElement>("refresh");
  const progress = byId<HTMLProgressElement>("progress");
  button.disabled = true;
  progress.hidden = false;
  setStatus("Uppdaterar rapporten …", null);
  try {
    const outcome = await api.refresh();
    showInputs(outcome.found);
    showFindings(outcome.findings);
    showSummary(outcome);
    const errors = outcome.findings.filter((f) => f.severity === "error").length;
    setStatus(
      outcome.ok
        ? `Rapporten på fliken ${outcome.sheetName} är uppdaterad. ${outcome.findings.length ? `${capitalise(counted(outcome.findings.length, N.notering))} om indata.` : "Inga noteringar."}`
        : `Rapporten uppdaterades inte: ${errors} fel i indata (se Noteringar). Den tidigare rapporten är orörd.`,
      outcome.ok,
    );
  } catch (e) {
    setStatus(swedishError(e), false);
  } finally {
    button.disabled = false;
    progress.hidden = true;
  }
}

async function makeTemplate(kind: TemplateKind): Promise<void> {
  const buttons = [byId<HTMLButtonElement>("template-budget"), byId<HTMLButtonElement>("template-ledger")];
  for (const b of buttons) b.disabled = true;
  try {
    await api.createTemplate(kind);
    setStatus(TEMPLATE_DONE[kind], true);
    await inspect();
    await loadSettings();
  } catch (e) {
    setStatus(swedishError(e), false);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

function buildSettingsForm(values: SettingValues): void {
  const form = byId<HTMLFormElement>("settings");
  form.replaceChildren();
  for (const s of EDITABLE_SETTINGS) {
    const id = `set-${s.key.replace(/\W+/g, "-")}`;
    const label = el("label", s.label);
    label.htmlFor = id;
    let input: HTMLInputElement | HTMLSelectElement;
    if (s.kind === "choice") {
      input = el("select");
      input.append(el("option", "(standard)"));
      (input.lastChild as HTMLOptionElement).value = "";
      for (const c of s.choices) {
        const o = el("option", c);
        o.value = c;
        input.append(o);
      }
    } else {
      input = el("input");
      input.type = "text";
      input.inputMode = s.kind === "sheetName" || s.kind === "text" ? "text" : "decimal";
    }
    input.id = id;
    input.name = s.key;
    input.value = values[s.key] ?? "";
    const error = el("div", "", "error");
    error.id = `${id}-error`;
    error.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", error.id);
    form.append(label, input, error);
  }
  const save = el("button", "Spara inställningar");
  save.type = "submit";
  form.append(save);
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const data: SettingValues = {};
    for (const s of EDITABLE_SETTINGS) data[s.key] = (form.elements.namedItem(s.key) as HTMLInputElement).value;
    const errors = validateSettingsForm(data);
    for (const s of EDITABLE_SETTINGS) {
      const id = `set-${s.key.replace(/\W+/g, "-")}`;
      byId<HTMLDivElement>(`${id}-error`).textContent = errors[s.key] ?? "";
      byId<HTMLInputElement>(id).setAttribute("aria-invalid", errors[s.key] ? "true" : "false");
    }
    if (Object.keys(errors).length) {
      setStatus("Inställningarna sparades inte: rätta de markerade fälten.", false);
      return;
    }
    try {
      await api.writeSettings(data);
      setStatus("Inställningarna är sparade i området Inställningar.", true);
    } catch (e) {
      setStatus(swedishError(e), false);
    }
  };
}

async function loadSettings(): Promise<void> {
  try {
    buildSettingsForm(await api.readSettings());
  } catch (e) {
    buildSettingsForm({});
    setStatus(swedishError(e), false);
  }
}

/** Starts the pane once Office is ready. The ribbon's commands are registered before, at the script's top level. */
export function start(): void {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel && typeof Excel === "undefined") {
      setStatus("Uppföljning körs i Excel. Öppna arbetsboken i Excel och välj fliken Uppföljning.", false);
      return;
    }
    if (!supportsExcelApi(REQUIRED_EXCEL_API)) {
      setStatus(`Den här versionen av Excel är för gammal för Uppföljning (kräver ExcelApi ${REQUIRED_EXCEL_API}). Uppdatera Office eller använd Excel på webben.`, false);
      byId<HTMLButtonElement>("refresh").disabled = true;
      return;
    }
    byId<HTMLButtonElement>("refresh").addEventListener("click", () => void refresh());
    byId<HTMLButtonElement>("reload").addEventListener("click", () => void inspect());
    byId<HTMLButtonElement>("template-budget").addEventListener("click", () => void makeTemplate("budget"));
    byId<HTMLButtonElement>("template-ledger").addEventListener("click", () => void makeTemplate("ledger"));
    onRibbonOutcome((message, ok) => {
      setStatus(message, ok);
      void inspect();
    });
    void inspect();
    void loadSettings();
  });
}

const page = globalThis as { uppfoljningUnsupported?: boolean; uppfoljningStarted?: boolean };
// boot.js (ES5) has already told the user that this webview cannot run the add-in, and given the ribbon its stand-ins.
if (!page.uppfoljningUnsupported) {
  // The ribbon's functions are associated when the script runs, not inside Office.onReady: "the first time you try to
  // click a command button in Excel, the associated command does not run" otherwise (office-js #5176, #3378).
  // Microsoft's sample for function commands calls Office.actions.associate at the top level of the file, beside its
  // Office.onReady (Create add-in commands with the add-in only manifest).
  if (typeof Office !== "undefined" && Office.actions) registerCommands();
  start();
  page.uppfoljningStarted = true;
}
