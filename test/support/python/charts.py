"""The charts openpyxl finds in each worksheet, as JSON: an independent reader of the report's DrawingML
(test/package/charts.test.ts).

Usage: charts.py <file> [<file> ...]  ->  {file: {"ok": true, "sheets": {name: [chart, ...]}}}
chart: {"anchor": [from col, from row, to col, to row] (no end for a one-cell anchor), "title": text, "groups": [{"type": "BarChart", "barDir": ...,
"grouping": ..., "series": [{"name": ..., "values": "Rapport!$B$3:$B$9", "categories": ...}]}]}
"""
import json
import sys
import warnings


def title_text(chart):
    t = chart.title
    if t is None or t.tx is None or t.tx.rich is None:
        return None
    return "".join(r.t for p in t.tx.rich.p for r in (p.r or []))


def ref(data):
    if data is None:
        return None
    for kind in ("numRef", "strRef"):
        r = getattr(data, kind, None)
        if r is not None:
            return r.f
    return None


def charts(path):
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        found = []
        for ch in getattr(ws, "_charts", []):
            a = ch.anchor
            groups = []
            for g in getattr(ch, "_charts", [ch]):
                groups.append({
                    "type": type(g).__name__,
                    "barDir": getattr(g, "barDir", None),
                    "grouping": getattr(g, "grouping", None),
                    "series": [{"name": s.tx.v if s.tx is not None else None, "values": ref(s.val), "categories": ref(s.cat)} for s in g.series],
                })
            to = getattr(a, "to", None)
            anchor = [a._from.col, a._from.row, to.col, to.row] if to is not None else [a._from.col, a._from.row, None, None]
            found.append({"anchor": anchor, "title": title_text(ch), "groups": groups})
        sheets[ws.title] = found
    return {"ok": True, "sheets": sheets}


def main(argv):
    out = {}
    for f in argv:
        try:
            out[f] = charts(f)
        except Exception as err:  # openpyxl raises many kinds
            out[f] = {"ok": False, "error": f"{type(err).__name__}: {err}"[:300]}
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
