/**
 * A streaming XML scanner over UTF-8 bytes, for the package's large parts (worksheets, shared strings).
 * It is as strict as the tree parser in tree.ts — one root, matching tags (compared as interned names), well-formed
 * and unique attributes, declared prefixes, valid references, valid UTF-8 and XML characters everywhere, no DTD,
 * a nesting limit — but makes no objects for the markup it passes over: names are interned by hash into small
 * integers, attributes stay byte offsets, and text reaches the handler only while it asks for it.
 * Chunks may end anywhere; only an incomplete tag, or the last few bytes of text, wait for the next chunk.
 *
 * A chunk is scanned section by section (scanText with the tags after text, scanMarkup for other markup,
 * scanDelimited); a tag is read in its steps (endTag; startTag: startName, attributes, declarations, openElement). The character rules are shared with the tree parser (chars.ts).
 */
import { randomBytes } from "crypto";
import { LIMITS } from "../limits";
import * as chars from "./chars";
import { attributesRefused, depthRefused, dtdRefused, namesRefused, refuseXml, XmlSyntaxError } from "./refusal";

// Module-local bindings of the shared helpers: the loops below call them for every byte, and a call through the
// imported module object would load the function from it each time.
const { checkUtf8, checkUtf8Partial, decodeReference, decodeText, isNameByte, isNameStartByte, isSpaceByte, isXmlVersion, normaliseAttrSpace, pseudoAttributes, safeCut } = chars;

/** What a part's reader does with the elements it cares about. */
export interface ScanHandler {
  /** Maps an element's namespace URI and local name to a code (0 = of no interest). Called once per name and scope. */
  code(ns: string, local: string): number;
  /** An element of interest starts; its attributes can be read from the scanner meanwhile. */
  open(code: number, empty: boolean): void;
  close(code: number): void;
  /** While true, the text inside the current element is handed to `text`. */
  wantText: boolean;
  /** A piece of text as raw UTF-8 bytes, which may hold references (`hasRef`). Never splits a character or reference. */
  text(buf: Buffer, start: number, end: number, hasRef: boolean): void;
  /**
   * Optional: a whole element taken in one step. It is offered each start tag of the prefixless element
   * `shortcut.name` that resolves to `shortcut.code` in scope, inside the root and with room for a child under the
   * depth limit, at `buf[pos] === "<"`, before the scanner reads it. It returns the position after the element's end
   * tag when it took the element, having done what the element's events would have done, or -1 (changing nothing) to
   * leave it to the scanner. It may only take bytes that are well-formed XML as they stand, in this namespace
   * context: names and end tags written out exactly, attributes without prefixes, declarations or references, and
   * text without markup or references (see SheetReader.takeCell).
   */
  shortcut?: { name: string; code: number; take(buf: Buffer, pos: number, n: number): number };
  /** Optional: a comment or processing instruction was passed (for counting what a part holds). */
  other?(): void;
}

/**
 * The seed of the name hash, new in every process: names cannot be chosen in advance to share a hash (FNV-1a with
 * its fixed offset makes that easy), and a probe chain that still grows past MAX_PROBE goes to a map instead.
 */
const HASH_SEED = randomBytes(4).readUInt32LE(0);
const FNV_PRIME = 0x01000193;
/** The longest probe chain in the table of names; a name that finds no slot within it is kept in a map. */
const MAX_PROBE = 32;

/** The hash of a name's bytes: FNV-1a from a seeded offset, then mixed so that every bit reaches the low bits. */
function nameHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ HASH_SEED;
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], FNV_PRIME);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

const STATE_TEXT = 0;
const STATE_COMMENT = 1;
const STATE_CDATA = 2;
const STATE_PI = 3;

/** The largest tag accepted: far above any real one, small enough to bound what waits for the next chunk. */
const MAX_TAG_BYTES = 16 * 1024 * 1024;

const FLAG_DECL = 1;
const FLAG_PREFIXED = 2;

/** What scanning a section returns when the rest of the chunk has to wait for the next one. */
const WAIT = -1;

export class ByteScanner {
  /** The buffer that attribute offsets refer to; valid inside `open` and `text`. */
  buf: Buffer = Buffer.alloc(0);
  attrCount = 0;
  private attrNames = new Int32Array(32);
  private attrValStart = new Int32Array(32);
  private attrValEnd = new Int32Array(32);
  private attrHasRef = new Uint8Array(32);
  /** Per watched attribute: its index on the tag numbered `watchTag[slot]` (valid only when that is the current tag). */
  private readonly watchPos: Int32Array;
  private readonly watchTag: Int32Array;
  private tagSerial = 0;

  private state = STATE_TEXT;
  private pending: Buffer | null = null;
  private pendingPieces: Buffer[] = [];
  private pendingLength = 0;
  private started = false;
  private rootSeen = false;
  private rootClosed = false;
  private first = true;
  private depth = 0;
  private stack = new Int32Array(64);
  private stackDecls = new Int32Array(64);

