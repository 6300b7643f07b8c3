// On the report form: the local draft on offer, the "saved on this device" notice, and, after
// a conflict, both versions side by side so the focal point chooses (nothing is overwritten).
import { useEffect, useState } from "react";
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

type Chooser = typeof import("./offline-conflict").ConflictChooser;

export function OfflineReportNotices({ offline, serverValues, serverVersion, labels }: Props) {
  const t = useT();
  const lang = useLang();
  const waiting = offline.entries.find((entry) => entry.state === "waiting");
  const conflict = offline.entries.find((entry) => entry.state === "conflict" && entry.conflict?.reason === "stale");
  // The side-by-side view is code of its own, fetched when a conflict shows up (3G budget).
  const [ConflictChooser, setConflictChooser] = useState<Chooser | null>(null);
  useEffect(() => {
    if (!conflict || ConflictChooser) return;
    import("./offline-conflict").then(
      (module) => setConflictChooser(() => module.ConflictChooser),
      () => {},
    );
  }, [conflict, ConflictChooser]);
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
      {ConflictChooser && conflict && conflict.conflict && conflict.conflict.version <= serverVersion ? (
        <ConflictChooser entry={conflict} serverValues={serverValues} serverVersion={serverVersion} labels={labels} userId={offline.userId} />
      ) : null}
    </>
  );
}
