/**
 * Reads the shared-string table as a stream, keeping only the strings that kept cells use: a ledger whose
 * table holds a million unique texts costs memory only for the few thousand the contract's ranges refer to.
 * Rich-text runs are joined, phonetic runs (`rPh`) left out, OOXML escapes (`_x000D_`) decoded.
 */
import { LIMITS } from "../limits";
import { SPREADSHEET_NS } from "../namespaces";
import { decodeText, normaliseNewlines } from "../xml/chars";
import { ByteScanner, ScanHandler } from "../xml/scanner";
import { decodeOoxml } from "./cellValue";

const C_SI = 1, C_T = 2, C_RPH = 3;

export class SharedStringsReader implements ScanHandler {
  wantText = false;
  /** How many strings the table holds. */
  count = 0;
  private scanner!: ByteScanner;
  private inSi = false;
  private keep = false;
  private phonetic = 0;
  private pieces: string[] = [];
  private chars = 0;
  /** Indices of strings cut at Excel's cell limit. */
  readonly truncated = new Set<number>();

  constructor(
    private readonly wanted: ReadonlySet<number>,
    private readonly into: Map<number, string>,
  ) {}

  attach(part: string, path: string): ByteScanner {
    this.scanner = new ByteScanner(this, part, path);
    return this.scanner;
  }

  code(ns: string, local: string): number {
    if (!SPREADSHEET_NS.includes(ns)) return 0;
    return local === "si" ? C_SI : local === "t" ? C_T : local === "rPh" ? C_RPH : 0;
  }

  open(code: number): void {
    if (code === C_SI) {
      this.inSi = true;
      this.keep = this.wanted.has(this.count);
      this.pieces = [];
      this.chars = 0;
      this.phonetic = 0;
    } else if (code === C_RPH) this.phonetic++;
    else if (code === C_T && this.inSi && this.keep && this.phonetic === 0) this.wantText = true;
  }

  close(code: number): void {
    if (code === C_SI) {
      if (this.keep) {
        let text = decodeOoxml(this.pieces.join(""));
        if (text.length > LIMITS.maxCellChars) {
          text = text.slice(0, LIMITS.maxCellChars);
          this.truncated.add(this.count);
        }
        this.into.set(this.count, text);
      }
      this.count++;
      this.inSi = false;
      this.keep = false;
    } else if (code === C_RPH) this.phonetic--;
    else if (code === C_T) this.wantText = false;
  }

  text(buf: Buffer, start: number, end: number, hasRef: boolean): void {
    if (this.chars > LIMITS.maxCellChars) return;
    const cap = Math.min(end, start + (LIMITS.maxCellChars + 1) * 4);
    const s = buf.toString("utf8", start, cap);
    const t = hasRef ? decodeText(s, false) : normaliseNewlines(s);
    this.pieces.push(t);
    this.chars += t.length;
  }
}
