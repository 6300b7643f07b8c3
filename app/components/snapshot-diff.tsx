import type { SnapshotDiff } from "~/modules/plans/snapshot";
import { isMessageKey, useT } from "~/utils/i18n";

/** Actions added, removed and changed between two versions of a plan. */
export function SnapshotDiffView({ diff }: { diff: SnapshotDiff }) {
  const t = useT();
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return <p>{t("plans.diffNone")}</p>;
  return (
    <>
      {diff.added.length ? (
        <section aria-labelledby="diff-added">
          <h2 id="diff-added">
            <span aria-hidden="true">＋ </span>
            {t("plans.diffAdded")} ({diff.added.length})
          </h2>
          <ul className="diff-list">
            {diff.added.map((action) => (
              <li key={action.code}>
                <strong>{action.code}</strong> {action.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.removed.length ? (
        <section aria-labelledby="diff-removed">
          <h2 id="diff-removed">
            <span aria-hidden="true">− </span>
            {t("plans.diffRemoved")} ({diff.removed.length})
          </h2>
          <ul className="diff-list">
            {diff.removed.map((action) => (
              <li key={action.code}>
                <strong>{action.code}</strong> {action.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.changed.length ? (
        <section aria-labelledby="diff-changed">
          <h2 id="diff-changed">
            <span aria-hidden="true">✎ </span>
            {t("plans.diffChanged")} ({diff.changed.length})
          </h2>
          <ul className="diff-list">
            {diff.changed.map((action) => (
              <li key={action.code}>
                <strong>{action.code}</strong> {action.title}
                <br />
                <span className="muted">{t("plans.diffFields", { fields: action.fields.map(fieldLabel).join(", ") })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
