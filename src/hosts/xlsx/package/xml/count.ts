/**
 * Counts the nodes of a part before it is parsed into a tree: the byte scanner goes through it once, making no
 * objects, and stops as soon as the count passes what is left of the package's budget (LIMITS.maxXmlNodes), so
 * that a part of millions of empty elements is refused before any of them is built. The count is an upper bound
 * of what the tree parser makes (a text split by CDATA counts twice here, once there).
 */
import { PartStream } from "./partStream";
import { nodesRefused } from "./refusal";
import { ByteScanner, ScanHandler } from "./scanner";

class NodeCounter implements ScanHandler {
  wantText = true;
  nodes = 0;
  scanner!: ByteScanner;

  constructor(private readonly limit: number) {}

  code(): number {
    return 1;
  }

  open(): void {
    this.add(1 + this.scanner.attrCount);
  }

  close(): void {}

  text(): void {
    this.add(1);
  }

  other(): void {
    this.add(1);
  }

  private add(n: number): void {
    this.nodes += n;
    if (this.nodes > this.limit) throw nodesRefused();
  }
}

/** The nodes of `bytes` (a whole part), refused (XML_TOO_MANY_NODES, or as the scanner refuses) past `limit`. */
export function countNodes(bytes: Buffer, part: string, path: string, limit: number): number {
  const counter = new NodeCounter(limit);
  const scanner = new ByteScanner(counter, part, path);
  counter.scanner = scanner;
  const stream = new PartStream(scanner, path, part);
  stream.write(bytes);
  stream.end();
  return counter.nodes;
}
