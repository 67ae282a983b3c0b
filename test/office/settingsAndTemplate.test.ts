import { OfficeMockObject } from "office-addin-mock";
import { onRibbonOutcome, refreshFromRibbon, templateFromRibbon } from "../../src/hosts/office/commands";
import { readOfficeSource } from "../../src/hosts/office/officeSource";
import { reportSheetNameProblem } from "../../src/contract/reportSheetPolicy";
import { EDITABLE_SETTINGS, readSettingValues, validateSettingsForm, writeSettingValues } from "../../src/hosts/office/settingsIO";
import { createTemplate } from "../../src/hosts/office/template";
import { compute } from "../../src/pipeline";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromRanges, installFake } from "../support/officeFixtures";
import { minimalRanges } from "../support/sheets";

describe("settings form", () => {
  it("validates with Swedish messages per field", () => {
    expect(validateSettingsForm({ Period: "13", Decimaler: "1,5", "Enhet ut": "euro", "Väsentlighet procent": "-2", Riskskala: "5" })).toEqual({
      Period: "Ange ett heltal från 1 till 12.",
      Decimaler: "Ange ett heltal från 0 till 3.",
      "Enhet ut": "Välj kr, tkr eller mkr.",
      "Väsentlighet procent": "Ange 0 eller mer.",
    });
    expect(validateSettingsForm({ Period: "", Decimaler: "2", "Indikatortolerans": "15 %" })).toEqual({});
  });

  it("takes what Inställningar takes, being built from the same table (Enhet ut kr, a month's name, mnkr)", async () => {
    expect(EDITABLE_SETTINGS.find((s) => s.key === "Enhet ut")).toMatchObject({ kind: "choice", choices: ["kr", "tkr", "mkr"] });
    expect(validateSettingsForm({ "Enhet ut": "kr", Period: "augusti", "Enhet in": "mnkr" })).toEqual({});
    const ranges = minimalRanges();
    ranges.Inställningar.rows.push(["Enhet ut", "kr"]);
    const fake = fakeFromRanges(ranges);
    installFake(fake);
    await fake.run((c) => writeSettingValues(c, { Period: "augusti" }));
    const c = compute((await fake.run((ctx) => readOfficeSource(ctx, "Rapport"))).source);
    expect(c.findings.filter((f) => f.range === "Inställningar")).toEqual([]);
    expect(c.input.settings).toMatchObject({ unitOut: "kr", months: 8 });
  });

  it("edits the settings of the forecast history and the interval as Inställningar takes them", () => {
    expect(EDITABLE_SETTINGS.filter((s) => ["Spara prognoshistorik", "Prognosintervall", "Simuleringar"].includes(s.key))).toEqual([
      { key: "Spara prognoshistorik", label: "Spara prognosen i Prognoshistorik", kind: "choice", choices: ["Ja", "Nej"] },
      { key: "Prognosintervall", label: "Årets resultat som intervall", kind: "choice", choices: ["Ja", "Nej"] },
      { key: "Simuleringar", label: "Simuleringar i intervallet", kind: "int", min: 1000, max: 1000000, months: false },
    ]);
    expect(validateSettingsForm({ "Spara prognoshistorik": "nej", Simuleringar: "50000" })).toEqual({});
    expect(validateSettingsForm({ "Spara prognoshistorik": "kanske", Simuleringar: "10" })).toEqual({
      "Spara prognoshistorik": "Välj Ja eller Nej.",
      Simuleringar: "Ange ett heltal från 1000 till 1000000.",
    });
  });

  it("judges Rapportflik by the report-sheet policy, in the words the workbook's check gives", () => {
    for (const name of ["History", "Rapport'", "Del:1", "Prognoshistorik"]) expect(validateSettingsForm({ Rapportflik: name })).toEqual({ Rapportflik: reportSheetNameProblem(name) });
    // Contract v3's settings, judged as Inställningar judges them: as many levels as the form's scale has.
    expect(validateSettingsForm({ "Sannolikhet per nivå": "5 %; 20 %; 50 %; 80 %", "Resultaträkning per ansvar": "Område 4; Område 5" })).toEqual({});
    expect(validateSettingsForm({ "Sannolikhet per nivå": "5 %; 20 %; 50 %; 80 %", Riskskala: "5" })).toEqual({ "Sannolikhet per nivå": expect.stringContaining("Listan har 4 värden men skalan har 5 nivåer") });
    expect(EDITABLE_SETTINGS.find((s) => s.key === "Resultaträkning per ansvar")).toMatchObject({ kind: "text" });
    expect(validateSettingsForm({ Rapportflik: "Delår 2" })).toEqual({});
  });

  it("round-trips through the Inställningar range: updates in place, appends new keys and widens the name", async () => {
    const fake = fakeFromRanges(minimalRanges());
    installFake(fake);
    const before = await fake.run((c) => readSettingValues(c));
    expect(before).toEqual({ Period: "8", "Enhet in": "mkr" });
    await fake.run((c) => writeSettingValues(c, { Period: "6", "Enhet in": "mkr", Decimaler: "2", "Indikatortolerans": "15" }));
    expect(await fake.run((c) => readSettingValues(c))).toEqual({ Period: "6", "Enhet in": "mkr", Decimaler: "2", Indikatortolerans: "15" });
    expect(fake.model.names.get("Inställningar")).toBe("='Inställningar'!A1:B6");
    const read = await fake.run((c) => readOfficeSource(c, "Rapport"));
    const c = compute(read.source);
    expect(c.input.settings).toMatchObject({ months: 6, decimals: 2, indicatorTolerance: 0.15, year: 2024 });
    expect(fake.sheetValues("Budget")).toEqual(minimalRanges().Budget.rows);
  });

  it("adds new keys as rows of the table when Inställningar is a table", async () => {
    const ranges = minimalRanges();
    const fake = fakeFromRanges(ranges);
    fake.model.names.delete("Inställningar");
    fake.model.tables.push({ name: "Inställningar", sheet: "Inställningar", address: "A1:B4" });
    installFake(fake);
    await fake.run((c) => writeSettingValues(c, { Riskskala: "5", Period: "9" }));
    expect(fake.sheetValues("Inställningar")).toEqual([["Inställning", "Värde"], ["Period", 9], ["Enhet in", "mkr"], ["År", 2024], ["Riskskala", 5]]);
    expect(fake.model.tables[0].address).toBe("A1:B5");
  });

  it("creates the range when the workbook has none", async () => {
    const ranges = minimalRanges();
    delete ranges.Inställningar;
    const fake = fakeFromRanges(ranges);
    installFake(fake);
    await fake.run((c) => writeSettingValues(c, { Period: "4" }));
    expect(fake.sheetValues("Inställningar")).toEqual([["Inställning", "Värde"], ["Period", 4]]);
  });
});