  // Interned names.
  private nameBytes: Buffer[] = [];
  private namePrefix: string[] = [];
  private nameLocal: string[] = [];
  private nameFlags = new Uint8Array(64);
  private nameWatch = new Int8Array(64);
  private nameCode = new Int32Array(64);
  private nameGen = new Int32Array(64);
  private table = new Int32Array(1 << 12).fill(-1);
  /** Names whose probe chain in `table` would pass MAX_PROBE, by their bytes as latin1 text. */
  private overflow: Map<string, number> | null = null;
  /** Per name, the serial of the last tag that carried it as an attribute (a second time on one tag is refused). */
  private nameTag = new Int32Array(64);
  private lastNameEnd = 0;
  /** Closing brackets at the end of the last run of text (for `]]>` split across runs). */
  private brackets = 0;
  /** The attribute name last seen at each position of a tag. */
  /** Per element name, the attribute names seen at each place of its last tag (8 places): the next is likely the same. */
  private guessAttrs = new Int32Array(64 * 8).fill(-1);
  /** Per depth, the element last opened there: siblings usually share a name (`<c>` after `<c>`). */
  private guessElem = new Int32Array(64).fill(-1);

  /** The interned id of the handler's shortcut element name (-1 until it is first seen, or without a shortcut). */
  private shortcutId = -1;

  private readonly bindings = new Map<string, string[]>();
  private readonly declStack: string[] = [];
  private gen = 1;
  /** Keys (namespace and local name) of the current tag's prefixed attributes, when it has many. */
  private readonly prefixedSeen = new Set<string>();

  /** Of the tag read last by `attributes`: whether it closes itself, and its attributes' name flags. */
  private tagEmpty = false;
  private tagFlags = 0;

  /**
   * @param watched unprefixed attribute names the handler reads with `attr(slot)`, by slot number.
   */
  constructor(
    private readonly handler: ScanHandler,
    private readonly part: string,
    private readonly path: string,
    private readonly watched: readonly string[] = [],
  ) {
    this.bindings.set("xml", ["http://www.w3.org/XML/1998/namespace"]);
    this.watchPos = new Int32Array(Math.max(1, watched.length)).fill(-1);
    this.watchTag = new Int32Array(Math.max(1, watched.length)).fill(-1);
  }

  /** How many elements are open: 1 inside the root element (in `open` and `close`, the element itself counts). */
  get level(): number {
    return this.depth;
  }

  /** The index (on the current tag) of the watched attribute in `slot`, or -1 when the tag has none. */
  attr(slot: number): number {
    return this.watchTag[slot] === this.tagSerial ? this.watchPos[slot] : -1;
  }

  /** The decoded value of attribute `i` of the current tag. */
  attrValue(i: number): string {
    const s = this.buf.toString("utf8", this.attrValStart[i], this.attrValEnd[i]);
    return this.attrHasRef[i] ? decodeText(s, true) : normaliseAttrSpace(s);
  }

  /** The namespace URI ("" unprefixed) and local name of attribute `i` of the current tag; null for a namespace declaration. */
  attrName(i: number): { ns: string; local: string } | null {
    const id = this.attrNames[i];
    const flags = this.nameFlags[id];
    if (flags & FLAG_DECL) return null;
    return { ns: flags & FLAG_PREFIXED ? this.boundUri(id) : "", local: this.nameLocal[id] };
  }

