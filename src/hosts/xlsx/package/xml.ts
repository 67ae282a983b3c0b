/**
 * A strict, namespace-aware XML 1.0 parser and serialiser for the package's small parts (workbook, relationships,
 * content types, styles, tables, document properties). Linear in the size of the part, no recursion, no DTDs
 * (the Open Packaging Conventions forbid them), only the predefined entities and character references.
 * Elements and attributes are identified by namespace URI and local name; prefixes are kept as written so an
 * edited part is serialised in its producer's own spelling.
 */
import { UppfoljningError } from "../../../findings/errors";
import { LIMITS } from "./limits";

export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

export interface XmlAttribute {
  qname: string;
  prefix: string;
  local: string;
  /** Namespace URI; "" for unprefixed attributes, XMLNS_NS for declarations. */
  ns: string;
  value: string;
}

export interface XmlText {
  kind: "text";
  text: string;
  cdata?: boolean;
}

export interface XmlOther {
  kind: "comment" | "pi";
  /** The node as written, between its delimiters. */
  raw: string;
}

export type XmlNode = XmlElement | XmlText | XmlOther;

export class XmlElement {
  readonly kind = "element";
  children: XmlNode[] = [];
  constructor(
    public qname: string,
    public prefix: string,
    public local: string,
    public ns: string,
    public attrs: XmlAttribute[],
    public parent: XmlElement | null,
  ) {}

  private self(): XmlElement {
    return this;
  }

  /** The value of an attribute by namespace and local name ("" namespace for plain attributes). */
  attr(local: string, ns = ""): string | null {
    for (const a of this.attrs) if (a.local === local && a.ns === ns) return a.value;
    return null;
  }

  /** Child elements, optionally only those with a local name in one of the namespaces. */
  elements(local?: string, ns?: string | readonly string[]): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of this.children) {
      if (!(c instanceof XmlElement)) continue;
      if (local !== undefined && c.local !== local) continue;
      if (ns !== undefined && !(typeof ns === "string" ? c.ns === ns : ns.includes(c.ns))) continue;
      out.push(c);
    }
    return out;
  }

  element(local: string, ns?: string | readonly string[]): XmlElement | null {
    return this.elements(local, ns)[0] ?? null;
  }

  /** All text inside, in document order. */
  textContent(): string {
    let s = "";
    const stack: XmlNode[] = [...this.children].reverse();
    while (stack.length) {
      const n = stack.pop() as XmlNode;
      if (n instanceof XmlElement) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      else if (n.kind === "text") s += n.text;
    }
    return s;
  }

  /** The URI a prefix ("" for the default namespace) is bound to at this element, or null. */
  lookupNamespace(prefix: string): string | null {
    if (prefix === "xml") return XML_NS;
    for (let e: XmlElement | null = this.self(); e; e = e.parent) {
      for (const a of e.attrs) {
        if (a.ns !== XMLNS_NS) continue;
        if ((prefix === "" && a.qname === "xmlns") || (prefix !== "" && a.prefix === "xmlns" && a.local === prefix)) return a.value === "" ? null : a.value;
      }
    }
    return null;
  }

  /** A prefix bound to `ns` here (default namespace as ""), or null; `forAttribute` excludes the default. */
  lookupPrefix(ns: string, forAttribute = false): string | null {
    const shadowed = new Set<string>();
    for (let e: XmlElement | null = this.self(); e; e = e.parent) {
      for (const a of e.attrs) {
        if (a.ns !== XMLNS_NS) continue;
        const p = a.qname === "xmlns" ? "" : a.local;
        if (shadowed.has(p)) continue;
        shadowed.add(p);
        if (a.value === ns && !(forAttribute && p === "")) return p;
      }
    }
    return null;
  }

  /** Sets (or adds) an attribute in a namespace, declaring a prefix on this element when none is in scope. */
  setAttr(local: string, value: string, ns = "", prefixHint = "ns"): void {
    const existing = this.attrs.find((a) => a.local === local && a.ns === ns);
    if (existing) {
      existing.value = value;
      return;
    }
    if (ns === "") {
      this.attrs.push({ qname: local, prefix: "", local, ns: "", value });
      return;
    }
    let prefix = this.lookupPrefix(ns, true);
    if (prefix === null) {
      prefix = freePrefix(this, prefixHint);
      this.attrs.push({ qname: `xmlns:${prefix}`, prefix: "xmlns", local: prefix, ns: XMLNS_NS, value: ns });
    }
    this.attrs.push({ qname: `${prefix}:${local}`, prefix, local, ns, value });
  }

  removeAttr(local: string, ns = ""): void {
    this.attrs = this.attrs.filter((a) => !(a.local === local && a.ns === ns));
  }

  /**
   * Creates a child element in `ns` (not yet inserted), spelled with a prefix that is in scope here, or with a
   * declaration of its own when none is.
   */
  create(local: string, ns: string, prefixHint = "x"): XmlElement {
    const prefix = this.lookupPrefix(ns);
    if (prefix !== null) return new XmlElement(prefix ? `${prefix}:${local}` : local, prefix, local, ns, [], this);
    const p = freePrefix(this, prefixHint);
    const el = new XmlElement(`${p}:${local}`, p, local, ns, [{ qname: `xmlns:${p}`, prefix: "xmlns", local: p, ns: XMLNS_NS, value: ns }], this);
    return el;
  }

  insert(child: XmlElement, index = this.children.length): XmlElement {
    child.parent = this;
    this.children.splice(index, 0, child);
    return child;
  }

  remove(child: XmlNode): void {
    const i = this.children.indexOf(child);
    if (i >= 0) this.children.splice(i, 1);
  }
}

