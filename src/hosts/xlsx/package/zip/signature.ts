import { UppfoljningError } from "../../../../findings/errors";

/** Refuses files that are not zip packages before any parsing: old .xls files, password-protected workbooks, anything else. */
export function checkSignature(bytes: Buffer, path: string): void {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    const encrypted = bytes.includes(Buffer.from("EncryptedPackage", "utf16le"));
    throw new UppfoljningError(encrypted ? "FILE_ENCRYPTED" : "FILE_LEGACY_FORMAT", { path });
  }
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path });
}
