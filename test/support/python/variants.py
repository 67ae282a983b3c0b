#!/usr/bin/python3
"""
variants.py KIND in.xlsx out.xlsx

Rewrites a workbook package the way another producer would write it, namespace-aware (xml.dom.minidom with
namespaces, never regular expressions over XML). Every zip entry not concerned is copied unchanged. KIND:

  openpyxl         openpyxl load_workbook + save (formulas kept, written without values: <f>…</f><v></v>)
  openpyxl-values  openpyxl load_workbook(data_only=True) + save (cached values, no formulas)
  prefixed         every element of every XML part carries a prefix (x: for spreadsheetml); no default namespace
  single-quoted    every attribute in single quotes
  utf16            every XML part re-encoded as UTF-16 LE with BOM and encoding="UTF-16" in the declaration
  formulas-empty-v every formula cell written <f>…</f><v></v>
  formulas-no-v    every formula cell written <f>…</f> without <v>
  strict           Strict OOXML namespaces and relationship types, conformance="strict"
  no-refs          no r attributes on rows and cells (gaps filled with empty <row/> and <c/>)
  exponent         every number in exponent form (1.2E3, 1.2e+3, 6.83E-1)
  inline-strings   shared strings replaced by inline strings; the sharedStrings part removed
  rich-text        every shared string as rich text runs with xml:space="preserve" (and phonetic runs)
  char-refs        non-ASCII characters as hex and decimal character references, and each text's first character
  names-and-views  sheet-scoped names on the first, a middle and the last sheet, the last sheet hidden, the fourth
                   sheet active (a <bookViews> added where the producer wrote none)
"""
import decimal
import os
import posixpath
import sys
import warnings
import zipfile
from xml.dom import minidom

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml import detect_encoding  # noqa: E402

XMLNS = "http://www.w3.org/2000/xmlns/"
STRICT = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
}
STRICT_REL_TYPES = {"extended-properties": "extendedProperties"}
PREFERRED_PREFIX = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "x",
    "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
    "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
}


def is_xml(name):
    low = name.lower()
    return low.endswith(".xml") or low.endswith(".rels")


def elements(node):
    for c in node.childNodes:
        if c.nodeType == c.ELEMENT_NODE:
            yield c
            yield from elements(c)


def children(el, local):
    return [c for c in el.childNodes if c.nodeType == c.ELEMENT_NODE and c.localName == local]


def text_of(el):
    return "".join(c.data for c in el.childNodes if c.nodeType in (c.TEXT_NODE, c.CDATA_SECTION_NODE))


# Serialisation

class Writer:
    def __init__(self, quote='"', charrefs=False):
        self.quote = quote
        self.charrefs = charrefs
        self.toggle = False

    def ref(self, ch):
        self.toggle = not self.toggle
        return f"&#x{ord(ch):X};" if self.toggle else f"&#{ord(ch)};"

    def text(self, s, attr=False):
        out = []
        for i, ch in enumerate(s):
            if ch == "&":
                out.append("&amp;")
            elif ch == "<":
                out.append("&lt;")
            elif ch == ">":
                out.append("&gt;")
            elif ch == "\r" or (attr and ch in "\t\n"):
                out.append(f"&#{ord(ch)};")
            elif attr and ch == self.quote:
                out.append("&quot;" if ch == '"' else "&apos;")
            elif self.charrefs and (ord(ch) > 127 or (i == 0 and not attr and ch.isalnum())):
                out.append(self.ref(ch))
            else:
                out.append(ch)
        return "".join(out)

    def node(self, n, out):
        if n.nodeType == n.ELEMENT_NODE:
            out.append("<" + n.tagName)
            for i in range(n.attributes.length):
                a = n.attributes.item(i)
                out.append(f" {a.name}={self.quote}{self.text(a.value, attr=True)}{self.quote}")
            if not n.childNodes:
                out.append("/>")
                return
            out.append(">")
            for c in n.childNodes:
                self.node(c, out)
            out.append(f"</{n.tagName}>")
        elif n.nodeType == n.TEXT_NODE:
            out.append(self.text(n.data))
        elif n.nodeType == n.CDATA_SECTION_NODE:
            out.append(f"<![CDATA[{n.data}]]>")
        elif n.nodeType == n.COMMENT_NODE:
            out.append(f"<!--{n.data}-->")
        elif n.nodeType == n.PROCESSING_INSTRUCTION_NODE:
            out.append(f"<?{n.target} {n.data}?>")

    def document(self, doc):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n']
        for c in doc.childNodes:
            self.node(c, out)
        return "".join(out).encode("utf-8")


