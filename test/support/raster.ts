/**
 * A rendered PDF page as pixels, for tests that look at what LibreOffice drew: poppler's `pdftoppm` writes by default a
 * binary PPM (P6), a header and then three bytes a pixel, which needs no image library to read.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface Raster {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  rgb(x: number, y: number): [number, number, number];
}

/** Reads a binary PPM (P6, 8 bits a sample). */
export function readPpm(bytes: Buffer, scale = 1): Raster {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]))) pos++;
      if (bytes[pos] !== 0x23) break;
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]))) pos++;
    return bytes.toString("latin1", start, pos);
  };
  if (token() !== "P6") throw new Error("not a binary PPM");
  const width = Number(token()), height = Number(token()), max = Number(token());
  if (max !== 255) throw new Error(`PPM with ${max} levels`);
  const data = pos + 1;
  return {
    width,
    height,
    scale,
    rgb: (x, y) => {
      const i = data + (y * width + x) * 3;
      return [bytes[i], bytes[i + 1], bytes[i + 2]];
    },
  };
}

/** Renders one page of a PDF (1-based) at `dpi` and reads it. */
export function renderPage(pdf: string, page: number, dpi: number, dir: string): Raster {
  const stem = path.join(dir, `raster-${page}`);
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, stem], { timeout: 60_000 });
  return readPpm(fs.readFileSync(`${stem}.ppm`), dpi / 72);
}

/** How many pixels within a box (in PDF points) are within `tolerance` of a colour (`RRGGBB`) in every channel. */
export function countColour(r: Raster, box: { x0: number; y0: number; x1: number; y1: number }, colour: string, tolerance = 12): number {
  const want = [0, 2, 4].map((i) => parseInt(colour.slice(i, i + 2), 16));
  let n = 0;
  const x0 = Math.max(0, Math.floor(box.x0 * r.scale)), x1 = Math.min(r.width, Math.ceil(box.x1 * r.scale));
  const y0 = Math.max(0, Math.floor(box.y0 * r.scale)), y1 = Math.min(r.height, Math.ceil(box.y1 * r.scale));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = r.rgb(x, y);
      if (Math.abs(p[0] - want[0]) <= tolerance && Math.abs(p[1] - want[1]) <= tolerance && Math.abs(p[2] - want[2]) <= tolerance) n++;
    }
  }
  return n;
}
