/**
 * The parent and order rules of an Office add-in manifest (task pane, XML), as far as this add-in uses them, written
 * down from Microsoft's reference: a second check beside Microsoft's XSDs (../shared/schemas/office-addin-manifest/,
 * with `Runtimes` added to `Host` as [MS-OWEMXML] has it; see its README), which test/manifest.test.ts validates every
 * shipped manifest against with xmllint. This table names the rule broken in words a reader can follow.
 *
 * - The current schema is [MS-OWEMXML] (https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/),
 *   published as per-type fragments; the fragments quoted below are copied from there.
 * - The order of every element is listed in "How to find the proper order of manifest elements"
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering, ms.date 06/02/2025):
 *   "The XML elements in the manifest of an Office Add-in must be under the proper parent element *and* in a
 *   specific order, relative to each other, under the parent. [...] Your manifest will not be valid and your
 *   add-in will not load, if any element is in the wrong order."
 *
 * Every element of a manifest must be allowed here under its parent, in this order, with these counts; an element
 * the table does not know is an error, so a new element has to be looked up and added deliberately.
 */

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
} as const;

export interface ChildRule {
  ns: string;
  name: string;
  /** The rule set of the child; `xsi:type` picks it when given as a map. Absent: the child has no child elements. */
  type?: string | Record<string, string>;
  min: number;
  max: number;
}

const MANY = Infinity;
const c = (ns: string, name: string, min: number, max: number, type?: ChildRule["type"]): ChildRule => ({ ns, name, min, max, type });
const app = (name: string, min: number, max: number, type?: ChildRule["type"]) => c(NS.app, name, min, max, type);
const bt = (name: string, min: number, max: number, type?: ChildRule["type"]) => c(NS.bt, name, min, max, type);
const ov = (name: string, min: number, max: number, type?: ChildRule["type"]) => c(NS.ov, name, min, max, type);

