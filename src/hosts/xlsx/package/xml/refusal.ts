/**
 * Why a part's XML is refused, for the tree parser and the byte scanner alike: a DTD, nesting past the limit, more
 * attributes on an element, more distinct names in a part or more nodes in the parts read as trees than the limits
 * allow, a prolog longer than any real one, or anything else malformed (with a reason in Swedish for the message).
 * Both throw XmlSyntaxError while they work and turn it into the user's error, naming the file and the part, with
 * refuseXml.
 */
import { UppfoljningError } from "../../../../findings/errors";
import { LIMITS } from "../limits";

/** The kinds of refusal, each with its own message. */
export type XmlRefusal = "dtd" | "tooDeep" | "tooManyAttributes" | "tooManyNames" | "tooManyNodes" | "prologTooLong" | "malformed";

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

/** More than LIMITS.maxXmlAttributes attributes (namespace declarations included) on one element. */
export function attributesRefused(offset = -1): XmlSyntaxError {
  return new XmlSyntaxError("för många attribut på ett element", offset, "tooManyAttributes");
}

/** More than LIMITS.maxXmlNames distinct names in one part. */
export function namesRefused(offset = -1): XmlSyntaxError {
  return new XmlSyntaxError("för många olika namn", offset, "tooManyNames");
}

/** More than LIMITS.maxXmlNodes nodes in the parts read as trees. */
export function nodesRefused(offset = -1): XmlSyntaxError {
  return new XmlSyntaxError("för många element och attribut", offset, "tooManyNodes");
}

/** A prolog (what comes before the root element) longer than LIMITS.maxPrologBytes. */
export function prologRefused(offset = -1): XmlSyntaxError {
  return new XmlSyntaxError("inledningen före rotelementet är för lång", offset, "prologTooLong");
}

/** The user's error for a refused part of `path`. */
export function refuseXml(e: XmlSyntaxError, path: string, part: string): UppfoljningError {
  switch (e.refusal) {
    case "dtd":
      return new UppfoljningError("XML_DTD", { path, part });
    case "tooDeep":
      return new UppfoljningError("XML_TOO_DEEP", { path, part, limit: LIMITS.maxXmlDepth });
    case "tooManyAttributes":
      return new UppfoljningError("XML_TOO_MANY_ATTRIBUTES", { path, part, limit: LIMITS.maxXmlAttributes });
    case "tooManyNames":
      return new UppfoljningError("XML_TOO_MANY_NAMES", { path, part, limit: LIMITS.maxXmlNames });
    case "tooManyNodes":
      return new UppfoljningError("XML_TOO_MANY_NODES", { path, part, limit: LIMITS.maxXmlNodes });
    case "prologTooLong":
      return new UppfoljningError("XML_PROLOG_TOO_LONG", { path, part, limit: LIMITS.maxPrologBytes });
    default:
      return new UppfoljningError("XML_MALFORMED", { path, part, detail: e.reason });
  }
}
