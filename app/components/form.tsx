// Form pieces: visible labels, help under the field, errors beside it and in a summary.
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { get, useForm, type DefaultValues, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import type * as z from "zod/mini";
import type { FieldErrors } from "~/utils/forms";
import { translateMessage, useT } from "~/utils/i18n";

type Options<Values extends FieldValues> = {
  defaultValues: DefaultValues<Values>;
  /** Errors returned by the action (400 or 409), shown until the next submit. */
  serverErrors?: FieldErrors;
};

/**
 * react-hook-form on a real <Form method="post">: without JavaScript the browser posts
 * the form and the server validates with the same schema; with it, errors show at once
 * and a valid form is submitted through Remix.
 */
export function useValidatedForm<Schema extends z.ZodMiniType<FieldValues, FieldValues>>(
  schema: Schema,
  options: Options<z.input<Schema>>,
) {
  const submit = useSubmit();
  const form = useForm<z.input<Schema>>({
    // Validates the raw form strings; the server parses them again into typed data.
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: options.defaultValues,
    // Checked on submit, then as the user corrects: errors appearing on blur would move
    // the submit button under the pointer and swallow the click.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => submit(element, { method: "post" }))(event);
  };
  const errorFor = (name: string): string | undefined => {
    const clientError: unknown = get(form.formState.errors, name);
    if (clientError && typeof clientError === "object" && "message" in clientError && typeof clientError.message === "string") {
      return clientError.message;
    }
    return options.serverErrors?.[name];
  };
  return { form, onSubmit, errorFor };
}

/** The `register` of a form with at least these fields, for a component that renders some of them. */
export type RegisterFields<Name extends string> = (name: Name) => UseFormRegisterReturn<Name>;

export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t("form.errorSummary", { count: entries.length })}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {labels[name] ? <a href={`#field-${name}`}>{labels[name]}</a> : null}
            {labels[name] ? " : " : ""}
            {translateMessage(t, message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  help?: string;
  required?: boolean;
  /** Renders the control with the ids and ARIA attributes it needs. */
  children: (control: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; "aria-required"?: boolean }) => ReactNode;
};

export function Field({ name, label, error, help, required, children }: FieldProps) {
  const t = useT();
  const id = `field-${name}`;
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {required ? <span className="required">({t("form.required")})</span> : null}
      </label>
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy || undefined, "aria-required": required })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {translateMessage(t, error)}
        </p>
      ) : null}
    </div>
  );
}
