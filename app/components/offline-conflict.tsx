// A conflict's two versions side by side (loaded only when there is one: see offline-report.tsx).
import { REPORT_STATUSES } from "~/modules/reporting/schema";
import type { OutboxEntry } from "~/utils/offline/shared";
import { useT } from "~/utils/i18n";

export function ConflictChooser({
  entry,
  serverValues,
  serverVersion,
  labels,
  userId,
}: {
  entry: OutboxEntry;
  serverValues: Record<string, string>;
  serverVersion: number;
  labels: Record<string, string>;
  userId: string;
}) {
  const t = useT();
  const mine = new Map(entry.values);
  const display = (name: string, value: string | undefined) => {
    const status = name === "status" ? REPORT_STATUSES.find((item) => item === value) : undefined;
    return status ? t(`actionStatus.${status}`) : (value ?? "");
  };
  const rows = Object.entries(labels).filter(([name]) => mine.has(name) || name in serverValues);
  const choose = async (keep: "mine" | "server") => {
    const { keepMine, keepServer, syncOutbox } = await import("~/utils/offline/sync");
    if (keep === "mine") {
      await keepMine({ ...entry, conflict: entry.conflict ? { ...entry.conflict, version: serverVersion } : undefined });
      await syncOutbox(userId);
    } else {
      await keepServer(entry);
    }
    // The form's values come from the page: load it again with the version that was kept.
    window.location.reload();
  };
  return (
    <section className="offline-conflict" aria-labelledby="offline-conflict-title">
      <h2 id="offline-conflict-title">{t("offline.conflictTitle")}</h2>
      <p>{t("offline.conflictIntro", { version: String(serverVersion) })}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("offline.conflictField")}</th>
              <th scope="col">{t("offline.conflictMine")}</th>
              <th scope="col">{t("offline.conflictServer")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, label]) => {
              const differs = (mine.get(name) ?? "") !== (serverValues[name] ?? "");
              return (
                <tr key={name} className={differs ? "offline-conflict__differs" : undefined}>
                  <th scope="row">
                    {label}
                    {differs ? <span className="offline-conflict__mark"> ({t("offline.conflictDiffers")})</span> : null}
                  </th>
                  <td className="prose">{display(name, mine.get(name))}</td>
                  <td className="prose">{display(name, serverValues[name])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="button-row">
        <button type="button" className="button" onClick={() => void choose("mine")}>
          {t("offline.keepMine")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void choose("server")}>
          {t("offline.keepServer")}
        </button>
      </p>
    </section>
  );
}
