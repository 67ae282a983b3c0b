/**
 * Reads the shared-string table as a stream, keeping only the strings that kept cells use: a ledger whose
 * table holds a million unique texts costs memory only for the few thousand the contract's ranges refer to.
 * Rich-text runs are joined, phonetic runs (`rPh`) left out, OOXML escapes (`_x000D_`) decoded. The table is held
 * to its schema's nesting: `<si>` only directly in `<sst>`, text only inside an `<si>`; anything else would shift
 * the indices the cells use, and is refused.
 */
import { LIMITS } from "../limits";
import { SPREADSHEET_NS } from "../namespaces";
import { ByteScanner, ScanHandler } from "../xml/scanner";
import { decodeOoxml } from "./cellValue";
import { StringPool } from "./grid";
import { textUpTo } from "./sheetReader";

const C_SI = 1, C_T = 2, C_RPH = 3;

export class SharedStringsReader implements ScanHandler {
  wantText = false;
  /** How many strings the table holds. */
  count = 0;
  private scanner!: ByteScanner;
  /** The depth of the open `<si>` (0: none). */
  private siDepth = 0;
  private keep = false;
  private phonetic = 0;
  private pieces: string[] = [];
  private chars = 0;
  /** Indices of strings cut at Excel's cell limit. */
  readonly truncated = new Set<number>();

  constructor(
    private readonly wanted: ReadonlySet<number>,
    private readonly pool: StringPool,
  ) {}

  attach(part: string, path: string): ByteScanner {
    this.scanner = new ByteScanner(this, part, path);
    return this.scanner;
  }

  code(ns: string, local: string): number {
    if (!SPREADSHEET_NS.includes(ns)) return 0;
    return local === "si" ? C_SI : local === "t" ? C_T : local === "rPh" ? C_RPH : 0;
  }

  open(code: number, empty: boolean): void {
    const s = this.scanner;
    const depth = empty ? s.level + 1 : s.level;
    if (code === C_SI) {
      if (this.siDepth !== 0 || depth !== 2) s.malformed(this.siDepth !== 0 ? "en delad text står inne i en annan" : "en delad text står inne i ett annat element");
      this.siDepth = depth;
      this.keep = this.wanted.has(this.count);
      this.pieces = [];
      this.chars = 0;
      this.phonetic = 0;
    } else if (this.siDepth === 0) s.malformed("text står utanför en delad text");
    else if (code === C_RPH) this.phonetic++;
    else if (code === C_T && this.keep && this.phonetic === 0) this.wantText = true;
  }

  close(code: number): void {
    if (code === C_SI) {
      if (this.keep) {
        let text = decodeOoxml(this.pieces.join(""));
        if (text.length > LIMITS.maxCellChars || this.chars > LIMITS.maxCellChars) {
          text = text.slice(0, LIMITS.maxCellChars);
          this.truncated.add(this.count);
        }
        this.pool.setShared(this.count, text);
      }
      this.count++;
      this.siDepth = 0;
      this.keep = false;
    } else if (code === C_RPH) this.phonetic--;
    else if (code === C_T) this.wantText = false;
  }

  text(buf: Buffer, start: number, end: number, hasRef: boolean): void {
    if (this.chars > LIMITS.maxCellChars) return;
    const t = textUpTo(buf, start, end, hasRef, LIMITS.maxCellChars + 1 - this.chars);
    this.pieces.push(t);
    this.chars += t.length;
  }
}