def parse(raw):
    return minidom.parseString(raw)


# Part transforms: (name, raw, context) → new raw, or None to drop the part

def t_prefixed(_name, raw, _ctx):
    doc = parse(raw)
    used = set()
    for el in elements(doc):
        if el.prefix:
            used.add(el.prefix)
        for i in range(el.attributes.length):
            a = el.attributes.item(i)
            if a.name.startswith("xmlns:"):
                used.add(a.name[6:])
    chosen = {}
    counter = 0
    for el in elements(doc):
        uri = el.namespaceURI
        if el.prefix or not uri:
            continue
        if uri not in chosen:
            p = PREFERRED_PREFIX.get(uri, "n")
            while p in used:
                counter += 1
                p = f"n{counter}"
            used.add(p)
            chosen[uri] = p
        p = chosen[uri]
        el.tagName = el.nodeName = f"{p}:{el.localName}"
        el.prefix = p
    for el in elements(doc):
        if el.hasAttribute("xmlns"):
            el.removeAttribute("xmlns")
    root = doc.documentElement
    for uri, p in chosen.items():
        root.setAttribute(f"xmlns:{p}", uri)
    return Writer().document(doc)


def t_single_quoted(_name, raw, _ctx):
    return Writer(quote="'").document(parse(raw))


def t_char_refs(_name, raw, _ctx):
    return Writer(charrefs=True).document(parse(raw))


def t_utf16(_name, raw, _ctx):
    codec, _unit, bom = detect_encoding(raw)
    text = raw[bom:].decode(codec)
    standalone = ""
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        decl = text[:end]
        if "standalone" in decl:
            standalone = ' standalone="yes"' if "yes" in decl.split("standalone", 1)[1][:8] else ' standalone="no"'
        text = text[end:]
    return b"\xff\xfe" + (f'<?xml version="1.0" encoding="UTF-16"{standalone}?>' + text).encode("utf-16-le")


def is_sheet(name, ctx):
    return name in ctx["sheets"]


def formulas(empty_v):
    def t(name, raw, ctx):
        if not is_sheet(name, ctx):
            return raw
        doc = parse(raw)
        for c in [e for e in elements(doc) if e.localName == "c"]:
            if not children(c, "f"):
                continue
            for v in children(c, "v"):
                c.removeChild(v)
            if empty_v:
                f = children(c, "f")[-1]
                v = doc.createElementNS(c.namespaceURI, (c.prefix + ":" if c.prefix else "") + "v")
                v.appendChild(doc.createTextNode(""))  # written <v></v>, as openpyxl does
                c.insertBefore(v, f.nextSibling)
            if c.getAttribute("t") in ("str", "e", "b"):
                c.removeAttribute("t")
        return Writer().document(doc)
    return t


def t_strict(name, raw, _ctx):
    doc = parse(raw)
    for el in elements(doc):
        for i in range(el.attributes.length):
            a = el.attributes.item(i)
            if (a.name == "xmlns" or a.name.startswith("xmlns:")) and a.value in STRICT:
                a.value = STRICT[a.value]
        if el.localName == "Relationship" and el.hasAttribute("Type"):
            t = el.getAttribute("Type")
            old = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            if t.startswith(old):
                kind = t[len(old):]
                el.setAttribute("Type", "http://purl.oclc.org/ooxml/officeDocument/relationships/" + STRICT_REL_TYPES.get(kind, kind))
    root = doc.documentElement
    if root.localName == "workbook":
        root.setAttribute("conformance", "strict")
    return Writer().document(doc)


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def t_no_refs(name, raw, ctx):
    if not is_sheet(name, ctx):
        return raw
    doc = parse(raw)
    for data in [e for e in elements(doc) if e.localName == "sheetData"]:
        expected_row = 1
        for row in children(data, "row"):
            r = row.getAttribute("r")
            if r:
                for _ in range(int(r) - expected_row):
                    data.insertBefore(doc.createElementNS(row.namespaceURI, row.tagName), row)
                expected_row = int(r)
                row.removeAttribute("r")
            expected_row += 1
            expected_col = 1
            for c in children(row, "c"):
                ref = c.getAttribute("r")
                if ref:
                    col = col_number("".join(ch for ch in ref if ch.isalpha()))
                    for _ in range(col - expected_col):
                        row.insertBefore(doc.createElementNS(c.namespaceURI, c.tagName), c)
                    expected_col = col
                    c.removeAttribute("r")
                expected_col += 1
    return Writer().document(doc)


