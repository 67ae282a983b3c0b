/**
 * How wide text prints, so that the report can size its columns, wrap its prose and decide its pages itself
 * instead of leaving it to each host. Widths are Calibri's advance widths (per 1000 units of the em; Carlito, the
 * metric-compatible font LibreOffice uses for Calibri, has the same), for the characters the report writes; any
 * other character counts as a wide one, so a measure never comes out too narrow.
 */

const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ÅÄÖåäöÉéÜüØøÆæ–—−…”’‘“→↑↓·×\u00a0";
const REGULAR = [226,326,401,498,507,715,682,221,303,303,498,498,250,306,252,386,507,507,507,507,507,507,507,507,507,507,268,268,498,498,498,463,894,579,544,533,615,488,459,631,623,252,319,520,420,855,646,662,517,673,543,459,487,642,567,890,519,487,468,307,386,307,498,498,291,479,525,423,525,498,305,471,525,229,239,455,229,799,525,527,525,525,349,391,335,525,452,715,433,453,395,314,460,314,498,579,579,662,479,479,527,488,498,642,525,664,529,763,773,498,905,498,690,418,250,250,418,905,905,905,252,498,550];
const BOLD = [226,326,438,498,507,729,705,233,312,312,498,498,258,306,267,430,507,507,507,507,507,507,507,507,507,507,276,276,498,498,498,463,898,606,561,529,630,488,459,637,631,267,331,547,423,874,659,676,532,686,563,473,495,653,591,906,551,520,478,325,430,325,498,498,300,494,537,418,537,503,316,474,537,246,255,480,246,813,537,538,537,537,355,399,347,537,473,745,459,474,397,344,475,344,498,606,606,676,494,494,538,488,503,653,537,681,544,775,775,498,905,498,711,435,258,258,435,905,905,905,268,498,550];
const WIDE = 620;

/** Characters Calibri lacks, set from the fallback font (DejaVu Sans, and Segoe UI Symbol in Excel): measured wide. */
const FALLBACK: Record<string, number> = { "█": 900 };

const regular = new Map<string, number>(Object.entries(FALLBACK));
const bold = new Map<string, number>(Object.entries(FALLBACK));
[...CHARS].forEach((c, i) => {
  regular.set(c, REGULAR[i]);
  bold.set(c, BOLD[i]);
});

/** Width of a text in points at a font size, as Calibri sets it. */
export function textWidth(text: string, size: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let units = 0;
  for (const c of text) units += table.get(c) ?? WIDE;
  return (units * size) / 1000;
}

/**
 * Excel's column width unit: the width of a column of `w` characters is `trunc((256·w + trunc(128/7)) / 256 · 7)`
 * pixels for the default font's maximum digit width of 7 pixels (Calibri 11), at 96 pixels per inch.
 */
export function columnPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** The narrowest column width (in Excel's character units) whose cells hold `points` of text beside the cell padding. */
export function widthForPoints(points: number): number {
  const px = Math.ceil(points / 0.75) + CELL_PADDING_PX;
  return Math.ceil(((px - 5) / 7) * 4) / 4;
}

/** Excel leaves about this many pixels of a cell's width unused beside its text (both sides together). */
export const CELL_PADDING_PX = 7;

/**
 * Breaks a text into lines no wider than `points`, only at spaces and at the line breaks the text has. A word wider
 * than the whole line stands alone on its line. Never returns an empty list.
 */
export function wrapLines(text: string, points: number, size: number, isBold = false): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (line !== "" && textWidth(candidate, size, isBold) > points) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** Height in points of one line of text at a font size, as Excel and LibreOffice set Calibri (12,75 at 10 pt). */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.3 * 4) / 4;
}

/**
 * The text a number shows with a number format, near enough to measure it: the format's decimals, Swedish digits,
 * a percent sign or a quoted suffix where the format has one. Text is itself.
 */
export function displayText(value: string | number | null, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  const fmt = (numberFormat ?? "").split(";")[0];
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length ?? (fmt === "" ? Math.min(6, (String(value).split(".")[1] ?? "").length) : 0);
  const percent = fmt.includes("%") && !/"[^"]*%[^"]*"/.test(fmt);
  const shown = percent ? value * 100 : value;
  const suffix = /"([^"]*)"\s*$/.exec(fmt)?.[1] ?? (percent ? " %" : "");
  const [int, frac] = Math.abs(shown).toFixed(decimals).split(".");
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + (frac ? "," + frac : "");
  return (shown < 0 ? "\u2212" : "") + body + suffix;
}
