// The report form's offline side: typing is kept on the device as a draft (per report, per
// user), a saved draft is offered when the form opens again, and pressing "Enregistrer" or
// "Soumettre" with no connection keeps the report in the outbox instead of failing.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRootData } from "~/root";
import { formEntries, OUTBOX_EVENT, type Draft, type FormEntries, type OutboxEntry } from "./shared";

// IndexedDB comes once the form works: not part of the page's first load on 3G.
const store = () => import("./store");

type Options = {
  reportId: string;
  /** The version of the report the page shows. */
  version: number;
  /** Puts a value into the form (react-hook-form's setValue, so validation sees it too). */
  setValue: (name: string, value: string) => void;
};

const AUTOSAVE_DELAY_MS = 400;

function same(a: FormEntries, b: FormEntries) {
  const key = (entries: FormEntries) => JSON.stringify([...entries].sort(([x], [y]) => x.localeCompare(y)));
  return key(a) === key(b);
}

function versionInput(form: HTMLFormElement | null) {
  const input = form?.elements.namedItem("version");
  return input instanceof HTMLInputElement ? input : null;
}

export function useOfflineReport({ reportId, version, setValue }: Options) {
  const userId = useRootData()?.user?.id ?? "";
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [kept, setKept] = useState<OutboxEntry["intent"] | null>(null);

  // A draft kept on this device, offered when it differs from what the form shows.
  useEffect(() => {
    if (!userId) return;
    let active = true;
    void store()
      .then(({ readDraft }) => readDraft(userId, reportId))
      .then((found) => {
        const form = formRef.current;
        if (active && found && form && !same(found.values, formEntries(form))) setDraft(found);
      })
      .catch(() => {});
    return () => {
      active = false;
    };
  }, [userId, reportId, version]);

  // What this report has waiting in the outbox.
  useEffect(() => {
    if (!userId) return;
    let active = true;
    const refresh = () =>
      void store()
        .then(({ listOutbox }) => listOutbox(userId))
        .then((all) => active && setEntries(all.filter((entry) => entry.reportId === reportId)))
        .catch(() => {});
    refresh();
    window.addEventListener(OUTBOX_EVENT, refresh);
    return () => {
      active = false;
      window.removeEventListener(OUTBOX_EVENT, refresh);
    };
  }, [userId, reportId]);

  // Saved as they type: a power cut or a closed tab loses nothing.
  useEffect(() => {
    const form = formRef.current;
    if (!userId || !form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      setDraft(null);
      timer = setTimeout(() => {
        const baseVersion = Number(versionInput(form)?.value ?? version);
        const draft = { userId, reportId, baseVersion, values: formEntries(form), savedAt: new Date().toISOString() };
        void store()
          .then(({ writeDraft }) => writeDraft(draft))
          .catch(() => {});
      }, AUTOSAVE_DELAY_MS);
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
    };
  }, [userId, reportId, version]);

  const restoreDraft = useCallback(() => {
    if (!draft) return;
    for (const [name, value] of draft.values) {
      // An older base version stays with the draft: saving it then shows the conflict.
      if (name === "version") {
        const input = versionInput(formRef.current);
        if (input) input.value = value;
      } else {
        setValue(name, value);
      }
    }
    setDraft(null);
  }, [draft, setValue]);

  const discardDraft = useCallback(() => {
    setDraft(null);
    void store()
      .then(({ deleteDraft }) => deleteDraft(userId, reportId))
      .catch(() => {});
  }, [userId, reportId]);

  /** With no connection, keeps the press in the outbox and says so; returns whether it did. */
  const keepIfOffline = useCallback(
    async (formData: FormData, intent: OutboxEntry["intent"]) => {
      if (!userId || navigator.onLine) return false;
      const values = formEntries(formData);
      const baseVersion = Number(formData.get("version") ?? version);
      const { enqueue, writeDraft } = await store();
      // The draft first: once the entry is sent, a draft no newer than it goes too.
      await writeDraft({ userId, reportId, baseVersion, values, savedAt: new Date().toISOString() });
      await enqueue({ userId, reportId, label: document.title.replace(/ – Pacte$/, ""), intent, baseVersion, values });
      setKept(intent);
      return true;
    },
    [userId, reportId, version],
  );

  return { formRef, draft, restoreDraft, discardDraft, entries, kept, keepIfOffline, userId };
}

export type OfflineReport = ReturnType<typeof useOfflineReport>;