describe("saving settings never writes a cell of the user's (issue 20, defect 5)", () => {
  const supports17 = (v: string) => FakeExcel.versionAtLeast("1.7", v);

  it("stops with a message naming the cell when a row below the named range is not empty, and writes nothing", async () => {
    const fake = fakeFromRanges(minimalRanges());
    // Below Inställningar (A1:B4): a note of the user's in B6, two rows down.
    fake.model.put("Inställningar", "B6", [["Min anteckning"]]);
    installFake(fake);
    const before = JSON.stringify(fake.sheetValues("Inställningar"));
    await expect(fake.run((c) => writeSettingValues(c, { Period: "6", Decimaler: "2", Indikatortolerans: "15" }, supports17))).rejects.toMatchObject({
      code: "SETTINGS_CELL_TAKEN",
      message: expect.stringMatching(/^Inställningarna sparades inte: de nya raderna skulle hamna i Inställningar!B6, som inte är tom/),
    });
    expect(JSON.stringify(fake.sheetValues("Inställningar"))).toBe(before);
    expect(fake.model.names.get("Inställningar")).toBe("='Inställningar'!$A$1:$B$4");
  });

  it("takes a formula that shows nothing for a cell that is not empty", async () => {
    const fake = fakeFromRanges(minimalRanges());
    fake.model.put("Inställningar", "A5", [[{ formula: '=IF(TRUE,"","x")', result: "" }]]);
    installFake(fake);
    await expect(fake.run((c) => writeSettingValues(c, { Decimaler: "2" }, supports17))).rejects.toMatchObject({ code: "SETTINGS_CELL_TAKEN" });
  });

  // NamedItem.comment [ExcelApi 1.4]: "Specifies the comment associated with this name." Deleting the name and adding
  // it again dropped it. NamedItem.formula [ExcelApi 1.7] is set in place instead, as Microsoft's update-named-item
  // sample does; below 1.7 the name is added again with its comment.
  it.each([["1.7", "=Inställningar!$A$1:$B$6"], ["1.4", "='Inställningar'!A1:B6"]])("keeps the name's comment when it widens it (ExcelApi %s)", async (version, formula) => {
    const fake = fakeFromRanges(minimalRanges());
    fake.model.nameComments.set(fake.model.names, new Map([["inställningar", "Styr rapporten; ändras av controllern"]]));
    installFake(fake, version);
    await fake.run((c) => writeSettingValues(c, { Period: "6", Decimaler: "2", Indikatortolerans: "15" }, (v) => FakeExcel.versionAtLeast(version, v)));
    expect(fake.model.names.get("Inställningar")).toBe(formula);
    expect(fake.model.nameComments.get(fake.model.names)?.get("inställningar")).toBe("Styr rapporten; ändras av controllern");
    const read = await fake.run((c) => readSettingValues(c));
    expect(read).toMatchObject({ Period: "6", Decimaler: "2", Indikatortolerans: "15" });
  });

  it("stops on a protected sheet before anything is written", async () => {
    const fake = fakeFromRanges(minimalRanges());
    (fake.model.sheet("Inställningar") as { protected: boolean }).protected = true;
    installFake(fake);
    const before = JSON.stringify(fake.sheetValues("Inställningar"));
    await expect(fake.run((c) => writeSettingValues(c, { Period: "6" }, supports17))).rejects.toMatchObject({
      code: "SETTINGS_SHEET_PROTECTED",
      message: "Inställningarna sparades inte: bladet ”Inställningar” är skyddat. Ta bort bladskyddet (Granska › Ta bort bladskydd) och spara igen.",
    });
    expect(JSON.stringify(fake.sheetValues("Inställningar"))).toBe(before);
  });
});

