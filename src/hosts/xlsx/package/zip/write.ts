/**
 * Writes a zip package: copied entries keep their compressed bytes, method, CRC, time and name (its bytes and its
 * UTF-8 flag, so a name in code page 437 stays one) exactly; new entries are deflated with native zlib and named in
 * UTF-8.
 */
import * as zlib from "zlib";
import { SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, ZipArchive, ZipEntry } from "./archive";

/** One entry to write: new bytes (deflated here) or an entry of another archive copied as it is. */
export type ZipSource = { name: string; data: Buffer } | { name: string; copy: ZipEntry; from: ZipArchive };

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface HeaderFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
  utf8: boolean;
}

/** Flags (whether the name is UTF-8), method, time, date, CRC, sizes and name length, as both headers lay them out. */
function writeFields(b: Buffer, at: number, f: HeaderFields): void {
  b.writeUInt16LE(f.utf8 ? 0x800 : 0, at);
  b.writeUInt16LE(f.method, at + 2);
  b.writeUInt16LE(f.time, at + 4);
  b.writeUInt16LE(f.date, at + 6);
  b.writeUInt32LE(f.crc, at + 8);
  b.writeUInt32LE(f.compressedSize, at + 12);
  b.writeUInt32LE(f.size, at + 16);
  b.writeUInt16LE(f.nameLength, at + 20);
}

/** Writes a zip of `sources`, in their order. */
export function writeZip(sources: readonly ZipSource[], now = new Date()): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const stamp = dosTime(now);
  for (const s of sources) {
    let name: Buffer = Buffer.from(s.name, "utf8");
    let utf8 = true;
    let method: number, crc: number, size: number, data: Buffer, time: number, date: number;
    if ("copy" in s) {
      // The stored name as it was, unless it is written under another (a producer's backslashes as slashes).
      if (s.name === s.copy.name) {
        name = s.copy.rawName;
        utf8 = (s.copy.flags & 0x800) !== 0;
      }
      ({ method, crc, size } = s.copy);
      data = s.from.raw(s.copy);
      time = s.copy.modTime;
      date = s.copy.modDate;
    } else {
      size = s.data.length;
      crc = zlib.crc32(s.data);
      const deflated = zlib.deflateRawSync(s.data, { level: 6 });
      method = deflated.length < size ? 8 : 0;
      data = method === 8 ? deflated : s.data;
      ({ time, date } = stamp);
    }
    if (offset > 0xfffffff0 || data.length > 0xfffffff0 || size > 0xfffffff0) throw new Error("zip64 output is not supported");
    const fields: HeaderFields = { method, time, date, crc, compressedSize: data.length, size, nameLength: name.length, utf8 };
    // The local header and the central directory's record share these fields, two bytes further on in the latter.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    writeFields(local, 6, fields);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(SIG_CENTRAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    writeFields(head, 8, fields);
    head.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(head, name);
    offset += 30 + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(SIG_EOCD, 0);
  eocd.writeUInt16LE(sources.length, 8);
  eocd.writeUInt16LE(sources.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, eocd]);
}
