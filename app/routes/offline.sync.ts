// Where a device's outbox sends the reports kept while offline (app/utils/offline/sync.ts).
// JSON in every case, so the browser can tell "accepted", "conflict" and "invalid" apart;
// the same guards as the report form: the lead organisation's focal point only.
import type { ActionFunctionArgs } from "@remix-run/node";
import { applyDeviceSave, IDEMPOTENCY_KEY, KeyReusedError, type DeviceSaveResult } from "~/modules/offline/sync.server";
import { REPORT_INTENTS } from "~/modules/reporting/schema";
import { getOptionalUser } from "~/utils/auth.server";
import { DomainError } from "~/utils/domain-error";

type Refusal = { status: "refused"; reason: "signedOut" | "forbidden" | "notFound" | "invalidKey" | "keyReused"; message: string };

const MESSAGES: Record<Refusal["reason"], string> = {
  signedOut: "Votre session a pris fin : reconnectez-vous pour envoyer les rapports gardés sur cet appareil.",
  forbidden: "Vous ne pouvez pas modifier ce rapport.",
  notFound: "Ce rapport n'existe plus.",
  invalidKey: "Envoi incomplet : la clé d'envoi manque ou n'est pas valide.",
  keyReused: "Cette clé d'envoi a déjà servi pour un autre rapport.",
};

const STATUS_OF: Record<DeviceSaveResult["status"], number> = { accepted: 200, conflict: 409, invalid: 400 };

function refuse(status: number, reason: Refusal["reason"]) {
  return Response.json({ status: "refused", reason, message: MESSAGES[reason] } satisfies Refusal, { status });
}

export async function loader() {
  return new Response("Méthode non autorisée : envoyez le rapport avec POST.", { status: 405, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function action({ request }: ActionFunctionArgs) {
  // Not requireUser: a redirect to the sign-in page would read as a success to fetch().
  const user = await getOptionalUser(request);
  if (!user) return refuse(401, "signedOut");
  const formData = await request.formData();
  const key = formData.get("idempotencyKey");
  const reportId = formData.get("reportId");
  if (typeof key !== "string" || !IDEMPOTENCY_KEY.test(key) || typeof reportId !== "string") return refuse(400, "invalidKey");
  const intent = REPORT_INTENTS.find((value) => value === formData.get("intent"));
  if (!intent) return refuse(400, "invalidKey");
  try {
    const result = await applyDeviceSave(user, reportId, intent, key, formData);
    return Response.json(result, { status: STATUS_OF[result.status] });
  } catch (error) {
    if (error instanceof KeyReusedError) return refuse(409, "keyReused");
    if (error instanceof DomainError && error.kind === "forbidden") return refuse(403, "forbidden");
    if (error instanceof DomainError && error.kind === "notFound") return refuse(404, "notFound");
    throw error;
  }
}