  /** Attribute `i` as a non-negative decimal integer, or -1 when it is anything else. */
  attrUint(i: number): number {
    const b = this.buf;
    const end = this.attrValEnd[i];
    let k = this.attrValStart[i];
    if (k === end || this.attrHasRef[i]) return -1;
    let v = 0;
    for (; k < end; k++) {
      const d = b[k] - 48;
      if (d < 0 || d > 9 || v > 1e12) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /** Whether attribute `i` is exactly the ASCII text `value` (no references). */
  attrIs(i: number, value: string): boolean {
    const b = this.buf;
    const start = this.attrValStart[i];
    if (this.attrValEnd[i] - start !== value.length || this.attrHasRef[i]) return false;
    for (let k = 0; k < value.length; k++) if (b[start + k] !== value.charCodeAt(k)) return false;
    return true;
  }

  attrStart(i: number): number {
    return this.attrValStart[i];
  }

  attrEnd(i: number): number {
    return this.attrValEnd[i];
  }

  /** Refuses the part (for handlers that find a value the schema forbids). */
  malformed(reason: string): never {
    throw refuseXml(new XmlSyntaxError(reason), this.path, this.part);
  }

  /** Feeds the next chunk of the part. */
  write(chunk: Buffer): void {
    try {
      const buf = this.join(chunk);
      if (buf) this.scan(buf);
    } catch (e) {
      this.rethrow(e);
    }
  }

  /** Ends the part: everything must be closed. */
  end(): void {
    try {
      if (this.pendingLength > 0) throw new XmlSyntaxError("delen tar slut mitt i en tagg");
      if (this.pending && this.pending.length > 0) {
        if (this.state === STATE_TEXT && !this.pending.includes(60)) this.flushText(this.pending, 0, this.pending.length);
        else throw new XmlSyntaxError("delen tar slut mitt i en tagg");
        this.pending = null;
      }
      if (this.state !== STATE_TEXT) throw new XmlSyntaxError("delen tar slut mitt i en kommentar eller instruktion");
      if (!this.rootSeen) throw new XmlSyntaxError("delen saknar rotelement");
      if (!this.rootClosed) throw new XmlSyntaxError("delen tar slut innan alla element är stängda");
    } catch (e) {
      this.rethrow(e);
    }
  }

  private rethrow(e: unknown): never {
    if (e instanceof XmlSyntaxError) throw refuseXml(e, this.path, this.part);
    throw e;
  }

  /**
   * The bytes to scan now: what waited from the last chunk, then this one (a byte-order mark at the very start
   * dropped); null while an incomplete tag still waits for its `>`.
   */
  private join(chunk: Buffer): Buffer | null {
    let buf: Buffer;
    if (this.pendingPieces.length > 0) {
      // An incomplete tag waits for its `>`; join the pieces only when one may have arrived.
      this.pendingPieces.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength > MAX_TAG_BYTES) throw new XmlSyntaxError("en tagg är orimligt lång");
      if (!chunk.includes(62)) return null;
      buf = Buffer.concat(this.pendingPieces, this.pendingLength);
      this.pendingPieces = [];
      this.pendingLength = 0;
    } else if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    } else buf = chunk;
    if (this.first) {
      this.first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    return buf;
  }

  /** Scans `buf` section by section: text and the markup after it, or the inside of a comment, CDATA or instruction. */
  private scan(buf: Buffer): void {
    this.buf = buf;
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      pos = this.state === STATE_TEXT ? this.scanText(buf, pos) : this.scanDelimited(buf, pos);
      if (pos === WAIT) return;
    }
  }

  /** Text up to the next markup, then that markup; WAIT when the chunk ends first (the rest is kept). */
  private scanText(buf: Buffer, pos: number): number {
    const n = buf.length;
    // Text and tags alternate in the body of a sheet: both are read in this loop; other markup leaves it.
    for (;;) {
      // Short runs (a cell's number) are scanned here, in one pass with the checks.
      let lt = pos;
      let plain = true;
      while (lt < n) {
        const b = buf[lt];
        if (b === 60) break;
        if (b < 0x20 || b >= 0x80 || b === 38 || b === 62 || lt - pos > 64) {
          plain = false;
          lt = buf.indexOf(60, lt);
          if (lt < 0) lt = n;
          break;
        }
        lt++;
      }
      if (lt >= n) {
        const cut = safeCut(buf, pos, n);
        if (cut > pos) this.flushText(buf, pos, cut);
        if (cut < n) this.pending = Buffer.from(buf.subarray(cut));
        return WAIT;
      }
      if (lt > pos) {
        // A short run of printable ASCII without `&` or `>` was checked by the loop above; markup follows it.
        if (plain && this.depth > 0) {
          this.brackets = 0;
          if (this.handler.wantText) this.handler.text(buf, pos, lt, false);
        } else this.flushText(buf, pos, lt);
      }
      // A tag, the common case, is read here; other markup in scanMarkup.
      const c1 = buf[lt + 1];
      if (n - lt < 2 || c1 === 33 /* ! */ || c1 === 63 /* ? */) return this.scanMarkup(buf, lt);
      this.brackets = 0;
      const end = c1 === 47 /* / */ ? this.endTag(buf, lt) : this.startTag(buf, lt);
      if (end < 0) {
        this.keepTag(buf, lt);
        return WAIT;
      }
      this.started = true;
      if (end >= n) return end;
      pos = end;
    }
  }

  /** Markup at `buf[pos] === "<"` other than a tag: `<!…` (comment, CDATA, DTD) or `<?…` (declaration or instruction). */
  private scanMarkup(buf: Buffer, pos: number): number {
    const n = buf.length;
    if (n - pos < 2) return this.keep(buf, pos);
    const c1 = buf[pos + 1];
    if (c1 === 33 /* ! */) {
      if (n - pos < 9) return this.keep(buf, pos);
      this.brackets = 0;
      if (buf[pos + 2] === 45 && buf[pos + 3] === 45) {
        this.state = STATE_COMMENT;
        this.started = true;
        return pos + 4;
      }
      if (buf.toString("latin1", pos, pos + 9) === "<![CDATA[") {
        if (this.depth === 0) throw new XmlSyntaxError("CDATA utanför rotelementet");
        this.state = STATE_CDATA;
        return pos + 9;
      }
      if (buf.toString("latin1", pos, pos + 9) === "<!DOCTYPE") throw dtdRefused();
      throw new XmlSyntaxError("okänd markering <!");
    }
    return this.scanInstruction(buf, pos);
  }