describe("settings under a name that is no single range (office-js #4321)", () => {
  it("are read as none and refused on save with a Swedish message, without Excel's InvalidOperation", async () => {
    const fake = fakeFromRanges(minimalRanges());
    fake.model.names.set("Inställningar", "=OFFSET('Inställningar'!$A$1,0,0,4,2)");
    installFake(fake);
    expect(await fake.run((c) => readSettingValues(c))).toEqual({});
    await expect(fake.run((c) => writeSettingValues(c, { Period: "6" }))).rejects.toMatchObject({ code: "SETTINGS_NOT_CELLS", message: expect.stringMatching(/^Inställningarna sparades inte/) });
    expect(fake.sheetValues("Inställningar")).toEqual(minimalRanges().Inställningar.rows);
  });
});

describe("Skapa mall", () => {
  it("lays out the input sheets as tables that read without errors, and refuses a second time", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Blad1");
    installFake(fake);
    await fake.run((c) => createTemplate(c));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Blad1", "Budget", "Utfall", "Jämförelsestörande", "Indikatorer", "Risker", "Känslighet", "Åtgärder", "Investeringar", "Inställningar"]);
    const read = await fake.run((c) => readOfficeSource(c, "Rapport"));
    const c = compute(read.source);
    expect(c.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    // The template shows contract v3's inputs at work: a bokslut, a non-recurring item, kvinnor and män, a probability
    // in per cent and a loss as a negative consequence, a saving that lands at the customer.
    expect(c.result.income.totals.result.actualPriorYearFull).toBe(18);
    expect(c.result.nonRecurring?.resultExcluding.actual).toBe(-5);
    expect(c.result.indicators[0]).toMatchObject({ group: "Medarbetare", targetYear: 2026, actualWomen: 7, actualMen: 4.9 });
    expect(c.result.risks[0]).toMatchObject({ economicConsequence: -50, probability: 0.3, expectedEffect: -15 });
    expect(c.result.measures?.measures.map((m) => m.effectAt)).toEqual([null, null, "Beställande nämnder"]);
    await expect(fake.run((ctx) => createTemplate(ctx))).rejects.toThrow(/Mallen skapas bara i en arbetsbok utan/);
  });
});

