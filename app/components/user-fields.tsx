import type { ReactNode } from "react";
import { USER_LANGUAGES } from "~/modules/users/schema";
import { useT } from "~/utils/i18n";
import { ROLES } from "~/utils/permissions";
import { Field, type RegisterFields } from "./form";
import { OrganisationOptions, type OrganisationChoice } from "./organisation-options";

type UserFieldName = "name" | "role" | "organisationId" | "language";

/**
 * A user's name, role, organisation and language; used to create a user and to edit a profile.
 * The inputs also get their default values as HTML, so the form is refilled without JavaScript.
 */
export function UserFields({
  register,
  errorFor,
  labels,
  defaults,
  organisations,
  emailField,
  chooseRole,
}: {
  register: RegisterFields<UserFieldName>;
  errorFor: (name: string) => string | undefined;
  labels: Record<UserFieldName, string>;
  defaults: Record<UserFieldName, string>;
  organisations: OrganisationChoice[];
  /** The email field, after the name: only when creating a user. */
  emailField?: ReactNode;
  /** Whether the role select starts with an empty "choose a role" option (a new user has no role yet). */
  chooseRole?: boolean;
}) {
  const t = useT();
  return (
    <>
      <Field name="name" label={labels.name} error={errorFor("name")} required>
        {(control) => <input type="text" autoComplete="off" {...control} {...register("name")} defaultValue={defaults.name} />}
      </Field>
      {emailField}
      <Field name="role" label={labels.role} error={errorFor("role")} required>
        {(control) => (
          <select {...control} {...register("role")} defaultValue={defaults.role}>
            {chooseRole ? <option value="">{t("admin.users.chooseRole")}</option> : null}
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="organisationId"
        label={labels.organisationId}
        help={t("admin.users.organisationHelp")}
        error={errorFor("organisationId")}
      >
        {(control) => (
          <select {...control} {...register("organisationId")} defaultValue={defaults.organisationId}>
            <OrganisationOptions organisations={organisations} emptyLabel={t("admin.users.noOrganisation")} />
          </select>
        )}
      </Field>
      <Field name="language" label={labels.language} error={errorFor("language")} required>
        {(control) => (
          <select {...control} {...register("language")} defaultValue={defaults.language}>
            {USER_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`admin.users.language.${language}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
