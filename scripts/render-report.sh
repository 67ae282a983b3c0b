#!/usr/bin/env bash
# Renders a report workbook to PDF and PNG pages with LibreOffice and poppler, to look at it as a reader would.
# Usage: scripts/render-report.sh <report.xlsx> <out-dir> [dpi]
set -euo pipefail
in="$1"; out="$2"; dpi="${3:-80}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to pdf --outdir "$out" "$in" >/dev/null 2>&1
pdf="$out/$(basename "${in%.*}").pdf"
pdftoppm -png -r "$dpi" "$pdf" "$out/sida"
ls "$out"
