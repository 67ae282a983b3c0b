/* eslint-disable */
/**
 * An in-memory stand-in for Excel's JavaScript API, strict where the real one is strict:
 * operations are queued and run in order at context.sync(); properties can be read only after load + sync;
 * a failing operation stops the batch there. It counts syncs, values writes and format calls, records the
 * largest request payload, logs which sheet every write touched, and can be told to fail on an operation.
 * Plain JavaScript so that the same file runs under Jest and inside headless Chromium.
 */
(function (root) {
  "use strict";

  function colNum(letters) {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function colLetters(col) {
    let s = "";
    let n = col + 1;
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** "A1", "A1:C3", "A:C", "3:5" → {row, col, rows, cols} (rows/cols null = to the end of the used area). */
  function parseAddress(address) {
    const a = address.replace(/\$/g, "");
    let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
    if (m) {
      const r1 = Number(m[2]) - 1, c1 = colNum(m[1]);
      const r2 = m[4] ? Number(m[4]) - 1 : r1, c2 = m[3] ? colNum(m[3]) : c1;
      return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
    }
    m = /^([A-Z]+):([A-Z]+)$/.exec(a);
    if (m) return { row: 0, col: colNum(m[1]), rows: 1048576, cols: colNum(m[2]) - colNum(m[1]) + 1, wholeColumns: true };
    m = /^(\d+):(\d+)$/.exec(a);
    if (m) return { row: Number(m[1]) - 1, col: 0, rows: Number(m[2]) - Number(m[1]) + 1, cols: 16384, wholeRows: true };
    throw new Error("InvalidArgument: address " + address);
  }
  function formatAddress(sheet, r) {
    const q = /[^A-Za-z0-9_]/.test(sheet) ? "'" + sheet.replace(/'/g, "''") + "'" : sheet;
    const a = colLetters(r.col) + (r.row + 1);
    return q + "!" + (r.rows === 1 && r.cols === 1 ? a : a + ":" + colLetters(r.col + r.cols - 1) + (r.row + r.rows));
  }
  function splitRef(ref) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref.replace(/^=/, ""));
    if (!m) return null;
    return { sheet: (m[1] || m[2]).replace(/''/g, "'"), address: m[3] };
  }
  function officeError(code, message) {
    const e = new Error(message || code);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
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
    }
    cell(r, c, create) {
      const k = r + "," + c;
      let x = this.cells.get(k);
      if (!x && create) {
        x = { value: "", numberFormat: "General", format: {} };
        this.cells.set(k, x);
      }
      return x;
    }
    used() {
      let maxR = -1, maxC = -1;
      for (const [k, v] of this.cells) {
        if (v.value === "" || v.value === undefined) continue;
        const [r, c] = k.split(",").map(Number);
        maxR = Math.max(maxR, r);
        maxC = Math.max(maxC, c);
      }
      return maxR < 0 ? null : { row: 0, col: 0, rows: maxR + 1, cols: maxC + 1 };
    }
  }

  class Model {
    constructor() {
      this.sheets = [];
      this.names = new Map();
      this.tables = [];
      this.selected = null;
      this.active = null;
    }
    sheet(name) {
      return this.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()) || null;
    }
    addSheet(name) {
      if (this.sheet(name)) throw officeError("ItemAlreadyExists", "Sheet exists: " + name);
      const s = new Sheet(name);
      this.sheets.push(s);
      return s;
    }
    /** Sets cells from a 2D array at a top-left address ("Budget!A1"). Values starting with = are formulas. */
    put(sheetName, a1, rows, formats) {
      const s = this.sheet(sheetName) || this.addSheet(sheetName);
      const at = parseAddress(a1);
      rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const c = s.cell(at.row + i, at.col + j, true);
          c.value = v === null || v === undefined ? "" : v;
          if (formats && formats[i] && formats[i][j]) c.numberFormat = formats[i][j];
        }),
      );
      return s;
    }
  }

  /** Queued work: each op is run at sync(). */
  class Context {
    constructor(fake) {
      this.fake = fake;
      this.queue = [];
      this.workbook = new WorkbookProxy(this);
      this.application = { suspendScreenUpdatingUntilNextSync: () => this.enqueue("suspendScreenUpdating", null, () => {}) };
    }
    enqueue(kind, sheetFn, run, bytes) {
      this.queue.push({ kind, sheetFn, run, bytes: bytes || 64 });
    }
    async sync() {
      const fake = this.fake;
      const ops = this.queue;
      this.queue = [];
      fake.stats.syncs++;
      this.responseBytes = 0;
      const payload = ops.reduce((n, o) => n + o.bytes, 0);
      fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, payload);
      if (payload > fake.requestLimit) throw officeError("RequestPayloadSizeLimitExceeded", "payload " + payload);
      for (const op of ops) {
        const sheet = op.sheetFn ? op.sheetFn() : null;
        if (fake.failOn && fake.failOn({ kind: op.kind, sheet: sheet ? sheet.name : null })) {
          throw officeError("GeneralException", "injected failure at " + op.kind);
        }
        op.run();
        fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes || 0, this.responseBytes);
        if (op.kind !== "load" && op.kind !== "resolve") {
          fake.log.push({ kind: op.kind, sheet: sheet ? sheet.name : null });
          if (op.kind === "values") fake.stats.valuesWrites++;
          if (op.kind === "format") fake.stats.formatCalls++;
        }
      }
    }
  }

  function loaded(proxy, prop) {
    if (!proxy._loaded.has(prop)) throw new Error("PropertyNotLoaded: " + prop + " was not loaded (call load and context.sync first)");
    return proxy._data[prop];
  }
  function defineLoadable(proxy, props) {
    for (const p of props) {
      let proto = Object.getPrototypeOf(proxy), setter = null;
      while (proto && !setter) {
        const d = Object.getOwnPropertyDescriptor(proto, p);
        if (d && d.set) setter = d.set;
        proto = Object.getPrototypeOf(proto);
      }
      Object.defineProperty(proxy, p, {
        get: () => loaded(proxy, p),
        set: setter ? (v) => setter.call(proxy, v) : () => { throw new Error("InvalidOperation: " + p + " is read-only"); },
        configurable: true,
        enumerable: true,
      });
    }
  }

  class WorkbookProxy {
    constructor(ctx) {
      this.context = ctx;
      this.names = new NamesProxy(ctx, null);
      this.tables = new TablesProxy(ctx);
      this.worksheets = new WorksheetsProxy(ctx);
    }
  }

  class NamesProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    load() {
      const ctx = this.ctx;
      ctx.enqueue("load", null, () => {
        this._items = [...ctx.fake.model.names.entries()].map(([name, formula]) => {
          const n = new NamedItemProxy(ctx, name);
          n._resolve();
          n._loaded = new Set(["name", "type", "value"]);
          return n;
        });
      });
      return this;
    }
    getItem(name) {
      const n = new NamedItemProxy(this.ctx, name);
      this.ctx.enqueue("resolve", null, () => {
        if (!n._resolve()) throw officeError("ItemNotFound", "name " + name);
      });
      return n;
    }
    getItemOrNullObject(name) {
      const n = new NamedItemProxy(this.ctx, name);
      this.ctx.enqueue("resolve", null, () => n._resolve());
      return n;
    }
    add(name, reference) {
      const ctx = this.ctx;
      const sheetFn = () => (reference instanceof RangeProxy ? reference._sheet() : null);
      ctx.enqueue("names.add", sheetFn, () => {
        if (ctx.fake.model.names.has(name)) throw officeError("ItemAlreadyExists", "name " + name);
        const formula = reference instanceof RangeProxy ? "=" + formatAddress(reference._sheet().name, reference._rect()) : String(reference);
        ctx.fake.model.names.set(name, formula);
      });
    }
  }

  class NamedItemProxy {
    constructor(ctx, name) {
      this.ctx = ctx;
      this._name = name;
      this._loaded = new Set();
      this._data = {};
      this.isNullObject = undefined;
      defineLoadable(this, ["name", "type", "value"]);
    }
    _resolve() {
      const model = this.ctx.fake.model;
      const key = [...model.names.keys()].find((k) => k.toLowerCase() === this._name.toLowerCase());
      this.isNullObject = key === undefined;
      if (key === undefined) return false;
      const formula = model.names.get(key);
      const ref = splitRef(formula);
      let type = "String";
      if (/#REF!/.test(formula)) type = "Error";
      else if (ref && model.sheet(ref.sheet)) type = "Range";
      else if (/^=?[-\d.,]+$/.test(formula)) type = "Double";
      this._data = { name: key, type, value: formula };
      return true;
    }
    load() {
      this.ctx.enqueue("load", null, () => {
        if (this._resolve()) this._loaded = new Set(["name", "type", "value"]);
      });
      return this;
    }
    _target() {
      const formula = this.ctx.fake.model.names.get(this._data.name || this._name);
      const ref = formula && splitRef(formula);
      if (!ref || /,/.test(ref.address)) return null;
      return ref;
    }
    getRange() {
      return new RangeProxy(this.ctx, () => {
        this._resolve();
        const ref = this._target();
        if (!ref) throw officeError("InvalidReference", "name is not a range");
        return ref;
      });
    }
    getRangeOrNullObject() {
      return new RangeProxy(this.ctx, () => {
        this._resolve();
        return this._target();
      }, true);
    }
    delete() {
      this.ctx.enqueue("names.delete", null, () => this.ctx.fake.model.names.delete(this._data.name || this._name));
    }
  }

  class TablesProxy {
    constructor(ctx, sheetProxy) {
      this.ctx = ctx;
      this.sheetProxy = sheetProxy || null;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    load() {
      this.ctx.enqueue("load", null, () => {
        this._items = this.ctx.fake.model.tables.map((t) => {
          const p = new TableProxy(this.ctx, t);
          p._loaded.add("name");
          p._data.name = t.name;
          return p;
        });
      });
      return this;
    }
    getItemOrNullObject(name) {
      const p = new TableProxy(this.ctx, null);
      this.ctx.enqueue("resolve", null, () => {
        p._table = this.ctx.fake.model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) || null;
        p.isNullObject = !p._table;
      });
      return p;
    }
    add(range, hasHeaders) {
      const p = new TableProxy(this.ctx, null);
      this.ctx.enqueue("tables.add", () => range._sheet(), () => {
        const t = { name: "Tabell" + (this.ctx.fake.model.tables.length + 1), sheet: range._sheet().name, address: formatAddress(range._sheet().name, range._rect()).split("!")[1], hasHeaders };
        this.ctx.fake.model.tables.push(t);
        p._table = t;
      });
      return p;
    }
  }

  class TableProxy {
    constructor(ctx, table) {
      this.ctx = ctx;
      this._table = table;
      this._loaded = new Set();
      this._data = {};
      this.isNullObject = !table;
    }
    set name(v) {
      this.ctx.enqueue("tables.name", () => this.ctx.fake.model.sheet(this._table.sheet), () => {
        this._table.name = v;
      });
    }
    get name() {
      return loaded(this, "name");
    }
    set style(v) {
      this.ctx.enqueue("format", () => this.ctx.fake.model.sheet(this._table.sheet), () => {
        this._table.style = v;
      });
    }
    getRange() {
      return new RangeProxy(this.ctx, () => ({ sheet: this._table.sheet, address: this._table.address }));
    }
    get rows() {
      const self = this;
      return {
        add(index, values) {
          self.ctx.enqueue("values", () => self.ctx.fake.model.sheet(self._table.sheet), () => {
            const r = parseAddress(self._table.address);
            self.ctx.fake.model.put(self._table.sheet, colLetters(r.col) + (r.row + r.rows + 1), values);
            self._table.address = formatAddress("x", { row: r.row, col: r.col, rows: r.rows + values.length, cols: r.cols }).split("!")[1];
          }, JSON.stringify(values).length);
        },
      };
    }
  }

  class WorksheetsProxy {
    constructor(ctx) {
      this.ctx = ctx;
      this._items = null;
    }
    get items() {
      if (!this._items) throw new Error("PropertyNotLoaded: items");
      return this._items;
    }
    load() {
      this.ctx.enqueue("load", null, () => {
        this._items = this.ctx.fake.model.sheets.map((s) => {
          const p = new WorksheetProxy(this.ctx, () => s);
          p._loaded.add("name");
          p._data.name = s.name;
          return p;
        });
      });
      return this;
    }
    getItem(name) {
      let found = null;
      const p = new WorksheetProxy(this.ctx, () => {
        if (!found) throw officeError("ItemNotFound", "sheet " + name);
        return found;
      });
      this.ctx.enqueue("resolve", null, () => {
        found = this.ctx.fake.model.sheet(name);
        if (!found) throw officeError("ItemNotFound", "sheet " + name);
      });
      return p;
    }
    getItemOrNullObject(name) {
      let found = null;
      const p = new WorksheetProxy(this.ctx, () => found);
      this.ctx.enqueue("resolve", null, () => {
        found = this.ctx.fake.model.sheet(name);
        p.isNullObject = !found;
      });
      return p;
    }
    add(name) {
      let created = null;
      const p = new WorksheetProxy(this.ctx, () => created);
      this.ctx.enqueue("worksheets.add", () => created, () => {
        created = this.ctx.fake.model.addSheet(name);
      });
      return p;
    }
  }

  class WorksheetProxy {
    constructor(ctx, resolve) {
      this.ctx = ctx;
      this._sheet = resolve;
      this._loaded = new Set();
      this._data = {};
      this.isNullObject = false;
      this.tables = new TablesProxy(ctx, this);
      const self = this;
      const footers = {};
      ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"].forEach((k) =>
        Object.defineProperty(footers, k, { set: (v) => self._set("pageLayout", (s) => (s.pageLayout.headersFooters.defaultForAllPages[k] = v)) }),
      );
      const page = { headersFooters: { defaultForAllPages: footers } };
      ["orientation", "paperSize", "zoom", "centerHorizontally"].forEach((k) =>
        Object.defineProperty(page, k, { set: (v) => self._set("pageLayout", (s) => (s.pageLayout[k] = v)) }),
      );
      this.pageLayout = page;
      this.horizontalPageBreaks = { add: (addr) => self._set("pageLayout", (s) => s.pageBreaks.push(parseAddress(addr).row)) };
    }
    _set(kind, fn) {
      this.ctx.enqueue(kind, () => this._sheet(), () => fn(this._sheet()));
    }
    get name() {
      return loaded(this, "name");
    }
    set name(v) {
      this._set("sheet.name", (s) => {
        if (this.ctx.fake.model.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase())) throw officeError("ItemAlreadyExists", "sheet " + v);
        s.name = v;
      });
    }
    set visibility(v) {
      this._set("sheet.visibility", (s) => (s.visibility = v));
    }
    set position(v) {
      this._set("sheet.position", (s) => {
        const list = this.ctx.fake.model.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(v, 0, s);
      });
    }
    set showGridlines(v) {
      this._set("format", (s) => (s.showGridlines = v));
    }
    activate() {
      this._set("sheet.activate", (s) => (this.ctx.fake.model.active = s.name));
    }
    delete() {
      this._set("sheet.delete", (s) => {
        const list = this.ctx.fake.model.sheets;
        list.splice(list.indexOf(s), 1);
      });
    }
    load(props) {
      this.ctx.enqueue("load", null, () => {
        const s = this._sheet();
        if (!s) return;
        this._data.name = s.name;
        this._loaded.add("name");
      });
      return this;
    }
    getRange(address) {
      return new RangeProxy(this.ctx, () => ({ sheet: this._sheet().name, address }));
    }
    getUsedRangeOrNullObject() {
      return new RangeProxy(this.ctx, () => {
        const s = this._sheet();
        const u = s && s.used();
        return u ? { sheet: s.name, address: formatAddress(s.name, u).split("!")[1] } : null;
      }, true);
    }
  }

  const FORMAT_PROPS = ["horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel", "columnWidth", "rowHeight"];

  class RangeProxy {
    constructor(ctx, target, orNull) {
      this.ctx = ctx;
      this._target = target;
      this._orNull = !!orNull;
      this._loaded = new Set();
      this._data = {};
      this.isNullObject = false;
      defineLoadable(this, ["values", "valueTypes", "numberFormat", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"]);
      const self = this;
      const fontObj = {};
      ["name", "size", "bold", "italic", "color"].forEach((k) => Object.defineProperty(fontObj, k, { set: (v) => self._format("font." + k, v) }));
      const fillObj = {};
      Object.defineProperty(fillObj, "color", { set: (v) => self._format("fill.color", v) });
      const format = { font: fontObj, fill: fillObj, borders: { getItem: (edge) => {
        const b = {};
        ["style", "weight", "color"].forEach((k) => Object.defineProperty(b, k, { set: (v) => self._format("border." + edge + "." + k, v) }));
        return b;
      } }, autofitColumns: () => self._format("autofit", true) };
      FORMAT_PROPS.forEach((k) => Object.defineProperty(format, k, { set: (v) => self._format(k, v) }));
      this.format = format;
      this.worksheet = new WorksheetProxy(ctx, () => this._sheet());
    }
    _ref() {
      // Like Excel, a range is bound to its cells when first resolved, not re-resolved through a name later.
      if (this._bound === undefined) {
        const t = this._target();
        if (t) this._bound = t;
        return t;
      }
      return this._bound;
    }
    _sheet() {
      const t = this._ref();
      if (!t) throw officeError("ItemNotFound", "null range");
      const s = this.ctx.fake.model.sheet(t.sheet);
      if (!s) throw officeError("ItemNotFound", "sheet " + t.sheet);
      return s;
    }
    _rect() {
      const t = this._ref();
      const r = parseAddress(t.address);
      if (r.wholeColumns || r.wholeRows) {
        const u = this._sheet().used() || { rows: 1, cols: 1 };
        if (r.wholeColumns) r.rows = Math.max(1, u.rows);
        if (r.wholeRows) r.cols = Math.max(1, u.cols);
      }
      return r;
    }
    _format(key, value) {
      const kind = key === "columnWidth" || key === "rowHeight" ? "size" : "format";
      this.ctx.enqueue(kind, () => this._sheet(), () => {
        const t = parseAddress(this._ref().address);
        const s = this._sheet();
        if (t.wholeColumns) {
          for (let c = t.col; c < t.col + t.cols; c++) if (key === "columnWidth") s.columnWidths[c] = value;
          return;
        }
        if (t.wholeRows) {
          for (let r = t.row; r < t.row + t.rows; r++) if (key === "rowHeight") s.rowHeights[r] = value;
          return;
        }
        const r = this._rect();
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) s.cell(r.row + i, r.col + j, true).format[key] = value;
      });
    }
    load(props) {
      const wanted = typeof props === "string" ? props.split(",").map((p) => p.trim()) : null;
      this.ctx.enqueue("load", null, () => {
        const t = this._ref();
        if (!t) {
          this.isNullObject = true;
          return;
        }
        const s = this._sheet();
        const r = this._rect();
        const values = [], types = [], formats = [], text = [];
        for (let i = 0; i < r.rows; i++) {
          const vr = [], tr = [], fr = [], xr = [];
          for (let j = 0; j < r.cols; j++) {
            const c = s.cell(r.row + i, r.col + j, false);
            const v = c ? c.value : "";
            const isError = typeof v === "string" && /^#(N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!)$/.test(v);
            vr.push(v && typeof v === "object" && "formula" in v ? v.result ?? 0 : v);
            tr.push(v === "" ? "Empty" : isError ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
            fr.push(c ? c.numberFormat : "General");
            xr.push(String(v));
          }
          values.push(vr); types.push(tr); formats.push(fr); text.push(xr);
        }
        const all = {
          values, valueTypes: types, numberFormat: formats, text,
          rowIndex: r.row, columnIndex: r.col, rowCount: r.rows, columnCount: r.cols,
          address: formatAddress(s.name, r),
        };
        for (const p of wanted || Object.keys(all)) {
          if (!(p in all)) continue;
          this._data[p] = all[p];
          this._loaded.add(p);
          this.ctx.responseBytes += JSON.stringify(all[p]).length;
        }
      });
      if (this._orNull) this.ctx.enqueue("resolve", null, () => (this.isNullObject = !this._ref()));
      return this;
    }
    set values(v) {
      const bytes = JSON.stringify(v).length;
      this.ctx.enqueue("values", () => this._sheet(), () => {
        const s = this._sheet();
        const r = this._rect();
        const grid = Array.isArray(v) ? v : [[v]];
        if (Array.isArray(v) && (grid.length !== r.rows || grid.some((row) => row.length !== r.cols))) throw officeError("InvalidArgument", "values do not match the range size");
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) {
            let x = Array.isArray(v) ? grid[i][j] : v;
            const c = s.cell(r.row + i, r.col + j, true);
            if (typeof x === "string" && x.startsWith("'")) x = x.slice(1);
            else if (typeof x === "string" && /^[=+\-@]/.test(x) && x.length > 1) x = { formula: x };
            c.value = x;
          }
      }, bytes);
    }
    set numberFormat(v) {
      const bytes = JSON.stringify(v).length;
      this.ctx.enqueue("format", () => this._sheet(), () => {
        const s = this._sheet();
        const r = this._rect();
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) s.cell(r.row + i, r.col + j, true).numberFormat = Array.isArray(v) ? v[i][j] : v;
      }, bytes);
    }
    set columnHidden(v) {
      this.ctx.enqueue("format", () => this._sheet(), () => {
        const r = parseAddress(this._ref().address);
        for (let c = r.col; c < r.col + r.cols; c++) (v ? this._sheet().hiddenColumns.add(c) : this._sheet().hiddenColumns.delete(c));
      });
    }
    merge() {
      this.ctx.enqueue("format", () => this._sheet(), () => this._sheet().merges.push(this._rect()));
    }
    select() {
      this.ctx.enqueue("select", null, () => (this.ctx.fake.model.selected = formatAddress(this._sheet().name, this._rect())));
    }
    getCell(row, col) {
      return new RangeProxy(this.ctx, () => {
        const r = this._rect();
        return { sheet: this._sheet().name, address: colLetters(r.col + col) + (r.row + row + 1) };
      });
    }
    getRowsBelow(n) {
      return new RangeProxy(this.ctx, () => {
        const r = this._rect();
        return { sheet: this._sheet().name, address: formatAddress("x", { row: r.row + r.rows, col: r.col, rows: n, cols: r.cols }).split("!")[1] };
      });
    }
    getResizedRange(dr, dc) {
      return new RangeProxy(this.ctx, () => {
        const r = this._rect();
        return { sheet: this._sheet().name, address: formatAddress("x", { row: r.row, col: r.col, rows: r.rows + dr, cols: r.cols + dc }).split("!")[1] };
      });
    }
  }

  class FakeExcel {
    constructor() {
      this.model = new Model();
      this.stats = { syncs: 0, valuesWrites: 0, formatCalls: 0, maxRequestBytes: 0, maxResponseBytes: 0 };
      this.log = [];
      this.failOn = null;
      this.requestLimit = 5 * 1024 * 1024;
      this.SheetVisibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
      this.PageOrientation = { landscape: "Landscape", portrait: "Portrait" };
      this.PaperType = { a4: "A4" };
    }
    /** Excel.run: a fresh request context per call, like the real one. */
    async run(batch) {
      const ctx = new Context(this);
      return batch(ctx);
    }
    resetStats() {
      this.stats = { syncs: 0, valuesWrites: 0, formatCalls: 0, maxRequestBytes: 0, maxResponseBytes: 0 };
      this.log = [];
    }
    /** Every non-empty value of a sheet, row-major, as a 2D array from A1. */
    sheetValues(name) {
      const s = this.model.sheet(name);
      if (!s) return null;
      const u = s.used();
      if (!u) return [];
      const out = [];
      for (let r = 0; r < u.rows; r++) {
        const row = [];
        for (let c = 0; c < u.cols; c++) {
          const cell = s.cell(r, c, false);
          row.push(cell ? cell.value : "");
        }
        out.push(row);
      }
      return out;
    }
  }

  /** A plain-data copy of the workbook (sheets' cells, names, tables), to recreate it elsewhere (a browser). */
  FakeExcel.prototype.toJSON = function () {
    return {
      sheets: this.model.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()].map(([k, c]) => [k, c.value, c.numberFormat]) })),
      names: [...this.model.names.entries()],
      tables: this.model.tables.map((t) => ({ ...t })),
    };
  };
  FakeExcel.fromJSON = function (json) {
    const fake = new FakeExcel();
    for (const s of json.sheets) {
      const sheet = fake.model.addSheet(s.name);
      for (const [k, value, numberFormat] of s.cells) sheet.cells.set(k, { value, numberFormat, format: {} });
    }
    for (const [n, f] of json.names) fake.model.names.set(n, f);
    fake.model.tables = json.tables.map((t) => ({ ...t }));
    return fake;
  };
  FakeExcel.parseAddress = parseAddress;
  FakeExcel.formatAddress = formatAddress;
  if (typeof module !== "undefined" && module.exports) module.exports = { FakeExcel };
  else root.FakeExcel = FakeExcel;
})(typeof globalThis !== "undefined" ? globalThis : this);
