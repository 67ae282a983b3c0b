/**
 * The physical floor for reading a workbook in Node, measured on the same file as the command line: read the file,
 * inflate every worksheet part and the shared strings with native zlib, and pull every `<v>` number out with one
 * `Buffer.indexOf` pass. No XML checks, no strings, no contract. Anything that reads the file must do at least this.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { readZip } from "../../src/hosts/xlsx/package/zip/archive";

/** Returns the count and sum of the numbers found (so that the pass cannot be optimised away) and the bytes inflated. */
export function floorRead(file: string): { values: number; sum: number; inflatedBytes: number } {
  const bytes = fs.readFileSync(file);
  const zip = readZip(bytes, file);
  let values = 0, sum = 0, inflatedBytes = 0;
  const open = Buffer.from("<v>");
  for (const e of zip.entries) {
    if (!/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(e.part)) continue;
    const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const xml = e.method === 8 ? zlib.inflateRawSync(raw) : raw;
    inflatedBytes += xml.length;
    for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + 3)) {
      let k = at + 3, v = 0, neg = false;
      if (xml[k] === 45) {
        neg = true;
        k++;
      }
      while (xml[k] >= 48 && xml[k] <= 57) v = v * 10 + (xml[k++] - 48);
      sum += neg ? -v : v;
      values++;
    }
  }
  return { values, sum, inflatedBytes };
}
