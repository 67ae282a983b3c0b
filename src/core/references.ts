/**
 * Where things are in a workbook, and the one set of helpers that turns positions into Excel's addresses and back.
 * Inside, positions are numbers (zero-based rows and columns of a sheet); text such as `Blad!C7` or `A1:F40` is made
 * and read only here, for messages, for Office.js ranges and for the package's XML.
 *
 *   columnLetters(27)                                   // "AB"
 *   formatAddress({ sheet: "Mitt blad", row: 6, col: 2 })  // "'Mitt blad'!C7"
 *   rangeAddress(0, 0, 3, 2)                            // "A1:B3"
 *   parseRangeRef("B2:$D$9")                            // { top: 2, left: 2, bottom: 9, right: 4 }
 */

/** Excel's own extent of a sheet. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** A zero-based position in a sheet; turned into `Blad!C7` only at the edges. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A row's origin: the input range and the cell of its first column. */
export interface SourceRef {
  range: string;
  at: CellRef;
}

/** A rectangle of a sheet, 1-based and inclusive, as Excel numbers rows and columns. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column number (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters (A–Z, upper case) to the 1-based column number: A → 1, AB → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** `C7` for zero-based row 6 and column 2. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `A1:C3` for a block of `rows` × `cols` cells from zero-based (row, col); a single cell is `A1`. */
export function rangeAddress(row: number, col: number, rows = 1, cols = 1): string {
  const first = cellAddress(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** `$A$1:$C$3`, absolute, as chart series and defined names write a range (a single cell is `$A$1`). */
export function absoluteRangeAddress(row: number, col: number, rows = 1, cols = 1): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  return rows === 1 && cols === 1 ? cell(row, col) : `${cell(row, col)}:${cell(row + rows - 1, col + cols - 1)}`;
}

/** `A:C` for whole columns (zero-based first and last). */
export function columnsAddress(first: number, last = first): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

/**
 * A sheet name as it stands before `!` in a reference: bare when it is only letters (any alphabet), digits and `_`,
 * does not start with a digit and cannot be read as a cell (`AB12`, `R1C1`); otherwise in apostrophes, with its own
 * apostrophes doubled. Excel and LibreOffice read both forms; a quoted name is never wrong.
 */
export function quoteSheetName(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Blad!C7`, the sheet quoted the way Excel writes it. */
export function formatAddress(ref: CellRef): string {
  return `${quoteSheetName(ref.sheet)}!${cellAddress(ref.row, ref.col)}`;
}

/** `'Mitt blad'!C7` (or `Blad!A1:B4`) into the sheet name and the local part; null without a sheet. */
export function splitSheetAddress(address: string): { sheet: string; local: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  const s = address.slice(0, bang);
  const quoted = s.length >= 2 && s.startsWith("'") && s.endsWith("'");
  return { sheet: quoted ? s.slice(1, -1).replace(/''/g, "'") : s, local: address.slice(bang + 1) };
}

/** `C7` or `$C$7` into its 1-based row and column, within Excel's limits; null when it is no cell. */
export function parseA1(cell: string): { row: number; col: number } | null {
  let k = 0, col = 0, row = 0;
  if (cell[k] === "$") k++;
  const c0 = k;
  while (k < cell.length && cell.charCodeAt(k) >= 65 && cell.charCodeAt(k) <= 90) col = col * 26 + (cell.charCodeAt(k++) - 64);
  if (k === c0 || k - c0 > 3) return null;
  if (cell[k] === "$") k++;
  const r0 = k;
  while (k < cell.length && cell.charCodeAt(k) >= 48 && cell.charCodeAt(k) <= 57) row = row * 10 + (cell.charCodeAt(k++) - 48);
  if (k === r0 || k !== cell.length || k - r0 > 7) return null;
  if (row < 1 || row > SHEET_ROWS || col > SHEET_COLUMNS) return null;
  return { row, col };
}

/** `A1:C3` (or `A1`) → a rectangle, bounded by Excel's limits; null when it is not a reference. */
export function parseRangeRef(ref: string): Rect | null {
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * A cell reference written in ASCII bytes, as sheets write them (`B12`: 1 to 3 upper-case letters, 1 to 7 digits,
 * no `$`), into `at` as its 1-based row and column; false when the bytes are no such reference. For the sheet
 * reader's innermost loop: no string or object is made. The row and column are not checked against Excel's limits.
 */
export function parseA1Bytes(b: Uint8Array, start: number, end: number, at: { row: number; col: number }): boolean {
  let k = start, col = 0, row = 0;
  while (k < end && b[k] >= 65 && b[k] <= 90 && k - start < 3) col = col * 26 + (b[k++] - 64);
  const digits = k;
  while (k < end && b[k] >= 48 && b[k] <= 57 && k - digits < 7) row = row * 10 + (b[k++] - 48);
  if (col === 0 || k !== end || digits === end) return false;
  at.row = row;
  at.col = col;
  return true;
}
