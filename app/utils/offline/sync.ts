// Sends what waits in the outbox, oldest first, when the connection returns or on the next
// visit. Each entry goes with its idempotency key and the version it was based on, so a
// retry after a lost answer cannot save twice, and a newer server copy becomes a conflict.
import type { Conflict, OutboxEntry } from "./shared";
import { deleteDraft, listOutbox, putOutbox, readDraft, removeOutbox } from "./store";

export type SyncOutcome = { sent: OutboxEntry[]; conflicts: OutboxEntry[]; stopped: boolean };

type Answer =
  | { status: "accepted"; version: number }
  | ({ status: "conflict" } & Conflict)
  | { status: "invalid"; errors: Record<string, string> }
  | { status: "refused"; reason: string };

function isAnswer(value: unknown): value is Answer {
  return typeof value === "object" && value !== null && "status" in value && typeof value.status === "string";
}

async function send(entry: OutboxEntry): Promise<Answer | null> {
  // URL-encoded, as every write to Pacte must be (server.js refuses multipart where no file is taken).
  const body = new URLSearchParams();
  for (const [name, value] of entry.values) body.append(name, value);
  body.set("version", String(entry.baseVersion));
  body.set("intent", entry.intent);
  body.set("reportId", entry.reportId);
  body.set("idempotencyKey", entry.key);
  try {
    const response = await fetch("/offline/sync", { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!(response.headers.get("Content-Type") ?? "").includes("json")) return null;
    const answer: unknown = await response.json();
    return isAnswer(answer) ? answer : null;
  } catch {
    // Still offline, or the connection dropped again: the entry waits for the next attempt.
    return null;
  }
}

let running: Promise<SyncOutcome> | null = null;

/** One run at a time per page: the `online` event and a page load may fire together. */
export function syncOutbox(userId: string): Promise<SyncOutcome> {
  running ??= run(userId).finally(() => {
    running = null;
  });
  return running;
}

async function run(userId: string): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { sent: [], conflicts: [], stopped: false };
  for (const entry of await listOutbox(userId)) {
    if (entry.state !== "waiting") continue;
    const answer = await send(entry);
    if (!answer || answer.status === "refused") {
      // No network, a signed-out session, or a refusal to show: keep everything for later.
      outcome.stopped = true;
      break;
    }
    if (answer.status === "accepted") {
      await removeOutbox(entry);
      // The draft goes too, unless the focal point typed more after pressing the button.
      const draft = await readDraft(userId, entry.reportId);
      if (draft && draft.savedAt <= entry.savedAt) await deleteDraft(userId, entry.reportId);
      outcome.sent.push(entry);
    } else if (answer.status === "conflict") {
      const conflicted: OutboxEntry = { ...entry, state: "conflict", conflict: { reason: answer.reason, version: answer.version, reviewState: answer.reviewState } };
      await putOutbox(conflicted);
      outcome.conflicts.push(conflicted);
    } else {
      await putOutbox({ ...entry, state: "invalid", errors: answer.errors });
    }
  }
  return outcome;
}

/** "Keep my version": send it again on top of the server's newer version, with a new key. */
export async function keepMine(entry: OutboxEntry) {
  if (!entry.conflict) return;
  await removeOutbox(entry);
  await putOutbox({ ...entry, key: crypto.randomUUID(), baseVersion: entry.conflict.version, state: "waiting", conflict: undefined, savedAt: new Date().toISOString() });
}

/** "Keep the server's version": forget what this device kept for the report. */
export async function keepServer(entry: OutboxEntry) {
  await removeOutbox(entry);
  await deleteDraft(entry.userId, entry.reportId);
}
