#!/usr/bin/python3
"""
inspect_xlsx.py [--cells] [--no-openpyxl | --only-openpyxl] file.xlsx [file2 ...]
inspect_xlsx.py --serve   (one JSON request per line on stdin: {"file", "cells", "openpyxl"})

Prints JSON describing a workbook package, for comparing an input with the CLI's copy of it (one object for one
file; an object keyed by path for several):
  zip        entry names in order, duplicates, names that are not valid part names (absolute, `..`, backslash)
  parts      [{name, sha256, size}] of every non-directory entry, hashed after inflating (error if unreadable)
  workbook   the workbook part (from _rels/.rels), its rels part and namespace
  sheets     [{name, sheetId, state, rid, part, exists, contentType, tabSelected}] in workbook order
  active     the active sheet's name (bookViews/workbookView/@activeTab; 0 when absent) and whether bookViews exists
  names      defined names: {name, value, scope (sheet name from localSheetId, or null), localSheetId}
  app        docProps/app.xml: titles (TitlesOfParts), headingPairs and whether the counts agree
  xml        per XML part: {part, wellFormed, error, dtd, encoding}; namespace processing is on, so an undeclared
             prefix is an error; a DOCTYPE is reported as dtd and not read further
  contentTypes  parts without a content type
  cells      (--cells) per sheet the longest cell text (inline, str and shared strings)
  openpyxl   {ok, error, sheetnames} from openpyxl.load_workbook
"""
import hashlib
import json
import os
import sys
import warnings
import zipfile
import xml.parsers.expat as expat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml import (  # noqa: E402
    APP_NS, CT_NS, MAIN_NS, REL_NS, VT_NS, Doc, XmlError, detect_encoding, find_entry, read_rels, rels_part_of,
    workbook_part,
)


def check_xml(raw):
    """(well-formed, error, dtd) with namespace processing and no DTD processing."""
    parser = expat.ParserCreate(namespace_separator=" ")
    state = {"dtd": False}

    def on_doctype(*_a):
        state["dtd"] = True
        raise XmlError("DOCTYPE")

    parser.StartDoctypeDeclHandler = on_doctype
    try:
        parser.Parse(raw, True)
        return True, None, False
    except XmlError:
        return False, "DOCTYPE", True
    except expat.ExpatError as err:
        return False, str(err), state["dtd"]


def bad_part_name(name):
    if name.startswith("/") or "\\" in name or name.startswith("./"):
        return True
    segs = name.rstrip("/").split("/")
    return any(s in ("..", ".", "") for s in segs)


def scan_sheet(raw, strings=None):
    """Streams a worksheet part: first sheetView's tabSelected, largest style index used, longest cell text."""
    parser = expat.ParserCreate(namespace_separator=" ")
    st = {"max": 0, "type": None, "text": None, "views": 0, "tabSelected": None, "maxStyle": -1,
          "row": 0, "col": 0, "f": False, "v": None, "noValue": []}

    def local(name):
        return name.split(" ")[-1]

    def start(name, attrs):
        ln = local(name)
        if "rootNs" not in st:
            st["rootNs"] = name.rsplit(" ", 1)[0] if " " in name else None
        if ln == "c":
            st["type"] = attrs.get("t", "n")
            ref = attrs.get("r")
            if ref:
                letters = "".join(ch for ch in ref if ch.isalpha())
                st["col"] = 0
                for ch in letters:
                    st["col"] = st["col"] * 26 + ord(ch.upper()) - 64
            else:
                st["col"] += 1
            st["f"], st["v"] = False, None
        elif ln == "f":
            st["f"] = True
        elif ln == "v":
            st["v"] = st["v"] or ""
            st["vtext"] = []
            sv = attrs.get("s")
            if sv is not None and sv.strip().isdigit():
                st["maxStyle"] = max(st["maxStyle"], int(sv))
        if ln == "row":
            st["row"] = int(attrs["r"]) if attrs.get("r", "").isdigit() else st["row"] + 1
            st["col"] = 0
            sv = attrs.get("s")
            if sv is not None and sv.strip().isdigit() and attrs.get("customFormat") in ("1", "true"):
                st["maxStyle"] = max(st["maxStyle"], int(sv))
        elif ln == "sheetView":
            st["views"] += 1
            if st["views"] == 1:
                st["tabSelected"] = attrs.get("tabSelected") in ("1", "true")
        elif ln in ("v", "t") and strings is not None:
            st["text"] = []

    def end(name):
        ln = local(name)
        if ln == "v" and "vtext" in st:
            st["v"] = "".join(st.pop("vtext"))
        if ln == "c" and st["f"] and not (st["v"] or "").strip() and len(st["noValue"]) < 10000:
            n, letters = st["col"], ""
            while n > 0:
                n, r = divmod(n - 1, 26)
                letters = chr(65 + r) + letters
            st["noValue"].append(f"{letters}{st['row']}")
        if ln in ("v", "t") and st["text"] is not None:
            text = "".join(st["text"])
            length = 0
            if ln == "t" and st["type"] == "inlineStr":
                length = len(text)
            elif ln == "v" and st["type"] == "s":
                try:
                    length = len(strings[int(text)])
                except (ValueError, IndexError):
                    length = 0
            elif ln == "v" and st["type"] in ("str", "inlineStr"):
                length = len(text)
            st["max"] = max(st["max"], length)
            st["text"] = None

    def chars(data):
        if st["text"] is not None:
            st["text"].append(data)
        if "vtext" in st:
            st["vtext"].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(raw, True)
    return {"tabSelected": st["tabSelected"], "maxStyle": st["maxStyle"], "maxChars": st["max"], "formulasWithoutValue": st["noValue"], "rootNs": st.get("rootNs")}


