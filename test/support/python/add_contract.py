#!/usr/bin/python3
"""
add_contract.py in.xlsx out.xlsx [in2 out2 ...]

Adds Uppföljning's contract (test/support/contract.json) to a workbook package with the smallest possible
change: a new worksheet part holding the Budget, Utfall and Inställningar blocks (inline strings and plain
numbers, so neither styles nor shared strings change), its relationship, its content-type Override, the sheet in
<sheets> and workbook-scoped <definedName>s pointing at the blocks. Every other zip entry is copied unchanged;
the workbook part, its rels and [Content_Types].xml are edited by byte splices at offsets found by expat with
namespace processing, reusing the document's own prefixes, so the producer's quirks elsewhere stay as they were.

Prints one JSON line per file: {"ok": true, "sheet", "reportSheet", "part", "names"} or {"ok": false, "reason",
"error"}. Exit code: 0 when every file was done, 2 when a file is not a readable package, 3 when the contract
cannot be added without changing other parts (a table already bears a contract name).
"""
import json
import os
import posixpath
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml import (  # noqa: E402
    CT_NS, MAIN_NS, PKG_REL_NS, REL_NS, WORKSHEET_CT, Doc, XmlError, apply_splices, find_entry, norm_name,
    read_rels, rels_part_of, relative_target, workbook_part, xml_escape,
)

CONTRACT = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "contract.json"), encoding="utf-8"))
# Right after these children of <workbook> comes <definedNames> (CT_Workbook's sequence).
BEFORE_DEFINED_NAMES = ("fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
                        "functionGroups", "externalReferences")
# Names the CLI reads as contract ranges besides the three added here: a workbook-scoped name (or table) with
# one of them would bring the user's own cells into the report, so such names are renamed aside.
OTHER_CONTRACT_NAMES = ("Indikatorer", "Risker", "Känslighet", "Åtgärder", "Investeringar", "Huvudbok", "Kontoplan")


class Refused(Exception):
    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


def col_letters(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def parse_at(a1):
    letters = "".join(ch for ch in a1 if ch.isalpha())
    digits = "".join(ch for ch in a1 if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits), col


def unique_sheet_name(base, taken):
    lower = {t.lower() for t in taken}
    if base.lower() not in lower:
        return base
    n = 2
    while f"{base} {n}".lower() in lower:
        n += 1
    return f"{base} {n}"


def quote_sheet(name):
    return "'" + name.replace("'", "''") + "'"


def qualify(scope, ns_options, preferred=None):
    """(prefix to use, namespace declaration text) for a new element in one of ns_options under `scope`."""
    if preferred is not None and scope.get(preferred) in ns_options:
        return preferred, ""
    for prefix, uri in scope.items():
        if uri in ns_options and prefix != "xml":
            return prefix, ""
    return "", f' xmlns="{ns_options[0]}"'


def attr_prefix(scope, ns):
    """(prefix, declaration) for an attribute in namespace `ns` (attributes need a non-empty prefix)."""
    for prefix, uri in scope.items():
        if uri == ns and prefix:
            return prefix, ""
    return "r", f' xmlns:r="{ns}"'


def q(prefix, local):
    return f"{prefix}:{local}" if prefix else local


def sheet_xml(main_ns, blocks):
    rows = {}
    max_col = 1
    max_row = 1
    for block in blocks:
        top, left = parse_at(block["at"])
        for i, values in enumerate(block["rows"]):
            for j, v in enumerate(values):
                if v is None:
                    continue
                r, c = top + i, left + j
                max_col, max_row = max(max_col, c), max(max_row, r)
                ref = f"{col_letters(c)}{r}"
                if isinstance(v, str):
                    cell = f'<c r="{ref}" t="inlineStr"><is><t>{xml_escape(v)}</t></is></c>'
                else:
                    cell = f'<c r="{ref}"><v>{v}</v></c>'
                rows.setdefault(r, []).append(cell)
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in sorted(rows.items()))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{main_ns}"><dimension ref="A1:{col_letters(max_col)}{max_row}"/>'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode("utf-8")


