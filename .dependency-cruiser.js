/**
 * The import rules of src/ (checked by test/architecture/imports.test.ts and `npm run lint`).
 *
 * Layers, lowest first; a module may import its own layer and the layers below it, never one above:
 *   core      references and the one set of address helpers, item kinds and units, text folding
 *   findings  the message catalogue (typed parameters per code), findings and thrown errors
 *   engine    pure calculations on the engine's input (settings belong here: they are part of that input)
 *   contract  reads the workbook contract's ranges into the engine's input, with findings; the report-sheet policy
 *   pipeline  contract → engine
 *   report    the report model, its layout, prose and JSON
 *   hosts     the file host (hosts/xlsx, with its package layer) and the Office host (hosts/office)
 * The two hosts do not import each other. Inside the package layer: zip/ and xml/ stand alone, read/ uses them, and
 * write/ uses all three. Nothing may import in a circle. The layers below the hosts use no Node built-ins.
 */
const LAYERS = ["core", "findings", "engine", "contract", "pipeline", "report", "hosts"];
const PATHS = {
  core: "^src/core/",
  findings: "^src/findings/",
  engine: "^src/engine/",
  contract: "^src/contract/",
  pipeline: "^src/pipeline(\\.ts$|/)",
  report: "^src/report/",
  hosts: "^src/hosts/",
};

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer}`,
  comment: `${layer} may import only ${LAYERS.slice(0, i + 1).join(", ")}`,
  severity: "error",
  from: { path: PATHS[layer] },
  to: { path: LAYERS.slice(i + 1).map((l) => PATHS[l]) },
}));

const PACKAGE = "^src/hosts/xlsx/package/";

module.exports = {
  forbidden: [
    ...upward,
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    { name: "office-not-xlsx", severity: "error", from: { path: "^src/hosts/office/" }, to: { path: "^src/hosts/xlsx/" } },
    { name: "xlsx-not-office", severity: "error", from: { path: "^src/hosts/xlsx/" }, to: { path: "^src/hosts/office/" } },
    { name: "package-zip-alone", severity: "error", from: { path: `${PACKAGE}zip/` }, to: { path: `${PACKAGE}(xml|read|write)/` } },
    { name: "package-xml-alone", severity: "error", from: { path: `${PACKAGE}xml/` }, to: { path: `${PACKAGE}(zip|read|write)/` } },
    { name: "package-read-not-write", severity: "error", from: { path: `${PACKAGE}read/` }, to: { path: `${PACKAGE}write/` } },
    {
      name: "pure-below-hosts",
      comment: "core, findings, engine, contract, pipeline and report are pure: no file system, threads or processes",
      severity: "error",
      from: { path: "^src/(core|findings|engine|contract|pipeline|report)(/|\\.ts$)" },
      to: { dependencyTypes: ["core"] },
    },
    { name: "no-unresolvable", severity: "error", from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "\\.html$" },
  },
};
