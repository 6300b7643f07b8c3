import { afterEach, expect, test } from "vitest";
import { databaseUrl } from "./env.server";

const original = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = original;
});

test("the database address is validated: missing or not PostgreSQL is refused by name", () => {
  process.env.DATABASE_URL = "";
  expect(() => databaseUrl()).toThrow(/DATABASE_URL is not set/);
  process.env.DATABASE_URL = "mysql://root@localhost/pacte";
  expect(() => databaseUrl()).toThrow(/DATABASE_URL must be a postgresql:\/\/ address/);
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/pacte";
  expect(databaseUrl()).toBe("postgresql://postgres@127.0.0.1:5432/pacte");
});