describe("Skapa mall med Huvudbok", () => {
  it("lays out Huvudbok and Kontoplan in place of Budget and Utfall, and the workbook reports with the balance account set aside", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Blad1");
    installFake(fake);
    await fake.run((c) => createTemplate(c, "ledger"));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Blad1", "Huvudbok", "Kontoplan", "Jämförelsestörande", "Indikatorer", "Risker", "Känslighet", "Åtgärder", "Investeringar", "Inställningar"]);
    expect(fake.model.tables.map((t) => t.name)).toContain("Huvudbok");
    const c = compute((await fake.run((ctx) => readOfficeSource(ctx, "Rapport"))).source);
    if (!c.ok) throw new Error(JSON.stringify(c.findings));
    expect(c.findings.map((f) => f.code)).toEqual(["LEDGER_BALANCE_SKIPPED"]);
    // 3111 and 3511 under the Kontoplan's interval 30-39, 5011 under the prefix 50, 5411 under 5400-5499, 7010 and 8510 by Kommun-Bas.
    expect(c.result.income.statement.map((r) => [r.item, r.budgetYear])).toEqual([
      ["Verksamhetens intäkter", 1200],
      ["Personalkostnader", -800],
      ["Lokalkostnader", -150],
      ["Övriga kostnader", -200],
      ["Finansiella kostnader", -10],
    ]);
  });

  it("refuses beside Budget or Utfall, and beside a table of the same name, changing nothing", async () => {
    const fake = fakeFromRanges(minimalRanges());
    installFake(fake);
    const before = fake.model.sheets.map((s) => s.name);
    await expect(fake.run((c) => createTemplate(c, "ledger"))).rejects.toThrow(/utan bladet eller namnet ”(Budget|Inställningar)”/);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(before);

    const tabled = new FakeExcel();
    tabled.model.addSheet("Data");
    tabled.model.tables.push({ name: "Kontoplan", sheet: "Data", address: "A1:C3" });
    installFake(tabled);
    await expect(tabled.run((c) => createTemplate(c, "ledger"))).rejects.toThrow(/namnet ”Kontoplan”/);
  });
});

