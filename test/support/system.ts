import { execFileSync } from "child_process";

/**
 * Whether a system program (from a Debian package) is on PATH. Without it the test is skipped with a visible
 * warning, except under CI=true, where a missing package fails the run: `.ci/run` installs it.
 */
export function hasProgram(program: string, debianPackage: string): boolean {
  try {
    execFileSync("which", [program], { stdio: "ignore" });
    return true;
  } catch {
    const message = `${program} saknas (Debian-paketet ${debianPackage}); testerna som behöver det hoppas över.`;
    if (process.env.CI === "true") throw new Error(`${message} Under CI=true måste det finnas: .ci/run installerar det.`);
    console.warn(`VARNING: ${message}`);
    return false;
  }
}
