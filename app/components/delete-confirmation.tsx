import { Form, useNavigation } from "@remix-run/react";
import { translateMessage, useT } from "~/utils/i18n";

/**
 * A delete that works without JavaScript: the person ticks "I confirm", the server checks it
 * (no browser-native `required`, so the message is Pacte's own, in French, beside the box).
 */
export function DeleteConfirmation({
  id,
  title,
  help,
  confirmLabel,
  buttonLabel,
  error,
}: {
  id?: string;
  title: string;
  help: string;
  confirmLabel: string;
  buttonLabel: string;
  error?: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <section id={id} aria-labelledby="delete-title" className="danger-zone">
      <h2 id="delete-title">{title}</h2>
      <p>{help}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <div className="field">
          <label className="checkbox" htmlFor="field-confirm">
            <input
              type="checkbox"
              id="field-confirm"
              name="confirm"
              aria-required
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "field-confirm-error" : undefined}
            />
            {confirmLabel}
          </label>
          {error ? (
            <p className="field-error" id="field-confirm-error" role="alert">
              {translateMessage(t, error)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
          {buttonLabel}
        </button>
      </Form>
    </section>
  );
}
