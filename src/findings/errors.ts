import { FailureCode, formatMessage, ParamArgs, ParamsOf } from "./messages";
import { AnyParamValue } from "./params";

/**
 * A thrown, typed error for misuse or an unusable file. Its message is Swedish and for users; its parameters are
 * the code's own, typed (messages.ts).
 *
 *   throw new UppfoljningError("FILE_NOT_FOUND", { path })
 */
export class UppfoljningError<C extends FailureCode = FailureCode> extends Error {
  readonly params: Readonly<Record<string, AnyParamValue>>;

  constructor(
    readonly code: C,
    ...[params]: ParamArgs<C>
  ) {
    const p: Readonly<Record<string, AnyParamValue>> = (params ?? {}) as ParamsOf<C> & Record<string, AnyParamValue>;
    super(formatMessage(code, p));
    this.params = p;
    this.name = "UppfoljningError";
  }

  /** An error rebuilt from a code and parameters that crossed a thread (the worker's refusals). */
  static revive(code: FailureCode, params: Readonly<Record<string, AnyParamValue>>): UppfoljningError {
    return new UppfoljningError(code as "INTERNAL", params as ParamsOf<"INTERNAL">);
  }
}
