"""Every cell value openpyxl reads from each worksheet (cached values, data_only=True), as JSON: the independent
reference the package reader is cross-checked against (test/package/openpyxlValues.test.ts).

Usage: sheet_values.py <file> [<file> ...]  ->  {file: {"ok": true, "sheets": {name: [[row, col, kind, value]]}}}
kind: n number, s text, b boolean, e error, d date/time: [row, col, "d", serial in the 1900 system, serial as stored
(in the workbook's own epoch)], for a reader that turns date-formatted numbers into dates and one that keeps them.
Rows and columns count from 0; only the first 100 000 rows and 64 columns, as the reader under test reads.
"""
import datetime
import json
import sys
import warnings

MAX_ROWS = 100_000
MAX_COLS = 64


def values(path):
    import openpyxl
    from openpyxl.utils.datetime import to_excel
    from openpyxl.worksheet.worksheet import Worksheet

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=True)
    sheets = {}
    for ws in wb.worksheets:
        if not isinstance(ws, Worksheet):
            continue
        cells = []
        for (row, col), cell in ws._cells.items():
            if row > MAX_ROWS or col > MAX_COLS:
                continue
            v = cell.value
            if v is None:
                continue
            if isinstance(v, bool):
                cells.append([row - 1, col - 1, "b", v])
            elif isinstance(v, (int, float)):
                cells.append([row - 1, col - 1, "n", v])
            elif isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
                cells.append([row - 1, col - 1, "d", to_excel(v), to_excel(v, epoch=wb.epoch)])
            elif cell.data_type == "e":
                cells.append([row - 1, col - 1, "e", str(v)])
            else:
                cells.append([row - 1, col - 1, "s", str(v)])
        cells.sort()
        sheets[ws.title] = cells
    return {"ok": True, "sheets": sheets}


def main(argv):
    out = {}
    for f in argv:
        try:
            out[f] = values(f)
        except Exception as err:  # openpyxl raises many kinds
            out[f] = {"ok": False, "error": f"{type(err).__name__}: {err}"[:300]}
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
