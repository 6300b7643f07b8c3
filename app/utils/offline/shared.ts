// The light part of offline capture, loaded with the page: the shapes kept on the device, the
// event that says the outbox changed, and how a form becomes storable entries. IndexedDB access
// (store.ts) and sending (sync.ts) are loaded once the page works (dynamic imports).
export type FormEntries = [string, string][];

export type Draft = {
  userId: string;
  reportId: string;
  /** The report's version the form was opened on. */
  baseVersion: number;
  values: FormEntries;
  savedAt: string;
};

export type Conflict = {
  reason: "stale" | "notEditable" | "periodClosed" | "approved";
  /** The server's version and state when the conflict was seen. */
  version: number;
  reviewState: string;
};

export type OutboxEntry = {
  /** The idempotency key: one per press of the button, sent with every attempt. */
  key: string;
  userId: string;
  reportId: string;
  /** What the focal point sees in the list: the report's page title. */
  label: string;
  intent: "save" | "submit";
  baseVersion: number;
  values: FormEntries;
  savedAt: string;
  state: "waiting" | "conflict" | "invalid";
  conflict?: Conflict;
  errors?: Record<string, string>;
};

/** Tells every mounted piece (the pending list, the report form) that the outbox changed. */
export const OUTBOX_EVENT = "pacte:outbox";

/** The form's fields as the device stores them (files are never part of a report form). */
export function formEntries(form: HTMLFormElement | FormData): FormEntries {
  const data = form instanceof FormData ? form : new FormData(form);
  return [...data.entries()].flatMap(([name, value]): FormEntries => (typeof value === "string" && name !== "intent" ? [[name, value]] : []));
}
