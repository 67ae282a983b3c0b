"""
Namespace-aware helpers for reading and editing the XML parts of an OOXML package (.xlsx/.xlsm), shared by
add_contract.py, inspect_xlsx.py and variants.py. Run with Debian's /usr/bin/python3 (stdlib only here).

Two ways of looking at a part:
  * `scan(raw)`: expat with namespace processing, recording for every element its namespace URI, local name,
    prefix and byte offsets (start tag, end tag) in the ORIGINAL bytes, plus the namespace declarations in
    scope. Edits are then byte splices at those offsets, so nothing else in the part changes (quotes,
    entities, whitespace, declarations, encoding all stay as the producer wrote them).
  * `minidom` (in variants.py): for whole-part rewrites where a fresh serialisation is the point.
Never regular expressions over XML.
"""
import codecs
import posixpath
import xml.parsers.expat as expat

# Namespaces: transitional and strict spellings of the same things.
MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
APP_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
)
VT_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
)
OFFICE_DOCUMENT_TYPES = tuple(ns + "/officeDocument" for ns in REL_NS)
WORKSHEET_TYPES = tuple(ns + "/worksheet" for ns in REL_NS)
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


class XmlError(Exception):
    pass


def detect_encoding(raw):
    """(python codec, bytes per ASCII unit, BOM length) of an XML entity, from its BOM or declaration."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8", 1, 3
    if raw.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2, 2
    if raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2, 2
    if raw.startswith(b"<\x00?\x00"):
        return "utf-16-le", 2, 0
    if raw.startswith(b"\x00<\x00?"):
        return "utf-16-be", 2, 0
    if raw.startswith(b"<?xml"):
        end = raw.find(b"?>")
        decl = raw[: end if end > 0 else 200].decode("ascii", "replace")
        for quote in ('"', "'"):
            key = "encoding=" + quote
            at = decl.find(key)
            if at >= 0:
                name = decl[at + len(key):].split(quote, 1)[0].strip().lower()
                if name in ("utf-8", "utf8"):
                    return "utf-8", 1, 0
                try:
                    codecs.lookup(name)
                    return name, 1, 0
                except LookupError:
                    return "utf-8", 1, 0
    return "utf-8", 1, 0


class Element:
    __slots__ = ("ns", "local", "prefix", "attrs", "start", "start_end", "empty", "end_start", "end_end",
                 "parent", "children", "scope", "text")

    def __init__(self):
        self.children = []
        self.text = ""

    def find(self, ns_options, local):
        return [c for c in self.children if c.local == local and c.ns in ns_options]

    def first(self, ns_options, local):
        found = self.find(ns_options, local)
        return found[0] if found else None

    def attr(self, name, ns=None):
        return self.attrs.get((ns, name))

    def prefix_for(self, ns_options):
        """A prefix bound in scope at this element to one of ns_options ('' for the default namespace)."""
        for prefix, uri in self.scope.items():
            if uri in ns_options and prefix:
                return prefix, uri
        return None


class Doc:
    """A parsed part: its raw bytes, encoding and element tree with byte offsets."""

    def __init__(self, raw):
        self.raw = raw
        self.codec, self.unit, self.bom = detect_encoding(raw)
        self.root = None
        self.dtd = False
        self._parse()

    def encode(self, text):
        return text.encode(self.codec)

    def char_at(self, i):
        return self.raw[i:i + self.unit].decode(self.codec, "replace")

    def tag_end(self, i):
        """Index just after the '>' closing the tag that starts at byte i (quotes respected)."""
        quote = None
        n = len(self.raw)
        while i < n:
            ch = self.char_at(i)
            if quote:
                if ch == quote:
                    quote = None
            elif ch in ('"', "'"):
                quote = ch
            elif ch == ">":
                return i + self.unit
            i += self.unit
        raise XmlError("unterminated tag")

    def _parse(self):
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.namespace_prefixes = True
        stack = []
        pending = {}
        scopes = [{"xml": "http://www.w3.org/XML/1998/namespace"}]

        def split(name):
            parts = name.split(" ")
            if len(parts) == 3:
                return parts[0], parts[1], parts[2]
            if len(parts) == 2:
                return parts[0], parts[1], ""
            return None, parts[0], ""

        def on_ns(prefix, uri):
            pending[prefix or ""] = uri or ""

        def on_start(name, attrs):
            e = Element()
            e.ns, e.local, e.prefix = split(name)
            e.attrs = {}
            for k, v in attrs.items():
                ans, alocal, _ = split(k)
                e.attrs[(ans, alocal)] = v
            scope = dict(scopes[-1])
            scope.update(pending)
            pending.clear()
            scopes.append(scope)
            e.scope = scope
            e.start = parser.CurrentByteIndex
            e.start_end = self.tag_end(e.start)
            e.empty = self.char_at(e.start_end - 2 * self.unit) == "/"
            e.end_start = e.end_end = None
            e.parent = stack[-1] if stack else None
            if e.parent is not None:
                e.parent.children.append(e)
            else:
                self.root = e
            stack.append(e)

        def on_end(_name):
            e = stack.pop()
            scopes.pop()
            if e.empty:
                e.end_start = e.end_end = e.start_end
            else:
                e.end_start = parser.CurrentByteIndex
                e.end_end = self.tag_end(e.end_start)

        def on_text(data):
            if stack:
                stack[-1].text += data

        def on_doctype(*_args):
            self.dtd = True
            raise XmlError("DTD")

        parser.StartNamespaceDeclHandler = on_ns
        parser.StartElementHandler = on_start
        parser.EndElementHandler = on_end
        parser.CharacterDataHandler = on_text
        parser.StartDoctypeDeclHandler = on_doctype
        try:
            parser.Parse(self.raw, True)
        except expat.ExpatError as err:
            raise XmlError(str(err))

    def qname(self, prefix, local):
        return f"{prefix}:{local}" if prefix else local

    def inner_end(self, e):
        return e.end_start


def apply_splices(raw, splices):
    """Applies (start, end, bytes) replacements, given in any order and not overlapping."""
    out = raw
    for start, end, data in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
        out = out[:start] + data + out[end:]
    return out


def xml_escape(text, quote='"'):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote == '"':
        text = text.replace('"', "&quot;")
    else:
        text = text.replace("'", "&apos;")
    return text


# Package structure

def find_entry(names, part):
    """The zip entry for a part name (no leading slash); OPC part names compare case-insensitively."""
    if part in names:
        return part
    lower = part.lower()
    for n in names:
        if n.lower() == lower:
            return n
    return None


def rels_part_of(part):
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part, target):
    """Resolves a relationship target against its source part; None if it escapes the package."""
    if target.startswith("/"):
        path = target
    else:
        path = posixpath.join("/" + posixpath.dirname(source_part), target)
    parts = []
    for seg in path.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(seg)
    return "/".join(parts)


def relative_target(source_part, target_part):
    return posixpath.relpath("/" + target_part, "/" + (posixpath.dirname(source_part) or ""))


def read_rels(raw, source_part):
    """Relationships of a .rels part: list of dicts with id, type, target, mode, part (resolved or None)."""
    doc = Doc(raw)
    out = []
    for r in doc.root.find((PKG_REL_NS,), "Relationship"):
        target = r.attr("Target") or ""
        mode = r.attr("TargetMode") or "Internal"
        out.append({
            "id": r.attr("Id"),
            "type": r.attr("Type"),
            "target": target,
            "mode": mode,
            "part": resolve_target(source_part, target) if mode != "External" else None,
            "element": r,
        })
    return doc, out


def workbook_part(zf_names, read):
    """(workbook part name, its relationship type) from _rels/.rels, or (None, None)."""
    entry = find_entry(zf_names, "_rels/.rels")
    if entry is None:
        return None, None
    _, rels = read_rels(read(entry), "")
    for r in rels:
        if r["type"] in OFFICE_DOCUMENT_TYPES and r["part"]:
            found = find_entry(zf_names, r["part"])
            return (found or r["part"]), r["type"]
    return None, None


def norm_name(name):
    """Contract-style name matching: case-insensitive, surrounding spaces ignored, å/ä/ö as a/a/o."""
    s = name.strip().lower()
    return s.replace("å", "a").replace("ä", "a").replace("ö", "o")