  /** `<?`: the XML declaration (first thing in the part only), or a processing instruction whose inside follows. */
  private scanInstruction(buf: Buffer, pos: number): number {
    const n = buf.length;
    // The target runs to the first space or `?>`, as the tree parser reads it.
    let j = pos + 2;
    while (j < n && !isSpaceByte(buf[j]) && !(buf[j] === 63 && buf[j + 1] === 62)) j++;
    if (j + 1 >= n) return this.keep(buf, pos);
    const target = buf.toString("latin1", pos + 2, j);
    if (target === "") throw new XmlSyntaxError("bearbetningsinstruktionen saknar namn");
    if (target.toLowerCase() === "xml") {
      if (this.started || target !== "xml" || !isSpaceByte(buf[j])) throw new XmlSyntaxError("felplacerad XML-deklaration");
      const end = buf.indexOf("?>", j);
      if (end < 0) {
        if (n - pos > 4096) throw new XmlSyntaxError("XML-deklarationen avslutas inte");
        return this.keep(buf, pos);
      }
      this.checkRun(buf, j, end, false);
      const version = pseudoAttributes(buf.toString("utf8", j, end)).get("version");
      if (!isXmlVersion(version)) throw new XmlSyntaxError("XML-deklarationen saknar version");
      this.started = true;
      return end + 2;
    }
    this.state = STATE_PI;
    this.started = true;
    this.brackets = 0;
    return pos + 2;
  }

  /**
   * The inside of a comment, CDATA section or instruction: its end found, what lies between validated (CDATA's text
   * handed on); WAIT when the chunk ends first, keeping the bytes that may begin the closing sequence.
   */
  private scanDelimited(buf: Buffer, pos: number): number {
    const n = buf.length;
    const closer = this.state === STATE_COMMENT ? 45 : this.state === STATE_CDATA ? 93 : 63;
    const needed = this.state === STATE_PI ? 1 : 2;
    let k = pos;
    for (;;) {
      const hit = buf.indexOf(closer, k);
      if (hit < 0 || hit + needed >= n) {
        const cut = safeCut(buf, pos, Math.max(pos, hit < 0 ? n - needed : hit));
        this.checkRun(buf, pos, cut, false);
        if (this.state === STATE_CDATA && this.handler.wantText && cut > pos) this.handler.text(buf, pos, cut, false);
        this.pending = Buffer.from(buf.subarray(cut));
        return WAIT;
      }
      let end: number;
      if (this.state === STATE_COMMENT) {
        if (buf[hit + 1] !== 45) {
          k = hit + 1;
          continue;
        }
        if (buf[hit + 2] !== 62) throw new XmlSyntaxError("-- i en kommentar");
        this.checkRun(buf, pos, hit, false);
        end = hit + 3;
      } else if (this.state === STATE_CDATA) {
        if (buf[hit + 1] !== 93 || buf[hit + 2] !== 62) {
          k = hit + 1;
          continue;
        }
        this.checkRun(buf, pos, hit, false);
        if (this.handler.wantText && hit > pos) this.handler.text(buf, pos, hit, false);
        end = hit + 3;
      } else {
        if (buf[hit + 1] !== 62) {
          k = hit + 1;
          continue;
        }
        this.checkRun(buf, pos, hit, false);
        end = hit + 2;
      }
      if (this.state !== STATE_CDATA) this.handler.other?.();
      this.state = STATE_TEXT;
      return end;
    }
  }

  /** Keeps the bytes from `pos` for the next chunk. */
  private keep(buf: Buffer, pos: number): number {
    this.pending = Buffer.from(buf.subarray(pos));
    return WAIT;
  }

  private keepTag(buf: Buffer, pos: number): void {
    const rest = Buffer.from(buf.subarray(pos));
    if (rest.length > MAX_TAG_BYTES) throw new XmlSyntaxError("en tagg är orimligt lång");
    this.pendingPieces = [rest];
    this.pendingLength = rest.length;
  }

  /** Validates a run of text between markup and hands it to the handler when it asks for text. */
  private flushText(buf: Buffer, start: number, end: number): void {
    const hasRef = this.checkRun(buf, start, end, true);
    if (this.depth === 0) {
      for (let k = start; k < end; k++) if (!isSpaceByte(buf[k])) throw new XmlSyntaxError("text utanför rotelementet");
      if (end > start) this.started = true;
      return;
    }
    if (hasRef) this.checkReferences(buf, start, end);
    if (this.handler.wantText) this.handler.text(buf, start, end, hasRef);
  }

