/**
 * The end-to-end tests drive Debian's Chromium (Playwright never downloads a browser).
 * `npm test` checks for it before anything else: as root with apt it installs the package
 * itself, as `.ci/run` does; otherwise it stops with the exact command to run.
 */
import { existsSync } from "node:fs";
import { run } from "./database";

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type ChromiumPlan =
  | { kind: "ready" }
  | { kind: "install"; commands: [string, string[]][] }
  | { kind: "stop"; message: string };

const APT_GET = "/usr/bin/apt-get";

export function planChromium(machine: { browserPresent: boolean; isRoot: boolean; aptPresent: boolean }): ChromiumPlan {
  if (machine.browserPresent) return { kind: "ready" };
  if (machine.isRoot && machine.aptPresent) {
    return {
      kind: "install",
      commands: [
        [APT_GET, ["update", "-qq"]],
        [APT_GET, ["install", "-y", "-qq", "chromium"]],
      ],
    };
  }
  const command = machine.aptPresent ? "sudo apt-get install -y chromium" : "apt-get install -y chromium (Debian) ou CHROMIUM_PATH=/chemin/vers/chromium";
  return {
    kind: "stop",
    message: `Chromium est introuvable ; lancez : ${command} — Chromium not found; run: ${command.replace(" ou ", " or ").replace("/chemin/vers/", "/path/to/")}`,
  };
}

export async function ensureChromium() {
  const plan = planChromium({
    browserPresent: existsSync(chromiumPath()),
    isRoot: process.getuid?.() === 0,
    aptPresent: existsSync(APT_GET),
  });
  if (plan.kind === "stop") {
    console.error(plan.message);
    process.exit(1);
  }
  if (plan.kind === "install") {
    console.log("Installation de Chromium (paquet Debian) / Installing Chromium (Debian package)…");
    for (const [command, args] of plan.commands) {
      await run(command, args, { env: { DEBIAN_FRONTEND: "noninteractive" } });
    }
  }
}
