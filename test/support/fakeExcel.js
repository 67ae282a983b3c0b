/* eslint-disable */
/**
 * An in-memory stand-in for Excel's JavaScript API, strict where the real one is strict. Each rule below is taken
 * from Microsoft's documentation (quoted where the rule is tested, in test/office/fakeExcel.test.ts):
 *
 * - Operations are queued and run in order at context.sync(); the first failing operation stops the batch and
 *   everything before it stays done (no rollback).
 * - Properties can be read only after load + sync. *OrNullObject results have isNullObject; any method called on a
 *   null object fails at sync instead of returning another null object.
 * - Sheets: names are validated (31 characters, / \ ? * : [ ], no leading or trailing apostrophe, not "History");
 *   a hidden sheet cannot be activated; the last visible sheet cannot be hidden or deleted; a VeryHidden sheet
 *   cannot be deleted. Renaming a sheet rewrites the formulas and names that point at it; deleting it turns them
 *   into #REF!.
 * - Names: getRange() throws InvalidOperation for names that are formulas (OFFSET, INDEX:INDEX) or several areas
 *   (office-js #4321); getRangeOrNullObject() gives a null object for them.
 * - Reads of values, types, formats or text over 5 000 000 cells fail; whole-column ranges are 1 048 576 rows.
 * - numberFormat and values arrays must match the range's size.
 * - Strings written to values are parsed the way Excel parses typed input (numbers, percentages, ISO dates,
 *   booleans, formulas); a leading apostrophe or the text format "@" keeps them text.
 * - Members above the ExcelApi version the fake is told to support (fake.apiVersion) fail with ApiNotFound.
 * - In cell edit mode a batch fails with InvalidOperationInCellEditMode unless Excel.run was given
 *   { delayForCellEdit: true }.
 * - Objects an `add` returns (worksheets.add, tables.add, names.add) are temporary until their batch succeeds: when
 *   the batch fails they are invalid, and any later call on them, or on an object reached through them, throws
 *   InvalidObjectPath at once (office.js: ObjectPath.isInvalidAfterRequest, ClientRequest.addReferencedObjectPath).
 * - On desktop Excel (fake.platform "desktop", the default), loading `value` of a name whose formula is no single
 *   range (OFFSET, several areas) fails with InvalidOperation (office-js #4321, #1357).
 * - workbook.names holds workbook-scoped names only; a worksheet's own names are in worksheet.names (ExcelApi 1.4).
 * - A protected sheet refuses writes to its cells, formats, merges, rows and columns (AccessDenied); a protected
 *   workbook structure refuses adding, deleting, renaming, moving, hiding and showing sheets (AccessDenied).
 * - A cell takes at most 32 767 characters, a header or footer at most 255 (InvalidArgument).
 * - Setting Worksheet.visibility needs ExcelApi 1.2 (reading it 1.1); adding several table rows at once needs 1.4.
 * - With calculationMode "Manual", formula cells keep their old result until application.calculate().
 * - The workbook's date system (model.date1904) decides what date a serial number shows as, in Range.text.
 *
 * It counts syncs, values writes and format calls, records the largest request and response, logs which sheet every
 * write touched, and can be told to fail on an operation (failOn). Plain JavaScript so that the same file runs under
 * Jest and inside headless Chromium.
 */
