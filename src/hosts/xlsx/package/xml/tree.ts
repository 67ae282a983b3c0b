/**
 * A strict, namespace-aware XML 1.0 parser for the package's small parts (workbook, relationships, content types,
 * styles, tables, document properties), into a tree that can be edited and written again (serialize.ts). Linear in the
 * size of the part, no recursion, no DTDs (the Open Packaging Conventions forbid them), only the predefined entities
 * and character references. Elements and attributes are identified by namespace URI and local name; prefixes are
 * kept as written so an edited part is serialised in its producer's own spelling.
 */
import { decodeReference, isNameChar, isNameStart, isSpace, isXmlChar, isXmlVersion, normaliseAttrSpace, normaliseNewlines, pseudoAttributes } from "./chars";
import { decodeAll, partEncoding } from "./encoding";
import { LIMITS } from "../limits";
import { attributesRefused, depthRefused, dtdRefused, nodesRefused, refuseXml, XmlSyntaxError } from "./refusal";

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
  /**
   * Where the parser found the element in the text it parsed: `start` at its `<`, `openEnd` after its start tag,
   * `closeStart` at its end tag's `<` (= openEnd for an empty element) and `end` after it; -1 for elements made since.
   * An editor can then copy elements it leaves alone exactly as they were written.
   */
  start = -1;
  openEnd = -1;
  closeStart = -1;
  end = -1;
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

  /** The child `local` in this element's namespace, created in its place by schema `order` when missing. */
  childInOrder(local: string, order: readonly string[]): XmlElement {
    const existing = this.element(local, this.ns);
    if (existing) return existing;
    const rank = order.indexOf(local);
    let index = this.children.length;
    for (let i = 0; i < this.children.length; i++) {
      const c = this.children[i];
      if (c instanceof XmlElement && c.ns === this.ns && order.indexOf(c.local) > rank) {
        index = i;
        break;
      }
    }
    return this.insert(this.create(local, this.ns), index);
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

/**
 * Decodes a part's bytes to text in the encoding its first bytes or its declaration name (see encoding.ts), UTF-8 by
 * default. Invalid byte sequences, and encodings that cannot be decoded exactly, are an error.
 */
export function decodeXmlBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const { label, bom } = partEncoding(bytes);
  return { text: decodeAll(bytes.subarray(bom), label), encoding: label };
}

/** How a part is parsed: at most `maxNodes` nodes (elements, attributes, texts, comments), or refused. */
export interface ParseOptions {
  maxNodes?: number;
}

/**
 * Parses a part. Every well-formedness rule that matters for reading is enforced: one root, matching tags,
 * quoted and unique attributes, declared prefixes, valid characters and references; a DTD is refused.
 */
export function parseXml(bytes: Uint8Array, partName: string, path = "", options: ParseOptions = {}): XmlDocument {
  try {
    const { text } = decodeXmlBytes(bytes);
    return parseXmlText(text, options);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw refuseXml(e, path, partName);
    throw e;
  }
}

/** Parses XML already decoded to text. Throws XmlSyntaxError. */
export function parseXmlText(s: string, options: ParseOptions = {}): XmlDocument {
  return new TreeParser(s, options.maxNodes ?? Infinity).parse();
}

/** An attribute as written, before its namespace is known. */
interface RawAttribute {
  qname: string;
  value: string;
}

/**
 * The tree parser, one method per kind of markup, as the byte scanner reads them: the declaration, text,
 * comments, CDATA and processing instructions, end tags, and start tags (name, attributes, namespaces).
 */
class TreeParser {
  private i = 0;
  private declaration: XmlDocument["declaration"] = null;
  private readonly before: XmlOther[] = [];
  private readonly after: XmlOther[] = [];
  private root: XmlElement | null = null;
  private current: XmlElement | null = null;
  private depth = 0;
  /** Text since the last markup, and where it started (-1: none). */
  private text = "";
  private textStart = -1;
  /** Nodes made so far, against `maxNodes`. */
  private nodes = 0;
  /** The namespaces in scope: per prefix ("" the default), the URIs declared, innermost last. */
  private readonly bindings = new Map<string, string[]>();
  /** The prefixes declared by each open element, innermost last, and how many each declared. */
  private readonly declared: string[] = [];
  private readonly declaredCounts: number[] = [];

