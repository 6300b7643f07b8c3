import { expect, test } from "vitest";
import { planChromium } from "./chromium";

test("with Chromium present, nothing is installed", () => {
  expect(planChromium({ browserPresent: true, isRoot: true, aptPresent: true })).toEqual({ kind: "ready" });
});

test("as root with apt, Debian's chromium package is installed", () => {
  const plan = planChromium({ browserPresent: false, isRoot: true, aptPresent: true });
  expect(plan).toEqual({
    kind: "install",
    commands: [
      ["/usr/bin/apt-get", ["update", "-qq"]],
      ["/usr/bin/apt-get", ["install", "-y", "-qq", "chromium"]],
    ],
  });
});

test("otherwise the run stops with one French and English line giving the command", () => {
  const plan = planChromium({ browserPresent: false, isRoot: false, aptPresent: true });
  expect(plan).toEqual({
    kind: "stop",
    message:
      "Chromium est introuvable ; lancez : sudo apt-get install -y chromium — Chromium not found; run: sudo apt-get install -y chromium",
  });
  const noApt = planChromium({ browserPresent: false, isRoot: true, aptPresent: false });
  expect(noApt.kind).toBe("stop");
  expect(noApt.kind === "stop" && noApt.message.split("\n")).toHaveLength(1);
  expect(noApt.kind === "stop" && noApt.message).toContain("CHROMIUM_PATH=/path/to/chromium");
});
