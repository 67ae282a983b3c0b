/**
 * The bench's linear-cost classes (scripts/hostile/round2.ts, SCALING): issue 19 asks for one per numbered class,
 * each of whose inputs grows with n. A class whose file did not grow would show a ratio of 1 and prove nothing.
 */
import { SCALING } from "../../scripts/hostile/round2";
import { readZip } from "../../src/hosts/xlsx/package/zip/archive";

/** The package's content, inflated as its central directory declares it, and its own bytes (entries count too). */
const size = (zip: Buffer) => readZip(zip, "prov.xlsx").entries.reduce((sum, e) => sum + e.size, zip.length);

it("has a scaling case for every class of issue 19, with unique ids", () => {
  expect([...new Set(SCALING.map((c) => c.issueClass))].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(new Set(SCALING.map((c) => c.id)).size).toBe(SCALING.length);
});

describe.each(SCALING.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  it("builds a package at n, 2n and 4n whose size grows in proportion to n", () => {
    expect(c.smokeN).toBeLessThanOrEqual(c.n);
    const [a, b, d] = [1, 2, 4].map((k) => size(c.build(k * c.smokeN)));
    // Linear growth adds twice as much from 2n to 4n as from n to 2n; a build that ignored n would add nothing.
    expect({ id: c.id, grows: b - a > 0 && d - b >= 1.5 * (b - a) }).toEqual({ id: c.id, grows: true });
  });
});
