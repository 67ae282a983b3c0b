/// <reference types="office-js" />
import { count } from "../../report/swedish";
import { refreshReport } from "./refresh";
import { createTemplate } from "./template";
import { swedishError } from "./officeErrors";

/** Whether this Excel supports ExcelApi `version`. */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

/** Excel on the web answers at most 5 MB per request; desktop Excel has no such limit. */
export function responseLimit(): number {
  const web = typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType?.OfficeOnline;
  return web ? 4 * 1024 * 1024 : Infinity;
}

/** Listeners the task pane registers to hear about refreshes started from the ribbon. */
const listeners: ((message: string, ok: boolean) => void)[] = [];
export function onRibbonOutcome(listener: (message: string, ok: boolean) => void): void {
  listeners.push(listener);
}
function tell(message: string, ok: boolean): void {
  for (const l of listeners) l(message, ok);
}

/** Ribbon: Uppdatera rapport. Works without the task pane ever having been opened; always completes the event. */
export async function refreshFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await Excel.run((context) => refreshReport(context, { supports: supportsExcelApi, maxResponseBytes: responseLimit() }));
    const errors = outcome.findings.filter((f) => f.severity === "error").length;
    tell(
      outcome.ok
        ? `Rapporten är uppdaterad (${count(outcome.findings.length, "notering", "noteringar")}).`
        : `Rapporten uppdaterades inte: ${errors} fel i indata. Öppna panelen för detaljer.`,
      outcome.ok,
    );
  } catch (e) {
    tell(swedishError(e), false);
  } finally {
    event.completed();
  }
}

/** Ribbon: Skapa mall. */
export async function templateFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run((context) => createTemplate(context));
    tell("Mallen är skapad: fyll i bladen Budget och Utfall och välj Uppdatera rapport.", true);
  } catch (e) {
    tell(swedishError(e), false);
  } finally {
    event.completed();
  }
}

/** Registers the ribbon's functions with the shared runtime. */
export function registerCommands(): void {
  Office.actions.associate("refreshReport", refreshFromRibbon);
  Office.actions.associate("createTemplate", templateFromRibbon);
}