function freePrefix(at: XmlElement, hint: string): string {
  for (let i = 0; ; i++) {
    const p = i === 0 ? hint : `${hint}${i}`;
    if (at.lookupNamespace(p) === null) return p;
  }
}

export interface XmlDocument {
  /** Attributes of the XML declaration, when there was one. */
  declaration: { version: string; encoding: string | null; standalone: string | null } | null;
  before: XmlOther[];
  root: XmlElement;
  after: XmlOther[];
}

/** Raised for malformed XML; carries where, for the refusal message. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

/**
 * Decodes a part's bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (by byte-order mark or
 * by the bytes of `<?`), or the encoding its declaration names. Invalid byte sequences are an error.
 */
export function decodeXmlBytes(bytes: Uint8Array): { text: string; encoding: string } {
  let label = "utf-8";
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, start] = ["utf-16le", 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [label, start] = ["utf-16be", 2];
  else if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) label = "utf-16le";
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) label = "utf-16be";
  else if (bytes[0] === 0x3c && bytes[1] === 0x3f) {
    // An ASCII-compatible encoding: the declaration says which.
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 200))).toString("latin1");
    const end = head.indexOf("?>");
    const encoding = end > 0 ? pseudoAttributes(head.slice(5, end)).get("encoding") : undefined;
    if (encoding) label = encoding.toLowerCase();
  }
  if (label === "utf-16" || label === "ucs-2" || label === "unicode") label = "utf-16le";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw new XmlSyntaxError(`okänd teckenkodning ${label}`, 0);
  }
  try {
    return { text: decoder.decode(bytes.subarray(start)), encoding: label };
  } catch {
    throw new XmlSyntaxError(`ogiltiga tecken för teckenkodningen ${label}`, 0);
  }
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Name characters as the byte scanner sees them: ASCII letters, `_`, `:`, and any character beyond ASCII. */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || (c >= 0x80 && c < 0xfffe);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isXmlChar(c: number): boolean {
  return c >= 0x20 ? c !== 0xfffe && c !== 0xffff : c === 0x9 || c === 0xa || c === 0xd;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x9 || c === 0xa || c === 0xd;
}

/** Decodes one character or entity reference starting at `s[i] === "&"`; returns the text and the end. */
export function decodeReference(s: string, i: number): [string, number] {
  const semi = s.indexOf(";", i);
  if (semi < 0 || semi - i > 12) throw new XmlSyntaxError("ogiltig teckenreferens", i);
  const body = s.slice(i + 1, semi);
  if (body.startsWith("#")) {
    const hex = body[1] === "x";
    const digits = body.slice(hex ? 2 : 1);
    let code = digits === "" ? -1 : 0;
    for (let k = 0; k < digits.length && code >= 0; k++) {
      const d = digits.charCodeAt(k);
      const v = d >= 48 && d <= 57 ? d - 48 : hex && d >= 97 && d <= 102 ? d - 87 : hex && d >= 65 && d <= 70 ? d - 55 : -1;
      code = v < 0 || code > 0x10ffff ? -1 : code * (hex ? 16 : 10) + v;
    }
    if (!(code <= 0x10ffff && isXmlChar(code) && !(code >= 0xd800 && code <= 0xdfff))) throw new XmlSyntaxError("teckenreferens till ett otillåtet tecken", i);
    return [String.fromCodePoint(code), semi + 1];
  }
  const v = PREDEFINED[body];
  if (v === undefined) throw new XmlSyntaxError(`okänd entitet &${body.slice(0, 20)};`, i);
  return [v, semi + 1];
}