  /** Checks XML characters and UTF-8 in a run; returns whether it holds `&`. In text, `]]>` is refused too. */
  private checkRun(buf: Buffer, start: number, end: number, isText: boolean): boolean {
    let amp = false;
    // `]]>` may not stand in text, even split between two runs.
    let brackets = isText ? this.brackets : 0;
    for (let k = start; k < end; k++) {
      const b = buf[k];
      if (b >= 0x20 && b < 0x80) {
        if (b === 38) amp = true;
        else if (b === 62 && isText && brackets >= 2) throw new XmlSyntaxError("]]> i texten");
        brackets = b === 93 ? brackets + 1 : 0;
        continue;
      }
      brackets = 0;
      if (b < 0x20) {
        if (b === 9 || b === 10 || b === 13) continue;
        throw new XmlSyntaxError("otillåtet tecken");
      }
      k = checkUtf8(buf, k, end) - 1;
    }
    if (isText) this.brackets = brackets;
    return amp;
  }

  private checkReferences(buf: Buffer, start: number, end: number): void {
    let k = buf.indexOf(38, start);
    while (k >= 0 && k < end) {
      let semi = k + 1;
      while (semi < end && semi - k <= 12 && buf[semi] !== 59) semi++;
      if (semi >= end || buf[semi] !== 59) throw new XmlSyntaxError("ogiltig teckenreferens");
      decodeReference(buf.toString("latin1", k, semi + 1), 0);
      k = buf.indexOf(38, semi);
    }
  }

  /**
   * Interns a name by its bytes; returns its id. Linear probing in a table kept at most half full, each chain at most
   * MAX_PROBE long: a name that finds neither itself nor a free slot within it lives in the overflow map, so that no
   * set of names, however chosen, makes a lookup cost more than MAX_PROBE comparisons and one map lookup.
   */
  private intern(buf: Buffer, start: number, end: number, hash: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let free = -1;
    for (let probe = 0, slot = hash & mask; probe < MAX_PROBE; probe++, slot = (slot + 1) & mask) {
      const id = table[slot];
      if (id < 0) {
        free = slot;
        break;
      }
      const known = this.nameBytes[id];
      const len = known.length;
      if (len !== end - start) continue;
      let k = 0;
      while (k < len && known[k] === buf[start + k]) k++;
      if (k === len) return id;
    }
    if (free < 0 && this.overflow) {
      const id = this.overflow.get(buf.toString("latin1", start, end));
      if (id !== undefined) return id;
    }
    return this.addName(buf, start, end, free);
  }

