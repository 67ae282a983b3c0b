/**
 * The zip container of an .xlsx package, read with Node's native zlib (write.ts writes one). Every claim the file makes
 * (entry count, names, offsets, declared sizes) is checked against the limits before any inflating, and inflated
 * bytes are counted while inflating, wherever it happens, so a lying header or a decompression bomb stops at the
 * limit, not at the end. Every entry is inflated once and its size and CRC checked, also the ones that are only
 * copied (verifyRest), so that a copy never carries a part that cannot be read.
 */
import * as zlib from "zlib";
import { UppfoljningError } from "../../../../findings/errors";
import { LIMITS } from "../limits";

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/** One entry of the zip as its central directory describes it, after checking. */
export interface ZipEntry {
  /** The name as stored, decoded (some producers write `\\` for `/`). */
  name: string;
  /** The name's bytes as stored, and whether flag bit 11 (UTF-8) was set: a copy keeps both. */
  rawName: Buffer;
  /** The part name it stands for: `/` as separator, no leading slash (a folder ends in `/`). */
  part: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Declared inflated size. The actual size is checked against it while inflating. */
  size: number;
  /** Where the compressed data starts in the file. */
  dataOffset: number;
  modTime: number;
  modDate: number;
  isFolder: boolean;
}

/** How inflated bytes are bounded: per part (by kind), per ratio, and for the whole package. */
export type PartKind = "tree" | "stream";

/** A zip package read from bytes, with an inflation budget shared by all reads from it. */
export class ZipArchive {
  private inflatedTotal = 0;
  private readonly byLowerName = new Map<string, ZipEntry>();
  /** Entries inflated whole and found to be the size and CRC they claim (here, or on the worker thread). */
  private readonly verified = new Set<ZipEntry>();

  constructor(
    readonly bytes: Buffer,
    readonly entries: readonly ZipEntry[],
    /** The file, for messages. */
    readonly path: string,
  ) {
    for (const e of entries) this.byLowerName.set(e.part.toLowerCase(), e);
  }

  /** The entry of a part name (without leading slash), compared without regard to case as OPC requires. */
  entry(name: string): ZipEntry | null {
    return this.byLowerName.get(name.toLowerCase()) ?? null;
  }

  private capFor(entry: ZipEntry, kind: PartKind): { cap: number; code: "PART_TOO_LARGE" | "PART_RATIO_TOO_HIGH" | "PACKAGE_INFLATED_TOO_LARGE" } {
    const kindCap = kind === "tree" ? LIMITS.maxTreePartBytes : LIMITS.maxPartBytes;
    const ratioCap = Math.max(LIMITS.ratioFloorBytes, LIMITS.maxRatio * entry.compressedSize);
    const totalCap = LIMITS.maxTotalBytes - this.inflatedTotal;
    if (totalCap <= Math.min(kindCap, ratioCap)) return { cap: totalCap, code: "PACKAGE_INFLATED_TOO_LARGE" };
    return ratioCap < kindCap ? { cap: ratioCap, code: "PART_RATIO_TOO_HIGH" } : { cap: kindCap, code: "PART_TOO_LARGE" };
  }

  private refuse(entry: ZipEntry, kind: PartKind): never {
    const { cap, code } = this.capFor(entry, kind);
    if (code === "PART_RATIO_TOO_HIGH") throw new UppfoljningError(code, { path: this.path, part: entry.name, limit: LIMITS.maxRatio });
    if (code === "PACKAGE_INFLATED_TOO_LARGE") throw new UppfoljningError(code, { path: this.path, limit: LIMITS.maxTotalBytes });
    throw new UppfoljningError(code, { path: this.path, part: entry.name, limit: cap });
  }

  /**
   * Checks the declared size against the limits before any work. Inflating then stops as soon as a part passes
   * its declared size, so the limits hold for what is inflated as well as for what is claimed.
   */
  private admit(entry: ZipEntry, kind: PartKind): void {
    const { cap } = this.capFor(entry, kind);
    if (entry.size > cap) this.refuse(entry, kind);
    if (entry.method === 0 && entry.size !== entry.compressedSize) this.broken(entry);
  }