  constructor(
    private readonly s: string,
    private readonly maxNodes: number,
  ) {}

  /** Counts `n` more nodes; past `maxNodes` the part is refused before anything more is made. */
  private count(n: number): void {
    this.nodes += n;
    if (this.nodes > this.maxNodes) throw nodesRefused(this.i);
  }

  parse(): XmlDocument {
    const { s } = this;
    this.readDeclaration();
    while (this.i < s.length) {
      if (s.charCodeAt(this.i) !== 60 /* < */) this.readText();
      else this.readMarkup();
    }
    this.flushText();
    if (this.current) this.fail("dokumentet tar slut innan alla element är stängda", s.length);
    if (!this.root) this.fail("dokumentet saknar rotelement", s.length);
    return { declaration: this.declaration, before: this.before, root: this.root as XmlElement, after: this.after };
  }

  private fail(reason: string, at = this.i): never {
    throw new XmlSyntaxError(reason, at);
  }

  /** The XML declaration, when the document starts with one. */
  private readDeclaration(): void {
    const { s } = this;
    if (!(s.startsWith("<?xml") && isSpace(s.charCodeAt(5)))) return;
    const end = s.indexOf("?>");
    if (end < 0) this.fail("XML-deklarationen avslutas inte");
    this.checkChars(s.slice(5, end), 5);
    const attrs = pseudoAttributes(s.slice(5, end));
    const version = attrs.get("version");
    if (!isXmlVersion(version)) this.fail("XML-deklarationen saknar version");
    this.declaration = { version: version as string, encoding: attrs.get("encoding") ?? null, standalone: attrs.get("standalone") ?? null };
    this.i = end + 2;
  }