/**
 * Parses a part. Every well-formedness rule that matters for reading is enforced: one root, matching tags,
 * quoted and unique attributes, declared prefixes, valid characters and references; a DTD is refused.
 */
export function parseXml(bytes: Uint8Array, partName: string, path = ""): XmlDocument {
  try {
    const { text } = decodeXmlBytes(bytes);
    return parseXmlText(text);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      if (e.reason === "DTD") throw new UppfoljningError("XML_DTD", { path, part: partName });
      if (e.reason === "DJUP") throw new UppfoljningError("XML_TOO_DEEP", { path, part: partName, limit: LIMITS.maxXmlDepth });
      throw new UppfoljningError("XML_MALFORMED", { path, part: partName, detail: e.reason });
    }
    throw e;
  }
}

/** Parses XML already decoded to text. Throws XmlSyntaxError. */
export function parseXmlText(s: string): XmlDocument {
  const n = s.length;
  let i = 0;
  let declaration: XmlDocument["declaration"] = null;
  const before: XmlOther[] = [];
  const after: XmlOther[] = [];
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let depth = 0;
  let text = "";
  let textStart = -1;

  const fail = (reason: string, at = i): never => {
    throw new XmlSyntaxError(reason, at);
  };

  const flushText = () => {
    if (textStart < 0) return;
    if (current) current.children.push({ kind: "text", text });
    else if (text.trim() !== "") fail("text utanför rotelementet", textStart);
    text = "";
    textStart = -1;
  };

  if (s.startsWith("<?xml") && isSpace(s.charCodeAt(5))) {
    const end = s.indexOf("?>");
    if (end < 0) fail("XML-deklarationen avslutas inte");
    checkChars(s.slice(5, end), 5, fail);
    const attrs = pseudoAttributes(s.slice(5, end));
    const version = attrs.get("version");
    if (!isXmlVersion(version)) fail("XML-deklarationen saknar version");
    declaration = { version: version as string, encoding: attrs.get("encoding") ?? null, standalone: attrs.get("standalone") ?? null };
    i = end + 2;
  }

  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 60 /* < */) {
      if (textStart < 0) textStart = i;
      if (c === 38 /* & */) {
        if (!current) fail("referens utanför rotelementet");
        const [v, next] = decodeReference(s, i);
        text += v;
        i = next;
        continue;
      }
      // A run of plain characters up to the next markup.
      let j = i;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 60 || d === 38) break;
        if (d < 0x20 ? d !== 0x9 && d !== 0xa && d !== 0xd : d === 0xfffe || d === 0xffff) fail("otillåtet tecken i texten", j);
        if (d === 62 && j >= 2 && s.charCodeAt(j - 1) === 93 && s.charCodeAt(j - 2) === 93) fail("]]> i texten", j);
        j++;
      }
      text += normaliseNewlines(s.slice(i, j));
      i = j;
      continue;
    }
    const c1 = s.charCodeAt(i + 1);
    if (c1 === 33 /* ! */) {
      if (s.startsWith("<!--", i)) {
        const end = s.indexOf("-->", i + 4);
        if (end < 0) fail("kommentaren avslutas inte");
        const body = s.slice(i + 4, end);
        if (body.includes("--") || body.endsWith("-")) fail("-- i en kommentar");
        checkChars(body, i, fail);
        flushText();
        const node: XmlOther = { kind: "comment", raw: body };
        if (current) current.children.push(node);
        else (root ? after : before).push(node);
        i = end + 3;
      } else if (s.startsWith("<![CDATA[", i)) {
        if (!current) fail("CDATA utanför rotelementet");
        const end = s.indexOf("]]>", i + 9);
        if (end < 0) fail("CDATA avslutas inte");
        const body = s.slice(i + 9, end);
        checkChars(body, i, fail);
        if (textStart < 0) textStart = i;
        text += normaliseNewlines(body);
        i = end + 3;
      } else if (s.startsWith("<!DOCTYPE", i)) {
        // Text before it is the earlier fault, and is named first, as the byte scanner does.
        flushText();
        fail("DTD");
      } else fail("okänd markering <!");
      continue;
    }
    if (c1 === 63 /* ? */) {
      const end = s.indexOf("?>", i + 2);
      if (end < 0) fail("bearbetningsinstruktionen avslutas inte");
      const body = s.slice(i + 2, end);
      let t = 0;
      while (t < body.length && !isSpace(body.charCodeAt(t))) t++;
      const target = body.slice(0, t);
      if (!target || target.toLowerCase() === "xml") fail("felplacerad XML-deklaration");
      checkChars(body, i, fail);
      flushText();
      const node: XmlOther = { kind: "pi", raw: body };
      if (current) current.children.push(node);
      else (root ? after : before).push(node);
      i = end + 2;
      continue;
    }
    flushText();
    if (c1 === 47 /* / */) {
      // End tag.
      const start = i + 2;
      let j = start;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const qname = s.slice(start, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 62) fail("sluttaggen avslutas inte", j);
      if (!current || current.qname !== qname) fail(`</${qname.slice(0, 40)}> matchar inte <${current ? current.qname : ""}>`);
      current = (current as XmlElement).parent;
      depth--;
      i = j + 1;
      continue;
    }
    // Start tag.
    if (root && !current) fail("mer än ett rotelement");
    let j = i + 1;
    if (!isNameStart(s.charCodeAt(j))) fail("ogiltigt elementnamn");
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    const qname = s.slice(i + 1, j);
    const raw: { qname: string; value: string }[] = [];
    let selfClosing = false;
    for (;;) {
      const ws = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const d = s.charCodeAt(j);
      if (d === 62) {
        j++;
        break;
      }
      if (d === 47 && s.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (j >= n) fail("taggen avslutas inte", i);
      if (j === ws || !isNameStart(d)) fail("ogiltigt attribut", j);
      const ns = j;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const aname = s.slice(ns, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 61) fail("attributet saknar =", j);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) fail("attributvärdet saknar citattecken", j);
      const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close < 0) fail("attributvärdet avslutas inte", j);
      const rawValue = s.slice(j + 1, close);
      if (rawValue.includes("<")) fail("< i ett attributvärde", j);
      raw.push({ qname: aname, value: attributeValue(rawValue, j + 1) });
      j = close + 1;
    }
    const attrs: XmlAttribute[] = [];
    const el = new XmlElement(qname, "", qname, "", attrs, current);
    for (const a of raw) {
      const colon = a.qname.indexOf(":");
      const prefix = colon > 0 ? a.qname.slice(0, colon) : "";
      const local = colon > 0 ? a.qname.slice(colon + 1) : a.qname;
      if (colon === 0 || local === "" || local.includes(":")) fail(`ogiltigt attributnamn ${a.qname.slice(0, 40)}`);
      const isDecl = a.qname === "xmlns" || prefix === "xmlns";
      if (prefix === "xmlns" && a.value === "") fail("tom namnrymdsdeklaration");
      if (prefix === "xmlns" && (local === "xml" || local === "xmlns")) fail(`prefixet ${local} får inte deklareras`);
      attrs.push({ qname: a.qname, prefix, local, ns: isDecl ? XMLNS_NS : "", value: a.value });
    }
    // Resolve the element's and the attributes' namespaces now that this element's declarations are known.
    const colon = qname.indexOf(":");
    el.prefix = colon > 0 ? qname.slice(0, colon) : "";
    el.local = colon > 0 ? qname.slice(colon + 1) : qname;
    if (colon === 0 || el.local === "" || el.local.includes(":")) fail(`ogiltigt elementnamn ${qname.slice(0, 40)}`);
    const uri = el.lookupNamespace(el.prefix);
    if (el.prefix && uri === null) fail(`prefixet ${el.prefix} är inte deklarerat`);
    el.ns = uri ?? "";
    const seen = new Set<string>();
    for (const a of attrs) {
      if (a.ns !== XMLNS_NS && a.prefix) {
        const u = el.lookupNamespace(a.prefix);
        if (u === null) fail(`prefixet ${a.prefix} är inte deklarerat`);
        a.ns = u as string;
      }
      const key = `${a.ns}|${a.local}|${a.ns === XMLNS_NS ? a.qname : ""}`;
      if (seen.has(key)) fail(`attributet ${a.qname.slice(0, 40)} förekommer två gånger`);
      seen.add(key);
    }
    if (current) current.children.push(el);
    else root = el;
    if (!selfClosing) {
      current = el;
      depth++;
      if (depth > LIMITS.maxXmlDepth) fail("DJUP");
    }
    i = j;
  }
  flushText();
  if (current) fail("dokumentet tar slut innan alla element är stängda", n);
  if (!root) fail("dokumentet saknar rotelement", n);
  return { declaration, before, root: root as XmlElement, after };
}

