import { OfficeMockObject } from "office-addin-mock";
import { refreshFromRibbon, templateFromRibbon } from "../../src/hosts/office/commands";
import { readOfficeSource } from "../../src/hosts/office/officeSource";
import { readSettingValues, validateSettingsForm, writeSettingValues } from "../../src/hosts/office/settingsIO";
import { createTemplate } from "../../src/hosts/office/template";
import { compute } from "../../src/pipeline";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromRanges, installFake } from "../support/officeFixtures";
import { minimalRanges } from "../support/sheets";

describe("settings form", () => {
  it("validates with Swedish messages per field", () => {
    expect(validateSettingsForm({ Period: "13", Decimaler: "1,5", "Enhet ut": "kr", "Väsentlighet procent": "-2", Riskskala: "5" })).toEqual({
      Period: "Ange ett heltal från 1 till 12.",
      Decimaler: "Ange ett heltal från 0 till 3.",
      "Enhet ut": "Välj tkr eller mkr.",
      "Väsentlighet procent": "Ange 0 eller mer.",
    });
    expect(validateSettingsForm({ Period: "", Decimaler: "2", "Indikatortolerans": "15 %" })).toEqual({});
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

describe("Skapa mall", () => {
  it("lays out the input sheets as tables that read without errors, and refuses a second time", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Blad1");
    installFake(fake);
    await fake.run((c) => createTemplate(c));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Blad1", "Budget", "Utfall", "Indikatorer", "Risker", "Känslighet", "Inställningar"]);
    const read = await fake.run((c) => readOfficeSource(c, "Rapport"));
    const c = compute(read.source);
    expect(c.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(c.ok).toBe(true);
    await expect(fake.run((ctx) => createTemplate(ctx))).rejects.toThrow(/Mallen skapas bara i en arbetsbok utan/);
  });
});

describe("ribbon commands", () => {
  function ribbonEvent() {
    let completed = 0;
    const event = new OfficeMockObject({ completed: () => void completed++ }) as unknown as Office.AddinCommands.Event;
    return { event, completed: () => completed };
  }

  it("complete the event after a successful refresh, without the task pane", async () => {
    const fake = fakeFromRanges(minimalRanges());
    installFake(fake);
    const { event, completed } = ribbonEvent();
    await refreshFromRibbon(event);
    expect(completed()).toBe(1);
    expect(fake.model.sheet("Rapport")).not.toBeNull();
  });

  it("complete the event when the refresh fails, and when the template cannot be made", async () => {
    const fake = fakeFromRanges(minimalRanges());
    fake.failOn = (op) => op.kind === "values";
    installFake(fake);
    const first = ribbonEvent();
    await refreshFromRibbon(first.event);
    expect(first.completed()).toBe(1);
    const second = ribbonEvent();
    await templateFromRibbon(second.event);
    expect(second.completed()).toBe(1);
  });
});