STYLE_SECTIONS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs")


def canonical(e):
    attrs = sorted((ns or "", k, v) for (ns, k), v in e.attrs.items())
    return [e.ns, e.local, attrs, e.text.strip() if not e.children else "", [canonical(c) for c in e.children]]


def styles_info(raw):
    """The styles part's sections: occurrences, count attribute, digests of children, xf references, numFmt ids."""
    doc = Doc(raw)
    out = {"root": doc.root.local, "sections": {}}
    for name in STYLE_SECTIONS:
        found = doc.root.find(MAIN_NS, name)
        sec = {"occurrences": len(found)}
        if found:
            el = found[0]
            sec["count"] = el.attr("count")
            sec["children"] = len(el.children)
            sec["digests"] = [hashlib.sha1(json.dumps(canonical(c)).encode()).hexdigest()[:16] for c in el.children]
            if name in ("cellXfs", "cellStyleXfs"):
                sec["refs"] = [{k: c.attr(k) for k in ("numFmtId", "fontId", "fillId", "borderId", "xfId")} for c in el.children]
            if name == "numFmts":
                sec["ids"] = [c.attr("numFmtId") for c in el.children]
        out["sections"][name] = sec
    out["foreign"] = [f"{c.ns} {c.local}" for c in doc.root.children if c.ns not in MAIN_NS and c.local in STYLE_SECTIONS]
    return out


def shared_strings(raw):
    doc = Doc(raw)
    out = []
    for si in doc.root.find(MAIN_NS, "si"):
        text = []

        def walk(e, in_rph=False):
            for c in e.children:
                if c.local == "rPh":
                    continue
                if c.local == "t":
                    text.append(c.text)
                else:
                    walk(c)
        walk(si)
        out.append("".join(text))
    return out


