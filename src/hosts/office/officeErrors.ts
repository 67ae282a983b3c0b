/// <reference types="office-js" />
import { UppfoljningError } from "../../findings/errors";
import { FailureCode, MESSAGES } from "../../findings/messages";

/**
 * Excel's error codes (Excel.ErrorCodes, https://learn.microsoft.com/javascript/api/excel/excel.errorcodes) and the
 * message each gets from the catalogue. Cell edit mode is `InvalidOperationInCellEditMode`: "The operation isn't
 * available while Excel is in Edit cell mode." A plain `InvalidOperation` is something else (for instance a name that
 * is no single range, office-js #4321), so it is not told as cell editing.
 */
const OFFICE_CODES: Record<string, FailureCode> = {
  AccessDenied: "EXCEL_ACCESS_DENIED",
  ActivityLimitReached: "EXCEL_ACTIVITY_LIMIT",
  ApiNotFound: "EXCEL_API_NOT_FOUND",
  GeneralException: "EXCEL_GENERAL",
  InsertDeleteConflict: "EXCEL_INSERT_DELETE_CONFLICT",
  InvalidArgument: "EXCEL_INVALID_ARGUMENT",
  InvalidOperation: "EXCEL_INVALID_OPERATION",
  InvalidOperationInCellEditMode: "EXCEL_CELL_EDIT_MODE",
  InvalidReference: "EXCEL_INVALID_REFERENCE",
  ItemAlreadyExists: "EXCEL_ITEM_EXISTS",
  ItemNotFound: "EXCEL_ITEM_NOT_FOUND",
  MergedRangeConflict: "EXCEL_MERGED_CONFLICT",
  NotImplemented: "EXCEL_NOT_IMPLEMENTED",
  RangeExceedsLimit: "EXCEL_RANGE_TOO_LARGE",
  RequestAborted: "EXCEL_REQUEST_ABORTED",
  RequestPayloadSizeLimitExceeded: "EXCEL_REQUEST_TOO_LARGE",
  ResponsePayloadSizeLimitExceeded: "EXCEL_RESPONSE_TOO_LARGE",
  Unauthenticated: "EXCEL_UNAUTHENTICATED",
  Conflict: "EXCEL_CONFLICT",
};

/**
 * Where a refresh was when Excel stopped it, which decides what can truthfully be said about the report:
 * - `read`: while reading; nothing in the workbook was changed;
 * - `untouched`: while the new report was built on its hidden sheet; the previous report is as it was;
 * - `noReport`: while the first report was built; none was created;
 * - `created`: the first report is there under its name, but was not put first or activated;
 * - `partly`: while the report itself was being replaced; it may be partly new.
 */
export type RefreshStage = "read" | "untouched" | "noReport" | "created" | "partly";

const STAGE_MESSAGES: Record<RefreshStage, FailureCode> = {
  read: "REFRESH_STOPPED_READ",
  untouched: "REFRESH_STOPPED_UNTOUCHED",
  noReport: "REFRESH_STOPPED_NO_REPORT",
  created: "REFRESH_STOPPED_CREATED",
  partly: "REFRESH_STOPPED_PARTLY",
};

/** An error Excel raised during a refresh, with the stage it stopped at. `code` is Excel's own (GeneralException …). */
export class RefreshError extends Error {
  readonly code: string | undefined;
  constructor(
    override readonly cause: unknown,
    readonly stage: RefreshStage,
    readonly sheet: string | null,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "RefreshError";
    this.code = (cause as { code?: string } | null)?.code;
  }
}

/** A Swedish message for anything thrown during a refresh: our own errors, Office.js errors, or other failures. */
export function swedishError(e: unknown): string {
  if (e instanceof RefreshError) {
    const what = new UppfoljningError(STAGE_MESSAGES[e.stage], { sheet: e.sheet ?? "" }).message;
    return e.cause instanceof UppfoljningError ? `${what} ${e.cause.message}` : `${what} ${swedishError(e.cause)}`;
  }
  if (e instanceof UppfoljningError) return e.message;
  const code = (e as { code?: string })?.code;
  if (code && OFFICE_CODES[code]) return `${MESSAGES[OFFICE_CODES[code]].text} (${code})`;
  const msg = e instanceof Error ? e.message : String(e);
  return new UppfoljningError("EXCEL_OTHER", { detail: msg }).message;
}
