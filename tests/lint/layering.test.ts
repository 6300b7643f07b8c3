// The layering rules of eslint.config.js, run through ESLint's Node API on small files placed
// (virtually) in each folder: a forbidden import is an error, an allowed one is not.
import path from "node:path";
import { ESLint } from "eslint";
import { expect, test } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function restrictedImports(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.severity);
}

test("a module importing a route or Remix's HTTP helpers fails the lint", async () => {
  expect(await restrictedImports("app/modules/plans/fixture.server.ts", 'import { loader } from "~/routes/plans._index";\nexport const x = loader;\n')).toEqual([2]);
  expect(await restrictedImports("app/modules/plans/fixture.server.ts", 'import { data } from "@remix-run/node";\nexport const x = data;\n')).toEqual([2]);
  expect(await restrictedImports("app/modules/plans/fixture.server.ts", 'import { prisma } from "~/utils/db.server";\nexport const x = prisma;\n')).toEqual([]);
});

test("utils importing a module or a route fails the lint", async () => {
  expect(await restrictedImports("app/utils/fixture.ts", 'import { getPlan } from "~/modules/plans/plans.server";\nexport const x = getPlan;\n')).toEqual([2]);
  expect(await restrictedImports("app/utils/fixture.ts", 'import { loader } from "~/routes/_index";\nexport const x = loader;\n')).toEqual([2]);
  expect(await restrictedImports("app/utils/fixture.ts", 'import { can } from "~/utils/permissions";\nexport const x = can;\n')).toEqual([]);
});

test("a component importing any *.server file fails the lint, types included; shared schemas are fine", async () => {
  expect(await restrictedImports("app/components/fixture.tsx", 'import type { SessionUser } from "~/utils/auth.server";\nexport type X = SessionUser;\n')).toEqual([2]);
  expect(await restrictedImports("app/components/fixture.tsx", 'import { getReport } from "~/modules/reporting/reports.server";\nexport const x = getReport;\n')).toEqual([2]);
  expect(await restrictedImports("app/components/fixture.tsx", 'import { reportSchema } from "~/modules/reporting/schema";\nexport const x = reportSchema;\n')).toEqual([]);
});

test("the whole app passes its layering rules", async () => {
  const results = await eslint.lintFiles(["app/modules", "app/utils", "app/components"]);
  const broken = results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => `${path.relative(process.cwd(), result.filePath)}: ${message.message}`),
  );
  expect(broken).toEqual([]);
});
