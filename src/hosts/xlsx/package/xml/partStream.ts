/**
 * Hands a part's bytes to the byte scanner chunk by chunk, transcoding parts that are not UTF-8 (UTF-16 or UTF-32 by
 * byte-order mark or by their first bytes, or another encoding their declaration names: see encoding.ts) into UTF-8
 * on the way. The scanner itself reads UTF-8 only.
 */
import { UppfoljningError } from "../../../../findings/errors";
import { decoderFor, partEncoding, PartDecoder } from "./encoding";
import { refuseXml, XmlSyntaxError } from "./refusal";
import { ByteScanner } from "./scanner";

/** A part's bytes on their way to the scanner, as UTF-8. */
export class PartStream {
  private decoder: PartDecoder | null = null;
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
      chunk = this.start(joined);
    }
    if (!this.decoder) return this.scanner.write(chunk);
    this.scanner.write(Buffer.from(this.decode(chunk, true), "utf8"));
  }

  end(): void {
    if (this.head) {
      const joined = Buffer.concat(this.head, this.headLength);
      this.head = null;
      const rest = this.start(joined);
      if (rest.length) this.write(rest);
    }
    if (this.decoder) {
      const rest = this.decode(new Uint8Array(0), false);
      if (rest) this.scanner.write(Buffer.from(rest, "utf8"));
    }
    this.scanner.end();
  }

  /** Judges the encoding from the first bytes; returns them without a byte-order mark the decoder would see. */
  private start(head: Buffer): Buffer {
    let label: string, bom: number;
    try {
      ({ label, bom } = partEncoding(head));
    } catch (e) {
      throw e instanceof XmlSyntaxError ? refuseXml(e, this.file, this.part) : e;
    }
    this.decoder = decoderFor(label);
    // UTF-8's byte-order mark is the scanner's to drop.
    return this.decoder ? head.subarray(bom) : head;
  }

  private decode(bytes: Uint8Array, more: boolean): string {
    try {
      return (this.decoder as PartDecoder).decode(bytes, more);
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new UppfoljningError("XML_MALFORMED", { path: this.file, part: this.part, detail: e.reason });
      throw e;
    }
  }
}
