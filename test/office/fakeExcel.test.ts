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
          const set = m.name && /\[Api set: ExcelApi (\d+\.\d+)/.exec(m.getFullText());
          if (set && m.name) declared.set(`${node.name.text}.${m.name.getText()}`, set[1]);
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