def exponent_form(text, i):
    d = decimal.Decimal(text.strip())
    if d == 0:
        return "0E0"
    sign = d < 0
    t = d.normalize().as_tuple()
    ds = "".join(map(str, t.digits))
    e = t.exponent + len(ds) - 1
    mantissa = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
    s = "-" if sign else ""
    if i % 2 == 0 or e < 0:
        return f"{s}{mantissa}E{e}"
    return f"{s}{mantissa}e+{e}"


def t_exponent(name, raw, ctx):
    if not is_sheet(name, ctx):
        return raw
    doc = parse(raw)
    i = 0
    for c in [e for e in elements(doc) if e.localName == "c"]:
        if c.getAttribute("t") not in ("", "n"):
            continue
        for v in children(c, "v"):
            text = text_of(v)
            if text.strip():
                for child in list(v.childNodes):
                    v.removeChild(child)
                v.appendChild(doc.createTextNode(exponent_form(text, i)))
                i += 1
    return Writer().document(doc)


def shared_items(ctx):
    raw = ctx["read"](ctx["sharedStrings"]) if ctx["sharedStrings"] else None
    if raw is None:
        return []
    doc = parse(raw)
    return [si for si in elements(doc) if si.localName == "si"]


def t_inline_strings(name, raw, ctx):
    if name == ctx["sharedStrings"]:
        return None
    if name == ctx["workbookRels"]:
        doc = parse(raw)
        for r in [e for e in elements(doc) if e.localName == "Relationship"]:
            if r.getAttribute("Type").endswith("/sharedStrings"):
                r.parentNode.removeChild(r)
        return Writer().document(doc)
    if name == "[Content_Types].xml":
        doc = parse(raw)
        for o in [e for e in elements(doc) if e.localName == "Override"]:
            if o.getAttribute("PartName").lstrip("/") == ctx["sharedStrings"]:
                o.parentNode.removeChild(o)
        return Writer().document(doc)
    if not is_sheet(name, ctx):
        return raw
    items = ctx.setdefault("si", shared_items(ctx))
    doc = parse(raw)
    for c in [e for e in elements(doc) if e.localName == "c" and e.getAttribute("t") == "s"]:
        v = children(c, "v")
        si = items[int(text_of(v[0]))]
        for old in v:
            c.removeChild(old)
        prefix = c.prefix + ":" if c.prefix else ""
        is_el = doc.createElementNS(c.namespaceURI, prefix + "is")
        for part in si.childNodes:
            if part.nodeType == part.ELEMENT_NODE and part.localName in ("t", "r"):
                is_el.appendChild(doc.importNode(part, True))
        c.appendChild(is_el)
        c.setAttribute("t", "inlineStr")
    return Writer().document(doc)


def t_rich_text(name, raw, ctx):
    if name != ctx["sharedStrings"]:
        return raw
    doc = parse(raw)
    ns = doc.documentElement.namespaceURI
    k = 0
    for si in [e for e in elements(doc) if e.localName == "si"]:
        ts = children(si, "t")
        if len(ts) != 1 or children(si, "r"):
            continue
        text = text_of(ts[0])
        si.removeChild(ts[0])
        cut = len(text) // 2
        for i, piece in enumerate([text[:cut], text[cut:]] if cut else [text]):
            r = doc.createElementNS(ns, "r")
            if i == 1:
                rpr = doc.createElementNS(ns, "rPr")
                rpr.appendChild(doc.createElementNS(ns, "b"))
                sz = doc.createElementNS(ns, "sz")
                sz.setAttribute("val", "11")
                rpr.appendChild(sz)
                r.appendChild(rpr)
            t = doc.createElementNS(ns, "t")
            t.setAttribute("xml:space", "preserve")
            t.appendChild(doc.createTextNode(piece))
            r.appendChild(t)
            si.appendChild(r)
        if k % 3 == 0 and text:
            rph = doc.createElementNS(ns, "rPh")
            rph.setAttribute("sb", "0")
            rph.setAttribute("eb", "1")
            t = doc.createElementNS(ns, "t")
            t.appendChild(doc.createTextNode("ヨミ"))
            rph.appendChild(t)
            si.appendChild(rph)
            pp = doc.createElementNS(ns, "phoneticPr")
            pp.setAttribute("fontId", "0")
            pp.setAttribute("type", "noConversion")
            si.appendChild(pp)
        k += 1
    return Writer().document(doc)