describe("ribbon commands", () => {
  function ribbonEvent() {
    let completed = 0;
    const event = new OfficeMockObject({ completed: () => void completed++ }) as unknown as Office.AddinCommands.Event;
    return { event, completed: () => completed };
  }

  /** Office.addin.showAsTaskpane as the shared runtime has it (SharedRuntime 1.1). */
  function withPane() {
    const shown = jest.fn(async () => undefined);
    (globalThis as unknown as { Office: Record<string, unknown> }).Office.addin = { showAsTaskpane: shown };
    return shown;
  }

  const heard: [string, boolean][] = [];
  onRibbonOutcome((message, ok) => void heard.push([message, ok]));

  it("complete the event after a successful refresh, without the task pane, and leave the pane closed", async () => {
    const fake = fakeFromRanges(minimalRanges());
    installFake(fake);
    const shown = withPane();
    const { event, completed } = ribbonEvent();
    await refreshFromRibbon(event);
    expect(completed()).toBe(1);
    expect(fake.model.sheet("Rapport")).not.toBeNull();
    expect(shown).not.toHaveBeenCalled();
    expect(heard[heard.length - 1]).toEqual(["Rapporten är uppdaterad (inga noteringar).", true]);
  });

  // "You can show the task pane of your Office Add-in by calling the Office.addin.showAsTaskpane() method."
  // https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in — a failed ribbon refresh must be seen
  // even when the pane is closed.
  it("open the task pane with the message when the refresh fails or the data has errors, and still complete the event", async () => {
    const fake = fakeFromRanges(minimalRanges());
    fake.failOn = (op) => op.kind === "values";
    installFake(fake);
    const shown = withPane();
    const first = ribbonEvent();
    await refreshFromRibbon(first.event);
    expect(first.completed()).toBe(1);
    expect(shown).toHaveBeenCalledTimes(1);
    // Issue 20: the message first says what became of the report (none was created), then Excel's error and code.
    expect(heard[heard.length - 1]).toEqual([expect.stringMatching(/^Ingen rapport skapades, och inget annat i arbetsboken ändrades\. Excel kunde inte slutföra ändringen.*\(GeneralException\)$/), false]);

    const bad = fakeFromRanges({ ...minimalRanges(), Utfall: { rows: [["Post", "Utfall"], ["Intäkter", "åttio"]] } });
    installFake(bad);
    const shownAgain = withPane();
    const second = ribbonEvent();
    await refreshFromRibbon(second.event);
    expect(second.completed()).toBe(1);
    expect(shownAgain).toHaveBeenCalledTimes(1);
    expect(heard[heard.length - 1]).toEqual(["Rapporten uppdaterades inte: 1 fel i indata. Se Noteringar nedan.", false]);

    const third = ribbonEvent();
    await templateFromRibbon(third.event);
    expect(third.completed()).toBe(1);
  });

  // office-js #5176: "the first time you try to click a command button in Excel, the associated command does not run"
  // (also #3378). Microsoft's sample for function commands calls Office.actions.associate at the top level of the
  // script; this add-in called it inside Office.onReady.
  it("are associated as soon as the pane's script runs, before Office.onReady has answered", () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = g.Office;
    const associated: string[] = [];
    g.Office = { actions: { associate: (name: string) => void associated.push(name) }, onReady: () => new Promise(() => undefined), HostType: { Excel: "Excel" } };
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../src/hosts/office/taskpane");
      });
      expect(associated).toEqual(["refreshReport", "createTemplate", "createLedgerTemplate"]);
    } finally {
      g.Office = saved;
      delete (globalThis as { uppfoljningStarted?: boolean }).uppfoljningStarted;
    }
  });

  it("tell a pane that opens later what the last ribbon refresh came to", () => {
    const late: [string, boolean][] = [];
    onRibbonOutcome((message, ok) => void late.push([message, ok]));
    expect(late).toEqual([heard[heard.length - 1]]);
  });

  // Excel.RunOptions.delayForCellEdit: "When true, [...] if the user is in cell edit mode then the batch request is
  // delayed until the user exits cell edit mode." https://learn.microsoft.com/javascript/api/excel/excel.runoptions
  it("wait for the user to leave cell edit mode instead of failing", async () => {
    const fake = fakeFromRanges(minimalRanges());
    installFake(fake);
    withPane();
    fake.cellEditMode = true;
    const { event } = ribbonEvent();
    await refreshFromRibbon(event);
    expect(fake.stats.delayedForCellEdit).toBe(1);
    expect(heard[heard.length - 1]).toEqual(["Rapporten är uppdaterad (inga noteringar).", true]);
    expect(fake.model.sheet("Rapport")).not.toBeNull();
  });
});