(function (root) {
  "use strict";

  /**
   * "Total number of characters that a cell can contain: 32,767 characters"; "Characters in a header or footer: 255"
   * (Excel specifications and limits, https://support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3).
   */
  var LIMITS = { rows: 1048576, cols: 16384, readCells: 5000000, cellChars: 32767, headerFooterChars: 255, rowHeight: 409 };

  /**
   * The ExcelApi version that introduced each member the fake implements: "[Api set: ExcelApi x.y]" in Microsoft's
   * Excel JavaScript API reference (https://learn.microsoft.com/javascript/api/excel), as shipped in
   * @types/office-js (node_modules/@types/office-js/index.d.ts). test/office/fakeExcel.test.ts checks every entry
   * against that file.
   */
  var MIN_VERSION = {
    "Application.calculate": "1.1",
    "Chart.delete": "1.1",
    "Chart.id": "1.7",
    "Chart.name": "1.1",
    "Chart.plotArea": "1.8",
    "Chart.setPosition": "1.1",
    "ChartAreaFormat.border": "1.7",
    "ChartAxis.majorTickMark": "1.7",
    "ChartAxis.maximum": "1.1",
    "ChartAxis.minimum": "1.1",
    "ChartAxis.numberFormat": "1.8",
    "ChartAxis.reversePlotOrder": "1.7",
    "ChartAxis.textOrientation": "1.8",
    "ChartAxis.tickLabelPosition": "1.7",
    "ChartAxis.visible": "1.7",
    "ChartBorder.color": "1.7",
    "ChartBorder.lineStyle": "1.7",
    "ChartBorder.weight": "1.7",
    "ChartCollection.add": "1.1",
    "ChartCollection.getItem": "1.1",
    "ChartDataLabel.format": "1.8",
    "ChartDataLabel.numberFormat": "1.8",
    "ChartDataLabel.position": "1.7",
    "ChartDataLabel.text": "1.8",
    "ChartDataLabels.numberFormat": "1.8",
    "ChartDataLabels.position": "1.1",
    "ChartDataLabels.showValue": "1.1",
    "ChartFill.clear": "1.1",
    "ChartFill.setSolidColor": "1.1",
    "ChartFont.bold": "1.1",
    "ChartFont.color": "1.1",
    "ChartFont.italic": "1.1",
    "ChartFont.name": "1.1",
    "ChartFont.size": "1.1",
    "ChartGridlines.visible": "1.1",
    "ChartLegend.position": "1.1",
    "ChartLegend.visible": "1.1",
    "ChartLineFormat.color": "1.1",
    "ChartLineFormat.lineStyle": "1.7",
    "ChartLineFormat.weight": "1.7",
    "ChartPlotArea.insideHeight": "1.8",
    "ChartPlotArea.insideLeft": "1.8",
    "ChartPlotArea.insideTop": "1.8",
    "ChartPlotArea.insideWidth": "1.8",
    "ChartPoint.dataLabel": "1.7",
    "ChartPoint.hasDataLabel": "1.7",
    "ChartPointFormat.border": "1.7",
    "ChartSeries.chartType": "1.7",
    "ChartSeries.dataLabels": "1.8",
    "ChartSeries.gapWidth": "1.7",
    "ChartSeries.hasDataLabels": "1.7",
    "ChartSeries.markerBackgroundColor": "1.7",
    "ChartSeries.markerForegroundColor": "1.7",
    "ChartSeries.markerSize": "1.7",
    "ChartSeries.markerStyle": "1.7",
    "ChartSeries.name": "1.1",
    "ChartSeries.overlap": "1.8",
    "ChartSeries.setValues": "1.7",
    "ChartSeries.setXAxisValues": "1.7",
    "ChartSeriesCollection.add": "1.7",
    "ChartTitle.text": "1.1",
    "Application.calculationMode": "1.1",
    "Application.suspendScreenUpdatingUntilNextSync": "1.9",
    "NamedItem.comment": "1.4",
    "NamedItem.delete": "1.4",
    "NamedItem.formula": "1.7",
    "NamedItem.getRange": "1.1",
    "NamedItem.getRangeOrNullObject": "1.4",
    "NamedItem.name": "1.1",
    "NamedItem.scope": "1.4",
    "NamedItem.type": "1.1",
    "NamedItem.value": "1.1",
    "NamedItemCollection.add": "1.4",
    "NamedItemCollection.getItem": "1.1",
    "NamedItemCollection.getItemOrNullObject": "1.4",
    "PageBreakCollection.add": "1.9",
    "PageBreakCollection.removePageBreaks": "1.9",
    "Range.address": "1.1",
    "Range.clear": "1.1",
    "Range.columnCount": "1.1",
    "Range.columnHidden": "1.2",
    "Range.columnIndex": "1.1",
    "Range.copyFrom": "1.9",
    "Range.formulas": "1.1",
    "Range.getCell": "1.1",
    "Range.getResizedRange": "1.2",
    "Range.getRowsBelow": "1.2",
    "Range.getUsedRangeOrNullObject": "1.4",
    "Range.merge": "1.2",
    "Range.numberFormat": "1.1",
    "Range.rowCount": "1.1",
    "Range.rowIndex": "1.1",
    "Range.select": "1.1",
    "Range.text": "1.1",
    "Range.unmerge": "1.2",
    "Range.values": "1.1",
    "Range.valueTypes": "1.1",
    "Shape.altTextDescription": "1.9",
    "Shape.altTextTitle": "1.9",
    "Shape.name": "1.9",
    "ShapeCollection.getItem": "1.9",
    "Range.worksheet": "1.1",
    "RangeFormat.autofitColumns": "1.2",
    "RangeFormat.columnWidth": "1.2",
    "RangeFormat.horizontalAlignment": "1.1",
    "RangeFormat.indentLevel": "1.9",
    "RangeFormat.rowHeight": "1.2",
    "RangeFormat.useStandardHeight": "1.7",
    "RangeFormat.verticalAlignment": "1.1",
    "RangeFormat.wrapText": "1.1",
    "Table.getRange": "1.1",
    "Table.name": "1.1",
    "Table.style": "1.1",
    "TableCollection.add": "1.1",
    "TableCollection.getItemOrNullObject": "1.4",
    "TableRowCollection.add": "1.1",
    // "1.1 for adding a single row; 1.4 allows adding of multiple rows"
    "TableRowCollection.add:multiple": "1.4",
    "Workbook.protection": "1.7",
    "WorkbookProtection.protected": "1.7",
    "Worksheet.activate": "1.1",
    "Worksheet.charts": "1.1",
    "Worksheet.delete": "1.1",
    "Worksheet.getRange": "1.1",
    "Worksheet.getUsedRange": "1.1",
    "Worksheet.getUsedRangeOrNullObject": "1.4",
    "Worksheet.horizontalPageBreaks": "1.9",
    "Worksheet.name": "1.1",
    "Worksheet.names": "1.4",
    "Worksheet.pageLayout": "1.9",
    "Worksheet.position": "1.1",
    "Worksheet.protection": "1.2",
    "Worksheet.shapes": "1.9",
    "Worksheet.showGridlines": "1.8",
    "Worksheet.visibility": "1.1",
    // "1.1 for reading visibility; 1.2 for setting it"
    "Worksheet.visibility:set": "1.2",
    "WorksheetCollection.add": "1.1",
    "WorksheetCollection.getItem": "1.1",
    "WorksheetCollection.getItemOrNullObject": "1.4",
    "WorksheetProtection.protected": "1.2",
  };

  function versionAtLeast(supported, needed) {
    var a = String(supported).split(".").map(Number), b = String(needed).split(".").map(Number);
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = a[i] || 0, y = b[i] || 0;
      if (x !== y) return x > y;
    }
    return true;
  }

  function colNum(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n - 1;
  }
  function colLetters(col) {
    var s = "";
    var n = col + 1;
    while (n > 0) {
      var r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** "A1", "A1:C3", "A:C", "3:5" → {row, col, rows, cols}, zero-based. Whole columns are 1 048 576 rows, as in Excel. */
  function parseAddress(address) {
    var a = String(address).replace(/\$/g, "");
    var m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
    if (m) {
      var r1 = Number(m[2]) - 1, c1 = colNum(m[1]);
      var r2 = m[4] ? Number(m[4]) - 1 : r1, c2 = m[3] ? colNum(m[3]) : c1;
      return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
    }
    m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
    if (m) return { row: 0, col: Math.min(colNum(m[1]), colNum(m[2])), rows: LIMITS.rows, cols: Math.abs(colNum(m[2]) - colNum(m[1])) + 1 };
    m = /^(\d+):(\d+)$/.exec(a);
    if (m) return { row: Math.min(Number(m[1]), Number(m[2])) - 1, col: 0, rows: Math.abs(Number(m[2]) - Number(m[1])) + 1, cols: LIMITS.cols };
    throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (address " + address + ").");
  }
  function quoteSheet(sheet) {
    return /[^A-Za-z0-9_]/.test(sheet) || /^\d/.test(sheet) ? "'" + sheet.replace(/'/g, "''") + "'" : sheet;
  }
  function localAddress(r) {
    if (r.row === 0 && r.rows === LIMITS.rows) return colLetters(r.col) + ":" + colLetters(r.col + r.cols - 1);
    if (r.col === 0 && r.cols === LIMITS.cols) return r.row + 1 + ":" + (r.row + r.rows);
    var a = colLetters(r.col) + (r.row + 1);
    return r.rows === 1 && r.cols === 1 ? a : a + ":" + colLetters(r.col + r.cols - 1) + (r.row + r.rows);
  }
  function formatAddress(sheet, r) {
    return quoteSheet(sheet) + "!" + localAddress(r);
  }
  function splitRef(ref) {
    var m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(String(ref).replace(/^=/, "").trim());
    if (!m) return null;
    return { sheet: (m[1] || m[2]).replace(/''/g, "'"), address: m[3] };
  }
  function officeError(code, message) {
    var e = new Error(message || code);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }
  /**
   * office.js marks the object an `add` returns as invalid when its request is sent ("isInvalidAfterRequest") and
   * makes it valid again only from a successful response; a failed batch leaves it invalid. Using it then throws at
   * once, before any sync: ClientRequest.addReferencedObjectPath "if (!objectPath.isValid) throw ...
   * ErrorCodes.invalidObjectPath". An object reached through an invalid one is refused the same way here.
   */
  function alive(proxy) {
    for (var p = proxy; p; p = p._parent) {
      if (p._invalid) {
        throw officeError("InvalidObjectPath", "The object path '" + (p._path || "object") + "' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.");
      }
    }
  }
  /** A protected sheet refuses changes to its cells ("You cannot perform the requested operation."). */
  function editable(s) {
    if (s && s.protected) throw officeError("AccessDenied", "You cannot perform the requested operation (the worksheet " + s.name + " is protected).");
    return s;
  }
  /** A protected workbook structure refuses adding, deleting, moving, renaming, hiding and showing sheets. */
  function structureEditable(model) {
    if (model.structureProtected) throw officeError("AccessDenied", "You cannot perform the requested operation (the workbook structure is protected).");
  }
  function intersects(a, b) {
    return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
  }

  /** Microsoft: worksheet names cannot be blank, exceed 31 characters, contain / \ ? * : [ ], begin or end with an apostrophe, or be "History". */
  function checkSheetName(name) {
    var n = String(name);
    if (n.trim() === "" || n.length > 31 || /[\/\\?*:\[\]]/.test(n) || /^'|'$/.test(n) || n.toLowerCase() === "history") {
      throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (sheet name \"" + n + "\").");
    }
  }

  // ---- formulas -------------------------------------------------------------------------------------------------
  var SHEET_REF = /('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)/g;
  function unquote(token) {
    return token.charAt(0) === "'" ? token.slice(1, -1).replace(/''/g, "'") : token;
  }
  /** Renamed: references to `oldName` follow to `newName`. Deleted (`newName` null): they become #REF!. */
  function rewriteSheetRefs(formula, oldName, newName) {
    return formula.replace(SHEET_REF, function (whole, sheet, address) {
      if (unquote(sheet).toLowerCase() !== oldName.toLowerCase()) return whole;
      return newName === null ? "#REF!" : quoteSheet(newName) + "!" + address;
    });
  }
  function splitTopLevel(f) {
    var parts = [], depth = 0, quote = false, start = 0;
    for (var i = 0; i < f.length; i++) {
      var ch = f[i];
      if (ch === "'") quote = !quote;
      else if (!quote && ch === "(") depth++;
      else if (!quote && ch === ")") depth--;
      else if (!quote && depth === 0 && ch === ",") {
        parts.push(f.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(f.slice(start));
    return parts.map(function (p) { return p.trim(); });
  }
  var PLAIN_REF = /^(?:'(?:[^']|'')+'|[^'!(),\s]+)!(\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)$/;
  function isErrorValue(v) {
    return typeof v === "string" && /^#(N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v);
  }

  /**
   * What Excel stores when a string is written to Range.values, as if typed: a leading apostrophe keeps the rest as
   * text; "=" (and "+", "-", "@" before something that is not a number) starts a formula; numbers (1.5, 1,5,
   * 1 234,5, 1e3), percentages and ISO dates become numbers, TRUE/FALSE (SANT/FALSKT) booleans.
   */
  function parseInput(s, date1904) {
    if (s === "") return { value: "" };
    if (s.charAt(0) === "'") return { value: s.slice(1) };
    var t = s.trim();
    var num = parseNumber(t);
    if (num !== null) return { value: num };
    if (/^[=+\-@]/.test(s) && s.length > 1) return { value: { formula: s } };
    var pct = /^(.*?)\s?%$/.exec(t);
    if (pct && parseNumber(pct[1]) !== null) return { value: parseNumber(pct[1]) / 100, numberFormat: "0%" };
    var d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (d) {
      var ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
      if (!isNaN(ms)) return { value: ms / 86400000 + epochOffset(date1904), numberFormat: "yyyy-mm-dd" };
    }
    var b = t.toUpperCase();
    if (b === "TRUE" || b === "SANT") return { value: true };
    if (b === "FALSE" || b === "FALSKT") return { value: false };
    return { value: s };
  }
  function parseNumber(t) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
    if (/^[+-]?\d{1,3}([ \u00a0]\d{3})+(,\d+)?$/.test(t) || /^[+-]?\d+,\d+$/.test(t)) return Number(t.replace(/[ \u00a0]/g, "").replace(",", "."));
    return null;
  }

  // ---- dates and displayed text ---------------------------------------------------------------------------------
  /** Days from each date system's day 0 to 1970-01-01: 1900 system (day 0 = 1899-12-30 for serials from 61) and 1904. */
  function epochOffset(date1904) {
    return date1904 ? 24107 : 25569;
  }
  function isDateFormat(format) {
    var f = String(format || "").replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
    return f !== "General" && /[dy]|m{3,}/i.test(f);
  }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function pad(n, w) {
    var t = String(n);
    while (t.length < w) t = "0" + t;
    return t;
  }
  /** What Excel shows for a value under a number format: dates rendered by the workbook's date system, other values as they are. */
  function displayText(v, format, date1904) {
    if (isEmpty(v)) return "";
    if (typeof v !== "number" || !isDateFormat(format)) return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    var d = new Date(Math.round((v - epochOffset(date1904)) * 86400000));
    var f = String(format).replace(/\[[^\]]*\]/g, "");
    var out = "", i = 0, lastWasHour = false;
    while (i < f.length) {
      var ch = f.charAt(i);
      if (ch === '"') {
        var end = f.indexOf('"', i + 1);
        out += f.slice(i + 1, end < 0 ? f.length : end);
        i = end < 0 ? f.length : end + 1;
        continue;
      }
      if (ch === "\\") {
        out += f.charAt(i + 1);
        i += 2;
        continue;
      }
      var run = 1;
      while (i + run < f.length && f.charAt(i + run).toLowerCase() === ch.toLowerCase()) run++;
      var lower = ch.toLowerCase();
      if (lower === "y") out += run <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
      else if (lower === "d") out += run === 1 ? String(d.getUTCDate()) : pad(d.getUTCDate(), 2);
      else if (lower === "h") out += run === 1 ? String(d.getUTCHours()) : pad(d.getUTCHours(), 2);
      else if (lower === "s") out += pad(d.getUTCSeconds(), 2);
      else if (lower === "m") {
        var minutes = lastWasHour || /^:?s/i.test(f.slice(i + run).replace(/^:/, ":"));
        if (minutes && run <= 2) out += pad(d.getUTCMinutes(), 2);
        else out += run === 1 ? String(d.getUTCMonth() + 1) : run === 2 ? pad(d.getUTCMonth() + 1, 2) : run === 3 ? MONTHS[d.getUTCMonth()] : MONTHS[d.getUTCMonth()];
      } else out += f.slice(i, i + run);
      if (lower === "h") lastWasHour = true;
      else if (/[ydms]/.test(lower)) lastWasHour = false;
      i += run;
    }
    return out;
  }

  // ---- the workbook ---------------------------------------------------------------------------------------------
  function isEmpty(v) {
    return v === "" || v === undefined || v === null;
  }

  class Sheet {
    constructor(name) {
      this.name = name;
      this.cells = new Map();
      this.visibility = "Visible";
      this.merges = [];
      this.columnWidths = {};
      this.hiddenColumns = new Set();
      this.rowHeights = {};
      this.pageBreaks = [];
      this.pageLayout = { headersFooters: { defaultForAllPages: {} } };
      this.showGridlines = true;
      /** Charts on the sheet (Worksheet.charts), in the order they were added. */
      this.charts = [];
      /** Names scoped to this sheet (worksheet.names): name → formula. */
      this.names = new Map();
      /** Sheet protection: cells, formats, rows and columns cannot be changed. */
      this.protected = false;
    }
    cell(r, c, create) {
      var k = r + "," + c;
      var x = this.cells.get(k);
      if (!x && create) {
        x = { value: "", numberFormat: "General", format: {} };
        this.cells.set(k, x);
      }
      return x;
    }
    /**
     * The used range: the smallest rectangle holding every value (and, unless valuesOnly, every formatted cell), of the
     * whole sheet or only of the cells within `within`.
     */
    used(valuesOnly, within) {
      var only = valuesOnly !== false;
      var minR = Infinity, minC = Infinity, maxR = -1, maxC = -1;
      for (var entry of this.cells) {
        var v = entry[1];
        if (isEmpty(v.value)) {
          if (only) continue;
          if ((v.numberFormat === "General" || !v.numberFormat) && !(v.format && Object.keys(v.format).length)) continue;
        }
        var k = entry[0], i = k.indexOf(",");
        var r = +k.slice(0, i), c = +k.slice(i + 1);
        if (within && (r < within.row || r >= within.row + within.rows || c < within.col || c >= within.col + within.cols)) continue;
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
      return maxR < 0 ? null : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
    }
  }

  class Model {
    constructor() {
      this.sheets = [];
      this.names = new Map();
      this.tables = [];
      this.selected = null;
      this.active = null;
      /** Workbook structure protection (Review › Protect Workbook). */
      this.structureProtected = false;
      /** The 1904 date system (Excel for Mac's old default); serial 0 is 1904-01-01. */
      this.date1904 = false;
      /** Application.calculationMode: "Automatic", "AutomaticExceptTables" or "Manual". */
      this.calculationMode = "Automatic";
      /** Comments of names, per names map (the workbook's or a sheet's). */
      this.nameComments = new Map();
    }
    sheet(name) {
      var n = String(name).toLowerCase();
      return this.sheets.find(function (s) { return s.name.toLowerCase() === n; }) || null;
    }
    addSheet(name) {
      checkSheetName(name);
      if (this.sheet(name)) throw officeError("ItemAlreadyExists", "A resource with the same name or identifier already exists (sheet " + name + ").");
      var s = new Sheet(name);
      this.sheets.push(s);
      return s;
    }
    visibleSheets() {
      return this.sheets.filter(function (s) { return s.visibility === "Visible"; });
    }
    /** Renames a sheet; formulas and names that point at it follow, as in Excel. */
    renameSheet(s, name) {
      structureEditable(this);
      checkSheetName(name);
      var other = this.sheet(name);
      if (other && other !== s) throw officeError("ItemAlreadyExists", "A resource with the same name or identifier already exists (sheet " + name + ").");
      var old = s.name;
      s.name = name;
      this.rewriteRefs(old, name);
      this.tables.forEach(function (t) { if (t.sheet.toLowerCase() === old.toLowerCase()) t.sheet = name; });
      if (this.active && this.active.toLowerCase() === old.toLowerCase()) this.active = name;
    }
    /** Deletes a sheet; formulas and names that point at it become #REF!, as in Excel. */
    removeSheet(s) {
      structureEditable(this);
      if (s.visibility === "VeryHidden") throw officeError("InvalidOperation", "A VeryHidden worksheet cannot be deleted; make it hidden or visible first.");
      if (this.sheets.length === 1 || (s.visibility === "Visible" && this.visibleSheets().length === 1)) {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.sheets.splice(this.sheets.indexOf(s), 1);
      this.rewriteRefs(s.name, null);
      this.tables = this.tables.filter(function (t) { return t.sheet.toLowerCase() !== s.name.toLowerCase(); });
      if (this.active && this.active.toLowerCase() === s.name.toLowerCase()) this.active = this.visibleSheets()[0].name;
      if (this.selected && splitRef(this.selected) && splitRef(this.selected).sheet === s.name) this.selected = null;
    }
    setVisibility(s, v) {
      structureEditable(this);
      if (v !== "Visible" && s.visibility === "Visible" && this.visibleSheets().length === 1) {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = v;
      if (v !== "Visible" && this.active && this.active.toLowerCase() === s.name.toLowerCase()) this.active = this.visibleSheets()[0].name;
    }
    rewriteRefs(oldName, newName) {
      for (var s of this.sheets) {
        for (var c of s.cells.values()) {
          if (c.value && typeof c.value === "object" && typeof c.value.formula === "string") c.value.formula = rewriteSheetRefs(c.value.formula, oldName, newName);
        }
      }
      var maps = [this.names].concat(this.sheets.map(function (x) { return x.names; }));
      for (var m of maps) for (var entry of m) m.set(entry[0], rewriteSheetRefs(entry[1], oldName, newName));
    }
    /** application.calculate(): formula cells take the result they would have now. */
    calculate() {
      for (var s of this.sheets) {
        for (var c of s.cells.values()) {
          if (c.value && typeof c.value === "object" && "pending" in c.value) {
            c.value.result = c.value.pending;
            delete c.value.pending;
          }
        }
      }
    }
    /** A cell's value as Excel shows it: formulas that are a single reference are evaluated, #REF! gives #REF!. */
    valueAt(s, r, c) {
      var cell = s.cell(r, c, false);
      var v = cell ? cell.value : "";
      if (!(v && typeof v === "object" && "formula" in v)) return v;
      if (/#REF!/.test(v.formula)) return "#REF!";
      var ref = splitRef(v.formula);
      var target = ref && this.sheet(ref.sheet);
      if (ref && target && /^\$?[A-Z]{1,3}\$?\d+$/.test(ref.address)) {
        var at = parseAddress(ref.address);
        var x = this.valueAt(target, at.row, at.col);
        return isEmpty(x) ? 0 : x;
      }
      return v.result === undefined ? 0 : v.result;
    }
    /** Sets cells from a 2D array at a top-left address ("Budget!A1"), as Excel holds them (no parsing). */
    put(sheetName, a1, rows, formats) {
      var s = this.sheet(sheetName) || this.addSheet(sheetName);
      var at = parseAddress(a1);
      rows.forEach(function (row, i) {
        row.forEach(function (v, j) {
          var c = s.cell(at.row + i, at.col + j, true);
          c.value = v === null || v === undefined ? "" : v;
          if (formats && formats[i] && formats[i][j]) c.numberFormat = formats[i][j];
        });
      });
      return s;
    }
  }

  /** What a name (`key` in `map`, the workbook's names or a sheet's) resolves to, the way Excel reports it. */
  function resolveName(model, key, map) {
    var f = String((map || model.names).get(key)).replace(/^=/, "").trim();
    var base = { name: key, formula: "=" + f };
    if (/#REF!/.test(f)) return Object.assign(base, { type: "Error", value: "#REF!", kind: "error" });
    var parts = splitTopLevel(f);
    if (parts.length > 1 && parts.every(function (p) { return PLAIN_REF.test(p); })) return Object.assign(base, { type: "Range", value: f, kind: "multi" });
    if (parts.length === 1 && PLAIN_REF.test(f)) {
      var ref = splitRef(f);
      if (!model.sheet(ref.sheet)) return Object.assign(base, { type: "Error", value: "#REF!", kind: "error" });
      return Object.assign(base, { type: "Range", value: f, kind: "range", ref: ref });
    }
    // A formula over references (OFFSET, INDEX:INDEX …) evaluates to a reference: type Range, but no single range.
    if (/\(/.test(f) && /!/.test(f)) return Object.assign(base, { type: "Range", value: f, kind: "function" });
    var n = parseNumber(f);
    if (n !== null) return Object.assign(base, { type: "Double", value: n, kind: "other" });
    return Object.assign(base, { type: "String", value: f.replace(/^"|"$/g, ""), kind: "other" });
  }

  // ---- requests -------------------------------------------------------------------------------------------------
  class Context {
    constructor(fake, options) {
      this.fake = fake;
      this.queue = [];
      this.delayForCellEdit = !!(options && options.delayForCellEdit);
      /** Objects returned by `add` in the batch being built: invalid if the batch fails. */
      this.temporaries = [];
      this.workbook = new WorkbookProxy(this);
      this.application = new ApplicationProxy(this);
    }
    /** Registers an object an `add` returned: temporary until its batch succeeds. */
    temporary(proxy, path) {
      proxy._path = path;
      this.temporaries.push(proxy);
      return proxy;
    }
    /** Queues an operation; `member` names the API member it uses, checked against the supported version at sync. */
    enqueue(kind, sheetFn, run, bytes, member) {
      this.queue.push({ kind: kind, sheetFn: sheetFn, run: run, bytes: bytes || 64, member: member || null });
    }
    /** For calls that only create an object: queues the requirement check so the batch fails where Excel would. */
    need(member) {
      if (!versionAtLeast(this.fake.apiVersion, MIN_VERSION[member] || "1.1")) this.enqueue("check", null, function () {}, 16, member);
    }
    async sync() {
      var temporaries = this.temporaries;
      this.temporaries = [];
      try {
        await this._send();
      } catch (e) {
        for (var t of temporaries) t._invalid = true;
        throw e;
      }
    }
    async _send() {
      var fake = this.fake;
      var ops = this.queue;
      this.queue = [];
      fake.stats.syncs++;
      if (fake.cellEditMode) {
        if (!this.delayForCellEdit) throw officeError("InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode.");
        fake.cellEditMode = false; // Excel waits until the user leaves the cell, then runs the batch.
        fake.stats.delayedForCellEdit++;
      }
      this.responseBytes = 0;
      this.cellsRead = 0;
      var payload = ops.reduce(function (n, o) { return n + o.bytes; }, 0);
      fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, payload);
      if (payload > fake.requestLimit) throw officeError("RequestPayloadSizeLimitExceeded", "payload " + payload);
      for (var op of ops) {
        if (op.member && !versionAtLeast(fake.apiVersion, MIN_VERSION[op.member] || "1.1")) {
          throw officeError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel (" + op.member + ", ExcelApi " + MIN_VERSION[op.member] + ").");
        }
        var sheet = null;
        try {
          sheet = op.sheetFn ? op.sheetFn() : null;
        } catch (e) {
          sheet = null;
        }
        if (fake.failOn && fake.failOn({ kind: op.kind, sheet: sheet ? sheet.name : null })) {
          throw officeError("GeneralException", "injected failure at " + op.kind);
        }
        op.run();
        fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes || 0, this.responseBytes);
        if (op.kind !== "load" && op.kind !== "resolve" && op.kind !== "check") {
          fake.log.push({ kind: op.kind, sheet: sheet ? sheet.name : null });
          if (op.kind === "values") fake.stats.valuesWrites++;
          if (op.kind === "format") fake.stats.formatCalls++;
        }
      }
      fake.stats.maxCellsPerSync = Math.max(fake.stats.maxCellsPerSync || 0, this.cellsRead);
      if (this.responseBytes > fake.responseLimit) throw officeError("ResponsePayloadSizeLimitExceeded", "response " + this.responseBytes);
      fake.stats.maxResponseBytesSent = Math.max(fake.stats.maxResponseBytesSent || 0, this.responseBytes);
    }
  }

  /** context.application: calculation mode and recalculation, screen updating. */
  class ApplicationProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this._loaded = new Set();
      this._data = {};
      defineLoadable(this, ["calculationMode"]);
    }
    load(props) {
      var self = this;
      var wanted = propList(props) || ["calculationMode"];
      this.ctx.enqueue("load", null, function () {
        if (wanted.indexOf("calculationMode") >= 0) {
          self._data.calculationMode = self.ctx.fake.model.calculationMode;
          self._loaded.add("calculationMode");
        }
      }, 64, wanted.indexOf("calculationMode") >= 0 ? "Application.calculationMode" : null);
      return this;
    }
    /** "Recalculate all currently opened workbooks in Excel." (Application.calculate, ExcelApi 1.1) */
    calculate(calculationType) {
      var model = this.ctx.fake.model;
      this.ctx.enqueue("calculate", null, function () {
        if (["Recalculate", "Full", "FullRebuild"].indexOf(calculationType) < 0) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (calculationType).");
        model.calculate();
      }, 64, "Application.calculate");
    }
    suspendScreenUpdatingUntilNextSync() {
      this.ctx.enqueue("suspendScreenUpdating", null, function () {}, 64, "Application.suspendScreenUpdatingUntilNextSync");
    }
  }

  function loaded(proxy, prop) {
    if (!proxy._loaded.has(prop)) throw new Error("PropertyNotLoaded: " + prop + " was not loaded (call load and context.sync first)");
    return proxy._data[prop];
  }
  function defineLoadable(proxy, props) {
    for (var p of props) {
      (function (p) {
        var proto = Object.getPrototypeOf(proxy), setter = null;
        while (proto && !setter) {
          var d = Object.getOwnPropertyDescriptor(proto, p);
          if (d && d.set) setter = d.set;
          proto = Object.getPrototypeOf(proto);
        }
        Object.defineProperty(proxy, p, {
          get: function () { return loaded(proxy, p); },
          set: setter ? function (v) { setter.call(proxy, v); } : function () { throw new Error("InvalidOperation: " + p + " is read-only"); },
          configurable: true,
          enumerable: true,
        });
      })(p);
    }
  }
  function propList(props, prefix) {
    if (props === undefined || props === null) return null;
    var list = Array.isArray(props) ? props : String(props).split(",");
    return list.map(function (p) { p = p.trim(); return prefix && p.indexOf(prefix) === 0 ? p.slice(prefix.length) : p; }).filter(Boolean);
  }

  class WorkbookProxy {
    constructor(ctx) {
      this.context = ctx;
      this.names = new NamesProxy(ctx, null);
      this.tables = new TablesProxy(ctx);
      this.worksheets = new WorksheetsProxy(ctx);
      this.protection = new ProtectionProxy(ctx, null);
    }
    /**
     * Workbook.load: "protection/protected" (ExcelApi 1.7). `use1904DateSystem` is "ExcelApi BETA (PREVIEW ONLY)" in
     * Microsoft's reference: production Excel does not have it.
     */
    load(props) {
      var list = propList(props) || [];
      for (var p of list) {
        if (p === "protection/protected" || p === "protection") this.protection.load("protected");
        else if (p === "use1904DateSystem") {
          this.context.enqueue("load", null, function () {
            throw officeError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel (Workbook.use1904DateSystem is a preview API).");
          }, 64, null);
        }
      }
      return this;
    }
  }

  /** Workbook.protection (ExcelApi 1.7, `sheet` null) or Worksheet.protection (ExcelApi 1.2). */
  class ProtectionProxy {
    constructor(ctx, sheetProxy) {
      this.ctx = ctx;
      this._sheetProxy = sheetProxy;
      this._parent = sheetProxy;
      this._loaded = new Set();
      this._data = {};
      defineLoadable(this, ["protected"]);
    }
    load() {
      var self = this;
      alive(this);
      this.ctx.enqueue("load", null, function () {
        var model = self.ctx.fake.model;
        self._data.protected = self._sheetProxy ? !!self._sheetProxy._use().protected : !!model.structureProtected;
        self._loaded.add("protected");
      }, 64, this._sheetProxy ? "WorksheetProtection.protected" : "WorkbookProtection.protected");
      return this;
    }
  }

  // ---- names ----------------------------------------------------------------------------------------------------
  /** workbook.names (the workbook's own names) or worksheet.names (names scoped to that sheet, ExcelApi 1.4). */
  class NamesProxy {
    constructor(ctx, sheetProxy) {
      this.ctx = ctx;
      this._sheetProxy = sheetProxy;
      this._parent = sheetProxy;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    /** The map these names live in: the workbook's, or the sheet's. */
    _map() {
      return this._sheetProxy ? this._sheetProxy._use().names : this.ctx.fake.model.names;
    }
    load(props) {
      var ctx = this.ctx, self = this;
      alive(this);
      if (this._sheetProxy) ctx.need("Worksheet.names");
      var explicit = propList(props, "items/");
      var wanted = explicit || ["name", "type", "value", "visible", "comment", "scope"];
      var member = !explicit ? null : wanted.indexOf("formula") >= 0 ? "NamedItem.formula" : wanted.indexOf("comment") >= 0 ? "NamedItem.comment" : wanted.indexOf("scope") >= 0 ? "NamedItem.scope" : null;
      ctx.enqueue("load", null, function () {
        var map = self._map();
        self._items = Array.from(map.keys()).map(function (key) {
          var n = new NamedItemProxy(ctx, key, false, self);
          n._resolveNow();
          n._checkLoad(wanted);
          n._loaded = new Set(wanted);
          return n;
        });
      }, 64, member);
      return this;
    }
    getItem(name) {
      alive(this);
      if (this._sheetProxy) this.ctx.need("Worksheet.names");
      var n = new NamedItemProxy(this.ctx, name, false, this);
      this.ctx.enqueue("resolve", null, function () {
        if (!n._resolveNow()) throw officeError("ItemNotFound", "The requested resource doesn't exist (name " + name + ").");
      }, 64, "NamedItemCollection.getItem");
      return n;
    }
    getItemOrNullObject(name) {
      alive(this);
      if (this._sheetProxy) this.ctx.need("Worksheet.names");
      var n = new NamedItemProxy(this.ctx, name, true, this);
      this.ctx.enqueue("resolve", null, function () { n._resolveNow(); }, 64, "NamedItemCollection.getItemOrNullObject");
      return n;
    }
    /** NamedItemCollection.add(name, reference, comment): "Adds a new name to the collection of the given scope." */
    add(name, reference, comment) {
      var ctx = this.ctx, self = this;
      alive(this);
      if (this._sheetProxy) ctx.need("Worksheet.names");
      if (reference instanceof RangeProxy) alive(reference);
      var item = ctx.temporary(new NamedItemProxy(ctx, name, false, this), "names.add(" + name + ")");
      var sheetFn = function () { return reference instanceof RangeProxy ? reference._sheet() : null; };
      ctx.enqueue("names.add", sheetFn, function () {
        var map = self._map();
        var exists = Array.from(map.keys()).some(function (k) { return k.toLowerCase() === String(name).toLowerCase(); });
        if (exists) throw officeError("ItemAlreadyExists", "A resource with the same name or identifier already exists (name " + name + ").");
        var formula = reference instanceof RangeProxy ? "=" + formatAddress(reference._sheet().name, reference._rect()) : String(reference);
        map.set(name, formula.charAt(0) === "=" ? formula : "=" + formula);
        if (comment !== undefined && comment !== null && comment !== "") commentsOf(ctx.fake.model, map).set(name.toLowerCase(), String(comment));
        item._resolveNow();
      }, 64, "NamedItemCollection.add");
      return item;
    }
  }

  function commentsOf(model, map) {
    if (!model.nameComments.has(map)) model.nameComments.set(map, new Map());
    return model.nameComments.get(map);
  }

  class NamedItemProxy {
    constructor(ctx, name, orNull, collection) {
      this.ctx = ctx;
      this._name = name;
      this._orNull = orNull;
      this._collection = collection;
      this._parent = collection;
      this._loaded = new Set();
      this._data = {};
      this._info = null;
      this.isNullObject = undefined;
      defineLoadable(this, ["name", "type", "value", "formula", "comment", "scope", "visible"]);
    }
    _map() {
      return this._collection._map();
    }
    _resolveNow() {
      var model = this.ctx.fake.model, map = this._map(), wanted = String(this._name).toLowerCase();
      var key = Array.from(map.keys()).find(function (k) { return k.toLowerCase() === wanted; });
      this.isNullObject = key === undefined;
      this._info = key === undefined ? null : resolveName(model, key, map);
      if (this._info) {
        this._data = {
          name: this._info.name,
          type: this._info.type,
          value: this._info.value,
          formula: this._info.formula,
          comment: commentsOf(model, map).get(key.toLowerCase()) || "",
          scope: this._collection._sheetProxy ? "Worksheet" : "Workbook",
          visible: true,
        };
      }
      return !!this._info;
    }
    /**
     * office-js #4321 (desktop Excel): "Attempting to load a named range, or any properties of one, will throw an error
     * if in the Name Manager, the Value section resolves to "{...}", which is the case when the "Refers To" of the
     * named range is represented by an OFFSET formula" — "RichApi.Error: This operation is not permitted for the
     * current object". #1357: names of several areas or functions crashed Excel when their values were loaded.
     * Excel on the web does not have the fault. `name`, `type` and `formula` (ExcelApi 1.7) load as usual.
     */
    _checkLoad(wanted) {
      if (this.ctx.fake.platform !== "desktop" || !this._info || wanted.indexOf("value") < 0) return;
      if (this._info.kind === "function" || this._info.kind === "multi") {
        throw officeError("InvalidOperation", "This operation is not permitted for the current object (the value of name " + this._info.name + ").");
      }
    }
    _current() {
      if (this.isNullObject === true || (this.isNullObject === undefined && !this._resolveNow())) {
        throw officeError("ItemNotFound", "The requested resource doesn't exist (name " + this._name + "; a method was called on a null object).");
      }
      this._resolveNow();
      return this._info;
    }
    load(props) {
      var self = this;
      alive(this);
      var explicit = propList(props);
      var wanted = explicit || ["name", "type", "value", "visible", "comment", "scope"];
      this.ctx.enqueue("load", null, function () {
        if (!self._resolveNow()) {
          if (self._orNull) return;
          throw officeError("ItemNotFound", "The requested resource doesn't exist (name " + self._name + ").");
        }
        self._checkLoad(wanted);
        self._loaded = new Set(wanted);
      }, 64, !explicit ? null : wanted.indexOf("formula") >= 0 ? "NamedItem.formula" : wanted.indexOf("comment") >= 0 ? "NamedItem.comment" : wanted.indexOf("scope") >= 0 ? "NamedItem.scope" : null);
      return this;
    }
    /** NamedItem.formula can be set (ExcelApi 1.7): the name then refers to the new formula, keeping its comment. */
    set formula(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("names.formula", null, function () {
        var info = self._current();
        var f = String(v);
        self._map().set(info.name, f.charAt(0) === "=" ? f : "=" + f);
        self._resolveNow();
      }, 64, "NamedItem.formula");
    }
    /** "Throws an error if the named item's type is not a range"; for OFFSET or multi-area names: InvalidOperation (office-js #4321). */
    getRange() {
      var self = this;
      alive(this);
      var range = new RangeProxy(this.ctx, function () {
        var info = self._current();
        return { sheet: self.ctx.fake.model.sheet(info.ref.sheet), rect: parseAddress(info.ref.address) };
      }, false, this);
      this.ctx.enqueue("resolve", null, function () {
        var info = self._current();
        if (info.kind !== "range") throw officeError("InvalidOperation", "This operation is not permitted for the current object.");
        range._ref();
      }, 64, "NamedItem.getRange");
      return range;
    }
    /** "If the named item's type is not a range, then this method returns an object with its isNullObject property set to true." */
    getRangeOrNullObject() {
      var self = this;
      alive(this);
      var range = new RangeProxy(this.ctx, function () {
        var info = self._current();
        if (info.kind !== "range") return null;
        return { sheet: self.ctx.fake.model.sheet(info.ref.sheet), rect: parseAddress(info.ref.address) };
      }, true, this);
      this.ctx.enqueue("resolve", null, function () {
        range.isNullObject = !range._ref();
      }, 64, "NamedItem.getRangeOrNullObject");
      return range;
    }
    delete() {
      var self = this;
      alive(this);
      this.ctx.enqueue("names.delete", null, function () {
        var info = self._current();
        self._map().delete(info.name);
        commentsOf(self.ctx.fake.model, self._map()).delete(info.name.toLowerCase());
      }, 64, "NamedItem.delete");
    }
  }

  // ---- tables ---------------------------------------------------------------------------------------------------
  class TablesProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    load() {
      var self = this;
      this.ctx.enqueue("load", null, function () {
        self._items = self.ctx.fake.model.tables.map(function (t) {
          var p = new TableProxy(self.ctx, t);
          p._loaded.add("name");
          p._data.name = t.name;
          return p;
        });
      });
      return this;
    }
    getItemOrNullObject(name) {
      var self = this;
      var p = new TableProxy(this.ctx, null, this._parent);
      this.ctx.enqueue("resolve", null, function () {
        p._table = self.ctx.fake.model.tables.find(function (t) { return t.name.toLowerCase() === String(name).toLowerCase(); }) || null;
        p.isNullObject = !p._table;
      }, 64, "TableCollection.getItemOrNullObject");
      return p;
    }
    add(range, hasHeaders) {
      var self = this;
      alive(range);
      var p = this.ctx.temporary(new TableProxy(this.ctx, null, null), "tables.add");
      this.ctx.enqueue("tables.add", function () { return range._sheet(); }, function () {
        editable(range._sheet());
        var t = { name: "Tabell" + (self.ctx.fake.model.tables.length + 1), sheet: range._sheet().name, address: localAddress(range._rect()), hasHeaders: hasHeaders };
        self.ctx.fake.model.tables.push(t);
        p._table = t;
        p.isNullObject = false;
      }, 64, "TableCollection.add");
      return p;
    }
  }

  class TableProxy {
    constructor(ctx, table, parent) {
      this.ctx = ctx;
      this._parent = parent || null;
      this._table = table;
      this._loaded = new Set();
      this._data = {};
      this.isNullObject = !table;
    }
    _use() {
      if (!this._table) throw officeError("ItemNotFound", "The requested resource doesn't exist (a method was called on a null table).");
      return this._table;
    }
    _sheet() {
      return this.ctx.fake.model.sheet(this._use().sheet);
    }
    set name(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("tables.name", function () { return self._sheet(); }, function () { self._use().name = v; }, 64, "Table.name");
    }
    get name() {
      return loaded(this, "name");
    }
    set style(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("format", function () { return self._sheet(); }, function () { editable(self._sheet()); self._use().style = v; }, 64, "Table.style");
    }
    getRange() {
      var self = this;
      alive(this);
      return new RangeProxy(this.ctx, function () {
        var t = self._use();
        return { sheet: self.ctx.fake.model.sheet(t.sheet), rect: parseAddress(t.address) };
      }, false, this);
    }
    get rows() {
      var self = this;
      return {
        add: function (index, values) {
          alive(self);
          // "[Api set: ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows]"
          if (Array.isArray(values) && values.length > 1) self.ctx.need("TableRowCollection.add:multiple");
          self.ctx.enqueue("values", function () { return self._sheet(); }, function () {
            var t = self._use(), s = editable(self._sheet());
            var r = parseAddress(t.address);
            writeValues(s, { row: r.row + r.rows, col: r.col, rows: values.length, cols: r.cols }, values, self.ctx.fake.model.date1904);
            t.address = localAddress({ row: r.row, col: r.col, rows: r.rows + values.length, cols: r.cols });
          }, JSON.stringify(values).length, "TableRowCollection.add");
        },
      };
    }
  }

  // ---- worksheets -----------------------------------------------------------------------------------------------
  class WorksheetsProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    load(props) {
      var self = this;
      var wanted = propList(props, "items/") || ["name"];
      this.ctx.enqueue("load", null, function () {
        self._items = self.ctx.fake.model.sheets.map(function (s) {
          var p = new WorksheetProxy(self.ctx, function () { return s; }, false);
          p._fill(wanted);
          if (wanted.indexOf("protection/protected") >= 0) {
            if (!versionAtLeast(self.ctx.fake.apiVersion, MIN_VERSION["WorksheetProtection.protected"])) throw officeError("ApiNotFound", "The API you are trying to use could not be found (WorksheetProtection.protected).");
            p.protection._data.protected = s.protected;
            p.protection._loaded.add("protected");
          }
          return p;
        });
      });
      return this;
    }
    getItem(name) {
      var self = this, found = null;
      var p = new WorksheetProxy(this.ctx, function () { return found; }, false);
      this.ctx.enqueue("resolve", null, function () {
        found = self.ctx.fake.model.sheet(name);
        if (!found) throw officeError("ItemNotFound", "The requested resource doesn't exist (sheet " + name + ").");
      }, 64, "WorksheetCollection.getItem");
      return p;
    }
    getItemOrNullObject(name) {
      var self = this, found = null;
      var p = new WorksheetProxy(this.ctx, function () { return found; }, true);
      this.ctx.enqueue("resolve", null, function () {
        found = self.ctx.fake.model.sheet(name);
        p.isNullObject = !found;
      }, 64, "WorksheetCollection.getItemOrNullObject");
      return p;
    }
    add(name) {
      var self = this, created = null;
      var p = this.ctx.temporary(new WorksheetProxy(this.ctx, function () { return created; }, false), "worksheets.add(" + name + ")");
      this.ctx.enqueue("worksheets.add", function () { return created; }, function () {
        structureEditable(self.ctx.fake.model);
        created = self.ctx.fake.model.addSheet(name);
      }, 64, "WorksheetCollection.add");
      return p;
    }
  }

  class WorksheetProxy {
    constructor(ctx, resolve, orNull) {
      this.ctx = ctx;
      this._resolve = resolve;
      this._orNull = orNull;
      this._loaded = new Set();
      this._data = {};
      this._parent = null;
      this.isNullObject = false;
      var self = this;
      this.tables = new TablesProxy(ctx);
      this.tables._parent = this;
      this.names = new NamesProxy(ctx, this);
      this.protection = new ProtectionProxy(ctx, this);
      this._charts = new ChartsProxy(ctx, this);
      this._shapes = new ShapesProxy(ctx, this);
      var footers = {};
      ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"].forEach(function (k) {
        Object.defineProperty(footers, k, {
          set: function (v) {
            self._set("pageLayout", function (s) {
              var all = s.pageLayout.headersFooters.defaultForAllPages;
              var next = Object.assign({}, all);
              next[k] = v;
              // "Characters in a header or footer: 255" (Excel specifications and limits): left, center and right
              // with their section codes make one header or footer.
              for (var part of ["Header", "Footer"]) {
                var text = ["left", "center", "right"].map(function (side, i) {
                  var t = next[side + part];
                  return t ? ["&L", "&C", "&R"][i] + t : "";
                }).join("");
                if (text.length > LIMITS.headerFooterChars) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (the " + part.toLowerCase() + " has " + text.length + " characters; at most 255).");
              }
              all[k] = v;
            }, "Worksheet.pageLayout");
          },
        });
      });
      var page = { headersFooters: { defaultForAllPages: footers } };
      ["orientation", "paperSize", "centerHorizontally", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"].forEach(function (k) {
        Object.defineProperty(page, k, { set: function (v) { self._set("pageLayout", function (s) { s.pageLayout[k] = v; }, "Worksheet.pageLayout"); } });
      });
      Object.defineProperty(page, "zoom", {
        set: function (v) {
          self._set("pageLayout", function (s) {
            // "Print page scale value can be between 10 and 400. This value can be null if fit to page tall or wide is
            // specified." (Excel.PageLayoutZoomOptions.scale, ExcelApi 1.9)
            if (v && v.scale !== undefined && v.scale !== null && !(v.scale >= 10 && v.scale <= 400)) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (zoom scale " + v.scale + "; 10 to 400).");
            s.pageLayout.zoom = v;
          }, "Worksheet.pageLayout");
        },
      });
      // "Sets the worksheet's print area." PageLayout.setPrintArea(printArea: Range | RangeAreas | string), ExcelApi 1.9.
      page.setPrintArea = function (area) {
        self._set("pageLayout", function (s) {
          var r = parseAddress(typeof area === "string" ? area : area.address);
          s.pageLayout.printArea = r;
        }, "Worksheet.pageLayout");
      };
      this.pageLayout = page;
      this.horizontalPageBreaks = {
        add: function (addr) { self._set("pageLayout", function (s) { s.pageBreaks.push(parseAddress(addr).row); }, "PageBreakCollection.add"); },
        removePageBreaks: function () { self._set("pageLayout", function (s) { s.pageBreaks = []; }, "PageBreakCollection.removePageBreaks"); },
      };
    }
    get charts() {
      alive(this);
      this.ctx.need("Worksheet.charts");
      return this._charts;
    }
    get shapes() {
      alive(this);
      this.ctx.need("Worksheet.shapes");
      return this._shapes;
    }
    /** The sheet, or null for a null object (or one not yet created). */
    _sheet() {
      var s = this._resolve();
      if (s && this.ctx.fake.model.sheets.indexOf(s) < 0) throw officeError("ItemNotFound", "The requested resource doesn't exist (the worksheet was deleted).");
      return s;
    }
    /** The sheet for an operation: a null object cannot be used. */
    _use() {
      var s = this._sheet();
      if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist (a method was called on a null worksheet).");
      return s;
    }
    _fill(props) {
      var s = this._sheet();
      if (!s) return;
      var all = { name: s.name, visibility: s.visibility, position: this.ctx.fake.model.sheets.indexOf(s) };
      for (var p of props) {
        if (p in all) {
          this._data[p] = all[p];
          this._loaded.add(p);
        }
      }
    }
    _set(kind, fn, member) {
      var self = this;
      alive(this);
      this.ctx.enqueue(kind, function () { return self._use(); }, function () { fn(self._use()); }, 64, member);
    }
    get name() {
      return loaded(this, "name");
    }
    set name(v) {
      var model = this.ctx.fake.model;
      alive(this);
      this._set("sheet.name", function (s) { model.renameSheet(s, v); }, "Worksheet.name");
    }
    get visibility() {
      return loaded(this, "visibility");
    }
    set visibility(v) {
      var model = this.ctx.fake.model;
      this._set("sheet.visibility", function (s) { model.setVisibility(s, v); }, "Worksheet.visibility:set");
    }
    set position(v) {
      var model = this.ctx.fake.model, list = model.sheets;
      this._set("sheet.position", function (s) {
        structureEditable(model);
        list.splice(list.indexOf(s), 1);
        list.splice(v, 0, s);
      }, "Worksheet.position");
    }
    set showGridlines(v) {
      this._set("format", function (s) { s.showGridlines = v; }, "Worksheet.showGridlines");
    }
    activate() {
      var model = this.ctx.fake.model;
      this._set("sheet.activate", function (s) {
        if (s.visibility !== "Visible") throw officeError("InvalidOperation", "This operation is not permitted for the current object (the worksheet is hidden).");
        model.active = s.name;
      }, "Worksheet.activate");
    }
    delete() {
      var model = this.ctx.fake.model;
      this._set("sheet.delete", function (s) { model.removeSheet(s); }, "Worksheet.delete");
    }
    load(props) {
      var self = this;
      alive(this);
      var wanted = propList(props) || ["name", "visibility", "position"];
      if (wanted.indexOf("protection/protected") >= 0) this.protection.load("protected");
      this.ctx.enqueue("load", null, function () {
        var s = self._sheet();
        if (!s) {
          if (self._orNull) {
            self.isNullObject = true;
            return;
          }
          throw officeError("ItemNotFound", "The requested resource doesn't exist.");
        }
        self._fill(wanted);
      });
      return this;
    }
    getRange(address) {
      var self = this;
      alive(this);
      this.ctx.need("Worksheet.getRange");
      return new RangeProxy(this.ctx, function () {
        var s = self._use();
        return { sheet: s, rect: address === undefined ? { row: 0, col: 0, rows: LIMITS.rows, cols: LIMITS.cols } : parseAddress(address) };
      }, false, this);
    }
    getUsedRange(valuesOnly) {
      var self = this;
      alive(this);
      return new RangeProxy(this.ctx, function () {
        var s = self._use();
        return { sheet: s, rect: s.used(valuesOnly) || { row: 0, col: 0, rows: 1, cols: 1 } };
      }, false, this);
    }
    getUsedRangeOrNullObject(valuesOnly) {
      var self = this;
      alive(this);
      this.ctx.need("Worksheet.getUsedRangeOrNullObject");
      var range = new RangeProxy(this.ctx, function () {
        var s = self._use();
        var u = s.used(valuesOnly);
        return u ? { sheet: s, rect: u } : null;
      }, true, this);
      this.ctx.enqueue("resolve", null, function () { range.isNullObject = !range._ref(); });
      return range;
    }
  }

  // ---- ranges ---------------------------------------------------------------------------------------------------
  var FORMAT_PROPS = { horizontalAlignment: "1.1", verticalAlignment: "1.1", wrapText: "1.1", indentLevel: "1.9", columnWidth: "1.2", rowHeight: "1.2", useStandardHeight: "1.7" };
  var VALUE_PROPS = ["values", "valueTypes", "numberFormat", "text", "formulas"];

  /** Writes a grid of values as Excel does when they are set through Range.values (strings parsed, unless text format). */
  function writeValues(s, r, v, date1904) {
    var grid = Array.isArray(v) ? v : null;
    if (grid && (grid.length !== r.rows || grid.some(function (row) { return !Array.isArray(row) || row.length !== r.cols; }))) {
      throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    for (var i = 0; i < r.rows; i++) {
      for (var j = 0; j < r.cols; j++) {
        var x = grid ? grid[i][j] : v;
        var c = s.cell(r.row + i, r.col + j, true);
        if (x === null || x === undefined) x = "";
        // "Total number of characters that a cell can contain: 32,767 characters" (a leading apostrophe, Excel's text
        // prefix, is not part of the content).
        var content = typeof x === "string" && c.numberFormat !== "@" && x.charAt(0) === "'" ? x.slice(1) : x;
        if (typeof content === "string" && content.length > LIMITS.cellChars) {
          throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (a text of " + x.length + " characters; a cell holds at most 32767).");
        }
        if (typeof x === "string" && c.numberFormat !== "@") {
          var parsed = parseInput(x, date1904);
          x = parsed.value;
          if (parsed.numberFormat && (c.numberFormat === "General" || !c.numberFormat)) c.numberFormat = parsed.numberFormat;
        }
        c.value = x;
      }
    }
  }

  class RangeProxy {
    constructor(ctx, target, orNull, parent) {
      this.ctx = ctx;
      this._target = target;
      this._parent = parent || null;
      this._orNull = !!orNull;
      this._loaded = new Set();
      this._data = {};
      this.isNullObject = false;
      defineLoadable(this, ["values", "valueTypes", "numberFormat", "text", "formulas", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"]);
      var self = this;
      var fontObj = {};
      ["name", "size", "bold", "italic", "color"].forEach(function (k) {
        Object.defineProperty(fontObj, k, { set: function (v) { self._format("font." + k, v, "Range.format"); } });
      });
      var fillObj = {};
      Object.defineProperty(fillObj, "color", { set: function (v) { self._format("fill.color", v, "Range.format"); } });
      var format = {
        font: fontObj,
        fill: fillObj,
        borders: {
          getItem: function (edge) {
            var b = {};
            ["style", "weight", "color"].forEach(function (k) {
              Object.defineProperty(b, k, { set: function (v) { self._format("border." + edge + "." + k, v, "Range.format"); } });
            });
            return b;
          },
        },
        autofitColumns: function () { self._format("autofit", true, "RangeFormat.autofitColumns"); },
      };
      Object.keys(FORMAT_PROPS).forEach(function (k) {
        Object.defineProperty(format, k, { set: function (v) { self._format(k, v, "RangeFormat." + k); } });
      });
      this.format = format;
    }
    /** Like Excel, a range is bound to its cells when first resolved, not re-resolved through a name later. */
    _ref() {
      if (this._bound === undefined) {
        var t = this._target();
        if (t) {
          if (!t.sheet) throw officeError("ItemNotFound", "The requested resource doesn't exist (sheet).");
          this._bound = t;
        }
        return t;
      }
      return this._bound;
    }
    _sheet() {
      var t = this._ref();
      if (!t) throw officeError("ItemNotFound", "The requested resource doesn't exist (a method was called on a null range).");
      if (this.ctx.fake.model.sheets.indexOf(t.sheet) < 0) throw officeError("ItemNotFound", "The requested resource doesn't exist (the worksheet was deleted).");
      return t.sheet;
    }
    _rect() {
      this._sheet();
      return this._ref().rect;
    }
    /** A navigation property: the same object on every access, as in Office.js. */
    get worksheet() {
      var self = this;
      alive(this);
      if (!this._worksheet) {
        this._worksheet = new WorksheetProxy(this.ctx, function () { return self._sheet(); }, false);
        this._worksheet._parent = this;
      }
      return this._worksheet;
    }
    _format(key, value, member) {
      var self = this;
      alive(this);
      var kind = key === "columnWidth" || key === "rowHeight" || key === "useStandardHeight" ? "size" : "format";
      this.ctx.enqueue(kind, function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        var wholeColumns = r.row === 0 && r.rows === LIMITS.rows, wholeRows = r.col === 0 && r.cols === LIMITS.cols;
        if (key === "columnWidth") {
          for (var c = r.col; c < r.col + r.cols; c++) s.columnWidths[c] = value;
          return;
        }
        if (key === "rowHeight") {
          // "Row height: 409 points" (Excel specifications and limits)
          if (!(value >= 0 && value <= LIMITS.rowHeight)) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (row height " + value + "; at most 409 points).");
          for (var rr = r.row; rr < r.row + r.rows; rr++) s.rowHeights[rr] = value;
          return;
        }
        // "Note: This property is only intended to be set to true. Setting it to false has no effect." (ExcelApi 1.7)
        if (key === "useStandardHeight") {
          if (value === true) for (var sr = r.row; sr < Math.min(r.row + r.rows, LIMITS.rows); sr++) delete s.rowHeights[sr];
          return;
        }
        if (wholeColumns || wholeRows) return;
        for (var i = 0; i < r.rows; i++) for (var j = 0; j < r.cols; j++) s.cell(r.row + i, r.col + j, true).format[key] = value;
      }, 64, member);
    }
    load(props) {
      var self = this;
      alive(this);
      var wanted = propList(props);
      this.ctx.enqueue("load", null, function () {
        var t = self._ref();
        if (!t) {
          if (self._orNull) {
            self.isNullObject = true;
            return;
          }
          throw officeError("ItemNotFound", "The requested resource doesn't exist.");
        }
        var s = self._sheet(), r = self._rect(), model = self.ctx.fake.model;
        var names = wanted || ["values", "valueTypes", "numberFormat", "text", "formulas", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"];
        var needsCells = names.some(function (p) { return VALUE_PROPS.indexOf(p) >= 0; });
        // "A range is limited to 5,000,000 cells for read operations."
        if (needsCells && r.rows * r.cols > LIMITS.readCells) {
          throw officeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number (" + r.rows * r.cols + " cells).");
        }
        var all = { rowIndex: r.row, columnIndex: r.col, rowCount: r.rows, columnCount: r.cols, address: formatAddress(s.name, r) };
        if (needsCells) {
          self.ctx.fake.stats.maxCellsRead = Math.max(self.ctx.fake.stats.maxCellsRead, r.rows * r.cols);
          self.ctx.cellsRead += r.rows * r.cols;
          var values = [], types = [], formats = [], text = [], formulas = [];
          for (var i = 0; i < r.rows; i++) {
            var vr = [], tr = [], fr = [], xr = [], fo = [];
            for (var j = 0; j < r.cols; j++) {
              var c = s.cell(r.row + i, r.col + j, false);
              var raw = c ? c.value : "";
              var v = model.valueAt(s, r.row + i, r.col + j);
              vr.push(v);
              tr.push(isEmpty(v) ? "Empty" : isErrorValue(v) ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
              fr.push(c ? c.numberFormat : "General");
              xr.push(displayText(v, c ? c.numberFormat : "General", model.date1904));
              fo.push(raw && typeof raw === "object" && "formula" in raw ? raw.formula : v);
            }
            values.push(vr); types.push(tr); formats.push(fr); text.push(xr); formulas.push(fo);
          }
          Object.assign(all, { values: values, valueTypes: types, numberFormat: formats, text: text, formulas: formulas });
        }
        for (var p of names) {
          if (!(p in all)) continue;
          self._data[p] = all[p];
          self._loaded.add(p);
          self.ctx.responseBytes += JSON.stringify(all[p]).length;
        }
      });
      return this;
    }
    set values(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("values", function () { return self._sheet(); }, function () { writeValues(editable(self._sheet()), self._rect(), v, self.ctx.fake.model.date1904); }, JSON.stringify(v).length, "Range.values");
    }
    set numberFormat(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("format", function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        if (Array.isArray(v) && (v.length !== r.rows || v.some(function (row) { return !Array.isArray(row) || row.length !== r.cols; }))) {
          throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        }
        for (var i = 0; i < r.rows; i++) for (var j = 0; j < r.cols; j++) s.cell(r.row + i, r.col + j, true).numberFormat = Array.isArray(v) ? v[i][j] : v;
      }, JSON.stringify(v).length, "Range.numberFormat");
    }
    set columnHidden(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("format", function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        for (var c = r.col; c < r.col + r.cols; c++) (v ? s.hiddenColumns.add(c) : s.hiddenColumns.delete(c));
      }, 64, "Range.columnHidden");
    }
    merge() {
      var self = this;
      alive(this);
      this.ctx.enqueue("format", function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        s.merges = s.merges.filter(function (m) { return !intersects(m, r); });
        s.merges.push({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
      }, 64, "Range.merge");
    }
    unmerge() {
      var self = this;
      alive(this);
      this.ctx.enqueue("format", function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        s.merges = s.merges.filter(function (m) { return !intersects(m, r); });
      }, 64, "Range.unmerge");
    }
    /** Range.clear(applyTo): "All" (default), "Contents" or "Formats"; merges go with the formats. */
    clear(applyTo) {
      var self = this, what = applyTo || "All";
      alive(this);
      this.ctx.enqueue("clear", function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        for (var entry of Array.from(s.cells)) {
          var k = entry[0], i = k.indexOf(",");
          var row = +k.slice(0, i), col = +k.slice(i + 1);
          if (row < r.row || row >= r.row + r.rows || col < r.col || col >= r.col + r.cols) continue;
          if (what === "All") s.cells.delete(k);
          else if (what === "Contents") entry[1].value = "";
          else if (what === "Formats") {
            entry[1].numberFormat = "General";
            entry[1].format = {};
          }
        }
        if (what !== "Contents") s.merges = s.merges.filter(function (m) { return !intersects(m, r); });
      }, 64, "Range.clear");
    }
    /** Range.copyFrom(source, copyType): copies the source's cells (and, for "All" and "Formats", merges) to this range's top-left. */
    copyFrom(source, copyType) {
      var self = this, type = copyType || "All";
      alive(this);
      alive(source);
      this.ctx.enqueue("copyFrom", function () { return self._sheet(); }, function () {
        var s = editable(self._sheet()), r = self._rect();
        var from = source._sheet(), fr = source._rect();
        var to = { row: r.row, col: r.col, rows: fr.rows, cols: fr.cols };
        for (var i = 0; i < fr.rows; i++) {
          for (var j = 0; j < fr.cols; j++) {
            var src = from.cell(fr.row + i, fr.col + j, false);
            var key = to.row + i + "," + (to.col + j);
            var dst = s.cells.get(key);
            if (type === "All") {
              if (src) s.cells.set(key, JSON.parse(JSON.stringify(src)));
              else s.cells.delete(key);
            } else if (type === "Values") {
              if (src) s.cell(to.row + i, to.col + j, true).value = JSON.parse(JSON.stringify(src.value));
              else if (dst) dst.value = "";
            } else if (type === "Formats") {
              var d = s.cell(to.row + i, to.col + j, true);
              d.numberFormat = src ? src.numberFormat : "General";
              d.format = src ? JSON.parse(JSON.stringify(src.format)) : {};
            }
          }
        }
        if (type === "All" || type === "Formats") {
          s.merges = s.merges.filter(function (m) { return !intersects(m, to); });
          from.merges.forEach(function (m) {
            if (m.row >= fr.row && m.col >= fr.col && m.row + m.rows <= fr.row + fr.rows && m.col + m.cols <= fr.col + fr.cols) {
              s.merges.push({ row: m.row - fr.row + to.row, col: m.col - fr.col + to.col, rows: m.rows, cols: m.cols });
            }
          });
        }
      }, 64, "Range.copyFrom");
    }
    select() {
      var self = this;
      alive(this);
      this.ctx.enqueue("select", null, function () { self.ctx.fake.model.selected = formatAddress(self._sheet().name, self._rect()); }, 64, "Range.select");
    }
    getCell(row, col) {
      var self = this;
      alive(this);
      return new RangeProxy(this.ctx, function () {
        var r = self._rect();
        return { sheet: self._sheet(), rect: { row: r.row + row, col: r.col + col, rows: 1, cols: 1 } };
      }, false, this);
    }
    /**
     * Range.getUsedRangeOrNullObject(valuesOnly), ExcelApi 1.4: "Returns the used range of the given range object. If
     * there are no used cells within the range, then this method returns an object with its isNullObject property set
     * to true."
     */
    getUsedRangeOrNullObject(valuesOnly) {
      var self = this;
      alive(this);
      this.ctx.need("Range.getUsedRangeOrNullObject");
      var range = new RangeProxy(this.ctx, function () {
        var s = self._sheet();
        var u = s.used(valuesOnly, self._rect());
        return u ? { sheet: s, rect: u } : null;
      }, true, this);
      this.ctx.enqueue("resolve", null, function () { range.isNullObject = !range._ref(); });
      return range;
    }
    getRowsBelow(n) {
      var self = this;
      alive(this);
      this.ctx.need("Range.getRowsBelow");
      return new RangeProxy(this.ctx, function () {
        var r = self._rect();
        return { sheet: self._sheet(), rect: { row: r.row + r.rows, col: r.col, rows: n === undefined ? 1 : n, cols: r.cols } };
      }, false, this);
    }
    getResizedRange(dr, dc) {
      var self = this;
      alive(this);
      this.ctx.need("Range.getResizedRange");
      return new RangeProxy(this.ctx, function () {
        var r = self._rect();
        return { sheet: self._sheet(), rect: { row: r.row, col: r.col, rows: r.rows + dr, cols: r.cols + dc } };
      }, false, this);
    }
  }

  // ---- charts ---------------------------------------------------------------------------------------------------
  /**
   * Charts, as the report draws them (Microsoft's Excel JavaScript API reference; versions in MIN_VERSION):
   * - "Returns a collection of charts that are part of the worksheet." (Worksheet.charts): a chart lives on its sheet
   *   and goes when the sheet is deleted.
   * - ChartCollection.add(type, sourceData, seriesBy): with "Columns", each column of the range is a series. A chart
   *   type carries its own requirement set (Excel.ChartType: Waterfall, Treemap, Sunburst, Funnel, Boxwhisker, Pareto
   *   and RegionMap "[Api set: ExcelApi 1.9]"); an older Excel does not know the type (InvalidArgument).
   * - "Data series in one chart: 255" (Excel specifications and limits).
   * - A series is one-dimensional ("Gets the values from a single dimension of the chart series",
   *   ChartSeries.getDimensionValues): its values and its x-axis values are a single row or column each. The fake
   *   is stricter than Excel in one place: values and categories of different lengths are refused (Excel would
   *   draw the shorter, silently), since a report that did so drew the wrong thing.
   * - ChartSeries.name: "The name's length should not be greater than 255 characters."
   * - ChartSeries.gapWidth: "Only valid on bar and column charts ... Throws an invalid argument exception on invalid
   *   charts."
   * - ChartPointsCollection.getItemAt: "Retrieve a point based on its position within the series": no point past
   *   the series' last.
   * - ChartCollection.getItem: "If there are multiple charts with the same name, the first one will be returned."
   * - "Excel defines shapes as any object that sits on the drawing layer of Excel. That means anything outside of a
   *   cell is a shape." (Work with shapes using the Excel JavaScript API): a chart is in Worksheet.shapes too, as a
   *   shape of type "Unsupported", with its name and its alt text (Shape.altTextTitle, altTextDescription).
   */
  var CHART_TYPE_VERSION = { Boxwhisker: "1.9", Pareto: "1.9", RegionMap: "1.9", Treemap: "1.9", Waterfall: "1.9", Sunburst: "1.9", Funnel: "1.9" };
  var MAX_SERIES = 255;
  var nextChartId = 1;

  function isBarOrColumn(type) {
    return /^(Bar|Column|3DBar|3DColumn|Cylinder|Cone|Pyramid)/.test(type) && type !== "3DColumn";
  }

  /** A range a proxy stands for, as a series keeps it: its sheet and its cells. */
  function seriesRef(range) {
    var sheet = range._sheet(), rect = range._rect();
    if (rect.rows !== 1 && rect.cols !== 1) {
      throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (a series takes one row or one column, not " + formatAddress(sheet.name, rect) + ").");
    }
    return { sheet: sheet, rect: { row: rect.row, col: rect.col, rows: rect.rows, cols: rect.cols } };
  }
  function refLength(ref) {
    return ref ? Math.max(ref.rect.rows, ref.rect.cols) : 0;
  }
  function checkLengths(series) {
    if (series.values && series.xValues && refLength(series.values) !== refLength(series.xValues)) {
      throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (" + refLength(series.values) + " values against " + refLength(series.xValues) + " categories).");
    }
  }

  /**
   * Defines setters on `obj` that queue an operation against the chart's model: `target()` gives the model object a
   * property is stored in, `member` the API member for the version check, `check` may refuse a value.
   */
  function settable(ctx, obj, names, memberOf, owner, target, check) {
    names.forEach(function (name) {
      Object.defineProperty(obj, name, {
        set: function (v) {
          alive(owner);
          ctx.enqueue("chart." + name, function () { return owner._chartSheet(); }, function () {
            var t = target();
            if (check) check(name, v, t);
            t[name] = v;
          }, 64, memberOf(name));
        },
        get: function () { return target()[name]; },
        configurable: true,
      });
    });
  }

  function fontOf(ctx, owner, target, member) {
    var f = {};
    settable(ctx, f, ["name", "size", "bold", "italic", "color"], function (n) { return member + "." + n; }, owner, function () {
      var t = target();
      t.font = t.font || {};
      return t.font;
    });
    return f;
  }

  /** ChartFill: setSolidColor and clear (ExcelApi 1.1). */
  function fillOf(ctx, owner, target) {
    return {
      setSolidColor: function (color) {
        alive(owner);
        ctx.enqueue("chart.fill", function () { return owner._chartSheet(); }, function () { target().fill = String(color).replace(/^#/, "").toUpperCase(); }, 64, "ChartFill.setSolidColor");
      },
      clear: function () {
        alive(owner);
        ctx.enqueue("chart.fill", function () { return owner._chartSheet(); }, function () { target().fill = null; }, 64, "ChartFill.clear");
      },
    };
  }

  /** ChartBorder (ExcelApi 1.7) or ChartLineFormat (color 1.1, lineStyle and weight 1.7). */
  function lineOf(ctx, owner, target, member) {
    var l = {};
    settable(ctx, l, ["color", "lineStyle", "weight"], function (n) { return member + "." + n; }, owner, function () {
      var t = target();
      t.line = t.line || {};
      return t.line;
    });
    return l;
  }

  class ChartsProxy {
    constructor(ctx, worksheet) {
      this.ctx = ctx;
      this._parent = worksheet;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    load(props) {
      var self = this;
      alive(this);
      var wanted = propList(props, "items/") || ["name"];
      if (wanted.indexOf("id") >= 0) this.ctx.need("Chart.id");
      this.ctx.enqueue("load", null, function () {
        var s = self._parent._use();
        self._items = s.charts.map(function (c) {
          var p = new ChartProxy(self.ctx, self._parent, function () { return c; });
          p._data = {};
          if (wanted.indexOf("name") >= 0) p._data.name = c.name;
          if (wanted.indexOf("id") >= 0) p._data.id = c.id;
          return p;
        });
      }, 64, "Worksheet.charts");
      return this;
    }
    add(type, sourceData, seriesBy) {
      var self = this, ctx = this.ctx, created = null;
      alive(this);
      alive(sourceData);
      var p = ctx.temporary(new ChartProxy(ctx, this._parent, function () { return created; }), "charts.add(" + type + ")");
      ctx.enqueue("chart.add", function () { return self._parent._use(); }, function () {
        var s = editable(self._parent._use());
        var needed = CHART_TYPE_VERSION[type] || "1.1";
        if (!versionAtLeast(ctx.fake.apiVersion, needed)) {
          throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (chart type " + type + ", ExcelApi " + needed + ").");
        }
        var from = sourceData._sheet(), r = sourceData._rect();
        var byRows = seriesBy === "Rows";
        var count = byRows ? r.rows : r.cols;
        if (count > MAX_SERIES) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (" + count + " series; a chart takes at most 255).");
        var series = [];
        for (var i = 0; i < count; i++) {
          var rect = byRows ? { row: r.row + i, col: r.col, rows: 1, cols: r.cols } : { row: r.row, col: r.col + i, rows: r.rows, cols: 1 };
          series.push(newSeries("Serie" + (i + 1), type, { sheet: from, rect: rect }));
        }
        created = {
          id: "{chart-" + nextChartId++ + "}", name: "Diagram " + (s.charts.length + 1), type: type, anchor: null,
          title: {}, legend: { visible: true }, format: {}, series: series,
          axes: { category: { format: {} }, value: { format: {}, majorGridlines: {} } }, plotArea: {},
          altTextTitle: "", altTextDescription: "",
        };
        s.charts.push(created);
      }, 64, "ChartCollection.add");
      return p;
    }
    getItem(name) {
      var self = this, found = null;
      alive(this);
      var p = new ChartProxy(this.ctx, this._parent, function () { return found; });
      this.ctx.enqueue("resolve", null, function () {
        var s = self._parent._use();
        found = s.charts.find(function (c) { return c.name === name; }) || null;
        if (!found) throw officeError("ItemNotFound", "The requested resource doesn't exist (chart " + name + ").");
      }, 64, "ChartCollection.getItem");
      return p;
    }
  }

  function newSeries(name, type, values) {
    return { name: name, chartType: type, values: values, xValues: null, format: {}, points: {}, dataLabels: {}, hasDataLabels: false };
  }

  class ChartProxy {
    constructor(ctx, worksheet, resolve) {
      this.ctx = ctx;
      this._worksheet = worksheet;
      this._parent = worksheet;
      this._resolve = resolve;
      this._data = {};
      var self = this;
      var model = function () { return self._model(); };
      var title = {};
      settable(ctx, title, ["text"], function () { return "ChartTitle.text"; }, this, function () { return model().title; });
      title.format = { font: fontOf(ctx, this, function () { return model().title; }, "ChartFont") };
      this.title = title;
      var legend = {};
      settable(ctx, legend, ["visible", "position"], function (n) { return "ChartLegend." + n; }, this, function () { return model().legend; });
      this.legend = legend;
      var fmt = function () { return model().format; };
      this.format = { fill: fillOf(ctx, this, fmt), font: fontOf(ctx, this, fmt, "ChartFont") };
      Object.defineProperty(this.format, "border", { get: function () { ctx.need("ChartAreaFormat.border"); return lineOf(ctx, self, fmt, "ChartBorder"); } });
      this.series = new ChartSeriesCollectionProxy(ctx, this);
      var axis = function (which) {
        var a = {}, target = function () { return model().axes[which]; };
        settable(ctx, a, ["reversePlotOrder", "tickLabelPosition", "majorTickMark", "textOrientation", "visible", "minimum", "maximum", "numberFormat"], function (n) { return "ChartAxis." + n; }, self, target, function (n, v) {
          // "The value should either be an integer from -90 to 90 or the integer 180 for vertically-oriented text."
          if (n === "textOrientation" && !(v === 180 || (Number.isInteger(v) && v >= -90 && v <= 90))) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (text orientation " + v + ").");
        });
        a.format = { line: lineOf(ctx, self, function () { return target().format; }, "ChartLineFormat"), font: fontOf(ctx, self, function () { return target().format; }, "ChartFont") };
        var grid = {};
        settable(ctx, grid, ["visible"], function () { return "ChartGridlines.visible"; }, self, function () { return target().majorGridlines || (target().majorGridlines = {}); });
        a.majorGridlines = grid;
        return a;
      };
      this.axes = { categoryAxis: axis("category"), valueAxis: axis("value") };
      Object.defineProperty(this, "plotArea", {
        get: function () {
          ctx.need("Chart.plotArea");
          var pa = {};
          settable(ctx, pa, ["insideLeft", "insideTop", "insideWidth", "insideHeight"], function (n) { return "ChartPlotArea." + n; }, self, function () { return model().plotArea; });
          return pa;
        },
      });
    }
    get name() {
      if (!("name" in this._data)) throw new Error("PropertyNotLoaded: name");
      return this._data.name;
    }
    get id() {
      if (!("id" in this._data)) throw new Error("PropertyNotLoaded: id");
      return this._data.id;
    }
    set name(v) {
      var self = this;
      alive(this);
      this.ctx.enqueue("chart.name", function () { return self._chartSheet(); }, function () { self._model().name = String(v); }, 64, "Chart.name");
    }
    _model() {
      var c = this._resolve();
      var s = this._worksheet._use();
      if (!c || s.charts.indexOf(c) < 0) throw officeError("ItemNotFound", "The requested resource doesn't exist (the chart was deleted).");
      return c;
    }
    _chartSheet() {
      return this._worksheet._use();
    }
    setPosition(startCell, endCell) {
      var self = this;
      alive(this);
      this.ctx.enqueue("chart.position", function () { return self._chartSheet(); }, function () {
        var a = parseAddress(startCell), b = parseAddress(endCell === undefined ? startCell : endCell);
        self._model().anchor = { row: a.row, col: a.col, rows: b.row + b.rows - a.row, cols: b.col + b.cols - a.col };
      }, 64, "Chart.setPosition");
    }
    delete() {
      var self = this;
      alive(this);
      this.ctx.enqueue("chart.delete", function () { return self._chartSheet(); }, function () {
        var s = editable(self._chartSheet()), c = self._model();
        s.charts.splice(s.charts.indexOf(c), 1);
      }, 64, "Chart.delete");
    }
  }

  class ChartSeriesCollectionProxy {
    constructor(ctx, chart) {
      this.ctx = ctx;
      this._chart = chart;
      this._parent = chart;
    }
    getItemAt(index) {
      var chart = this._chart;
      return new ChartSeriesProxy(this.ctx, chart, function () {
        var s = chart._model().series[index];
        if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist (series " + index + ").");
        return s;
      });
    }
    add(name) {
      var chart = this._chart, created = null, ctx = this.ctx;
      alive(chart);
      ctx.enqueue("chart.series.add", function () { return chart._chartSheet(); }, function () {
        var c = chart._model();
        if (c.series.length >= MAX_SERIES) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (a chart takes at most 255 series).");
        created = newSeries(name === undefined ? "Serie" + (c.series.length + 1) : String(name), c.type, null);
        c.series.push(created);
      }, 64, "ChartSeriesCollection.add");
      return new ChartSeriesProxy(ctx, chart, function () {
        if (!created) throw officeError("ItemNotFound", "The requested resource doesn't exist (series).");
        return created;
      });
    }
  }

  class ChartSeriesProxy {
    constructor(ctx, chart, resolve) {
      this.ctx = ctx;
      this._chart = chart;
      this._parent = chart;
      var self = this;
      var model = function () { chart._model(); return resolve(); };
      this._series = model;
      settable(ctx, this, ["name"], function () { return "ChartSeries.name"; }, chart, model, function (n, v) {
        if (String(v).length > 255) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (a series name of " + String(v).length + " characters; at most 255).");
      });
      settable(ctx, this, ["chartType", "markerStyle", "markerSize", "markerBackgroundColor", "markerForegroundColor", "hasDataLabels", "overlap", "gapWidth"], function (n) { return "ChartSeries." + n; }, chart, model, function (n, v, t) {
        if (n === "gapWidth" && !isBarOrColumn(t.chartType)) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (gap width on a " + t.chartType + " series).");
        if (n === "chartType" && CHART_TYPE_VERSION[v] && !versionAtLeast(ctx.fake.apiVersion, CHART_TYPE_VERSION[v])) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (chart type " + v + ").");
      });
      var fmt = function () { var s = model(); s.format = s.format || {}; return s.format; };
      this.format = { fill: fillOf(ctx, chart, fmt), line: lineOf(ctx, chart, fmt, "ChartLineFormat") };
      var labels = {};
      settable(ctx, labels, ["showValue", "numberFormat", "position"], function (n) { return "ChartDataLabels." + n; }, chart, function () { return model().dataLabels; });
      labels.format = { font: fontOf(ctx, chart, function () { return model().dataLabels; }, "ChartFont") };
      Object.defineProperty(this, "dataLabels", { get: function () { ctx.need("ChartSeries.dataLabels"); return labels; } });
      this.points = {
        getItemAt: function (index) {
          var point = function () {
            var s = model();
            var n = refLength(s.values);
            if (!(index >= 0 && index < n)) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (point " + index + " of a series of " + n + ").");
            s.points[index] = s.points[index] || { format: {}, dataLabel: {} };
            return s.points[index];
          };
          var p = {};
          settable(ctx, p, ["hasDataLabel"], function () { return "ChartPoint.hasDataLabel"; }, chart, point);
          var pf = function () { return point().format; };
          p.format = { fill: fillOf(ctx, chart, pf) };
          Object.defineProperty(p.format, "border", { get: function () { ctx.need("ChartPointFormat.border"); return lineOf(ctx, chart, pf, "ChartBorder"); } });
          var label = {};
          settable(ctx, label, ["text", "position", "numberFormat"], function (n) { return "ChartDataLabel." + n; }, chart, function () { return point().dataLabel; });
          Object.defineProperty(label, "format", { get: function () { ctx.need("ChartDataLabel.format"); return { font: fontOf(ctx, chart, function () { return point().dataLabel; }, "ChartFont") }; } });
          Object.defineProperty(p, "dataLabel", { get: function () { ctx.need("ChartPoint.dataLabel"); return label; } });
          return p;
        },
      };
      void self;
    }
    setValues(range) {
      var self = this;
      alive(this._chart);
      this.ctx.enqueue("chart.series.values", function () { return self._chart._chartSheet(); }, function () {
        var s = self._series();
        s.values = seriesRef(range);
        checkLengths(s);
      }, 64, "ChartSeries.setValues");
    }
    setXAxisValues(range) {
      var self = this;
      alive(this._chart);
      this.ctx.enqueue("chart.series.categories", function () { return self._chart._chartSheet(); }, function () {
        var s = self._series();
        s.xValues = seriesRef(range);
        checkLengths(s);
      }, 64, "ChartSeries.setXAxisValues");
    }
  }

  class ShapesProxy {
    constructor(ctx, worksheet) {
      this.ctx = ctx;
      this._parent = worksheet;
    }
    getItem(name) {
      var self = this, ctx = this.ctx, found = null;
      alive(this);
      ctx.enqueue("resolve", null, function () {
        var s = self._parent._use();
        found = s.charts.find(function (c) { return c.name === name || c.id === name; }) || null;
        if (!found) throw officeError("ItemNotFound", "The requested resource doesn't exist (shape " + name + ").");
      }, 64, "ShapeCollection.getItem");
      var shape = { _parent: this };
      settable(ctx, shape, ["altTextTitle", "altTextDescription", "name"], function (n) { return "Shape." + n; }, { _chartSheet: function () { return self._parent._use(); }, _invalid: false }, function () { return found; });
      return shape;
    }
  }

  /** A chart's series range as an address on its sheet, or #REF! when the sheet is gone. */
  function refText(model, ref) {
    if (!ref) return null;
    if (model.sheets.indexOf(ref.sheet) < 0) return "#REF!";
    return quoteSheet(ref.sheet.name) + "!" + localAddress(ref.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  }

  /** The charts of a sheet as plain data: what a test reads back. */
  function chartsOf(model, sheetName) {
    var s = model.sheet(sheetName);
    if (!s) return null;
    return s.charts.map(function (c) {
      return {
        name: c.name, type: c.type, anchor: c.anchor ? localAddress(c.anchor) : null, title: c.title.text === undefined ? null : c.title.text,
        legend: c.legend.visible !== false, altTextTitle: c.altTextTitle, altTextDescription: c.altTextDescription,
        categoryAxis: Object.assign({}, c.axes.category), valueAxis: Object.assign({}, c.axes.value), plotArea: Object.assign({}, c.plotArea),
        series: c.series.map(function (x) {
          return {
            name: x.name, chartType: x.chartType, values: refText(model, x.values), categories: refText(model, x.xValues),
            fill: x.format.fill === undefined ? undefined : x.format.fill, line: x.format.line || null, gapWidth: x.gapWidth, overlap: x.overlap,
            markerStyle: x.markerStyle, hasDataLabels: !!x.hasDataLabels, dataLabels: Object.assign({}, x.dataLabels),
            points: Object.fromEntries(Object.entries(x.points).map(function (e) {
              var pt = e[1];
              return [e[0], { fill: pt.format.fill, line: pt.format.line ? Object.assign({}, pt.format.line) : undefined, hasDataLabel: pt.hasDataLabel, dataLabel: Object.assign({}, pt.dataLabel) }];
            })),
          };
        }),
      };
    });
  }

  class FakeExcel {
    constructor() {
      this.model = new Model();
      this.stats = { syncs: 0, valuesWrites: 0, formatCalls: 0, maxRequestBytes: 0, maxResponseBytes: 0, maxResponseBytesSent: 0, maxCellsRead: 0, maxCellsPerSync: 0, delayedForCellEdit: 0 };
      this.log = [];
      this.failOn = null;
      /** "desktop" (Windows or Mac) or "web": desktop Excel has the dynamic-name fault of office-js #4321. */
      this.platform = "desktop";
      /** Largest request Excel accepts (Excel on the web: 5 MB). */
      this.requestLimit = 5 * 1024 * 1024;
      /** Largest response (Excel on the web: 5 MB; desktop: none). */
      this.responseLimit = Infinity;
      /** The ExcelApi requirement set this Excel supports; members above it fail with ApiNotFound. */
      this.apiVersion = "1.12";
      /** True while the user edits a cell. */
      this.cellEditMode = false;
      this.SheetVisibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
      this.CalculationMode = { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" };
      this.CalculationType = { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" };
      this.PageOrientation = { landscape: "Landscape", portrait: "Portrait" };
      this.PaperType = { a4: "A4" };
    }
    /** Excel.run([options,] batch): a fresh request context per call, like the real one. */
    async run(optionsOrBatch, batch) {
      var fn = typeof optionsOrBatch === "function" ? optionsOrBatch : batch;
      var ctx = new Context(this, typeof optionsOrBatch === "function" ? null : optionsOrBatch);
      return fn(ctx);
    }
    resetStats() {
      this.stats = { syncs: 0, valuesWrites: 0, formatCalls: 0, maxRequestBytes: 0, maxResponseBytes: 0, maxResponseBytesSent: 0, maxCellsRead: 0, maxCellsPerSync: 0, delayedForCellEdit: 0 };
      this.log = [];
    }
    /** Every non-empty value of a sheet, row-major, as a 2D array from A1 (formulas as stored). */
    sheetValues(name) {
      var s = this.model.sheet(name);
      if (!s) return null;
      var u = s.used(true);
      if (!u) return [];
      var out = [];
      for (var r = 0; r < u.row + u.rows; r++) {
        var row = [];
        for (var c = 0; c < u.col + u.cols; c++) {
          var cell = s.cell(r, c, false);
          row.push(cell ? cell.value : "");
        }
        out.push(row);
      }
      return out;
    }
    /** The charts of a sheet as plain data (series as absolute addresses, #REF! where their sheet is gone), or null. */
    charts(sheetName) {
      return chartsOf(this.model, sheetName);
    }
    /** A cell's value as Excel shows it (a formula that is a single reference shows that cell; #REF! when broken). */
    cellValue(sheetName, a1) {
      var s = this.model.sheet(sheetName);
      if (!s) return null;
      var at = parseAddress(a1);
      return this.model.valueAt(s, at.row, at.col);
    }
  }

  /** A plain-data copy of the workbook (sheets' cells, names, tables), to recreate it elsewhere (a browser). */
  FakeExcel.prototype.toJSON = function () {
    var m = this.model;
    return {
      sheets: m.sheets.map(function (s) {
        return { name: s.name, visibility: s.visibility, protected: s.protected, names: Array.from(s.names.entries()), cells: Array.from(s.cells.entries()).map(function (e) { return [e[0], e[1].value, e[1].numberFormat]; }) };
      }),
      names: Array.from(m.names.entries()),
      tables: m.tables.map(function (t) { return Object.assign({}, t); }),
      structureProtected: m.structureProtected,
      date1904: m.date1904,
      calculationMode: m.calculationMode,
    };
  };
  FakeExcel.fromJSON = function (json) {
    var fake = new FakeExcel();
    for (var s of json.sheets) {
      var sheet = fake.model.addSheet(s.name);
      for (var c of s.cells) sheet.cells.set(c[0], { value: c[1], numberFormat: c[2], format: {} });
      if (s.visibility) sheet.visibility = s.visibility;
      sheet.protected = !!s.protected;
      for (var sn of s.names || []) sheet.names.set(sn[0], sn[1]);
    }
    for (var n of json.names) fake.model.names.set(n[0], n[1]);
    fake.model.tables = json.tables.map(function (t) { return Object.assign({}, t); });
    fake.model.structureProtected = !!json.structureProtected;
    fake.model.date1904 = !!json.date1904;
    if (json.calculationMode) fake.model.calculationMode = json.calculationMode;
    return fake;
  };
  FakeExcel.parseAddress = parseAddress;
  FakeExcel.formatAddress = formatAddress;
  FakeExcel.parseInput = parseInput;
  FakeExcel.displayText = displayText;
  FakeExcel.versionAtLeast = versionAtLeast;
  FakeExcel.MIN_VERSION = MIN_VERSION;
  FakeExcel.LIMITS = LIMITS;
  FakeExcel.CHART_TYPE_VERSION = CHART_TYPE_VERSION;
  if (typeof module !== "undefined" && module.exports) module.exports = { FakeExcel: FakeExcel };
  else root.FakeExcel = FakeExcel;
})(typeof globalThis !== "undefined" ? globalThis : this);
