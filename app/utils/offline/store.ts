// What a focal point's device keeps while the connection is away (IndexedDB, via idb-keyval):
// a draft per report (saved as they type) and the outbox (what they pressed "Enregistrer" or
// "Soumettre" on). Every key starts with the user's id, so another person signing in on the
// same browser never reads them, and sign-out removes exactly that user's entries.
import { createStore, del, delMany, entries, get, set, type UseStore } from "idb-keyval";
import { OUTBOX_EVENT, type Draft, type OutboxEntry } from "./shared";

let database: UseStore | null = null;
function store() {
  database ??= createStore("pacte-offline", "entries");
  return database;
}

const draftKey = (userId: string, reportId: string) => `draft:${userId}:${reportId}`;
const outboxKey = (userId: string, key: string) => `outbox:${userId}:${key}`;

function changed() {
  window.dispatchEvent(new Event(OUTBOX_EVENT));
}

export async function readDraft(userId: string, reportId: string) {
  return (await get<Draft>(draftKey(userId, reportId), store())) ?? null;
}

export async function writeDraft(draft: Draft) {
  await set(draftKey(draft.userId, draft.reportId), draft, store());
}

export async function deleteDraft(userId: string, reportId: string) {
  await del(draftKey(userId, reportId), store());
}

export async function listOutbox(userId: string): Promise<OutboxEntry[]> {
  const prefix = `outbox:${userId}:`;
  const all = await entries<string, OutboxEntry>(store());
  return all
    .filter(([key]) => typeof key === "string" && key.startsWith(prefix))
    .map(([, entry]) => entry)
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export async function putOutbox(entry: OutboxEntry) {
  await set(outboxKey(entry.userId, entry.key), entry, store());
  changed();
}

export async function removeOutbox(entry: Pick<OutboxEntry, "userId" | "key">) {
  await del(outboxKey(entry.userId, entry.key), store());
  changed();
}

/** Keeps a press of "Enregistrer" or "Soumettre": it replaces what was waiting for that report. */
export async function enqueue(entry: Omit<OutboxEntry, "key" | "state" | "savedAt">) {
  const waiting = (await listOutbox(entry.userId)).filter((item) => item.reportId === entry.reportId);
  await delMany(
    waiting.map((item) => outboxKey(item.userId, item.key)),
    store(),
  );
  const saved: OutboxEntry = { ...entry, key: crypto.randomUUID(), state: "waiting", savedAt: new Date().toISOString() };
  await putOutbox(saved);
  return saved;
}

/** Everything this user left on the device: drafts and outbox (sign-out, shared computers). */
export async function clearUser(userId: string) {
  const all = await entries<string, unknown>(store());
  const mine = all.map(([key]) => key).filter((key) => typeof key === "string" && (key.startsWith(`draft:${userId}:`) || key.startsWith(`outbox:${userId}:`)));
  await delMany(mine, store());
  changed();
}
