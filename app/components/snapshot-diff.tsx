import type { ReactNode } from "react";
import type { SnapshotDiff } from "~/modules/plans/snapshot";
import { isMessageKey, useT } from "~/utils/i18n";

function DiffSection({ id, mark, title, items }: { id: string; mark: string; title: string; items: { code: string; title: string; detail?: ReactNode }[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <span aria-hidden="true">{mark} </span>
        {title} ({items.length})
      </h2>
      <ul className="diff-list">
        {items.map((action) => (
          <li key={action.code}>
            <strong>{action.code}</strong> {action.title}
            {action.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}

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
      <DiffSection id="diff-added" mark="＋" title={t("plans.diffAdded")} items={diff.added} />
      <DiffSection id="diff-removed" mark="−" title={t("plans.diffRemoved")} items={diff.removed} />
      <DiffSection
        id="diff-changed"
        mark="✎"
        title={t("plans.diffChanged")}
        items={diff.changed.map((action) => ({
          ...action,
          detail: (
            <>
              <br />
              <span className="muted">{t("plans.diffFields", { fields: action.fields.map(fieldLabel).join(", ") })}</span>
            </>
          ),
        }))}
      />
    </>
  );
}
