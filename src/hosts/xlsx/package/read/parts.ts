/** Streams a part of a zip through its encoding into a byte scanner. */
import { PartStream } from "../xml/partStream";
import { ByteScanner } from "../xml/scanner";
import { ZipArchive, ZipEntry } from "../zip/archive";

/** Streams one part of `zip` through its encoding into `scanner`. */
export async function scanEntry(zip: ZipArchive, entry: ZipEntry, scanner: ByteScanner, file: string): Promise<void> {
  const stream = new PartStream(scanner, file, entry.part);
  await zip.inflateStream(entry, (chunk) => stream.write(chunk));
  stream.end();
}