  /**
   * Admits a part that another thread will inflate (from a copy of its compressed bytes, checking size and CRC
   * there) and counts its declared size in this package's total now, so that the package's limits still hold.
   */
  reserve(entry: ZipEntry, kind: PartKind = "stream"): void {
    this.admit(entry, kind);
    this.inflatedTotal += entry.size;
  }

  private account(entry: ZipEntry, actual: number, crc: number): void {
    if (actual !== entry.size || crc !== entry.crc) this.broken(entry);
    this.inflatedTotal += actual;
    this.verified.add(entry);
  }

  /** Notes that another thread inflated `entry` whole and found its size and CRC right (see reserve). */
  markVerified(entry: ZipEntry): void {
    this.verified.add(entry);
  }

  /** A part whose data does not inflate, or not to the size and CRC its headers give. */
  private broken(entry: ZipEntry): never {
    throw new UppfoljningError("PART_CORRUPT", { path: this.path, part: entry.part });
  }

  /** The raw (still compressed) bytes of an entry, for copying it unchanged. */
  raw(entry: ZipEntry): Buffer {
    return this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /** Inflates a whole part into memory, within the limits for its kind and never past its declared size. */
  inflate(entry: ZipEntry, kind: PartKind = "tree"): Buffer {
    this.admit(entry, kind);
    const raw = this.raw(entry);
    let out: Buffer;
    if (entry.method === 0) out = raw;
    else {
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) this.lied(entry);
        this.broken(entry);
      }
    }
    this.account(entry, out.length, zlib.crc32(out));
    return out;
  }

  /** A part that inflates past the size its header declares: stopped there, never inflated to the end. */
  private lied(entry: ZipEntry): never {
    throw new UppfoljningError("PART_SIZE_MISMATCH", { path: this.path, part: entry.part });
  }

  /**
   * Inflates a part as a stream of chunks on the thread pool, handing each to `onChunk` as it comes, so that a
   * large sheet is never whole in memory. Stops at the limit for its kind with a refusal.
   *
   * Inflating and consuming overlap: chunks are queued as zlib delivers them and consumed on the next turn, so
   * that zlib inflates the next chunk on the thread pool while `onChunk` works on this one. Read-ahead is bounded
   * (the inflater pauses at {@link READ_AHEAD_BYTES} queued) and sizes are checked as chunks arrive, so neither
   * memory nor a lying size can run away.
   */
  async inflateStream(entry: ZipEntry, onChunk: (chunk: Buffer) => void, kind: PartKind = "stream"): Promise<void> {
    this.admit(entry, kind);
    const raw = this.raw(entry);
    let total = 0;
    let crc = 0;
    const arrive = (chunk: Buffer) => {
      total += chunk.length;
      if (total > entry.size) this.lied(entry);
      crc = zlib.crc32(chunk, crc);
    };
    if (entry.method === 0) {
      for (let at = 0; at < raw.length; at += 1 << 20) {
        const chunk = raw.subarray(at, Math.min(raw.length, at + (1 << 20)));
        arrive(chunk);
        onChunk(chunk);
      }
    } else {
      await new Promise<void>((resolve, reject) => {
        const inflater = zlib.createInflateRaw({ chunkSize: 1 << 20 });
        const queue: Buffer[] = [];
        let queued = 0;
        let ended = false;
        let scheduled = false;
        let failed = false;
        const fail = (e: unknown) => {
          if (failed) return;
          failed = true;
          queue.length = 0;
          inflater.destroy();
          reject(e);
        };
        const consume = () => {
          scheduled = false;
          if (failed) return;
          const chunk = queue.shift();
          if (chunk) {
            queued -= chunk.length;
            try {
              onChunk(chunk);
            } catch (e) {
              return fail(e);
            }
          }
          if (inflater.isPaused() && queued < READ_AHEAD_BYTES / 2) inflater.resume();
          if (queue.length > 0) schedule();
          else if (ended) resolve();
        };
        const schedule = () => {
          if (scheduled) return;
          scheduled = true;
          setImmediate(consume);
        };
        inflater.on("data", (chunk: Buffer) => {
          if (failed) return;
          try {
            arrive(chunk);
          } catch (e) {
            return fail(e);
          }
          queue.push(chunk);
          queued += chunk.length;
          if (queued >= READ_AHEAD_BYTES) inflater.pause();
          schedule();
        });
        inflater.on("error", () => fail(new UppfoljningError("PART_CORRUPT", { path: this.path, part: entry.part })));
        inflater.on("end", () => {
          ended = true;
          if (!failed && queue.length === 0 && !scheduled) resolve();
        });
        inflater.end(raw);
      });
    }
    this.account(entry, total, crc);
  }

  /**
   * Inflates every entry not yet read whole (those that are only copied), within the same limits as any read and
   * counted in the same total, checking its size and CRC; `look` sees each one's first bytes (at most `headBytes`)
   * and may refuse it. Small entries are inflated at once, large ones as a stream, never whole in memory.
   */
  async verifyRest(look: (entry: ZipEntry, head: Buffer, complete: boolean) => void, headBytes: number): Promise<void> {
    for (const entry of this.entries) {
      if (entry.isFolder || this.verified.has(entry)) continue;
      if (entry.size <= VERIFY_AT_ONCE_BYTES) {
        const data = this.inflate(entry, "stream");
        look(entry, data.subarray(0, headBytes), data.length <= headBytes);
        continue;
      }
      let head: Buffer | null = Buffer.alloc(0);
      await this.inflateStream(entry, (chunk) => {
        if (head === null) return;
        head = Buffer.concat([head, chunk.subarray(0, headBytes - head.length)]);
        if (head.length >= headBytes) {
          look(entry, head, false);
          head = null;
        }
      });
      if (head !== null) look(entry, head, true);
    }
  }
}

