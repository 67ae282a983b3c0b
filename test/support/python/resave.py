"""Opens a workbook with openpyxl and saves it again, as another program a controller uses might; optionally adds a
chart of her own to one of her sheets first (test/package/charts.test.ts). openpyxl rewrites every chart it keeps
and names each one anew ("Chart 1"), so the report's charts lose their names on the way.

Usage: resave.py <in> <out> [<sheet with a chart of the user's>]
"""
import sys
import warnings


def main(argv):
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    src, dst = argv[0], argv[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(src)
    if len(argv) > 2:
        ws = wb[argv[2]]
        chart = BarChart()
        chart.title = "Min egen graf"
        chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=5), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=5))
        ws.add_chart(chart, "H2")
    wb.save(dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