def block_ref(sheet, block):
    top, left = parse_at(block["at"])
    height = len(block["rows"])
    width = max(len(r) for r in block["rows"])
    return f"{quote_sheet(sheet)}!${col_letters(left)}${top}:${col_letters(left + width - 1)}${top + height - 1}"


def attr_value_span(doc, el, name):
    """Byte span of an unprefixed attribute's value inside el's start tag (a tokenizer of that one tag)."""
    tag = doc.raw[el.start:el.start_end].decode(doc.codec)
    i, n = 1, len(tag)
    while i < n and not tag[i].isspace() and tag[i] not in "/>":
        i += 1
    while i < n:
        while i < n and tag[i].isspace():
            i += 1
        start = i
        while i < n and not tag[i].isspace() and tag[i] not in "=/>":
            i += 1
        key = tag[start:i]
        while i < n and tag[i].isspace():
            i += 1
        if i >= n or tag[i] != "=":
            if i < n and tag[i] in "/>":
                break
            continue
        i += 1
        while i < n and tag[i].isspace():
            i += 1
        quote = tag[i]
        value_start = i + 1
        i = tag.index(quote, value_start)
        if key == name:
            to_bytes = lambda k: el.start + len(tag[:k].encode(doc.codec))  # noqa: E731
            return to_bytes(value_start), to_bytes(i)
        i += 1
    raise XmlError(f"no attribute {name}")


def append_child(doc, parent, xml_text):
    """A splice adding xml_text as the last child of `parent` (opening an empty-element tag if needed)."""
    if parent.empty:
        start_tag = doc.raw[parent.start:parent.start_end]
        slash = len(start_tag) - 2 * doc.unit
        qn = q(parent.prefix, parent.local)
        return (parent.start, parent.start_end, start_tag[:slash] + doc.encode(">" + xml_text + f"</{qn}>"))
    return (parent.end_start, parent.end_start, doc.encode(xml_text))


