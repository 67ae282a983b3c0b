/**
 * The in-memory Excel (test/support/fakeExcel.js) is strict where Excel is: each rule here with the Microsoft
 * documentation it comes from. The host's tests that depend on these rules are in refresh.test.ts and
 * settingsAndTemplate.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { FakeExcel } from "../support/fakeExcel";

function workbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.model.put("Data", "A1", [["Post", "Belopp"], ["Intäkter", 120], ["Personal", -96]]);
  fake.model.put("Blad2", "A1", [["x"]]);
  return fake;
}

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);

describe("requests", () => {
  // "The second batch successfully inserts the third and fourth paragraphs but fails in the call to insert the fifth
  // paragraph. All other commands after the failed command in the batch are not executed."
  // https://learn.microsoft.com/javascript/api/office/officeextension.error
  it("run queued operations in order at sync, stop at the first failure and keep what ran before it", async () => {
    const fake = workbook();
    const code = await codeOf(
      fake.run(async (c) => {
        const ws = c.workbook.worksheets.getItem("Data");
        ws.getRange("C1").values = [["före"]];
        ws.getRange("A1:B1").values = [["för", "få", "värden"]];
        ws.getRange("D1").values = [["efter"]];
        expect(fake.cellValue("Data", "C1")).toBe("");
        await c.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(fake.cellValue("Data", "C1")).toBe("före");
    expect(fake.cellValue("Data", "D1")).toBe("");
  });

  it("answer reads only after load and sync", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Data").getRange("B2");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      r.load("values");
      await c.sync();
      expect(r.values).toEqual([[120]]);
    });
  });

  // "Some accessor methods and properties throw an exception when the desired object doesn't exist [...] *OrNullObject
  // variations [...] return an object whose isNullObject property is set to true" — a method called on that object
  // is not another null object: it fails.
  it("fail when a method is called on a null object", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItemOrNullObject("Finns inte");
      ws.getUsedRangeOrNullObject(true).load("values");
      await c.sync();
    }))).toBe("ItemNotFound");
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItemOrNullObject("Finns inte");
      await c.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  // Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch request is processed by
  // the host, the batch automatically fails." Excel.ErrorCodes: InvalidOperationInCellEditMode.
  it("fail in cell edit mode unless the run waits for it", async () => {
    const fake = workbook();
    fake.cellEditMode = true;
    expect(await codeOf(fake.run(async (c) => c.sync()))).toBe("InvalidOperationInCellEditMode");
    expect(await codeOf(fake.run({ delayForCellEdit: true }, async (c) => c.sync()))).toBe("ok");
    expect(fake.stats.delayedForCellEdit).toBe(1);
  });
});

describe("sheets", () => {
  it("cannot be activated while hidden", async () => {
    const fake = workbook();
    fake.model.sheets[1].visibility = "Hidden";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").activate();
      await c.sync();
    }))).toBe("InvalidOperation");
  });

  // A workbook keeps at least one visible sheet; "if the worksheet's visibility is set to "VeryHidden", the delete
  // operation will fail with an InvalidOperation exception" (Worksheet.delete, https://learn.microsoft.com/javascript/api/excel/excel.worksheet).
  it("keep one visible: the last visible sheet cannot be hidden or deleted, a VeryHidden one not deleted", async () => {
    const fake = workbook();
    fake.model.sheets[1].visibility = "Hidden";
    for (const act of [(ws: Excel.Worksheet) => ws.delete(), (ws: Excel.Worksheet) => (ws.visibility = "Hidden")]) {
      expect(await codeOf(fake.run(async (c) => {
        act(c.workbook.worksheets.getItem("Data"));
        await c.sync();
      }))).toBe("InvalidOperation");
    }
    fake.model.sheets[1].visibility = "VeryHidden";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").delete();
      await c.sync();
    }))).toBe("InvalidOperation");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Data", "Blad2"]);
  });

  // "Worksheet names cannot: Be blank. Contain more than 31 characters. Contain any of the following characters:
  // / \ ? * : [ ] [...] Begin or end with an apostrophe ('), [...] Be named "History"."
  // https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
  it.each(["", "x".repeat(32), "Rapport/2024", "Del:1", "[Rapport]", "'Rapport", "Rapport'", "History", "history"])("refuse the name %j", async (name) => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.add(name);
      await c.sync();
    }))).toBe("InvalidArgument");
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").name = name;
      await c.sync();
    }))).toBe("InvalidArgument");
  });

  it("take names of 31 characters and apostrophes inside, but not a name taken in another case", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      c.workbook.worksheets.add("x".repeat(31));
      c.workbook.worksheets.add("Kommunens 'egna' tal");
      await c.sync();
    });
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.add("data");
      await c.sync();
    }))).toBe("ItemAlreadyExists");
  });

  it("carry formulas and names along when renamed, and turn them into #REF! when deleted", async () => {
    const fake = workbook();
    fake.model.put("Sammanfattning", "A1", [[{ formula: "=Data!B2", result: 0 }, { formula: "='Data'!B3", result: 0 }]]);
    fake.model.names.set("Belopp", "=Data!$B$2:$B$3");
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").name = "Data 2024";
      await c.sync();
    });
    expect(fake.model.sheet("Sammanfattning")?.cell(0, 0, false)?.value).toEqual({ formula: "='Data 2024'!B2", result: 0 });
    expect(fake.cellValue("Sammanfattning", "B1")).toBe(-96);
    expect(fake.model.names.get("Belopp")).toBe("='Data 2024'!$B$2:$B$3");
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data 2024").delete();
      await c.sync();
    });
    expect(fake.cellValue("Sammanfattning", "A1")).toBe("#REF!");
    expect(fake.model.names.get("Belopp")).toBe("=#REF!");
  });
});

describe("names", () => {
  // office-js #4321: a name whose "Refers To" is an OFFSET formula: "RichApi.Error: This operation is not permitted for
  // the current object" from getRange(). NamedItem.getRangeOrNullObject: "If the named item's type is not a range,
  // then this method returns an object with its isNullObject property set to true."
  it.each(["=OFFSET(Data!$A$1,0,0,3,2)", "=Data!$A$1:INDEX(Data!$B:$B,3)", "=Data!$A$1:$A$3,Data!$B$1:$B$3"])("%s: getRange throws InvalidOperation, getRangeOrNullObject is null", async (formula) => {
    const fake = workbook();
    fake.model.names.set("Dyn", formula);
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.names.getItem("Dyn").getRange().load("values");
      await c.sync();
    }))).toBe("InvalidOperation");
    await fake.run(async (c) => {
      const n = c.workbook.names.getItem("Dyn").load("type");
      const r = c.workbook.names.getItem("Dyn").getRangeOrNullObject();
      r.load("address");
      await c.sync();
      expect(n.type).toBe("Range");
      expect(r.isNullObject).toBe(true);
    });
  });

  it("give the formula only where ExcelApi 1.7 is supported", async () => {
    const fake = workbook();
    fake.model.names.set("Belopp", "=Data!$B$2:$B$3");
    fake.apiVersion = "1.4";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.names.load("items/name,items/formula");
      await c.sync();
    }))).toBe("ApiNotFound");
    fake.apiVersion = "1.7";
    await fake.run(async (c) => {
      const names = c.workbook.names.load("items/name,items/type,items/value,items/formula");
      await c.sync();
      expect(names.items.map((n) => [n.name, n.type, n.value, n.formula])).toEqual([["Belopp", "Range", "Data!$B$2:$B$3", "=Data!$B$2:$B$3"]]);
    });
  });
});

describe("ranges", () => {
  // "A range is limited to 5,000,000 cells for read operations."
  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
  it("refuse to read more than 5 000 000 cells; a whole column is 1 048 576 rows", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A:E").load("values");
      await c.sync();
    }))).toBe("RangeExceedsLimit");
    await fake.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Data").getRange("A:E").load("rowCount,columnCount,address");
      await c.sync();
      expect([r.rowCount, r.columnCount, r.address]).toEqual([1048576, 5, "Data!A:E"]);
    });
  });

  it("take numberFormat arrays only of the range's size", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1:B2").numberFormat = [["@", "@"]];
      await c.sync();
    }))).toBe("InvalidArgument");
  });

  // Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
  // this value as a formula." and "Locale-shaped strings [...] are stored as text instead of as dates. To ensure dates
  // are stored as dates, use [...] a locale-neutral format like ISO (YYYY-MM-DD)" (https://learn.microsoft.com/javascript/api/excel/excel.range)
  it("parse strings written to values as Excel does, unless the cell has the text format or the text prefix", async () => {
    const fake = workbook();
    const input = ["1", "6", "1,5", "12 %", "2024-08-31", "SANT", "=A1", "-tio", "'1", "text"];
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Blad2");
      ws.getRange("A2:J2").values = [input];
      ws.getRange("A3:J3").numberFormat = [input.map(() => "@")];
      ws.getRange("A3:J3").values = [input];
      await c.sync();
    });
    const s = fake.model.sheet("Blad2");
    expect(input.map((_, j) => s?.cell(1, j, false)?.value)).toEqual([1, 6, 1.5, 0.12, 45535, true, { formula: "=A1" }, { formula: "-tio" }, "1", "text"]);
    expect(input.map((_, j) => s?.cell(2, j, false)?.value)).toEqual(input);
  });

  it("copy cells, formats and merges with copyFrom (ExcelApi 1.9)", async () => {
    const fake = workbook();
    fake.model.sheet("Data")?.merges.push({ row: 0, col: 0, rows: 1, cols: 2 });
    fake.apiVersion = "1.8";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").getRange("A1:B3").copyFrom(c.workbook.worksheets.getItem("Data").getRange("A1:B3"), "All");
      await c.sync();
    }))).toBe("ApiNotFound");
    fake.apiVersion = "1.9";
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").getRange("A1:B3").copyFrom(c.workbook.worksheets.getItem("Data").getRange("A1:B3"), "All");
      await c.sync();
    });
    expect(fake.sheetValues("Blad2")).toEqual(fake.sheetValues("Data"));
    expect(fake.model.sheet("Blad2")?.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 2 }]);
  });
});

describe("requirement sets", () => {
  it("fail members above the supported ExcelApi version with ApiNotFound", async () => {
    const fake = workbook();
    fake.apiVersion = "1.4";
    for (const act of [
      (c: Excel.RequestContext) => c.application.suspendScreenUpdatingUntilNextSync(),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Data").showGridlines = false),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Data").pageLayout.orientation = "Landscape"),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Data").getRange("A1").format.indentLevel = 1),
    ]) {
      expect(await codeOf(fake.run(async (c) => {
        act(c);
        await c.sync();
      }))).toBe("ApiNotFound");
    }
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1:B1").merge(false);
      c.workbook.worksheets.getItemOrNullObject("Data").load("name");
      await c.sync();
    });
  });

  it("have the versions Microsoft's reference gives for every member the fake implements", () => {
    const file = path.join(__dirname, "../../node_modules/@types/office-js/index.d.ts");
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const declared = new Map<string, string>();
    const visit = (node: ts.Node, ns: string) => {
      if (ts.isModuleDeclaration(node)) {
        const name = ns ? `${ns}.${node.name.text}` : node.name.text;
        if (node.body) ts.forEachChild(node.body, (ch) => visit(ch, name));
        return;
      }
      if (ns === "Excel" && ts.isClassDeclaration(node) && node.name) {
        for (const m of node.members) {
          const note = m.name && /\[Api set: ExcelApi ([^\]]*)\]/.exec(m.getFullText());
          if (!note || !m.name) continue;
          const member = `${node.name.text}.${m.name.getText()}`;
          declared.set(member, /^\d+\.\d+/.exec(note[1])?.[0] ?? note[1]);
          // "1.1 for reading visibility; 1.2 for setting it.", "1.1 for get, 1.8 for set"
          const setter = /(\d+\.\d+) for set/.exec(note[1]);
          if (setter) declared.set(`${member}:set`, setter[1]);
          // "1.1 for adding a single row; 1.4 allows adding of multiple rows"
          const multiple = /(\d+\.\d+) allows adding of multiple rows/.exec(note[1]);
          if (multiple) declared.set(`${member}:multiple`, multiple[1]);
        }
      }
      ts.forEachChild(node, (ch) => visit(ch, ns));
    };
    visit(source, "");
    const ours = Object.entries(FakeExcel.MIN_VERSION);
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.filter(([member, v]) => declared.get(member) !== v).map(([member, v]) => [member, v, declared.get(member)])).toEqual([]);
  });
});

describe("objects created in a failed batch", () => {
  // office.js: WorksheetCollection.add returns `_createMethodObjectPath(this.context, this, "Add", 0, [name], false,
  // true)`, the last argument being isInvalidAfterRequest; ClientRequest.invalidatePendingInvalidObjectPaths marks such
  // paths invalid when the request is sent, a successful response makes them valid again, and
  // ClientRequest.addReferencedObjectPath then refuses an invalid one: "if (!objectPath.isValid) throw ...
  // ErrorCodes.invalidObjectPath". A sheet added in a batch that failed is in the workbook (the operations before the
  // failure ran) but its object is unusable: only a fresh lookup by name reaches it.
  it("are invalid: a call on them throws InvalidObjectPath at once, while the sheet itself stays in the workbook", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      const added = c.workbook.worksheets.add("Ny");
      added.getRange("A1").values = [["x"]];
      c.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["för", "få", "värden"]];
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(fake.model.sheet("Ny")).not.toBeNull();
      expect(() => added.delete()).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
      expect(() => added.getRange("A1")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
      const again = c.workbook.worksheets.getItemOrNullObject("Ny");
      await c.sync();
      expect(again.isNullObject).toBe(false);
      again.delete();
      await c.sync();
    });
    expect(fake.model.sheet("Ny")).toBeNull();
  });

  it("are usable after a batch that succeeded", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      const added = c.workbook.worksheets.add("Ny");
      await c.sync();
      added.getRange("A1").values = [["x"]];
      added.delete();
      await c.sync();
    });
    expect(fake.model.sheet("Ny")).toBeNull();
  });
});

describe("names on desktop Excel", () => {
  // office-js #4321, desktop only: "Attempting to load a named range, or any properties of one, will throw an error if
  // in the Name Manager, the Value section resolves to "{...}", which is the case when the "Refers To" of the named
  // range is represented by an OFFSET formula." — "RichApi.Error: This operation is not permitted for the current
  // object". office-js #1357: loading values of names like "=Sheet1!$B$3,Sheet1!$B$6" or OFFSET crashed Excel.
  it.each(["=OFFSET(Data!$A$1,0,0,3,2)", "=Data!$A$1:$A$3,Data!$B$1:$B$3"])("%s: loading value fails with InvalidOperation on desktop, not on the web; name, type and formula load", async (formula) => {
    const fake = workbook();
    fake.model.names.set("Dyn", formula);
    fake.model.names.set("Belopp", "=Data!$B$2:$B$3");
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.names.load("items/name,items/value");
      await c.sync();
    }))).toBe("InvalidOperation");
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.names.getItem("Dyn").load("value");
      await c.sync();
    }))).toBe("InvalidOperation");
    await fake.run(async (c) => {
      const names = c.workbook.names.load("items/name,items/type,items/formula");
      await c.sync();
      expect(names.items.map((n) => n.formula)).toEqual([formula, "=Data!$B$2:$B$3"]);
    });
    fake.platform = "web";
    await fake.run(async (c) => {
      c.workbook.names.load("items/name,items/value");
      await c.sync();
    });
  });

  // Workbook.names: "Represents a collection of workbook-scoped named items (named ranges and constants)."
  // Worksheet.names: "Collection of names scoped to the current worksheet." [ExcelApi 1.4]
  it("keep a sheet's own names apart: workbook.names has only the workbook's, worksheet.names the sheet's", async () => {
    const fake = workbook();
    fake.model.names.set("Belopp", "=Data!$B$2:$B$3");
    fake.model.sheet("Data")?.names.set("Budget", "=Data!$A$1:$B$3");
    await fake.run(async (c) => {
      const wb = c.workbook.names.load("items/name");
      const local = c.workbook.worksheets.getItem("Data").names.load("items/name,items/scope");
      const missing = c.workbook.names.getItemOrNullObject("Budget");
      await c.sync();
      expect(wb.items.map((n) => n.name)).toEqual(["Belopp"]);
      expect(local.items.map((n) => [n.name, n.scope])).toEqual([["Budget", "Worksheet"]]);
      expect(missing.isNullObject).toBe(true);
    });
    fake.apiVersion = "1.3";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").names.load("items/name");
      await c.sync();
    }))).toBe("ApiNotFound");
  });

  // NamedItem.formula [ExcelApi 1.7], settable: Microsoft's sample "update-named-item" sets `myNamedItem.formula =
  // "=Sample!$B$10:$D$14"`. NamedItem.comment [ExcelApi 1.4]: "Specifies the comment associated with this name."
  it("change what a name refers to in place, keeping its comment; deleting and adding it again loses the comment", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      c.workbook.names.add("Belopp", c.workbook.worksheets.getItem("Data").getRange("B2:B3"), "Årets belopp");
      await c.sync();
      c.workbook.names.getItem("Belopp").formula = "=Data!$B$2:$B$4";
      const n = c.workbook.names.getItem("Belopp").load("formula,comment");
      await c.sync();
      expect([n.formula, n.comment]).toEqual(["=Data!$B$2:$B$4", "Årets belopp"]);
      c.workbook.names.getItem("Belopp").delete();
      c.workbook.names.add("Belopp", "=Data!$B$2:$B$5");
      const again = c.workbook.names.getItem("Belopp").load("comment");
      await c.sync();
      expect(again.comment).toBe("");
    });
    fake.apiVersion = "1.6";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.names.getItem("Belopp").formula = "=Data!$B$2:$B$3";
      await c.sync();
    }))).toBe("ApiNotFound");
  });
});

describe("protection", () => {
  // "Use the worksheet's `protection` property when your add-in needs to control whether users can edit worksheet
  // data" (Work with worksheets, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets);
  // WorksheetProtectionOptions: formatting of cells, columns and rows are options that are off unless allowed.
  // Excel.ErrorCodes: AccessDenied, "You cannot perform the requested operation."
  it("of a sheet refuses changes to its cells, formats, merges and rows, and leaves them as they were", async () => {
    const fake = workbook();
    const sheet = fake.model.sheet("Data");
    if (sheet) sheet.protected = true;
    for (const act of [
      (ws: Excel.Worksheet) => (ws.getRange("A1").values = [["x"]]),
      (ws: Excel.Worksheet) => (ws.getRange("A1").numberFormat = [["@"]]),
      (ws: Excel.Worksheet) => (ws.getRange("A1").format.font.bold = true),
      (ws: Excel.Worksheet) => ws.getRange("A1:B1").merge(false),
      (ws: Excel.Worksheet) => ws.getRange("A1:B3").clear(),
      (ws: Excel.Worksheet) => (ws.getRange("1:1").format.rowHeight = 30),
    ]) {
      expect(await codeOf(fake.run(async (c) => {
        act(c.workbook.worksheets.getItem("Data"));
        await c.sync();
      }))).toBe("AccessDenied");
    }
    expect(fake.sheetValues("Data")).toEqual([["Post", "Belopp"], ["Intäkter", 120], ["Personal", -96]]);
    await fake.run(async (c) => {
      const p = c.workbook.worksheets.getItem("Data").protection.load("protected");
      const items = c.workbook.worksheets.load("items/name,items/protection/protected");
      await c.sync();
      expect(p.protected).toBe(true);
      expect(items.items.map((w) => [w.name, w.protection.protected])).toEqual([["Data", true], ["Blad2", false]]);
    });
  });

  // "Use workbook protection when your add-in needs to prevent users from adding, deleting, moving, or renaming
  // worksheets. The `Workbook.protection` property returns a WorkbookProtection object." [ExcelApi 1.7]
  it("of the workbook structure refuses adding, deleting, moving, renaming, hiding and showing sheets", async () => {
    const fake = workbook();
    fake.model.structureProtected = true;
    for (const act of [
      (c: Excel.RequestContext) => c.workbook.worksheets.add("Ny"),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Blad2").delete(),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Blad2").position = 0),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Blad2").name = "Annat"),
      (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Blad2").visibility = "Hidden"),
    ]) {
      expect(await codeOf(fake.run(async (c) => {
        act(c);
        await c.sync();
      }))).toBe("AccessDenied");
    }
    expect(fake.model.sheets.map((s) => [s.name, s.visibility])).toEqual([["Data", "Visible"], ["Blad2", "Visible"]]);
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("C1").values = [["ok"]];
      const p = c.workbook.protection.load("protected");
      await c.sync();
      expect(p.protected).toBe(true);
    });
    fake.apiVersion = "1.6";
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.protection.load("protected");
      await c.sync();
    }))).toBe("ApiNotFound");
  });
});

describe("limits", () => {
  // Excel specifications and limits (https://support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3):
  // "Total number of characters that a cell can contain: 32,767 characters"; "Characters in a header or footer: 255".
  it("refuse a cell text longer than 32 767 characters", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").getRange("A1").values = [["x".repeat(32768)]];
      await c.sync();
    }))).toBe("InvalidArgument");
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").getRange("A1").values = [["x".repeat(32767)]];
      await c.sync();
    });
  });

  it("refuse a row taller than 409 points (\"Row height: 409 points\")", async () => {
    const fake = workbook();
    const height = (h: number) => fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").getRange("2:2").format.rowHeight = h;
      await c.sync();
    });
    expect(await codeOf(height(410))).toBe("InvalidArgument");
    expect(await codeOf(height(409))).toBe("ok");
  });

  it("refuse a footer of more than 255 characters, its sections and their codes counted together", async () => {
    const fake = workbook();
    const footer = (left: string, right: string) => fake.run(async (c) => {
      const f = c.workbook.worksheets.getItem("Blad2").pageLayout.headersFooters.defaultForAllPages;
      f.leftFooter = left;
      f.rightFooter = right;
      await c.sync();
    });
    expect(await codeOf(footer("x".repeat(256), ""))).toBe("InvalidArgument");
    expect(await codeOf(footer("x".repeat(240), "Sida &P av &N"))).toBe("InvalidArgument");
    expect(await codeOf(footer("x".repeat(236), "Sida &P av &N"))).toBe("ok");
  });
});

describe("requirement sets of setters and variants", () => {
  // Worksheet.visibility: "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]"
  it("read a sheet's visibility with ExcelApi 1.1 but set it only with 1.2", async () => {
    const fake = workbook();
    fake.apiVersion = "1.1";
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Blad2").load("visibility");
      await c.sync();
      expect(ws.visibility).toBe("Visible");
    });
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").visibility = "Hidden";
      await c.sync();
    }))).toBe("ApiNotFound");
  });

  // TableRowCollection.add: "[Api set: ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows]"
  it("add one table row with ExcelApi 1.1, several only with 1.4", async () => {
    const fake = workbook();
    fake.model.tables.push({ name: "Tabell", sheet: "Data", address: "A1:B3" });
    fake.apiVersion = "1.1";
    const add = (rows: (string | number)[][]) => fake.run(async (c) => {
      const table = c.workbook.tables.load("items/name");
      await c.sync();
      table.items[0].rows.add(undefined, rows);
      await c.sync();
    });
    expect(await codeOf(add([["A", 1], ["B", 2]]))).toBe("ApiNotFound");
    expect(await codeOf(add([["A", 1]]))).toBe("ok");
    fake.apiVersion = "1.4";
    expect(await codeOf(add([["B", 2], ["C", 3]]))).toBe("ok");
    expect(fake.model.tables[0].address).toBe("A1:B6");
  });

  // RangeFormat.useStandardHeight [ExcelApi 1.7]: "Note: This property is only intended to be set to true."
  it("reset rows to the standard height with useStandardHeight (ExcelApi 1.7)", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("2:3").format.rowHeight = 40;
      await c.sync();
      c.workbook.worksheets.getItem("Data").getRange("1:2").format.useStandardHeight = true;
      await c.sync();
    });
    expect(fake.model.sheet("Data")?.rowHeights).toEqual({ 2: 40 });
  });
});

describe("calculation", () => {
  // "Use `Application.calculationMode` to control when Excel recalculates formulas. [...] `manual`: Excel recalculates
  // only when the user or add-in requests it." "`recalculate`: Recalculate formulas that changed, or were marked for
  // recalculation, and the formulas that depend on them" (Work with workbooks,
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks). calculationMode: "[Api set:
  // ExcelApi 1.1 for get, 1.8 for set]"; calculate: ExcelApi 1.1.
  it("in manual mode keeps a formula's old result until application.calculate", async () => {
    const fake = workbook();
    fake.model.calculationMode = "Manual";
    fake.model.put("Blad2", "B1", [[{ formula: "=SUM(Data!B2:B3)", result: 30, pending: 24 }]]);
    await fake.run(async (c) => {
      const app = c.application.load("calculationMode");
      const before = c.workbook.worksheets.getItem("Blad2").getRange("B1").load("values");
      await c.sync();
      expect([app.calculationMode, before.values]).toEqual(["Manual", [[30]]]);
      c.application.calculate("Recalculate");
      const after = c.workbook.worksheets.getItem("Blad2").getRange("B1").load("values");
      await c.sync();
      expect(after.values).toEqual([[24]]);
    });
  });
});

describe("the date system", () => {
  // Workbook.use1904DateSystem is "[API set: ExcelApi BETA (PREVIEW ONLY)]" in Microsoft's reference (excel.workbook.yml):
  // production Excel has no way to ask for it. What a serial number shows as does depend on it: Range.text gives the
  // displayed text.
  it("decides the date a serial number shows as, and the workbook cannot be asked for it outside the preview", async () => {
    const fake = workbook();
    fake.model.put("Blad2", "A1", [[45352, 45352]], [["yyyy-mm-dd", "d mmm yy"]]);
    const text = () => fake.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Blad2").getRange("A1:B1").load("text");
      await c.sync();
      return r.text;
    });
    expect(await text()).toEqual([["2024-03-01", "1 Mar 24"]]);
    fake.model.date1904 = true;
    expect(await text()).toEqual([["2028-03-02", "2 Mar 28"]]);
    expect(await codeOf(fake.run(async (c) => {
      c.workbook.load("use1904DateSystem");
      await c.sync();
    }))).toBe("ApiNotFound");
  });
});

describe("charts", () => {
  const add = (c: Excel.RequestContext, type: string, address = "B2:B3") => {
    const ws = c.workbook.worksheets.getItem("Data");
    return ws.charts.add(type as Excel.ChartType, ws.getRange(address), "Columns" as Excel.ChartSeriesBy);
  };

  // Excel.ChartType: "waterfall = "Waterfall" … [Api set: ExcelApi 1.9]"; the older types "[Api set: ExcelApi 1.1]".
  it("know their type only from the requirement set that introduced it: a waterfall needs ExcelApi 1.9", async () => {
    const old = workbook();
    old.apiVersion = "1.8";
    expect(await codeOf(old.run(async (c) => {
      add(c, "Waterfall");
      await c.sync();
    }))).toBe("InvalidArgument");
    expect(await codeOf(old.run(async (c) => {
      add(c, "ColumnStacked");
      await c.sync();
    }))).toBe("ok");
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      add(c, "Waterfall");
      await c.sync();
    }))).toBe("ok");
    // Every type the stand-in holds back has Microsoft's version for it.
    const source = fs.readFileSync(path.join(__dirname, "../../node_modules/@types/office-js/index.d.ts"), "utf8");
    const enumBody = source.slice(source.indexOf("enum ChartType {"), source.indexOf("}", source.indexOf("enum ChartType {")));
    for (const [type, version] of Object.entries(FakeExcel.CHART_TYPE_VERSION)) {
      expect([type, new RegExp(`\\[Api set: ExcelApi ${version.replace(".", "\\.")}\\]\\s*\\*/\\s*\\w+ = "${type}"`).test(enumBody)]).toEqual([type, true]);
    }
  });

  // "Returns a collection of charts that are part of the worksheet." (Worksheet.charts)
  it("go with their sheet, and a chart drawn from a sheet that is gone shows #REF!", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      const other = c.workbook.worksheets.getItem("Blad2");
      const chart = other.charts.add("BarClustered" as Excel.ChartType, other.getRange("A1:A1"), "Columns" as Excel.ChartSeriesBy);
      chart.name = "På Blad2";
      const onData = add(c, "BarClustered");
      onData.series.getItemAt(0).setValues(c.workbook.worksheets.getItem("Blad2").getRange("A1:A2"));
      await c.sync();
    });
    expect(fake.charts("Blad2")?.map((c) => c.name)).toEqual(["På Blad2"]);
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Blad2").delete();
      await c.sync();
    });
    expect(fake.charts("Blad2")).toBeNull();
    expect(fake.charts("Data")?.[0].series[0].values).toBe("#REF!");
  });

  // A series is one-dimensional ("Gets the values from a single dimension of the chart series",
  // ChartSeries.getDimensionValues); the stand-in also refuses categories of another length than the values.
  it("take a series' values and categories as one row or one column, of one length", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      add(c, "BarClustered").series.getItemAt(0).setValues(c.workbook.worksheets.getItem("Data").getRange("A1:B3"));
      await c.sync();
    }))).toBe("InvalidArgument");
    expect(await codeOf(fake.run(async (c) => {
      add(c, "BarClustered").series.getItemAt(0).setXAxisValues(c.workbook.worksheets.getItem("Data").getRange("A1:A3"));
      await c.sync();
    }))).toBe("InvalidArgument");
    expect(await codeOf(fake.run(async (c) => {
      const chart = add(c, "BarClustered");
      chart.series.getItemAt(0).setXAxisValues(c.workbook.worksheets.getItem("Data").getRange("A2:A3"));
      const second = chart.series.add("Två");
      second.setValues(c.workbook.worksheets.getItem("Data").getRange("B2:B3"));
      second.setXAxisValues(c.workbook.worksheets.getItem("Data").getRange("A2:A3"));
      await c.sync();
    }))).toBe("ok");
    expect(fake.charts("Data")?.slice(-1)[0].series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ["Serie1", "Data!$B$2:$B$3", "Data!$A$2:$A$3"],
      ["Två", "Data!$B$2:$B$3", "Data!$A$2:$A$3"],
    ]);
  });

  // "Data series in one chart: 255" (Excel specifications and limits); ChartSeries.name: "The name's length should
  // not be greater than 255 characters."
  it("hold at most 255 series, each named in at most 255 characters", async () => {
    const fake = workbook();
    fake.model.put("Bred", "A1", [Array.from({ length: 256 }, (_, i) => i)]);
    expect(await codeOf(fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Bred");
      ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange("A1:IV1"), "Columns" as Excel.ChartSeriesBy);
      await c.sync();
    }))).toBe("InvalidArgument");
    expect(await codeOf(fake.run(async (c) => {
      add(c, "BarClustered").series.getItemAt(0).name = "x".repeat(256);
      await c.sync();
    }))).toBe("InvalidArgument");
  });

  // ChartSeries.gapWidth: "Only valid on bar and column charts, as well as specific classes of line and pie charts.
  // Throws an invalid argument exception on invalid charts."
  it("refuse a gap width on a line", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      const chart = add(c, "ColumnStacked");
      chart.series.getItemAt(0).gapWidth = 50;
      await c.sync();
    }))).toBe("ok");
    expect(await codeOf(fake.run(async (c) => {
      const s = add(c, "ColumnStacked").series.getItemAt(0);
      s.chartType = "Line" as Excel.ChartType;
      s.gapWidth = 50;
      await c.sync();
    }))).toBe("InvalidArgument");
  });

  // ChartPointsCollection.getItemAt: "Retrieve a point based on its position within the series."
  it("have no point past a series' last", async () => {
    const fake = workbook();
    expect(await codeOf(fake.run(async (c) => {
      add(c, "BarClustered").series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor("#C00000");
      await c.sync();
    }))).toBe("InvalidArgument");
  });

  // ChartCollection.getItem: "If there are multiple charts with the same name, the first one will be returned."
  // "Excel defines shapes as any object that sits on the drawing layer of Excel" (Work with shapes): a chart is a
  // shape too, with its alt text (Shape.altTextTitle, ExcelApi 1.9).
  it("are found by name, the first of the same name first, and are shapes with alt text", async () => {
    const fake = workbook();
    await fake.run(async (c) => {
      add(c, "BarClustered").name = "Samma";
      add(c, "ColumnClustered").name = "Samma";
      await c.sync();
      c.workbook.worksheets.getItem("Data").charts.getItem("Samma").delete();
      const shape = c.workbook.worksheets.getItem("Data").shapes.getItem("Samma");
      shape.altTextTitle = "Titel";
      shape.altTextDescription = "Beskrivning";
      await c.sync();
    });
    expect(fake.charts("Data")?.map((c) => [c.type, c.altTextTitle, c.altTextDescription])).toEqual([["ColumnClustered", "Titel", "Beskrivning"]]);
    const old = workbook();
    old.apiVersion = "1.8";
    expect(await codeOf(old.run(async (c) => {
      c.workbook.worksheets.getItem("Data").shapes.getItem("x");
      await c.sync();
    }))).toBe("ApiNotFound");
  });

  it("added in a batch that failed are invalid, and a chart's members past the supported version fail", async () => {
    const fake = workbook();
    fake.apiVersion = "1.7";
    expect(await codeOf(fake.run(async (c) => {
      add(c, "BarClustered").series.getItemAt(0).overlap = 0;
      await c.sync();
    }))).toBe("ApiNotFound");
    await fake.run(async (c) => {
      const chart = add(c, "BarClustered");
      c.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["för", "få", "värden"]];
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(() => (chart.name = "x")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    });
  });
});
