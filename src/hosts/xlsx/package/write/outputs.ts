/**
 * Writes the command's outputs so that either all of them appear or none does, and nothing is ever written
 * through a name someone else prepared: each output goes to an unpredictable temporary name created exclusively
 * (`wx`, O_EXCL: a planted symbolic link makes it fail instead of being followed) in the target's folder, and
 * only when every output is complete are they renamed into place. A failure restores what was there before.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { UppfoljningError } from "../../../../findings/errors";

const ERRNO_SWEDISH: Record<string, string> = {
  ENOENT: "mappen finns inte",
  ENOTDIR: "en del av sökvägen är inte en mapp",
  EACCES: "behörighet saknas",
  EPERM: "behörighet saknas",
  EROFS: "platsen är skrivskyddad",
  ENOSPC: "disken är full",
  EDQUOT: "diskkvoten är slut",
  EISDIR: "det finns en mapp med det namnet",
  EEXIST: "filen finns redan",
  EXDEV: "filen kan inte flyttas dit",
  ENAMETOOLONG: "namnet är för långt",
  EBUSY: "filen används av ett annat program",
};

/** A Swedish reason for a failed file operation, without the system's own English text. */
export function reasonOf(e: unknown): string {
  const code = (e as { code?: string })?.code;
  return (code && ERRNO_SWEDISH[code]) || "filsystemet tillät det inte";
}

function tempNear(target: string, tag: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}-${randomBytes(12).toString("hex")}`);
}

function writeExclusive(file: string, data: Buffer): void {
  const fd = fs.openSync(file, "wx", 0o644);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface Output {
  path: string;
  data: Buffer;
}

/** Writes every output or none. Throws WRITE_FAILED naming the file that could not be written. */
export function writeOutputs(outputs: readonly Output[]): void {
  const temps: string[] = [];
  const placed: { target: string; backup: string | null }[] = [];
  const cleanup = () => {
    for (const t of temps) if (t) fs.rmSync(t, { force: true });
  };
  let current = outputs[0]?.path ?? "";
  try {
    for (const o of outputs) {
      current = o.path;
      if (fs.existsSync(o.path) && fs.statSync(o.path).isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
      const tmp = tempNear(o.path, "ny");
      writeExclusive(tmp, o.data);
      temps.push(tmp);
    }
  } catch (e) {
    cleanup();
    throw new UppfoljningError("WRITE_FAILED", { path: current, detail: reasonOf(e) });
  }
  try {
    outputs.forEach((o, i) => {
      current = o.path;
      const backup = fs.existsSync(o.path) ? tempNear(o.path, "forra") : null;
      if (backup) fs.linkSync(o.path, backup);
      try {
        fs.renameSync(temps[i], o.path);
      } catch (e) {
        if (backup) fs.rmSync(backup, { force: true });
        throw e;
      }
      temps[i] = "";
      placed.push({ target: o.path, backup });
    });
  } catch (e) {
    // Put back what was there: outputs already in place get their previous file again, or disappear.
    for (const p of placed) {
      try {
        if (p.backup) fs.renameSync(p.backup, p.target);
        else fs.rmSync(p.target, { force: true });
      } catch {
        // Nothing more can be done; the message names the file.
      }
    }
    cleanup();
    throw new UppfoljningError("WRITE_FAILED", { path: current, detail: reasonOf(e) });
  }
  for (const p of placed) if (p.backup) fs.rmSync(p.backup, { force: true });
}