def add_contract(src, dst):
    try:
        zin = zipfile.ZipFile(src)
        infos = zin.infolist()
        names = [i.filename for i in infos]
        data = {}
        for info in infos:
            if not info.is_dir():
                data[id(info)] = zin.read(info)
    except Exception as err:  # not a zip, bad CRC, unsupported compression, encrypted package
        raise Refused("unreadable", f"{type(err).__name__}: {err}")

    by_name = {}
    for info in infos:
        by_name.setdefault(info.filename, info)

    def read(name):
        return data[id(by_name[name])]

    try:
        wb_part, wb_rel_type = workbook_part(names, read)
        if wb_part is None or wb_part not in by_name:
            raise Refused("no-workbook", "no officeDocument relationship to an existing part")
        wb = Doc(read(wb_part))
    except XmlError as err:
        raise Refused("unreadable", f"XML: {err}")
    if wb.root.local != "workbook" or wb.root.ns not in MAIN_NS:
        raise Refused("no-workbook", f"root element {wb.root.ns} {wb.root.local}")
    main_ns = wb.root.ns
    strict = main_ns == MAIN_NS[1]

    # Tables share the namespace of defined names: a table called Budget cannot be overridden by a name.
    wanted = {norm_name(b["name"]) for b in CONTRACT["blocks"]} | {norm_name(x) for x in OTHER_CONTRACT_NAMES}
    for n in names:
        if "/tables/" in n.lower() and n.lower().endswith(".xml") and n in by_name:
            try:
                t = Doc(read(n)).root
            except XmlError:
                continue
            for key in ("name", "displayName"):
                v = t.attr(key)
                if v and norm_name(v) in wanted:
                    raise Refused("conflict", f"table {v} in {n} bears a contract name")

    sheets = wb.root.first(MAIN_NS, "sheets")
    if sheets is None:
        raise Refused("no-workbook", "no <sheets>")
    sheet_elems = sheets.find(MAIN_NS, "sheet")
    existing = [s.attr("name") or "" for s in sheet_elems]
    sheet_name = unique_sheet_name(CONTRACT["sheet"], existing)
    sheet_id = max([int(s.attr("sheetId") or 0) for s in sheet_elems if (s.attr("sheetId") or "0").isdigit()] + [0]) + 1

    blocks = [dict(b, rows=[list(r) for r in b["rows"]]) for b in CONTRACT["blocks"]]
    report_sheet = "Rapport"
    if any(e.lower() == "rapport" for e in existing):
        report_sheet = unique_sheet_name("Rapport Uppföljning", existing + [sheet_name])
        for b in blocks:
            if b["name"] == "Inställningar":
                b["rows"].append(["Rapportflik", report_sheet])

    # The workbook's relationships.
    rels_name = find_entry(names, rels_part_of(wb_part)) or rels_part_of(wb_part)
    if rels_name in by_name:
        rels_doc, rels = read_rels(read(rels_name), wb_part)
    else:
        rels_doc, rels = None, []
    ids = {r["id"] for r in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    families = [r["type"].rsplit("/", 1)[0] for r in rels if r["type"] and r["type"].endswith("/worksheet")]
    rel_ns = families[0] if families and families[0] in REL_NS else REL_NS[1 if strict else 0]
    folder = posixpath.join(posixpath.dirname(wb_part), "worksheets")
    lower_names = {x.lower() for x in names}
    k = 1
    while posixpath.join(folder, f"sheet{k}.xml").lower() in lower_names:
        k += 1
    new_part = posixpath.join(folder, f"sheet{k}.xml")

    # Workbook: the sheet, then the names.
    splices = []
    p, decl = qualify(sheets.scope, (main_ns,), sheets.prefix)
    rp, rdecl = attr_prefix(sheets.scope, rel_ns)
    splices.append(append_child(wb, sheets, f'<{q(p, "sheet")}{decl}{rdecl} name="{xml_escape(sheet_name)}" sheetId="{sheet_id}" {rp}:id="{rid}"/>'))

    refs = {b["name"]: block_ref(sheet_name, b) for b in blocks}
    dn = wb.root.first(MAIN_NS, "definedNames")
    todo = dict(refs)
    renamed = {}
    if dn is not None:
        taken = {norm_name(d.attr("name") or "") for d in dn.find(MAIN_NS, "definedName")}
        for d in dn.find(MAIN_NS, "definedName"):
            if d.attr("localSheetId") is not None:
                continue
            key = norm_name(d.attr("name") or "")
            if key in {norm_name(x) for x in OTHER_CONTRACT_NAMES}:
                # The user's own name would be read as a contract range: rename it aside.
                base = "Ursprungligt_" + (d.attr("name") or "").strip()
                new_name, k = base, 2
                while norm_name(new_name) in taken:
                    new_name, k = f"{base}_{k}", k + 1
                taken.add(norm_name(new_name))
                start, end = attr_value_span(wb, d, "name")
                splices.append((start, end, wb.encode(xml_escape(new_name))))
                renamed[d.attr("name")] = new_name
                continue
            for name in list(todo):
                if norm_name(name) == key:
                    # An existing workbook-scoped name of the contract: point it at the new block.
                    if d.empty:
                        tag = wb.raw[d.start:d.start_end]
                        slash = len(tag) - 2 * wb.unit
                        splices.append((d.start, d.start_end, tag[:slash] + wb.encode(">" + xml_escape(todo[name]) + f"</{q(d.prefix, d.local)}>")))
                    else:
                        splices.append((d.start_end, d.end_start, wb.encode(xml_escape(todo[name]))))
                    del todo[name]
        if todo:
            p, decl = qualify(dn.scope, (main_ns,), dn.prefix)
            items = "".join(f'<{q(p, "definedName")}{decl} name="{xml_escape(k2)}">{xml_escape(v)}</{q(p, "definedName")}>' for k2, v in todo.items())
            splices.append(append_child(wb, dn, items))
    else:
        anchor = None
        for child in wb.root.children:
            if child.local in BEFORE_DEFINED_NAMES and child.ns in MAIN_NS:
                anchor = child
        p, decl = qualify(wb.root.scope, (main_ns,), sheets.prefix)
        items = "".join(f'<{q(p, "definedName")} name="{xml_escape(k2)}">{xml_escape(v)}</{q(p, "definedName")}>' for k2, v in todo.items())
        text = f'<{q(p, "definedNames")}{decl}>{items}</{q(p, "definedNames")}>'
        splices.append((anchor.end_end, anchor.end_end, wb.encode(text)))
    new_workbook = apply_splices(wb.raw, splices)

    # Relationships part.
    rel_xml = f'Id="{rid}" Type="{rel_ns}/worksheet" Target="{xml_escape(relative_target(wb_part, new_part))}"'
    if rels_doc is not None:
        root = rels_doc.root
        p, decl = qualify(root.scope, (PKG_REL_NS,), root.prefix)
        new_rels = apply_splices(rels_doc.raw, [append_child(rels_doc, root, f'<{q(p, "Relationship")}{decl} {rel_xml}/>')])
    else:
        new_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
                    f"<Relationship {rel_xml}/></Relationships>").encode("utf-8")

    # Content types.
    ct_name = find_entry(names, "[Content_Types].xml")
    if ct_name is None:
        raise Refused("no-workbook", "no [Content_Types].xml")
    try:
        ct = Doc(read(ct_name))
    except XmlError as err:
        raise Refused("unreadable", f"XML: {err}")
    p, decl = qualify(ct.root.scope, (CT_NS,), ct.root.prefix)
    new_ct = apply_splices(ct.raw, [append_child(ct, ct.root, f'<{q(p, "Override")}{decl} PartName="/{xml_escape(new_part)}" ContentType="{WORKSHEET_CT}"/>')])

    replaced = {wb_part: new_workbook, ct_name: new_ct}
    if rels_doc is not None:
        replaced[rels_name] = new_rels
    with zipfile.ZipFile(dst, "w") as zout:
        done = set()
        for info in infos:
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.comment = info.comment
            if info.is_dir():
                zout.writestr(copy, b"")
                continue
            body = data[id(info)]
            if info.filename in replaced and info.filename not in done and by_name[info.filename] is info:
                body = replaced[info.filename]
                done.add(info.filename)
            zout.writestr(copy, body)
        zout.writestr(zipfile.ZipInfo(new_part, date_time=(1980, 1, 1, 0, 0, 0)), sheet_xml(main_ns, blocks), compress_type=zipfile.ZIP_DEFLATED)
        if rels_doc is None:
            zout.writestr(zipfile.ZipInfo(rels_name, date_time=(1980, 1, 1, 0, 0, 0)), new_rels, compress_type=zipfile.ZIP_DEFLATED)
    return {"ok": True, "sheet": sheet_name, "reportSheet": report_sheet, "part": new_part, "names": refs, "strict": strict, "renamed": renamed}


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.stderr.write(__doc__)
        return 64
    worst = 0
    for src, dst in zip(argv[0::2], argv[1::2]):
        try:
            result = add_contract(src, dst)
        except Refused as err:
            if os.path.exists(dst):
                os.remove(dst)
            result = {"ok": False, "reason": err.reason, "error": str(err)}
            worst = max(worst, 3 if err.reason == "conflict" else 2)
        except XmlError as err:
            if os.path.exists(dst):
                os.remove(dst)
            result = {"ok": False, "reason": "unreadable", "error": f"XML: {err}"}
            worst = max(worst, 2)
        result["input"] = src
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
