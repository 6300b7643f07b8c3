// On the report form: the local draft on offer, the "saved on this device" notice, and, after
// a conflict, both versions side by side so the focal point chooses (nothing is overwritten).
import { REPORT_STATUSES } from "~/modules/reporting/schema";
import type { OutboxEntry } from "~/utils/offline/shared";
import type { OfflineReport } from "~/utils/offline/use-offline-report";
import { formatDateTime, useLang, useT } from "~/utils/i18n";

type Props = {
  offline: OfflineReport;
  /** The report as the server has it now, as form values (the form's defaults). */
  serverValues: Record<string, string>;
  serverVersion: number;
  /** The form's field labels, in the form's order. */
  labels: Record<string, string>;
};

export function OfflineReportNotices({ offline, serverValues, serverVersion, labels }: Props) {
  const t = useT();
  const lang = useLang();
  const waiting = offline.entries.find((entry) => entry.state === "waiting");
  const conflict = offline.entries.find((entry) => entry.state === "conflict" && entry.conflict?.reason === "stale");
  return (
    <>
      {offline.draft ? (
        <div className="notice offline-draft" role="status">
          <p>{t("offline.draftFound", { date: formatDateTime(lang, offline.draft.savedAt) })}</p>
          {offline.draft.baseVersion < serverVersion ? <p>{t("offline.draftOlder")}</p> : null}
          <p className="button-row">
            <button type="button" className="button" onClick={offline.restoreDraft}>
              {t("offline.restoreDraft")}
            </button>
            <button type="button" className="button button--secondary" onClick={offline.discardDraft}>
              {t("offline.discardDraft")}
            </button>
          </p>
        </div>
      ) : null}
      {waiting || offline.kept ? (
        <p className="notice notice--warning" role="status">
          {t((waiting?.intent ?? offline.kept) === "submit" ? "offline.keptSubmit" : "offline.keptSave")}
        </p>
      ) : null}
      {/* The page must show the server's copy the conflict was about (it reloads after a sync). */}
      {conflict && conflict.conflict && conflict.conflict.version <= serverVersion ? (
        <ConflictChooser entry={conflict} serverValues={serverValues} serverVersion={serverVersion} labels={labels} userId={offline.userId} />
      ) : null}
    </>
  );
}

function ConflictChooser({
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
