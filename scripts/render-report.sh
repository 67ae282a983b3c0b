#!/usr/bin/env bash
# Renders a report workbook to PDF and PNG pages with LibreOffice and poppler, to look at it as a reader would:
# in a Swedish locale (527,6 and 1 234,5, as a Swedish Excel shows them), with a throw-away profile.
# Usage: scripts/render-report.sh <report.xlsx> <out-dir> [dpi]
set -euo pipefail
in="$1"; out="$2"; dpi="${3:-80}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to pdf --outdir "$out" "$in" >/dev/null 2>&1
pdf="$out/$(basename "${in%.*}").pdf"
pdftoppm -png -r "$dpi" "$pdf" "$out/sida"
ls "$out"
