/**
 * Hands a part's bytes to the byte scanner chunk by chunk, transcoding parts that are not UTF-8 (UTF-16 by
 * byte-order mark or by its first bytes, or another encoding their declaration names: see prolog.ts) into UTF-8 on
 * the way. The scanner itself reads UTF-8 only.
 */
import { UppfoljningError } from "../../../../findings/errors";
import { sniffEncoding } from "./prolog";
import { ByteScanner } from "./scanner";

/** A part's bytes on their way to the scanner, as UTF-8. */
export class PartStream {
  private decoder: TextDecoder | null = null;
  /** The first bytes, held until the encoding can be judged from them. */
  private head: Buffer[] | null = [];
  private headLength = 0;

  constructor(
    private readonly scanner: ByteScanner,
    private readonly file: string,
    private readonly part: string,
  ) {}

  write(chunk: Buffer): void {
    if (this.head) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      const joined = Buffer.concat(this.head, this.headLength);
      if (joined.length < 256 && joined.indexOf("?>") < 0) return;
      this.head = null;
      this.decoder = decoderFor(joined, this.file, this.part);
      chunk = joined;
    }
    if (!this.decoder) return this.scanner.write(chunk);
    this.scanner.write(Buffer.from(this.decode(() => (this.decoder as TextDecoder).decode(chunk, { stream: true })), "utf8"));
  }

  end(): void {
    if (this.head) {
      const joined = Buffer.concat(this.head, this.headLength);
      this.head = null;
      this.decoder = decoderFor(joined, this.file, this.part);
      if (joined.length) this.write(joined);
    }
    if (this.decoder) {
      const rest = this.decode(() => (this.decoder as TextDecoder).decode());
      if (rest) this.scanner.write(Buffer.from(rest, "utf8"));
    }
    this.scanner.end();
  }

  private decode(run: () => string): string {
    try {
      return run();
    } catch {
      throw new UppfoljningError("XML_MALFORMED", { path: this.file, part: this.part, detail: "ogiltiga tecken för teckenkodningen" });
    }
  }
}

/** A decoder for parts that are not UTF-8, judged from their first bytes; null for UTF-8 (the scanner reads it). */
function decoderFor(head: Buffer, file: string, part: string): TextDecoder | null {
  const { label } = sniffEncoding(head);
  if (label === "utf-8") return null;
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new UppfoljningError("XML_MALFORMED", { path: file, part, detail: `okänd teckenkodning ${label}` });
  }
}
