/// <reference types="office-js" />
import { counted } from "../../report/language/grammar";
import { N } from "../../report/language/lexicon";
import { refreshReport } from "./refresh";
import { createTemplate } from "./template";
import { TemplateKind } from "../../contract/template";
import { swedishError } from "./officeErrors";
import { MAX_REQUEST_BYTES } from "./renderOffice";
import { DESKTOP_SYNC_BYTES } from "./officeSource";

/** Whether this Excel supports ExcelApi `version`. */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

function onTheWeb(): boolean {
  if (typeof Office === "undefined" || !Office.PlatformType) return false;
  const platform = Office.context?.platform;
  return platform !== undefined && platform !== null && platform === Office.PlatformType.OfficeOnline;
}

/**
 * Largest response to plan for per round trip. Excel on the web: "a payload size limit for requests and responses of
 * 5MB" (4 MB planned, with room for the estimate's error). Desktop Excel has no limit, but one response of hundreds of
 * megabytes is no better: it is capped too.
 */
export function responseLimit(): number {
  return onTheWeb() ? 4 * 1024 * 1024 : DESKTOP_SYNC_BYTES;
}

/** Excel on the web accepts at most 5 MB per request; desktop Excel takes the whole write in one request. */
export function requestLimit(): number {
  return onTheWeb() ? MAX_REQUEST_BYTES : Infinity;
}

/**
 * Excel.run for the add-in's own work: "When true, the batch request is executed immediately if the user is not in
 * cell edit mode, but if the user is in cell edit mode then the batch request is delayed until the user exits cell
 * edit mode." (Excel.RunOptions.delayForCellEdit, https://learn.microsoft.com/javascript/api/excel/excel.runoptions)
 * A host that does not know the option ignores it.
 */
export function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

/** Listeners the task pane registers to hear about refreshes started from the ribbon. */
const listeners: ((message: string, ok: boolean) => void)[] = [];
let last: { message: string; ok: boolean } | null = null;

/** Registers a listener; it hears the last ribbon outcome at once if there was one the pane has not shown yet. */
export function onRibbonOutcome(listener: (message: string, ok: boolean) => void): void {
  listeners.push(listener);
  if (last) listener(last.message, last.ok);
}

function tell(message: string, ok: boolean): void {
  last = { message, ok };
  for (const l of listeners) l(message, ok);
}

/**
 * A ribbon command's failure must be seen: the task pane may be closed, and its text alone would not be. The pane is
 * opened with the message in it: "You can show the task pane of your Office Add-in by calling the
 * Office.addin.showAsTaskpane() method." (SharedRuntime 1.1, which the ribbon requires;
 * https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in)
 */
async function showPane(): Promise<void> {
  try {
    if (typeof Office !== "undefined" && Office.addin && typeof Office.addin.showAsTaskpane === "function") await Office.addin.showAsTaskpane();
  } catch {
    // Nothing else can be shown from a ribbon command; the message waits in the pane.
  }
}

/** Ribbon: Uppdatera rapport. Works without the task pane ever having been opened; always completes the event. */
export async function refreshFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await runInExcel((context) =>
      refreshReport(context, { supports: supportsExcelApi, maxResponseBytes: responseLimit(), maxRequestBytes: requestLimit() }),
    );
    const errors = outcome.findings.filter((f) => f.severity === "error").length;
    tell(
      outcome.ok
        ? `Rapporten är uppdaterad (${counted(outcome.findings.length, N.notering)}).`
        : `Rapporten uppdaterades inte: ${errors} fel i indata. Se Noteringar nedan.`,
      outcome.ok,
    );
    if (!outcome.ok) await showPane();
  } catch (e) {
    tell(swedishError(e), false);
    await showPane();
  } finally {
    event.completed();
  }
}

/** What the user is told once a template is in place. */
export const TEMPLATE_DONE: Record<TemplateKind, string> = {
  budget: "Mallen är skapad: fyll i bladen Budget och Utfall och välj Uppdatera rapport.",
  ledger: "Mallen är skapad: klistra in huvudboken från ekonomisystemet på bladet Huvudbok, justera Kontoplan och välj Uppdatera rapport.",
};

/** Ribbon: Skapa mall › Budget och utfall, or › Huvudbok och kontoplan. */
export async function templateFromRibbon(event: Office.AddinCommands.Event, kind: TemplateKind = "budget"): Promise<void> {
  try {
    await runInExcel((context) => createTemplate(context, kind));
    tell(TEMPLATE_DONE[kind], true);
  } catch (e) {
    tell(swedishError(e), false);
    await showPane();
  } finally {
    event.completed();
  }
}

/** Registers the ribbon's functions with the shared runtime. */
export function registerCommands(): void {
  Office.actions.associate("refreshReport", refreshFromRibbon);
  Office.actions.associate("createTemplate", (event: Office.AddinCommands.Event) => templateFromRibbon(event, "budget"));
  Office.actions.associate("createLedgerTemplate", (event: Office.AddinCommands.Event) => templateFromRibbon(event, "ledger"));
}
