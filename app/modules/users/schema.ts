import * as z from "zod/mini";
import type { FormValues } from "~/utils/forms";
import { ROLES } from "~/utils/permissions";
import { choice, email, optionalText, requiredText, versionField } from "~/utils/validation";

export const USER_LANGUAGES = ["FR", "EN"] as const;
export const PASSWORD_MIN_LENGTH = 10;

/** Passwords are taken as typed: no trimming, and never sent back to the browser. */
function password() {
  return z
    .string({ error: "validation.required" })
    .check(
      z.minLength(1, "validation.required"),
      z.minLength(PASSWORD_MIN_LENGTH, "validation.passwordTooShort"),
      z.maxLength(200, "validation.tooLong"),
    );
}

const profileFields = {
  name: requiredText(200),
  role: choice(ROLES),
  organisationId: optionalText(40),
  language: choice(USER_LANGUAGES),
};

// A focal point reports for an organisation, so one must be chosen.
const focalPointHasOrganisation = z.refine<{ role: string; organisationId?: string }>(
  (value) => value.role !== "FOCAL_POINT" || Boolean(value.organisationId),
  { message: "validation.organisationRequired", path: ["organisationId"] },
);

export const CreateUserSchema = z
  .object({ ...profileFields, email: email(), password: password() })
  .check(focalPointHasOrganisation);
export type CreateUserInput = z.output<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({ intent: z.literal("update"), ...profileFields, version: versionField() })
  .check(focalPointHasOrganisation);
export type UpdateUserInput = z.output<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.object({ intent: z.literal("resetPassword"), password: password() });

export const SetActiveSchema = z.object({ intent: z.enum(["deactivate", "reactivate"]) });

/** The profile fields as typed, to fill the form again after an error (never the password). */
export function profileValues(values: FormValues) {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  return { name: text("name"), email: text("email"), role: text("role"), organisationId: text("organisationId"), language: text("language") };
}

export const USERS_PAGE_SIZE = 50;

/** The list's filters, from the query string: unknown values are ignored rather than refused. */
export function userFilters(params: URLSearchParams) {
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const roleParam = params.get("role");
  const role = ROLES.find((candidate) => candidate === roleParam);
  const page = Number(params.get("page"));
  return { q, role, page: Number.isInteger(page) && page > 1 ? page : 1 };
}
export type UserFilters = ReturnType<typeof userFilters>;