def inspect(path, want_cells=False, want_openpyxl=True, only_openpyxl=False):
    info = {"file": path}
    if only_openpyxl:
        info["openpyxl"] = run_openpyxl(path)
        return info
    try:
        zf = zipfile.ZipFile(path)
    except Exception as err:
        info["zipError"] = f"{type(err).__name__}: {err}"
        if want_openpyxl:
            info["openpyxl"] = run_openpyxl(path)
        return info
    infos = zf.infolist()
    names = [i.filename for i in infos]
    seen, dups = set(), []
    for n in names:
        if n in seen:
            dups.append(n)
        seen.add(n)
    info["zip"] = {"entries": names, "duplicates": dups, "badNames": [n for n in names if bad_part_name(n)]}
    blobs = {}
    parts = []
    for i in infos:
        if i.is_dir():
            continue
        entry = {"name": i.filename}
        try:
            raw = zf.read(i)
            blobs.setdefault(i.filename, raw)
            entry["sha256"] = hashlib.sha256(raw).hexdigest()
            entry["size"] = len(raw)
        except Exception as err:
            entry["error"] = f"{type(err).__name__}: {err}"
        parts.append(entry)
    info["parts"] = parts

    xml = []
    for name, raw in blobs.items():
        low = name.lower()
        if low.endswith(".xml") or low.endswith(".rels"):
            ok, err, dtd = check_xml(raw)
            xml.append({"part": name, "wellFormed": ok, "error": err, "dtd": dtd, "encoding": detect_encoding(raw)[0]})
    info["xml"] = xml

    def read(name):
        if name not in blobs:
            raise KeyError(name)
        return blobs[name]

    # Content types.
    try:
        ct_name = find_entry(list(blobs), "[Content_Types].xml")
        ct = Doc(read(ct_name)).root if ct_name else None
        overrides, defaults = {}, {}
        if ct is not None:
            for o in ct.find((CT_NS,), "Override"):
                overrides[(o.attr("PartName") or "").lower()] = o.attr("ContentType")
            for d in ct.find((CT_NS,), "Default"):
                defaults[(d.attr("Extension") or "").lower()] = d.attr("ContentType")

        def content_type(part):
            if ("/" + part).lower() in overrides:
                return overrides[("/" + part).lower()]
            ext = part.rsplit(".", 1)[-1].lower() if "." in part else ""
            return defaults.get(ext)
        info["contentTypes"] = {"missing": [p for p in blobs if p != ct_name and content_type(p) is None]}
    except (XmlError, KeyError) as err:
        info["contentTypes"] = {"error": str(err)}

        def content_type(_part):
            return None

    # Workbook.
    try:
        wb_part, _ = workbook_part(list(blobs), read)
        if wb_part is None:
            raise KeyError("officeDocument")
        wb = Doc(read(wb_part))
        rels_name = find_entry(list(blobs), rels_part_of(wb_part))
        rels = read_rels(read(rels_name), wb_part)[1] if rels_name else []
        by_id = {r["id"]: r for r in rels}
        info["workbook"] = {
            "part": wb_part, "rels": rels_name, "ns": wb.root.ns, "root": wb.root.local,
            "relTargets": [{"type": r["type"], "part": r["part"], "mode": r["mode"]} for r in rels],
            "children": [c.local for c in wb.root.children if c.ns in MAIN_NS],
        }
        sheets = []
        sheets_el = wb.root.first(MAIN_NS, "sheets")
        for s in (sheets_el.find(MAIN_NS, "sheet") if sheets_el is not None else []):
            rid = None
            for ns in REL_NS:
                rid = rid or s.attr("id", ns)
            rel = by_id.get(rid)
            part = rel["part"] if rel else None
            entry = find_entry(list(blobs), part) if part else None
            item = {
                "name": s.attr("name"), "sheetId": s.attr("sheetId"), "state": s.attr("state") or "visible",
                "rid": rid, "part": entry or part, "exists": entry is not None,
                "relType": rel["type"] if rel else None,
                "contentType": content_type(entry) if entry else None, "tabSelected": None,
                "relsPart": None, "relTargets": [],
            }
            if entry:
                sheet_rels = find_entry(list(blobs), rels_part_of(entry))
                if sheet_rels:
                    item["relsPart"] = sheet_rels
                    try:
                        item["relTargets"] = [r["part"] for r in read_rels(read(sheet_rels), entry)[1] if r["part"]]
                    except XmlError:
                        pass
                # Every part the sheet reaches through relationships, at any depth (its drawing, the drawing's
                # charts, their own parts), with the relationship parts on the way.
                owned, todo = [], [entry]
                while todo:
                    source = todo.pop()
                    rels_name = find_entry(list(blobs), rels_part_of(source))
                    if not rels_name or rels_name in owned:
                        continue
                    owned.append(rels_name)
                    try:
                        targets = [r["part"] for r in read_rels(read(rels_name), source)[1] if r["part"]]
                    except XmlError:
                        continue
                    for t in targets:
                        found = find_entry(list(blobs), t)
                        if found and found not in owned and found != entry:
                            owned.append(found)
                            todo.append(found)
                item["ownedParts"] = owned
            if entry and item["relType"] and item["relType"].endswith("/worksheet"):
                try:
                    scanned = scan_sheet(read(entry))
                    item["tabSelected"] = scanned["tabSelected"]
                    item["maxStyle"] = scanned["maxStyle"]
                    item["formulasWithoutValue"] = scanned["formulasWithoutValue"]
                    item["rootNs"] = scanned["rootNs"]
                except expat.ExpatError:
                    pass
            sheets.append(item)
        info["sheets"] = sheets
        views = wb.root.first(MAIN_NS, "bookViews")
        view = views.first(MAIN_NS, "workbookView") if views is not None else None
        active = int(view.attr("activeTab") or 0) if view is not None else 0
        info["active"] = {
            "index": active, "name": sheets[active]["name"] if 0 <= active < len(sheets) else None,
            "bookViews": views is not None, "firstSheet": int(view.attr("firstSheet") or 0) if view is not None else 0,
        }
        names = []
        dn = wb.root.first(MAIN_NS, "definedNames")
        for d in (dn.find(MAIN_NS, "definedName") if dn is not None else []):
            local = d.attr("localSheetId")
            scope = None
            if local is not None:
                try:
                    scope = sheets[int(local)]["name"]
                except (ValueError, IndexError):
                    scope = f"#invalid:{local}"
            names.append({"name": d.attr("name"), "value": d.text, "scope": scope, "localSheetId": local, "hidden": d.attr("hidden")})
        info["names"] = names
    except (XmlError, KeyError, ValueError) as err:
        info["workbookError"] = f"{type(err).__name__}: {err}"

    # The styles part.
    if "workbook" in info:
        target = next((r["part"] for r in info["workbook"]["relTargets"] if r["type"] and r["type"].endswith("/styles") and r["part"]), None)
        entry = find_entry(list(blobs), target) if target else None
        if entry:
            try:
                info["styles"] = dict(styles_info(read(entry)), part=entry)
            except XmlError as err:
                info["styles"] = {"part": entry, "error": str(err)}

    # docProps/app.xml
    app_name = find_entry(list(blobs), "docProps/app.xml")
    if app_name:
        try:
            app = Doc(read(app_name)).root
            titles, pairs, consistent = None, None, True
            top = app.first(APP_NS, "TitlesOfParts")
            if top is not None:
                vec = top.first(VT_NS, "vector")
                items = vec.find(VT_NS, "lpstr") if vec is not None else []
                titles = [i.text for i in items]
                if vec is not None and vec.attr("size") is not None and int(vec.attr("size")) != len(items):
                    consistent = False
            hp = app.first(APP_NS, "HeadingPairs")
            if hp is not None:
                vec = hp.first(VT_NS, "vector")
                pairs = []
                variants = vec.find(VT_NS, "variant") if vec is not None else []
                for k in range(0, len(variants) - 1, 2):
                    label = variants[k].first(VT_NS, "lpstr")
                    count = variants[k + 1].first(VT_NS, "i4")
                    pairs.append([label.text if label is not None else None, int(count.text) if count is not None and count.text.strip().lstrip("-").isdigit() else None])
                if vec is not None and vec.attr("size") is not None and int(vec.attr("size")) != len(variants):
                    consistent = False
                if titles is not None and sum(c or 0 for _, c in pairs) != len(titles):
                    consistent = False
            info["app"] = {"titles": titles, "headingPairs": pairs, "consistent": consistent}
        except (XmlError, ValueError, AttributeError) as err:
            info["app"] = {"error": str(err)}

    if want_cells and "sheets" in info:
        strings = []
        for r in (read_rels(read(info["workbook"]["rels"]), info["workbook"]["part"])[1] if info["workbook"].get("rels") else []):
            if r["type"] and r["type"].endswith("/sharedStrings") and r["part"]:
                e = find_entry(list(blobs), r["part"])
                if e:
                    strings = shared_strings(read(e))
        info["cells"] = {}
        for s in info["sheets"]:
            if s["exists"] and s["part"] in blobs:
                try:
                    info["cells"][s["name"]] = {"maxChars": scan_sheet(blobs[s["part"]], strings)["maxChars"]}
                except expat.ExpatError as err:
                    info["cells"][s["name"]] = {"error": str(err)}

    if want_openpyxl:
        info["openpyxl"] = run_openpyxl(path)
    return info


def run_openpyxl(path):
    try:
        import openpyxl
    except ImportError as err:
        return {"ok": False, "error": f"no openpyxl: {err}", "missing": True}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path)
            names = wb.sheetnames
            wb.close()
        return {"ok": True, "sheetnames": names}
    except Exception as err:  # openpyxl raises many kinds
        return {"ok": False, "error": f"{type(err).__name__}: {err}"[:500]}


def serve():
    """One JSON request per stdin line ({file, cells, openpyxl}), one JSON answer per stdout line."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            req = json.loads(line)
            answer = inspect(req["file"], bool(req.get("cells")), req.get("openpyxl", True) is not False)
        except Exception as err:  # keep serving; the client reports it
            answer = {"serveError": f"{type(err).__name__}: {err}"}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def main(argv):
    if "--serve" in argv:
        return serve()
    cells = "--cells" in argv
    openpyxl_too = "--no-openpyxl" not in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        sys.stderr.write(__doc__)
        return 64
    only = "--only-openpyxl" in argv
    results = {f: inspect(f, cells, openpyxl_too, only) for f in files}
    json.dump(results[files[0]] if len(files) == 1 else results, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    sys.exit(main(sys.argv[1:]))
