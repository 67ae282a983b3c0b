/**
 * A small raw zip writer for the hostile-file suite. Unlike a library it will write what a hostile file holds:
 * local and central headers whose sizes and CRC differ from the data, data descriptors, zip64 records, any entry
 * name (absolute, `..`, backslashes, duplicates), and entries whose deflate stream is built from repeated
 * pieces, so that a part inflating to gigabytes is made in milliseconds without ever existing in memory.
 */
import * as zlib from "zlib";

// CRC-32 (IEEE), and zlib's crc32_combine so the CRC of repeated data is computed without the data.
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Buffer, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]);
}

/** CRC of A followed by B, from crc(A), crc(B) and B's length (zlib's crc32_combine). */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let c1 = crc1 >>> 0;
  let len = len2;
  do {
    gf2Square(even, odd);
    if (len % 2) c1 = gf2Times(even, c1);
    len = Math.floor(len / 2);
    if (!len) break;
    gf2Square(odd, even);
    if (len % 2) c1 = gf2Times(odd, c1);
    len = Math.floor(len / 2);
  } while (len);
  return (c1 ^ crc2) >>> 0;
}

/** An entry's data already deflated (raw deflate), with its true inflated size and CRC. */
export interface Deflated {
  bytes: Buffer;
  size: number;
  crc: number;
}

/** Deflates a buffer whole. */
export function deflate(data: Buffer): Deflated {
  return { bytes: zlib.deflateRawSync(data, { level: 9 }), size: data.length, crc: crc32(data) };
}

/**
 * `head`, then `chunk` repeated `times`, then `tail`, as one raw deflate stream built from independently
 * flushed pieces: the compressed chunk is reused, so gigabytes of inflated data cost kilobytes to make.
 */
export function deflateRepeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer): Deflated {
  const flushed = (b: Buffer) => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const headZ = flushed(head);
  const chunkZ = flushed(chunk);
  const tailZ = zlib.deflateRawSync(tail, { level: 9 });
  const parts: Buffer[] = [headZ];
  for (let i = 0; i < times; i++) parts.push(chunkZ);
  parts.push(tailZ);
  // CRC of chunk×times by doubling.
  let repCrc = 0, repLen = 0;
  let blockCrc = crc32(chunk), blockLen = chunk.length;
  for (let n = times; n > 0; n = Math.floor(n / 2)) {
    if (n % 2) {
      repCrc = crc32Combine(repCrc, blockCrc, blockLen);
      repLen += blockLen;
    }
    blockCrc = crc32Combine(blockCrc, blockCrc, blockLen);
    blockLen *= 2;
  }
  let crc = crc32(head);
  crc = crc32Combine(crc, repCrc, repLen);
  crc = crc32Combine(crc, crc32(tail), tail.length);
  return { bytes: Buffer.concat(parts), size: head.length + chunk.length * times + tail.length, crc };
}

export interface ZipEntry {
  /** The name as written, byte for byte (UTF-8). */
  name: string;
  /** Plain content (deflated or stored here), or `deflated` data made beforehand. */
  data?: Buffer | string;
  deflated?: Deflated;
  method?: "deflate" | "stored";
  /** Sizes and CRC to declare instead of the true ones: in both headers, or in one of them. */
  lie?: { size?: number; compressedSize?: number; crc?: number; where?: "both" | "local" | "central" };
  /** Sizes and CRC after the data (flag bit 3), zero in the local header. */
  dataDescriptor?: boolean;
  /** Zip64 extra fields with the sizes (and the offset in the central directory). */
  zip64?: boolean;
  /** The name's bytes as written, when they are not the UTF-8 of `name` (a code page 437 name). */
  rawName?: Buffer;
  /** Whether general-purpose flag bit 11 (names in UTF-8) is set; it is unless false. */
  utf8Flag?: boolean;
}

const DOS_TIME = 0;
const DOS_DATE = (2024 - 1980) << 9 | 1 << 5 | 1;

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

/** One entry of a zip as its central directory lists it: the name's bytes, the flags and the declared CRC. */
export interface ListedEntry {
  name: Buffer;
  flags: number;
  crc: number;
}