/** Child sequences by type. The order of each array is the order the schema requires. */
export const SEQUENCES: Record<string, ChildRule[]> = {
  // "Basic task pane add-in element ordering" (manifest-element-ordering). OfficeApp "Must contain" Id, Version,
  // ProviderName, DefaultLocale, DefaultSettings, DisplayName, Description and, for task pane, Permissions
  // (https://learn.microsoft.com/javascript/api/manifest/officeapp).
  TaskPaneApp: [
    app("Id", 1, 1),
    app("AlternateId", 0, 1),
    app("Version", 1, 1),
    app("ProviderName", 1, 1),
    app("DefaultLocale", 1, 1),
    app("DisplayName", 1, 1, "LocaleAware"),
    app("Description", 1, 1, "LocaleAware"),
    app("IconUrl", 0, 1, "LocaleAware"),
    app("HighResolutionIconUrl", 0, 1, "LocaleAware"),
    app("SupportUrl", 0, 1, "LocaleAware"),
    app("AppDomains", 0, 1, "AppDomains"),
    app("Hosts", 0, 1, "BaseHosts"),
    // Requirements element: "Contained in: OfficeApp, VersionOverrides"
    // (https://learn.microsoft.com/javascript/api/manifest/requirements).
    app("Requirements", 0, 1, "BaseRequirements"),
    app("DefaultSettings", 1, 1, "DefaultSettings"),
    app("Permissions", 1, 1),
    app("Dictionary", 0, 1, "Dictionary"),
    ov("VersionOverrides", 0, 1, { VersionOverridesV1_0: "VersionOverridesV1_0" }),
    app("ExtendedOverrides", 0, 1),
  ],
  LocaleAware: [app("Override", 0, MANY)],
  // [MS-OWEMXML] AppDomains: a sequence of AppDomain with minOccurs="1"; "This element can't be empty."
  // (https://learn.microsoft.com/javascript/api/manifest/appdomains)
  AppDomains: [app("AppDomain", 1, MANY)],
  BaseHosts: [app("Host", 1, MANY)],
  BaseRequirements: [app("Sets", 0, 1, "BaseSets"), app("Methods", 0, 1, "BaseMethods")],
  BaseSets: [app("Set", 1, MANY)],
  BaseMethods: [app("Method", 1, MANY)],
  DefaultSettings: [app("SourceLocation", 1, 1, "LocaleAware")],
  Dictionary: [
    app("TargetDialects", 1, 1),
    app("QueryUri", 1, 1),
    app("CitationText", 1, 1),
    app("DictionaryName", 1, 1),
    app("DictionaryHomePage", 1, 1),
  ],

  // [MS-OWEMXML] 2.2.188 VersionOverridesV1_0 (taskpaneappversionoverrides):
  // <xs:sequence> <xs:element name="Description" .../> <xs:element name="Requirements" type="bt:Requirements"
  // minOccurs="0" maxOccurs="1"/> <xs:element name="Hosts" type="Hosts" minOccurs="0" maxOccurs="1"/>
  // <xs:element name="Resources" type="bt:Resources" .../> <xs:element name="WebApplicationInfo" .../>
  // <xs:element name="EquivalentAddins" .../> ...
  // https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/b6a2c332-efe1-4a90-861d-0baef8e43a18
  VersionOverridesV1_0: [
    ov("Description", 0, 1),
    ov("Requirements", 0, 1, "BtRequirements"),
    ov("Hosts", 0, 1, "OvHosts"),
    ov("Resources", 0, 1, "BtResources"),
    ov("WebApplicationInfo", 0, 1, "WebApplicationInfo"),
    ov("EquivalentAddins", 0, 1, "EquivalentAddins"),
  ],
  // bt:Requirements: "Can contain Sets, Methods" (requirements.md); both in the basic types namespace.
  BtRequirements: [bt("Sets", 0, 1, "BtSets"), bt("Methods", 0, 1, "BtMethods")],
  BtSets: [bt("Set", 1, MANY)],
  BtMethods: [bt("Method", 1, MANY)],
  OvHosts: [ov("Host", 1, MANY, { Workbook: "Workbook" })],
  // [MS-OWEMXML] Host: <xs:complexType name="Host" abstract="true"> <xs:sequence> <xs:element name="Runtimes"
  // type="Runtimes" minOccurs="0" maxOccurs="1"/> <xs:element name="AllFormFactors" type="AllFormFactors"
  // minOccurs="0" maxOccurs="1"/> </xs:sequence> (…/ms-owemxml/514d1f0e-5775-49cd-82ee-44ccbb02ade0);
  // Workbook extends it with DesktopFormFactor. There is no Requirements under Host.
  Workbook: [ov("Runtimes", 0, 1, "Runtimes"), ov("AllFormFactors", 0, 1, "AllFormFactors"), ov("DesktopFormFactor", 0, 1, "FormFactor")],
  // [MS-OWEMXML] Runtimes: <xs:sequence minOccurs="1" maxOccurs="unbounded"> <xs:element name="Runtime" type="Runtime"/>
  // (…/ms-owemxml/80264f46-1f56-4d04-926f-e3b3c7d1d005)
  Runtimes: [ov("Runtime", 1, MANY, "Runtime")],
  Runtime: [ov("Override", 0, MANY)],
  AllFormFactors: [ov("ExtensionPoint", 0, 1, "CustomFunctions")],
  CustomFunctions: [ov("Script", 1, 1, "SourceOnly"), ov("Page", 1, 1, "SourceOnly"), ov("Metadata", 0, 1, "SourceOnly"), ov("Namespace", 0, 1)],
  SourceOnly: [ov("SourceLocation", 1, 1)],
  // FormFactor: GetStarted, FunctionFile, ExtensionPoint (TaskPaneAppVersionOverridesV1_0.xsd and manifest-element-ordering).
  FormFactor: [
    ov("GetStarted", 0, 1, "GetStarted"),
    ov("FunctionFile", 0, 1),
    ov("ExtensionPoint", 1, MANY, { PrimaryCommandSurface: "CommandSurface", ContextMenu: "ContextMenu" }),
  ],
  GetStarted: [ov("Title", 1, 1), ov("Description", 1, 1), ov("LearnMoreUrl", 1, 1)],
  CommandSurface: [ov("OfficeTab", 0, MANY, "OfficeTab"), ov("CustomTab", 0, MANY, "CustomTab")],
  ContextMenu: [ov("OfficeMenu", 1, MANY, "OfficeMenu")],
  OfficeTab: [ov("Group", 1, MANY, "Group")],
  OfficeMenu: [ov("Control", 1, MANY, { Button: "Button", Menu: "Menu" })],
  // manifest-element-ordering, CustomTab: Group (OverriddenByRibbonApi, Label, Icon, Control), OfficeGroup, Label,
  // InsertAfter (or InsertBefore).
  CustomTab: [ov("Group", 0, MANY, "Group"), ov("OfficeGroup", 0, MANY), ov("Label", 1, 1), ov("InsertAfter", 0, 1), ov("InsertBefore", 0, 1)],
  Group: [
    ov("OverriddenByRibbonApi", 0, 1),
    ov("Label", 1, 1),
    ov("Icon", 1, 1, "IconList"),
    ov("Control", 1, MANY, { Button: "Button", Menu: "Menu" }),
  ],
  IconList: [bt("Image", 1, MANY)],
  // Control: OverriddenByRibbonApi, Label, Supertip, Icon, Action, Enabled, Items.
  Button: [
    ov("OverriddenByRibbonApi", 0, 1),
    ov("Label", 1, 1),
    ov("Supertip", 1, 1, "Supertip"),
    ov("Icon", 1, 1, "IconList"),
    ov("Action", 1, 1, { ShowTaskpane: "ShowTaskpane", ExecuteFunction: "ExecuteFunction" }),
    ov("Enabled", 0, 1),
  ],
  Menu: [
    ov("OverriddenByRibbonApi", 0, 1),
    ov("Label", 1, 1),
    ov("Supertip", 1, 1, "Supertip"),
    ov("Icon", 1, 1, "IconList"),
    ov("Items", 1, 1, "MenuItems"),
  ],
  MenuItems: [ov("Item", 1, MANY, "MenuItem")],
  MenuItem: [
    ov("OverriddenByRibbonApi", 0, 1),
    ov("Label", 1, 1),
    ov("Supertip", 1, 1, "Supertip"),
    ov("Icon", 0, 1, "IconList"),
    ov("Action", 1, 1, { ShowTaskpane: "ShowTaskpane", ExecuteFunction: "ExecuteFunction" }),
    ov("Enabled", 0, 1),
  ],
  // <xs:complexType name="Supertip"> <xs:sequence> Title, Description (TaskPaneAppVersionOverridesV1_0.xsd).
  Supertip: [ov("Title", 1, 1), ov("Description", 1, 1)],
  // ShowTaskpane: TaskpaneId (minOccurs 0), SourceLocation (1), Title (0). [MS-OWEMXML] ShowTaskpane
  // (…/ms-owemxml/4b94ac5d-a8df-44f4-8433-81d43e35a2d7).
  ShowTaskpane: [ov("TaskpaneId", 0, 1), ov("SourceLocation", 1, 1), ov("Title", 0, 1)],
  ExecuteFunction: [ov("FunctionName", 1, 1)],
  // bt:Resources: Images, Urls, ShortStrings, LongStrings (manifest-element-ordering), each entry with Override.
  BtResources: [bt("Images", 0, 1, "BtImages"), bt("Urls", 0, 1, "BtUrls"), bt("ShortStrings", 0, 1, "BtStrings"), bt("LongStrings", 0, 1, "BtStrings")],
  BtImages: [bt("Image", 1, MANY, "BtOverridable")],
  BtUrls: [bt("Url", 1, MANY, "BtOverridable")],
  BtStrings: [bt("String", 1, MANY, "BtOverridable")],
  BtOverridable: [bt("Override", 0, MANY)],
  WebApplicationInfo: [ov("Id", 1, 1), ov("Resource", 0, 1), ov("Scopes", 0, 1, "Scopes")],
  Scopes: [ov("Scope", 1, MANY)],
  EquivalentAddins: [ov("EquivalentAddin", 1, MANY, "EquivalentAddin")],
  EquivalentAddin: [ov("ProgId", 0, 1), ov("DisplayName", 0, 1), ov("FileName", 0, 1), ov("Type", 1, 1)],
};

