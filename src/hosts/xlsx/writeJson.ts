/** The `--json` document as bytes: two-space indentation, a final newline. */
export function writeJson(doc: object): Buffer {
  return Buffer.from(JSON.stringify(doc, null, 2) + "\n", "utf8");
}
