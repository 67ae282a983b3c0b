import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasProgram } from "./system";

/**
 * Microsoft's XSDs for the add-in-only XML manifest, beside the project at ../shared/schemas (where developers and CI
 * have them; their README gives their source and the corrections made). The top schema imports the others by
 * relative path, so xmllint is given only this one.
 */
export const MANIFEST_XSD = path.join(__dirname, "..", "..", "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");

/**
 * Whether manifests can be validated here: xmllint (Debian's libxml2-utils) and the schemas. Without them the tests are
 * skipped with a visible warning, except under CI=true, where that fails the run (.ci/run installs libxml2-utils).
 */
export function schemaAvailable(): boolean {
  if (!hasProgram("xmllint", "libxml2-utils")) return false;
  if (fs.existsSync(MANIFEST_XSD)) return true;
  const message = `Manifestets XSD saknas (${MANIFEST_XSD}); testerna mot Microsofts schema hoppas över.`;
  if (process.env.CI === "true") throw new Error(`${message} Under CI=true måste schemat finnas i ../shared/schemas.`);
  console.warn(`VARNING: ${message}`);
  return false;
}

/** Validates manifest XML against the XSDs with `xmllint --noout --schema`; the output is xmllint's own words. */
export function validateAgainstXsd(xml: string): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  return validateFile(file);
}

export function validateFile(file: string): { ok: boolean; output: string } {
  try {
    const out = execFileSync("xmllint", ["--noout", "--schema", MANIFEST_XSD, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { ok: true, output: out + `${path.basename(file)} validates` };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}
