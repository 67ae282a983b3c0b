/**
 * Why a part's XML is refused, for the tree parser and the byte scanner alike: a DTD, nesting past the limit, or
 * anything else malformed (with a reason in Swedish for the message). Both throw XmlSyntaxError while they work and
 * turn it into the user's error, naming the file and the part, with refuseXml.
 */
import { UppfoljningError } from "../../../../findings/errors";
import { LIMITS } from "../limits";

/** The kinds of refusal, each with its own message. */
export type XmlRefusal = "dtd" | "tooDeep" | "malformed";

/** Raised for XML that is not read; carries what kind of refusal, why and where (-1 when not known). */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset = -1,
    readonly refusal: XmlRefusal = "malformed",
  ) {
    super(reason);
  }
}

/** A document type declaration: the Open Packaging Conventions forbid them in a package. */
export function dtdRefused(offset = -1): XmlSyntaxError {
  return new XmlSyntaxError("dokumenttypsdeklaration", offset, "dtd");
}

/** Elements nested deeper than LIMITS.maxXmlDepth. */
export function depthRefused(offset = -1): XmlSyntaxError {
  return new XmlSyntaxError("för djup nästling", offset, "tooDeep");
}

/** The user's error for a refused part of `path`. */
export function refuseXml(e: XmlSyntaxError, path: string, part: string): UppfoljningError {
  if (e.refusal === "dtd") return new UppfoljningError("XML_DTD", { path, part });
  if (e.refusal === "tooDeep") return new UppfoljningError("XML_TOO_DEEP", { path, part, limit: LIMITS.maxXmlDepth });
  return new UppfoljningError("XML_MALFORMED", { path, part, detail: e.reason });
}