/** Entries up to this size are inflated in one call when verified; larger ones as a stream. */
const VERIFY_AT_ONCE_BYTES = 4 << 20;

/** How far inflating may run ahead of the part's reader. */
const READ_AHEAD_BYTES = 8 << 20;

function corrupt(path: string): never {
  throw new UppfoljningError("FILE_NOT_WORKBOOK", { path });
}

/** Code page 437 from 0x80 on: the zip format's encoding for names without flag bit 11 (APPNOTE 6.3.2, appendix D). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

/**
 * A stored name as text: UTF-8 with flag bit 11; without it, UTF-8 when the bytes are valid UTF-8 (as many producers
 * write names without setting the flag), otherwise code page 437 as the format says.
 */
function decodeName(bytes: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let s = "";
    for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
    return s;
  }
}

/**
 * Whether a part name (separators already `/`) is valid: relative, with no `.`, `..` or empty segments, no
 * drive letter and no control characters.
 */
export function isValidPartName(name: string): boolean {
  if (name === "" || name.startsWith("/") || (name.length > 1 && name[1] === ":")) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) < 0x20 || name.charCodeAt(i) === 0x7f) return false;
  const segments = name.endsWith("/") ? name.slice(0, -1).split("/") : name.split("/");
  return segments.every((s) => s !== "" && s !== "." && s !== "..");
}

interface Eocd {
  count: number;
  cdSize: number;
  cdOffset: number;
}

