import fc from "fast-check";
import { Continuation, isContinuation, PageBlock, paginate, PageRow, RowRole } from "../../src/report/paginate";

interface Row extends PageRow {
  id: string;
}
const r = (id: string, role: RowRole, height = 15): Row => ({ id, role, height });

function table(name: string, body: number, opts: { total?: boolean; note?: boolean } = {}): PageBlock<Row> {
  const rows = [r(`${name}:heading`, "section", 22), r(`${name}:header`, "header", 30)];
  for (let i = 0; i < body; i++) rows.push(r(`${name}:${i}`, "body"));
  if (opts.total) rows.push(r(`${name}:total`, "total"));
  if (opts.note) rows.push(r(`${name}:note`, "note"));
  rows.push(r(`${name}:blank`, "blank", 8));
  return { title: name, rows };
}

const pages = <R extends PageRow>(p: ReturnType<typeof paginate<R>>) => {
  const starts = [0, ...p.breaks, p.rows.length];
  return starts.slice(0, -1).map((s, i) => p.rows.slice(s, starts[i + 1]));
};
const id = (row: Row | Continuation<Row>) => (isContinuation(row) ? `${row.continuation}:${row.text ?? row.of.id}` : row.id);

describe("pagination", () => {
  it("keeps sections on one page when they fit", () => {
    const p = paginate([table("A", 3), table("B", 3)], 500, 22);
    expect(p.breaks).toEqual([]);
    expect(p.rows).toHaveLength(12);
  });

  it("keeps a heading over prose with its first two paragraphs", () => {
    const a = table("A", 20);
    const used = a.rows.reduce((n, x) => n + x.height, 0);
    const prose: PageBlock<Row> = { title: "Analys", rows: [r("P:heading", "section", 22), r("P:0", "text", 30), r("P:1", "text", 30), r("P:2", "text", 30)] };
    // Room for the heading and one paragraph below A: both move on, with the next paragraph.
    const p = paginate([a, prose], used + 22 + 30 + 10, 22);
    const [first, second] = pages(p).map((pg) => pg.map(id));
    expect(first[first.length - 1]).toBe("A:blank");
    expect(second.slice(0, 3)).toEqual(["P:heading", "P:0", "P:1"]);
  });

  it("never leaves a heading at the foot of a page: it moves with its header and two data rows", () => {
    // A fills most of the page; B's heading, header and two rows do not fit below it.
    const a = table("A", 20);
    const used = a.rows.reduce((n, x) => n + x.height, 0);
    const p = paginate([a, table("B", 5)], used + 22 + 30 + 15, 22);
    const [first, second] = pages(p).map((pg) => pg.map(id));
    expect(first[first.length - 1]).toBe("A:blank");
    expect(second.slice(0, 4)).toEqual(["B:heading", "B:header", "B:0", "B:1"]);
  });

  it("repeats the header row under the section's name with (forts.) when a table continues", () => {
    const p = paginate([table("Resultaträkning", 40, { total: true, note: true })], 300, 22);
    const all = pages(p);
    expect(all.length).toBeGreaterThan(1);
    for (const pg of all.slice(1)) {
      expect(id(pg[0])).toBe("heading:Resultaträkning (forts.)");
      expect(id(pg[1])).toBe("header:Resultaträkning:header");
    }
    // The footnote stays with the total, and the total is not alone.
    const last = all[all.length - 1].map(id);
    expect(last.slice(-3)).toEqual(["Resultaträkning:total", "Resultaträkning:note", "Resultaträkning:blank"]);
    expect(last.filter((x) => x.startsWith("Resultaträkning:") && /:\d+$|:total$/.test(x)).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps a block marked keepTogether whole", () => {
    const matrix: PageBlock<Row> = { title: "Riskmatris", keepTogether: true, rows: Array.from({ length: 6 }, (_, i) => r(`m${i}`, i === 0 ? "subsection" : "body", 24)) };
    const a = table("A", 10);
    const used = a.rows.reduce((n, x) => n + x.height, 0);
    const p = paginate([a, matrix], used + 24 * 4, 22);
    expect(pages(p)[1].map(id)).toEqual(["m0", "m1", "m2", "m3", "m4", "m5"]);
  });

  it("starts a block marked newPage on a page of its own", () => {
    const p = paginate([table("A", 2), { ...table("B", 2), newPage: true }], 1000, 22);
    expect(pages(p).map((pg) => id(pg[0]))).toEqual(["A:heading", "B:heading"]);
  });

  it("property: every row is printed once and in order; pages hold what fits; no page ends on a heading or a header row", () => {
    const role = fc.constantFrom<RowRole>("body", "body", "body", "total", "note", "subsection");
    const block = fc.array(fc.record({ role, height: fc.integer({ min: 12, max: 40 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.integer({ min: 300, max: 600 }), (spec, capacity) => {
        const blocks: PageBlock<Row>[] = spec.map((body, bi) => ({
          title: `S${bi}`,
          rows: [r(`${bi}:h`, "section", 22), r(`${bi}:th`, "header", 30), ...body.map((x, i) => r(`${bi}:${i}`, x.role, x.height)), r(`${bi}:b`, "blank", 8)],
        }));
        const p = paginate(blocks, capacity, 22);
        const original = blocks.flatMap((b) => b.rows.map((x) => x.id));
        expect(p.rows.filter((x) => !isContinuation(x)).map((x) => (x as Row).id)).toEqual(original);
        const all = pages(p);
        all.forEach((pg, k) => {
          expect(pg.reduce((n, x) => n + x.height, 0)).toBeLessThanOrEqual(capacity);
          if (k < all.length - 1) expect(["section", "subsection", "header"]).not.toContain(pg[pg.length - 1].role);
          pg.slice(1).forEach((x) => expect(isContinuation(x) && x.continuation === "heading").toBe(false));
        });
      }),
      { numRuns: 300 },
    );
  });
});
