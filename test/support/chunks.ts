/** Feeds `bytes` to a streaming reader cut at `cuts` (positions outside the bytes ignored, in any order), then ends it. */
export function writeInChunks(stream: { write(chunk: Buffer): void; end(): void }, bytes: Buffer, cuts: readonly number[]): void {
  let at = 0;
  for (const cut of cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b).concat(bytes.length)) {
    if (cut > at) stream.write(Buffer.from(bytes.subarray(at, cut)));
    at = cut;
  }
  stream.end();
}