function findEocd(b: Buffer, path: string): Eocd {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= min; at--) {
    if (b.readUInt32LE(at) !== SIG_EOCD) continue;
    const commentLength = b.readUInt16LE(at + 20);
    if (at + 22 + commentLength > b.length) continue;
    const disk = b.readUInt16LE(at + 4), cdDisk = b.readUInt16LE(at + 6);
    let count = b.readUInt16LE(at + 10);
    let cdSize = b.readUInt32LE(at + 12);
    let cdOffset = b.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = at - 20;
      if (loc < 0 || b.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR) corrupt(path);
      const rec = Number(b.readBigUInt64LE(loc + 8));
      if (rec + 56 > b.length || b.readUInt32LE(rec) !== SIG_EOCD64) corrupt(path);
      count = Number(b.readBigUInt64LE(rec + 32));
      cdSize = Number(b.readBigUInt64LE(rec + 40));
      cdOffset = Number(b.readBigUInt64LE(rec + 48));
    } else if (disk !== 0 || cdDisk !== 0) corrupt(path);
    if (cdOffset + cdSize > at && count > 0) continue;
    return { count, cdSize, cdOffset };
  }
  corrupt(path);
}

/** Reads and checks a zip's central directory. Throws a Swedish refusal for anything a workbook cannot be. */
export function readZip(bytes: Buffer, path: string): ZipArchive {
  if (bytes.length > LIMITS.maxFileBytes) throw new UppfoljningError("FILE_TOO_LARGE", { path, limit: LIMITS.maxFileBytes });
  const { count, cdOffset, cdSize } = findEocd(bytes, path);
  if (count > LIMITS.maxEntries) throw new UppfoljningError("PACKAGE_TOO_MANY_PARTS", { path, count, limit: LIMITS.maxEntries });
  if (cdOffset + cdSize > bytes.length) corrupt(path);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== SIG_CENTRAL) corrupt(path);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const modTime = bytes.readUInt16LE(at + 12);
    const modDate = bytes.readUInt16LE(at + 14);
    const crc = bytes.readUInt32LE(at + 16);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let localOffset = bytes.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) corrupt(path);
    const rawName = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength));
    const name = decodeName(rawName, (flags & 0x800) !== 0);
    // Zip64 sizes and offset, in the order the fields were saturated.
    let x = at + 46 + nameLength;
    const xEnd = x + extraLength;
    while (x + 4 <= xEnd) {
      const id = bytes.readUInt16LE(x), len = bytes.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (size === 0xffffffff && p + 8 <= x + 4 + len) {
          size = Number(bytes.readBigUInt64LE(p));
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= x + 4 + len) {
          compressedSize = Number(bytes.readBigUInt64LE(p));
          p += 8;
        }
        if (localOffset === 0xffffffff && p + 8 <= x + 4 + len) localOffset = Number(bytes.readBigUInt64LE(p));
      }
      x += 4 + len;
    }
    at = end;
    // Some producers separate folders with a backslash; the part is the same, the stored name is kept for copying.
    const part = name.split("\\").join("/");
    if (!isValidPartName(part)) throw new UppfoljningError("PART_NAME_INVALID", { path, part: name.slice(0, 200) });
    const key = part.toLowerCase();
    if (seen.has(key)) throw new UppfoljningError("PART_NAME_TWICE", { path, part: name.slice(0, 200) });
    seen.add(key);
    if (flags & 0x1) throw new UppfoljningError("FILE_ENCRYPTED", { path });
    if (method !== 0 && method !== 8) corrupt(path);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== SIG_LOCAL) corrupt(path);
    const localNameLength = bytes.readUInt16LE(localOffset + 26);
    const localExtraLength = bytes.readUInt16LE(localOffset + 28);
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > bytes.length) corrupt(path);
    if (!bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength).equals(bytes.subarray(at - commentLength - extraLength - nameLength, at - commentLength - extraLength))) corrupt(path);
    entries.push({ name, rawName, part, method, flags, crc, compressedSize, size, dataOffset, modTime, modDate, isFolder: part.endsWith("/") });
  }
  // Entries that share bytes (a known bomb technique) cannot come from a real producer.
  const spans = entries.map((e) => [e.dataOffset, e.dataOffset + e.compressedSize] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) corrupt(path);
  return new ZipArchive(bytes, entries, path);
}