  /** A new name (in `slot` of the table, or in the overflow map when -1). */
  private addName(buf: Buffer, start: number, end: number, slot: number): number {
    if (this.nameBytes.length >= LIMITS.maxXmlNames) throw namesRefused();
    const bytes = Buffer.from(buf.subarray(start, end));
    const qname = bytes.toString("utf8");
    const colon = qname.indexOf(":");
    if (colon === 0 || colon === qname.length - 1 || qname.indexOf(":", colon + 1) >= 0) throw new XmlSyntaxError(`ogiltigt namn ${qname.slice(0, 40)}`);
    const id = this.nameBytes.length;
    if (id === this.nameFlags.length) this.growNames();
    const prefix = colon > 0 ? qname.slice(0, colon) : "";
    const local = colon > 0 ? qname.slice(colon + 1) : qname;
    this.nameBytes.push(bytes);
    this.namePrefix.push(prefix);
    this.nameLocal.push(local);
    this.nameFlags[id] = prefix === "xmlns" || qname === "xmlns" ? FLAG_DECL : prefix !== "" ? FLAG_PREFIXED : 0;
    this.nameWatch[id] = prefix === "" ? this.watched.indexOf(local) : -1;
    this.nameGen[id] = 0;
    this.nameTag[id] = 0;
    if (slot >= 0) this.table[slot] = id;
    else (this.overflow ??= new Map()).set(bytes.toString("latin1"), id);
    if (this.nameBytes.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private growNames(): void {
    const size = this.nameFlags.length * 2;
    const f = new Uint8Array(size);
    f.set(this.nameFlags);
    this.nameFlags = f;
    const w = new Int8Array(size);
    w.set(this.nameWatch);
    this.nameWatch = w;
    const c = new Int32Array(size);
    c.set(this.nameCode);
    this.nameCode = c;
    const g = new Int32Array(size);
    g.set(this.nameGen);
    this.nameGen = g;
    const t = new Int32Array(size);
    t.set(this.nameTag);
    this.nameTag = t;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    const overflow = new Map<string, number>();
    this.nameBytes.forEach((bytes, id) => {
      let slot = nameHash(bytes, 0, bytes.length) & mask;
      let probe = 0;
      while (table[slot] >= 0 && probe < MAX_PROBE) {
        slot = (slot + 1) & mask;
        probe++;
      }
      if (table[slot] < 0) table[slot] = id;
      else overflow.set(bytes.toString("latin1"), id);
    });
    this.table = table;
    this.overflow = overflow.size ? overflow : null;
  }

  /** Scans a name at `k`; returns its id (and sets lastNameEnd), or -1 when the buffer ends inside it. */
  private name(buf: Buffer, k: number, n: number): number {
    if (k >= n) return -1;
    const start = k;
    if (!isNameStartByte(buf[k])) throw new XmlSyntaxError("ogiltigt namn");
    let h = 0x811c9dc5 ^ HASH_SEED;
    let wide = false;
    while (k < n) {
      const b = buf[k];
      if (!isNameByte(b)) break;
      if (b >= 0x80) wide = true;
      h = Math.imul(h ^ b, FNV_PRIME);
      k++;
    }
    if (k >= n) return -1;
    if (wide) for (let m = start; m < k; ) m = buf[m] < 0x80 ? m + 1 : checkUtf8(buf, m, k);
    this.lastNameEnd = k;
    return this.intern(buf, start, k, mix(h));
  }

  private resolve(id: number): number {
    if (this.nameGen[id] === this.gen) return this.nameCode[id];
    const prefix = this.namePrefix[id];
    const uris = this.bindings.get(prefix);
    const uri = uris && uris.length ? uris[uris.length - 1] : prefix === "" ? "" : null;
    if (uri === null) throw new XmlSyntaxError(`prefixet ${prefix} är inte deklarerat`);
    const code = this.handler.code(uri, this.nameLocal[id]);
    this.nameCode[id] = code;
    this.nameGen[id] = this.gen;
    return code;
  }

  /**
   * `</name>` at `pos` (`buf[pos] === "<"`): it must name the open element, compared by its bytes (no hashing); closes
   * it. Returns the position after the tag, or -1 when the chunk ends inside it.
   */
  private endTag(buf: Buffer, pos: number): number {
    const n = buf.length;
    const open = this.depth > 0 ? this.stack[this.depth - 1] : -1;
    let id = -1;
    if (open >= 0) {
      const known = this.nameBytes[open];
      const len = known.length;
      const at = pos + 2;
      if (at + len >= n) return -1;
      let j = 0;
      while (j < len && known[j] === buf[at + j]) j++;
      if (j === len && !isNameByte(buf[at + len])) {
        id = open;
        this.lastNameEnd = at + len;
      }
    }
    if (id < 0) id = this.name(buf, pos + 2, n);
    if (id < 0) return -1;
    let k = this.lastNameEnd;
    while (k < n && isSpaceByte(buf[k])) k++;
    if (k >= n) return -1;
    if (buf[k] !== 62) throw new XmlSyntaxError("sluttaggen avslutas inte");
    if (id !== open) throw new XmlSyntaxError(`</${this.nameBytes[id].toString("utf8").slice(0, 40)}> matchar inte starttaggen`);
    const code = this.resolve(id);
    this.depth--;
    if (code) this.handler.close(code);
    this.popDecls(this.stackDecls[this.depth]);
    if (this.depth === 0) this.rootClosed = true;
    return k + 1;
  }

  /** `<name attributes>` or `<name attributes/>` at `pos`, or the handler's shortcut taking the whole element; as endTag. */
  private startTag(buf: Buffer, pos: number): number {
    if (this.rootClosed) throw new XmlSyntaxError("mer än ett rotelement");
    const id = this.startName(buf, pos);
    if (id < 0) return -1;
    const depth = this.depth;
    if (id === this.shortcutId && depth > 0 && depth + 1 < LIMITS.maxXmlDepth) {
      const shortcut = this.handler.shortcut as NonNullable<ScanHandler["shortcut"]>;
      if (this.resolve(id) === shortcut.code) {
        this.buf = buf;
        const end = shortcut.take(buf, pos, buf.length);
        if (end >= 0) return end;
      }
    }
    // `<name>` without attributes (a `<v>`, a `<t>`) needs no attribute reading.
    let k = this.lastNameEnd;
    if (buf[k] === 62) {
      this.tagSerial = (this.tagSerial + 1) | 0;
      this.attrCount = 0;
      this.tagEmpty = false;
      this.tagFlags = 0;
      k++;
    } else {
      k = this.attributes(buf, k, id);
      if (k < 0) return -1;
    }
    this.buf = buf;
    // Namespace declarations on this tag apply to it; then every prefixed attribute must be bound.
    const decls = this.tagFlags & FLAG_DECL ? this.declarations() : 0;
    if (this.tagFlags & FLAG_PREFIXED) this.checkPrefixedAttrs(this.attrCount);
    return this.openElement(id, decls, k);
  }

  /**
   * The start tag's name: first tried as the name of the last element opened at this depth (siblings share names),
   * else scanned and interned; its id, with `lastNameEnd` after it, or -1 when the chunk ends inside it.
   */
  private startName(buf: Buffer, pos: number): number {
    const n = buf.length;
    const depth = this.depth;
    const sibling = depth < this.guessElem.length ? this.guessElem[depth] : -1;
    if (sibling >= 0) {
      const known = this.nameBytes[sibling];
      const len = known.length;
      const at = pos + 1;
      if (at + len < n) {
        let j = 0;
        while (j < len && known[j] === buf[at + j]) j++;
        if (j === len && !isNameByte(buf[at + len])) {
          this.lastNameEnd = at + len;
          return sibling;
        }
      }
    }
    const id = this.name(buf, pos + 1, n);
    if (id < 0) return -1;
    if (depth < this.guessElem.length) this.guessElem[depth] = id;
    const shortcut = this.handler.shortcut;
    if (this.shortcutId < 0 && shortcut && this.nameBytes[id].toString("latin1") === shortcut.name && this.nameFlags[id] === 0) this.shortcutId = id;
    return id;
  }

  /**
   * The attributes of the start tag of element `id`, from `k` to its `>` or `/>`: names (first tried as those seen
   * at the same place of this element's last tag), values checked in one pass, no attribute twice. Sets attrCount,
   * tagEmpty and tagFlags; returns the position after the tag, or -1 when the chunk ends inside it.
   */
  private attributes(buf: Buffer, k: number, id: number): number {
    const n = buf.length;
    const guesses = id * 8;
    if (guesses + 8 > this.guessAttrs.length) {
      const grown = new Int32Array(Math.max(guesses + 8, this.guessAttrs.length * 2)).fill(-1);
      grown.set(this.guessAttrs);
      this.guessAttrs = grown;
    }
    let count = 0;
    let flags = 0;
    // A new serial invalidates the previous tag's watched positions without clearing them one by one.
    const serial = (this.tagSerial = (this.tagSerial + 1) | 0);
    for (;;) {
      const ws = k;
      while (k < n && isSpaceByte(buf[k])) k++;
      if (k >= n) return -1;
      const b = buf[k];
      if (b === 62) {
        this.tagEmpty = false;
        k++;
        break;
      }
      if (b === 47) {
        if (k + 1 >= n) return -1;
        if (buf[k + 1] !== 62) throw new XmlSyntaxError("ogiltig tagg");
        this.tagEmpty = true;
        k += 2;
        break;
      }
      if (k === ws) throw new XmlSyntaxError("attribut måste skiljas åt med mellanslag");
      // Producers write the same attributes in the same order tag after tag: try the one seen at this place last time.
      let aid = -1;
      const guess = count < 8 ? this.guessAttrs[guesses + count] : -1;
      if (guess >= 0) {
        const known = this.nameBytes[guess];
        const len = known.length;
        if (k + len < n) {
          let j = 0;
          while (j < len && known[j] === buf[k + j]) j++;
          if (j === len && !isNameByte(buf[k + len])) {
            aid = guess;
            this.lastNameEnd = k + len;
          }
        }
      }
      if (aid < 0) {
        aid = this.name(buf, k, n);
        if (aid < 0) return -1;
        if (count < 8) this.guessAttrs[guesses + count] = aid;
      }
      k = this.lastNameEnd;
      while (k < n && isSpaceByte(buf[k])) k++;
      if (k >= n) return -1;
      if (buf[k] !== 61) throw new XmlSyntaxError("attributet saknar =");
      k++;
      while (k < n && isSpaceByte(buf[k])) k++;
      if (k >= n) return -1;
      const q = buf[k];
      if (q !== 34 && q !== 39) throw new XmlSyntaxError("attributvärdet saknar citattecken");
      // The value: find its closing quote and check its characters in one pass.
      let close = k + 1;
      let hasRef = 0;
      for (; close < n; close++) {
        const c = buf[close];
        if (c === q) break;
        if (c >= 0x20 && c < 0x80) {
          if (c === 60) throw new XmlSyntaxError("< i ett attributvärde");
          if (c === 38) hasRef = 1;
          continue;
        }
        if (c < 0x20) {
          if (c === 9 || c === 10 || c === 13) continue;
          throw new XmlSyntaxError("otillåtet tecken i ett attributvärde");
        }
        const after = checkUtf8Partial(buf, close, n);
        if (after < 0) return -1;
        close = after - 1;
      }
      if (close >= n) return -1;
      if (hasRef) this.checkReferences(buf, k + 1, close);
      if (count >= LIMITS.maxXmlAttributes) throw attributesRefused();
      if (count === this.attrNames.length) this.growAttrs();
      // A second time on this tag: marked per name with the tag's serial, so the check costs the same for any count.
      if (this.nameTag[aid] === serial) throw new XmlSyntaxError("ett attribut förekommer två gånger");
      this.nameTag[aid] = serial;
      this.attrNames[count] = aid;
      this.attrValStart[count] = k + 1;
      this.attrValEnd[count] = close;
      this.attrHasRef[count] = hasRef;
      const w = this.nameWatch[aid];
      if (w >= 0) {
        this.watchPos[w] = count;
        this.watchTag[w] = serial;
      }
      flags |= this.nameFlags[aid];
      count++;
      k = close + 1;
    }
    this.attrCount = count;
    this.tagFlags = flags;
    return k;
  }

  /** The namespace declarations among the current tag's attributes, bound for it and its content; how many. */
  private declarations(): number {
    let decls = 0;
    for (let a = 0; a < this.attrCount; a++) {
      const an = this.attrNames[a];
      if (!(this.nameFlags[an] & FLAG_DECL)) continue;
      const uri = this.attrValue(a);
      const prefix = this.namePrefix[an] === "" ? "" : this.nameLocal[an];
      if (prefix !== "" && uri === "") throw new XmlSyntaxError("tom namnrymdsdeklaration");
      if (prefix === "xml" || prefix === "xmlns") throw new XmlSyntaxError(`prefixet ${prefix} får inte deklareras`);
      let list = this.bindings.get(prefix);
      if (!list) this.bindings.set(prefix, (list = []));
      list.push(uri);
      this.declStack.push(prefix);
      decls++;
    }
    this.gen++;
    return decls;
  }

  /** Opens element `id` (and closes it again when the tag closes itself), telling the handler; returns `end`. */
  private openElement(id: number, decls: number, end: number): number {
    const code = this.resolve(id);
    this.rootSeen = true;
    if (this.tagEmpty) {
      if (code) {
        this.handler.open(code, true);
        this.handler.close(code);
      }
      this.popDecls(decls);
      if (this.depth === 0) this.rootClosed = true;
      return end;
    }
    if (this.depth >= LIMITS.maxXmlDepth) throw depthRefused();
    if (this.depth === this.stack.length) {
      const s = new Int32Array(this.stack.length * 2);
      s.set(this.stack);
      this.stack = s;
      const d = new Int32Array(s.length);
      d.set(this.stackDecls);
      this.stackDecls = d;
    }
    this.stack[this.depth] = id;
    this.stackDecls[this.depth] = decls;
    this.depth++;
    if (code) this.handler.open(code, false);
    return end;
  }

  /**
   * Every prefixed attribute of the current tag must be bound, and two prefixes for one namespace may not give the same
   * attribute twice: compared pair by pair for the one or two a tag usually has, through a set of keys for more.
   */
  private checkPrefixedAttrs(count: number): void {
    let prefixed = 0;
    for (let a = 0; a < count; a++) if (this.nameFlags[this.attrNames[a]] & FLAG_PREFIXED) prefixed++;
    if (prefixed > 8) {
      const seen = this.prefixedSeen;
      seen.clear();
      for (let a = 0; a < count; a++) {
        const an = this.attrNames[a];
        if (!(this.nameFlags[an] & FLAG_PREFIXED)) continue;
        const key = `${this.boundUri(an)}\u0000${this.nameLocal[an]}`;
        if (seen.has(key)) throw new XmlSyntaxError("ett attribut förekommer två gånger");
        seen.add(key);
      }
      seen.clear();
      return;
    }
    for (let a = 0; a < count; a++) {
      const an = this.attrNames[a];
      if (!(this.nameFlags[an] & FLAG_PREFIXED)) continue;
      const uri = this.boundUri(an);
      for (let b = 0; b < a; b++) {
        const bn = this.attrNames[b];
        if (this.nameFlags[bn] & FLAG_PREFIXED && this.nameLocal[bn] === this.nameLocal[an] && this.boundUri(bn) === uri) {
          throw new XmlSyntaxError("ett attribut förekommer två gånger");
        }
      }
    }
  }

  private boundUri(name: number): string {
    const list = this.bindings.get(this.namePrefix[name]);
    if (!list || list.length === 0) throw new XmlSyntaxError(`prefixet ${this.namePrefix[name]} är inte deklarerat`);
    return list[list.length - 1];
  }

  private popDecls(count: number): void {
    if (count === 0) return;
    for (let i = 0; i < count; i++) {
      const prefix = this.declStack.pop() as string;
      this.bindings.get(prefix)?.pop();
    }
    this.gen++;
  }

  private growAttrs(): void {
    const size = this.attrNames.length * 2;
    const a = new Int32Array(size);
    a.set(this.attrNames);
    this.attrNames = a;
    const s = new Int32Array(size);
    s.set(this.attrValStart);
    this.attrValStart = s;
    const e = new Int32Array(size);
    e.set(this.attrValEnd);
    this.attrValEnd = e;
    const r = new Uint8Array(size);
    r.set(this.attrHasRef);
    this.attrHasRef = r;
  }
}