/** The central directory of a zip (without zip64), for tests that compare names and flags byte for byte. */
export function listZip(zip: Buffer): ListedEntry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("no end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: ListedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    out.push({ name: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)), flags: zip.readUInt16LE(at + 8), crc: zip.readUInt32LE(at + 16) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Writes a zip archive of `entries`, in order. `comment` goes into the end record. */
export function writeZip(entries: ZipEntry[], options: { zip64End?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  for (const e of entries) {
    const name = e.rawName ?? Buffer.from(e.name, "utf8");
    const method = e.method ?? "deflate";
    let body: Buffer, size: number, crc: number;
    if (e.deflated) {
      ({ bytes: body, size, crc } = e.deflated);
    } else {
      const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : (e.data ?? Buffer.alloc(0));
      size = data.length;
      crc = crc32(data);
      body = method === "stored" ? data : zlib.deflateRawSync(data, { level: 6 });
    }
    const where = e.lie?.where ?? "both";
    const declared = (side: "local" | "central") => {
      const lying = e.lie && (where === "both" || where === side);
      return {
        size: lying && e.lie?.size !== undefined ? e.lie.size : size,
        csize: lying && e.lie?.compressedSize !== undefined ? e.lie.compressedSize : body.length,
        crc: lying && e.lie?.crc !== undefined ? e.lie.crc : crc,
      };
    };
    const flags = (e.dataDescriptor ? 0x08 : 0) | (e.utf8Flag === false ? 0 : 0x800);
    const methodCode = method === "stored" ? 0 : 8;
    const version = e.zip64 ? 45 : 20;
    const local = declared("local");
    const localExtra = e.zip64 ? Buffer.concat([u16(1), u16(16), u64(e.dataDescriptor ? 0 : local.size), u64(e.dataDescriptor ? 0 : local.csize)]) : Buffer.alloc(0);
    const headerOffset = offset;
    push(Buffer.concat([
      u32(0x04034b50), u16(version), u16(flags), u16(methodCode), u16(DOS_TIME), u16(DOS_DATE),
      u32(e.dataDescriptor ? 0 : local.crc),
      u32(e.zip64 ? 0xffffffff : e.dataDescriptor ? 0 : local.csize),
      u32(e.zip64 ? 0xffffffff : e.dataDescriptor ? 0 : local.size),
      u16(name.length), u16(localExtra.length), name, localExtra,
    ]));
    push(body);
    if (e.dataDescriptor) {
      push(Buffer.concat([u32(0x08074b50), u32(local.crc), ...(e.zip64 ? [u64(local.csize), u64(local.size)] : [u32(local.csize), u32(local.size)])]));
    }
    const cen = declared("central");
    const centralExtra = e.zip64 ? Buffer.concat([u16(1), u16(24), u64(cen.size), u64(cen.csize), u64(headerOffset)]) : Buffer.alloc(0);
    central.push(Buffer.concat([
      u32(0x02014b50), u16(version), u16(version), u16(flags), u16(methodCode), u16(DOS_TIME), u16(DOS_DATE),
      u32(cen.crc),
      u32(e.zip64 ? 0xffffffff : cen.csize),
      u32(e.zip64 ? 0xffffffff : cen.size),
      u16(name.length), u16(centralExtra.length), u16(0), u16(0), u16(0), u32(0),
      u32(e.zip64 ? 0xffffffff : headerOffset),
      name, centralExtra,
    ]));
  }
  const cdOffset = offset;
  const cd = Buffer.concat(central);
  push(cd);
  const count = entries.length;
  const zip64End = options.zip64End || entries.some((e) => e.zip64) || count > 0xffff;
  if (zip64End) {
    const end64Offset = offset;
    push(Buffer.concat([
      u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(cd.length), u64(cdOffset),
    ]));
    push(Buffer.concat([u32(0x07064b50), u32(0), u64(end64Offset), u32(1)]));
  }
  push(Buffer.concat([
    u32(0x06054b50), u16(0), u16(0),
    u16(zip64End ? 0xffff : count), u16(zip64End ? 0xffff : count),
    u32(zip64End ? 0xffffffff : cd.length), u32(zip64End ? 0xffffffff : cdOffset), u16(0),
  ]));
  return Buffer.concat(chunks);
}
