import { FailureCode, MESSAGES } from "./messages";

/** A thrown, typed error for misuse or an unusable file. Its message is Swedish and for users. */
export class UppfoljningError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(
      MESSAGES[code].text.replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k]))),
    );
    this.name = "UppfoljningError";
  }
}