def t_names_views(name, raw, ctx):
    """Sheet-scoped names on the first, a middle and the last sheet, a hidden sheet, the fourth sheet active."""
    if name != ctx["workbook"]:
        return raw
    doc = parse(raw)
    root = doc.documentElement
    ns = root.namespaceURI
    prefix = root.prefix + ":" if root.prefix else ""

    def make(local, attrs, text=None):
        el = doc.createElementNS(ns, prefix + local)
        for k, v in attrs:
            el.setAttribute(k, v)
        if text is not None:
            el.appendChild(doc.createTextNode(text))
        return el
    sheets = children(root, "sheets")[0]
    for views in children(root, "bookViews"):
        root.removeChild(views)
    views = make("bookViews", [])
    views.appendChild(make("workbookView", [("xWindow", "0"), ("yWindow", "0"), ("windowWidth", "28800"), ("windowHeight", "12300"), ("activeTab", "3")]))
    root.insertBefore(views, sheets)
    names = [s.getAttribute("name") for s in children(sheets, "sheet")]
    children(sheets, "sheet")[-1].setAttribute("state", "hidden")
    defined = children(root, "definedNames")
    if not defined:
        defined = [make("definedNames", [])]
        root.insertBefore(defined[0], sheets.nextSibling)
    last = len(names) - 1
    quoted = lambda n: "'" + n.replace("'", "''") + "'"  # noqa: E731
    for local, attrs, text in [
        ("definedName", [("name", "_xlnm.Print_Area"), ("localSheetId", "0")], f"{quoted(names[0])}!$A$1:$P$37"),
        ("definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", "1"), ("hidden", "1")], f"{quoted(names[1])}!$A$1:$E$37"),
        ("definedName", [("name", "Lokal"), ("localSheetId", "2")], f"{quoted(names[2])}!$B$2"),
        ("definedName", [("name", "Lokal"), ("localSheetId", str(last))], f"{quoted(names[last])}!$B$3"),
        ("definedName", [("name", "Konstant")], "0.25"),
    ]:
        defined[0].appendChild(make(local, attrs, text))
    return Writer().document(doc)


TRANSFORMS = {
    "names-and-views": t_names_views,
    "prefixed": t_prefixed,
    "single-quoted": t_single_quoted,
    "utf16": t_utf16,
    "formulas-empty-v": formulas(True),
    "formulas-no-v": formulas(False),
    "strict": t_strict,
    "no-refs": t_no_refs,
    "exponent": t_exponent,
    "inline-strings": t_inline_strings,
    "rich-text": t_rich_text,
    "char-refs": t_char_refs,
}


def context(zin):
    """Where the workbook's parts are: sheet parts, shared strings, workbook rels (transitional layout)."""
    names = zin.namelist()

    def read(n):
        return zin.read(n)
    wb = "xl/workbook.xml"
    rels = "xl/_rels/workbook.xml.rels"
    sheets, shared = set(), None
    doc = parse(read(rels))
    for r in [e for e in elements(doc) if e.localName == "Relationship"]:
        target = posixpath.normpath(posixpath.join("xl", r.getAttribute("Target"))) if not r.getAttribute("Target").startswith("/") else r.getAttribute("Target")[1:]
        if r.getAttribute("Type").endswith("/worksheet"):
            sheets.add(target)
        if r.getAttribute("Type").endswith("/sharedStrings"):
            shared = target
    return {"names": names, "read": read, "workbook": wb, "workbookRels": rels, "sheets": sheets, "sharedStrings": shared}


def rewrite(kind, src, dst):
    transform = TRANSFORMS[kind]
    with zipfile.ZipFile(src) as zin:
        ctx = context(zin)
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                raw = zin.read(info)
                if is_xml(info.filename):
                    raw = transform(info.filename, raw, ctx)
                    if raw is None:
                        continue
                zout.writestr(info, raw, compress_type=zipfile.ZIP_DEFLATED)


def openpyxl_save(src, dst, data_only):
    import openpyxl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(src, data_only=data_only)
        wb.save(dst)


def main(argv):
    if len(argv) != 3 or argv[0] not in list(TRANSFORMS) + ["openpyxl", "openpyxl-values"]:
        sys.stderr.write(__doc__)
        return 64
    kind, src, dst = argv
    if kind in ("openpyxl", "openpyxl-values"):
        openpyxl_save(src, dst, kind == "openpyxl-values")
    else:
        rewrite(kind, src, dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