/** The root: `<OfficeApp xsi:type="TaskPaneApp">` in the manifest namespace. */
export const ROOT = { ns: NS.app, name: "OfficeApp", types: { TaskPaneApp: "TaskPaneApp" } as Record<string, string> };

export interface XmlElement {
  ns: string;
  name: string;
  attributes: Record<string, string>;
  /** `xsi:type`, local part. */
  xsiType: string | null;
  children: XmlElement[];
  /** Text directly inside the element. */
  text: string;
  path: string;
}

/** Checks an element tree against the rules; returns one message per violation (empty when valid). */
export function validateManifest(root: XmlElement): string[] {
  const errors: string[] = [];
  if (root.ns !== ROOT.ns || root.name !== ROOT.name) return [`root is {${root.ns}}${root.name}, not OfficeApp`];
  const type = root.xsiType ? ROOT.types[root.xsiType] : undefined;
  if (!type) return [`OfficeApp xsi:type ${root.xsiType} is not TaskPaneApp`];
  check(root, type, errors);
  return errors;
}

function typeOf(rule: ChildRule, el: XmlElement): string | undefined | null {
  if (rule.type === undefined || typeof rule.type === "string") return rule.type;
  return el.xsiType ? (rule.type[el.xsiType] ?? null) : null;
}

function check(el: XmlElement, type: string, errors: string[]): void {
  const sequence = SEQUENCES[type];
  if (!sequence) {
    errors.push(`${el.path}: no rules for type ${type}`);
    return;
  }
  let position = 0;
  const counts = new Map<ChildRule, number>();
  for (const child of el.children) {
    const index = sequence.findIndex((r) => r.ns === child.ns && r.name === child.name);
    if (index < 0) {
      errors.push(`${child.path}: <${child.name}> is not a valid child of <${el.name}>`);
      continue;
    }
    if (index < position) {
      errors.push(`${child.path}: <${child.name}> comes after <${sequence[position].name}>, but must come before it under <${el.name}>`);
      continue;
    }
    position = index;
    const rule = sequence[index];
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
    const childType = typeOf(rule, child);
    if (childType === null) errors.push(`${child.path}: xsi:type "${child.xsiType}" is not allowed for <${child.name}>`);
    else if (childType === undefined) {
      if (child.children.length) errors.push(`${child.path}: <${child.name}> has child elements, but may have none`);
    } else check(child, childType, errors);
  }
  for (const rule of sequence) {
    const n = counts.get(rule) ?? 0;
    if (n < rule.min) errors.push(`${el.path}: <${el.name}> lacks <${rule.name}>`);
    if (n > rule.max) errors.push(`${el.path}: <${el.name}> has ${n} <${rule.name}>, at most ${rule.max} allowed`);
  }
}