  /** Text up to the next markup: a reference, or a run of plain characters. */
  private readText(): void {
    const { s } = this;
    const n = s.length;
    if (this.textStart < 0) this.textStart = this.i;
    if (s.charCodeAt(this.i) === 38 /* & */) {
      if (!this.current) this.fail("referens utanför rotelementet");
      const [v, next] = decodeReference(s, this.i);
      this.text += v;
      this.i = next;
      return;
    }
    let j = this.i;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d === 60 || d === 38) break;
      if (!isXmlChar(d)) this.fail("otillåtet tecken i texten", j);
      if (d === 62 && j >= 2 && s.charCodeAt(j - 1) === 93 && s.charCodeAt(j - 2) === 93) this.fail("]]> i texten", j);
      j++;
    }
    this.text += normaliseNewlines(s.slice(this.i, j));
    this.i = j;
  }

  /** The text so far becomes a node of the open element (outside the root only white space may stand). */
  private flushText(): void {
    if (this.textStart < 0) return;
    if (this.current) {
      this.count(1);
      this.current.children.push({ kind: "text", text: this.text });
    }
    else if (this.text.trim() !== "") this.fail("text utanför rotelementet", this.textStart);
    this.text = "";
    this.textStart = -1;
  }

  /** Markup at `<`: a comment, CDATA or DTD (`<!`), an instruction (`<?`), an end tag or a start tag. */
  private readMarkup(): void {
    const c1 = this.s.charCodeAt(this.i + 1);
    if (c1 === 33 /* ! */) return this.readBang();
    if (c1 === 63 /* ? */) return this.readInstruction();
    this.flushText();
    if (c1 === 47 /* / */) this.readEndTag();
    else this.readStartTag();
  }

  private readBang(): void {
    const { s, i } = this;
    if (s.startsWith("<!--", i)) {
      const end = s.indexOf("-->", i + 4);
      if (end < 0) this.fail("kommentaren avslutas inte");
      const body = s.slice(i + 4, end);
      if (body.includes("--") || body.endsWith("-")) this.fail("-- i en kommentar");
      this.checkChars(body, i);
      this.flushText();
      this.addOther({ kind: "comment", raw: body });
      this.i = end + 3;
    } else if (s.startsWith("<![CDATA[", i)) {
      if (!this.current) this.fail("CDATA utanför rotelementet");
      const end = s.indexOf("]]>", i + 9);
      if (end < 0) this.fail("CDATA avslutas inte");
      const body = s.slice(i + 9, end);
      this.checkChars(body, i);
      if (this.textStart < 0) this.textStart = i;
      this.text += normaliseNewlines(body);
      this.i = end + 3;
    } else if (s.startsWith("<!DOCTYPE", i)) {
      // Text before it is the earlier fault, and is named first, as the byte scanner does.
      this.flushText();
      throw dtdRefused(i);
    } else this.fail("okänd markering <!");
  }

  private readInstruction(): void {
    const { s, i } = this;
    const end = s.indexOf("?>", i + 2);
    if (end < 0) this.fail("bearbetningsinstruktionen avslutas inte");
    const body = s.slice(i + 2, end);
    let t = 0;
    while (t < body.length && !isSpace(body.charCodeAt(t))) t++;
    const target = body.slice(0, t);
    if (!target || target.toLowerCase() === "xml") this.fail("felplacerad XML-deklaration");
    this.checkChars(body, i);
    this.flushText();
    this.addOther({ kind: "pi", raw: body });
    this.i = end + 2;
  }

  /** A comment or instruction: in the open element, or before or after the root. */
  private addOther(node: XmlOther): void {
    this.count(1);
    if (this.current) this.current.children.push(node);
    else (this.root ? this.after : this.before).push(node);
  }

  private readEndTag(): void {
    const { s } = this;
    const n = s.length;
    const start = this.i + 2;
    let j = start;
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    const qname = s.slice(start, j);
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 62) this.fail("sluttaggen avslutas inte", j);
    if (!this.current || this.current.qname !== qname) this.fail(`</${qname.slice(0, 40)}> matchar inte <${this.current ? this.current.qname : ""}>`);
    this.current.closeStart = this.i;
    this.current.end = j + 1;
    this.current = (this.current as XmlElement).parent;
    this.depth--;
    this.popBindings();
    this.i = j + 1;
  }

  private readStartTag(): void {
    if (this.root && !this.current) this.fail("mer än ett rotelement");
    const { s } = this;
    let j = this.i + 1;
    if (!isNameStart(s.charCodeAt(j))) this.fail("ogiltigt elementnamn");
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    const qname = s.slice(this.i + 1, j);
    const raw: RawAttribute[] = [];
    const { end, selfClosing } = this.readAttributes(j, raw);
    this.count(1 + raw.length);
    const el = this.element(qname, raw);
    el.start = this.i;
    el.openEnd = end;
    if (selfClosing) el.closeStart = el.end = end;
    if (this.current) this.current.children.push(el);
    else this.root = el;
    if (!selfClosing) {
      this.current = el;
      this.depth++;
      if (this.depth > LIMITS.maxXmlDepth) throw depthRefused(this.i);
    } else this.popBindings();
    this.i = end;
  }

  /** The attributes of a start tag from `j`, into `raw`; where the tag ends and whether it closes itself. */
  private readAttributes(j: number, raw: RawAttribute[]): { end: number; selfClosing: boolean } {
    const { s } = this;
    const n = s.length;
    for (;;) {
      const ws = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const d = s.charCodeAt(j);
      if (d === 62) return { end: j + 1, selfClosing: false };
      if (d === 47 && s.charCodeAt(j + 1) === 62) return { end: j + 2, selfClosing: true };
      if (j >= n) this.fail("taggen avslutas inte", this.i);
      if (j === ws || !isNameStart(d)) this.fail("ogiltigt attribut", j);
      if (raw.length >= LIMITS.maxXmlAttributes) throw attributesRefused(j);
      const ns = j;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const aname = s.slice(ns, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 61) this.fail("attributet saknar =", j);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) this.fail("attributvärdet saknar citattecken", j);
      const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close < 0) this.fail("attributvärdet avslutas inte", j);
      const rawValue = s.slice(j + 1, close);
      if (rawValue.includes("<")) this.fail("< i ett attributvärde", j);
      raw.push({ qname: aname, value: this.attributeValue(rawValue, j + 1) });
      j = close + 1;
    }
  }

  /**
   * The element of a start tag, its namespaces resolved: the tag's own declarations first (bound until its end tag),
   * then its prefix and its attributes' prefixes, each looked up in the bindings in scope at once; no attribute twice,
   * also not through two prefixes for one namespace.
   */
  private element(qname: string, raw: readonly RawAttribute[]): XmlElement {
    const attrs: XmlAttribute[] = [];
    const el = new XmlElement(qname, "", qname, "", attrs, this.current);
    let declared = 0;
    for (const a of raw) {
      const colon = a.qname.indexOf(":");
      const prefix = colon > 0 ? a.qname.slice(0, colon) : "";
      const local = colon > 0 ? a.qname.slice(colon + 1) : a.qname;
      if (colon === 0 || local === "" || local.includes(":")) this.fail(`ogiltigt attributnamn ${a.qname.slice(0, 40)}`);
      const isDecl = a.qname === "xmlns" || prefix === "xmlns";
      if (prefix === "xmlns" && a.value === "") this.fail("tom namnrymdsdeklaration");
      if (prefix === "xmlns" && (local === "xml" || local === "xmlns")) this.fail(`prefixet ${local} får inte deklareras`);
      attrs.push({ qname: a.qname, prefix, local, ns: isDecl ? XMLNS_NS : "", value: a.value });
      if (isDecl) {
        this.bind(prefix === "xmlns" ? local : "", a.value);
        declared++;
      }
    }
    this.declaredCounts.push(declared);
    const colon = qname.indexOf(":");
    el.prefix = colon > 0 ? qname.slice(0, colon) : "";
    el.local = colon > 0 ? qname.slice(colon + 1) : qname;
    if (colon === 0 || el.local === "" || el.local.includes(":")) this.fail(`ogiltigt elementnamn ${qname.slice(0, 40)}`);
    const uri = this.bound(el.prefix);
    if (el.prefix && uri === null) this.fail(`prefixet ${el.prefix} är inte deklarerat`);
    el.ns = uri ?? "";
    if (attrs.length < 2 && !(attrs.length === 1 && attrs[0].prefix && attrs[0].ns !== XMLNS_NS)) return el;
    const seen = new Set<string>();
    for (const a of attrs) {
      if (a.ns !== XMLNS_NS && a.prefix) {
        const u = this.bound(a.prefix);
        if (u === null) this.fail(`prefixet ${a.prefix} är inte deklarerat`);
        a.ns = u as string;
      }
      const key = `${a.ns}|${a.local}|${a.ns === XMLNS_NS ? a.qname : ""}`;
      if (seen.has(key)) this.fail(`attributet ${a.qname.slice(0, 40)} förekommer två gånger`);
      seen.add(key);
    }
    return el;
  }

  /** Binds a prefix ("" the default namespace) until the end of the element being read ("" unbinds the default). */
  private bind(prefix: string, uri: string): void {
    let list = this.bindings.get(prefix);
    if (!list) this.bindings.set(prefix, (list = []));
    list.push(uri);
    this.declared.push(prefix);
  }

  /** The URI a prefix is bound to where the parser is, or null (the default namespace undeclared or unbound). */
  private bound(prefix: string): string | null {
    if (prefix === "xml") return XML_NS;
    const list = this.bindings.get(prefix);
    const uri = list && list.length ? list[list.length - 1] : null;
    return uri === "" ? null : uri;
  }

  /** Ends the bindings of the element that just ended. */
  private popBindings(): void {
    const n = this.declaredCounts.pop() ?? 0;
    for (let k = 0; k < n; k++) this.bindings.get(this.declared.pop() as string)?.pop();
  }

  /** An attribute value as the application sees it: references decoded, literal white space normalised to spaces. */
  private attributeValue(raw: string, at: number): string {
    let out = "";
    let k = 0;
    while (k < raw.length) {
      const amp = raw.indexOf("&", k);
      const end = amp < 0 ? raw.length : amp;
      for (let m = k; m < end; m++) if (!isXmlChar(raw.charCodeAt(m))) this.fail("otillåtet tecken i ett attributvärde", at + m);
      out += normaliseAttrSpace(raw.slice(k, end));
      if (amp < 0) break;
      const [v, next] = decodeReference(raw, amp);
      out += v;
      k = next;
    }
    return out;
  }

  private checkChars(s: string, at: number): void {
    for (let k = 0; k < s.length; k++) if (!isXmlChar(s.charCodeAt(k))) this.fail("otillåtet tecken", at + k);
  }
}
