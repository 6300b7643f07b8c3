// The environment, validated with zod: all of it once at boot (entry.server.tsx calls env()),
// and DATABASE_URL alone for the Prisma client, which scripts (seed, benchmarks) also use
// without the web server's settings.
import * as z from "zod/mini";

const DatabaseUrl = z.string().check(
  z.minLength(1, "DATABASE_URL is not set: start the app with `npm start` or set it."),
  z.regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// address"),
);

const EnvSchema = z.object({
  NODE_ENV: z._default(z.enum(["development", "production", "test"]), "development"),
  DATABASE_URL: DatabaseUrl,
  SESSION_SECRET: z.string().check(z.minLength(16, "SESSION_SECRET must be at least 16 characters")),
  COOKIE_SECURE: z.optional(z.enum(["true", "false"])),
  SMTP_URL: z.optional(z.string()),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

function parsed<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join(".") || "DATABASE_URL"}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  return result.data;
}

/** The validated environment; checked at boot, so a misconfigured server does not start. */
export function env(): Env {
  cached ??= parsed(EnvSchema, process.env);
  return cached;
}

/** The database's address, validated: all the Prisma client needs. */
export function databaseUrl(): string {
  return parsed(DatabaseUrl, process.env.DATABASE_URL);
}

export function isProduction() {
  return env().NODE_ENV === "production";
}
