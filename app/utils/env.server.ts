import * as z from "zod/mini";

const EnvSchema = z.object({
  NODE_ENV: z._default(z.enum(["development", "production", "test"]), "development"),
  DATABASE_URL: z.string().check(z.minLength(1)),
  SESSION_SECRET: z.string().check(z.minLength(16, "SESSION_SECRET must be at least 16 characters")),
  COOKIE_SECURE: z.optional(z.enum(["true", "false"])),
  SMTP_URL: z.optional(z.string()),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment; fails loudly at the first use if misconfigured. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  cached = parsed.data;
  return cached;
}

export function isProduction() {
  return env().NODE_ENV === "production";
}
