import * as fs from "fs";
import * as path from "path";
import { CASES } from "./cases";

/** Writes every hostile case's file to a folder (`npm run hostile -- <mapp>`), named by its id. */
async function generate(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const c of CASES) fs.writeFileSync(path.join(dir, `${c.id}.xlsx`), await c.build());
  process.stdout.write(`${CASES.length} fientliga filer skrivna till ${dir}\n`);
}

if (require.main === module) void generate(path.resolve(process.argv[2] ?? "fientliga-filer"));
