import * as z from "zod/mini";
import type { OrganisationKind } from "~/generated/prisma/enums";
import type { FormValues } from "~/utils/forms";
import { checkbox, choice, optionalText, requiredText, versionField } from "~/utils/validation";

export const ORGANISATION_KINDS = [
  "MINISTRY",
  "AGENCY",
  "UN_AGENCY",
  "DEVELOPMENT_PARTNER",
  "CIVIL_SOCIETY",
  "DIASPORA",
  "OTHER",
] as const satisfies readonly OrganisationKind[];

export const ACRONYM_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,19}$/;

/** Acronyms are stored in capitals, whatever case they are typed in. */
function acronym() {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value)),
    z
      .string({ error: "validation.required" })
      .check(z.minLength(1, "validation.required"), z.regex(ACRONYM_PATTERN, "validation.acronymFormat")),
  );
}

const organisationFields = {
  acronym: acronym(),
  name: requiredText(200),
  kind: choice(ORGANISATION_KINDS),
  note: optionalText(2000),
};

export const CreateOrganisationSchema = z.object(organisationFields);
export type CreateOrganisationInput = z.output<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z.object({ ...organisationFields, active: checkbox(), version: versionField() });
export type UpdateOrganisationInput = z.output<typeof UpdateOrganisationSchema>;

/** The fields as typed, to fill the form again after an error. */
export function organisationValues(values: FormValues) {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  return { acronym: text("acronym"), name: text("name"), kind: text("kind"), note: text("note"), active: values.active !== undefined };
}