/** XML's end-of-line handling: CR LF and lone CR become LF. */
function normaliseNewlines(s: string): string {
  if (s.indexOf("\r") < 0) return s;
  let out = "";
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c !== "\r") out += c;
    else {
      out += "\n";
      if (s[k + 1] === "\n") k++;
    }
  }
  return out;
}

/** `1.0` (or another 1.x): the versions an XML 1.0 parser reads. */
export function isXmlVersion(v: string | undefined): boolean {
  if (!v || v.length < 3 || !v.startsWith("1.")) return false;
  for (let i = 2; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return false;
  return true;
}

/** The pseudo-attributes of an XML declaration (`version="1.0" encoding="UTF-8"`). */
export function pseudoAttributes(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let k = 0;
  while (k < body.length) {
    while (k < body.length && isSpace(body.charCodeAt(k))) k++;
    const start = k;
    while (k < body.length && body[k] !== "=" && !isSpace(body.charCodeAt(k))) k++;
    const name = body.slice(start, k);
    while (k < body.length && isSpace(body.charCodeAt(k))) k++;
    if (name === "" || body[k] !== "=") break;
    k++;
    while (k < body.length && isSpace(body.charCodeAt(k))) k++;
    const q = body[k];
    if (q !== '"' && q !== "'") break;
    const close = body.indexOf(q, k + 1);
    if (close < 0) break;
    out.set(name, body.slice(k + 1, close));
    k = close + 1;
  }
  return out;
}

function checkChars(s: string, at: number, fail: (reason: string, at: number) => never): void {
  for (let k = 0; k < s.length; k++) {
    const d = s.charCodeAt(k);
    if (d < 0x20 ? d !== 0x9 && d !== 0xa && d !== 0xd : d === 0xfffe || d === 0xffff) fail("otillåtet tecken", at + k);
  }
}

/** An attribute value as the application sees it: references decoded, literal whitespace normalised to spaces. */
function attributeValue(raw: string, at: number): string {
  let out = "";
  let k = 0;
  while (k < raw.length) {
    const amp = raw.indexOf("&", k);
    const end = amp < 0 ? raw.length : amp;
    let last = k;
    for (let m = k; m < end; m++) {
      const d = raw.charCodeAt(m);
      if (d >= 0x20 && d < 0xfffe) continue;
      if (d !== 0x9 && d !== 0xa && d !== 0xd) throw new XmlSyntaxError("otillåtet tecken i ett attributvärde", at + m);
      // Literal whitespace becomes a space; CR LF is one.
      out += raw.slice(last, m) + (d === 0xd && raw.charCodeAt(m + 1) === 0xa ? "" : " ");
      last = m + 1;
    }
    out += raw.slice(last, end);
    if (amp < 0) break;
    const [v, next] = decodeReference(raw, amp);
    out += v;
    k = next;
  }
  return out;
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  let out = "";
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const rep = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 13 ? "&#13;" : null;
    if (rep) {
      out += s.slice(last, k) + rep;
      last = k + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Escapes text for a double-quoted attribute value, keeping tabs and newlines as references. */
export function escapeAttr(s: string): string {
  let out = "";
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const rep = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 34 ? "&quot;" : c === 9 ? "&#9;" : c === 10 ? "&#10;" : c === 13 ? "&#13;" : null;
    if (rep) {
      out += s.slice(last, k) + rep;
      last = k + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Serialises a document as UTF-8 with a declaration, keeping every prefix, attribute order, comment and PI. */
export function serializeXml(doc: XmlDocument): Buffer {
  const parts: string[] = [];
  const standalone = doc.declaration?.standalone;
  parts.push(`<?xml version="1.0" encoding="UTF-8"${standalone ? ` standalone="${standalone}"` : ""}?>`);
  const other = (o: XmlOther) => (o.kind === "comment" ? `<!--${o.raw}-->` : `<?${o.raw}?>`);
  for (const o of doc.before) parts.push(other(o));
  // Iterative, so depth never reaches the call stack.
  const stack: (XmlNode | { close: string })[] = [doc.root];
  while (stack.length) {
    const node = stack.pop() as XmlNode | { close: string };
    if ("close" in node) {
      parts.push(node.close);
      continue;
    }
    if (node instanceof XmlElement) {
      let open = `<${node.qname}`;
      for (const a of node.attrs) open += ` ${a.qname}="${escapeAttr(a.value)}"`;
      if (node.children.length === 0) {
        parts.push(open + "/>");
        continue;
      }
      parts.push(open + ">");
      stack.push({ close: `</${node.qname}>` });
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
    } else if (node.kind === "text") parts.push(escapeText(node.text));
    else parts.push(other(node));
  }
  for (const o of doc.after) parts.push(other(o));
  return Buffer.from(parts.join(""), "utf8");
}
