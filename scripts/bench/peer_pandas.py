"""The peer the bench sets beside the command line: the same job done the way an analyst would script it with
pandas and openpyxl. Reads the named ranges Budget and Utfall (openpyxl, read-only, cached values), periodises
the monthly budget, sums per ansvar and post, computes avvikelse against the periodised budget and the forecast,
and writes a small report workbook. Prints one line of JSON: total seconds and peak RSS in MB.

    python3 peer_pandas.py <in.xlsx> <out.xlsx>
"""
import json
import resource
import sys
import time

START = time.perf_counter()

import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402
from openpyxl.utils.cell import range_boundaries  # noqa: E402

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]


def destination(wb, name):
    names = wb.defined_names
    defined = names.get(name) if hasattr(names, "get") else None
    if defined is None:
        defined = next(d for d in names.definedName if d.name == name)
    ((sheet, ref),) = list(defined.destinations)
    return sheet, ref.replace("$", "")


def frame(wb, name):
    sheet, ref = destination(wb, name)
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    rows = list(wb[sheet].iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col, values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


def main(path, out):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    settings = dict(frame(wb, "Inställningar").values.tolist())
    period = int(settings.get("Period", 12))
    budget = frame(wb, "Budget")
    actual = frame(wb, "Utfall")
    budget["Budget period"] = budget[MONTHS[:period]].sum(axis=1)
    budget["Budget helår"] = budget[MONTHS].sum(axis=1)
    b = budget.groupby(["Ansvar", "Post", "Typ"], as_index=False)[["Budget period", "Budget helår"]].sum()
    a = actual.groupby(["Ansvar", "Post"], as_index=False)[["Utfall", "Utfall fg år", "Prognos"]].sum()
    lines = b.merge(a, on=["Ansvar", "Post"], how="outer").fillna(0)
    lines["Avvikelse period"] = lines["Utfall"] - lines["Budget period"]
    lines["Avvikelse helår"] = lines["Prognos"] - lines["Budget helår"]
    per_post = lines.groupby(["Typ", "Post"], as_index=False).sum(numeric_only=True)
    per_ansvar = lines.groupby("Ansvar", as_index=False).sum(numeric_only=True)
    report = openpyxl.Workbook(write_only=True)
    for title, table in (("Resultat", per_post), ("Per ansvar", per_ansvar)):
        ws = report.create_sheet(title)
        ws.append(list(table.columns))
        for row in table.itertuples(index=False):
            ws.append([(x / 1e6 if isinstance(x, float) else x) for x in row])
    report.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"total": (time.perf_counter() - START) * 1000, "maxRssMB": rss}))
