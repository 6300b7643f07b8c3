// Saves sent from a device's outbox (offline capture, docs/decisions/0008-offline-capture.md).
// Each carries an idempotency key made on the device when the focal point pressed the button,
// and the version of the report it was based on. A key seen before returns its first result;
// a newer version on the server is a conflict the focal point settles, never an overwrite.
import { Prisma } from "~/generated/prisma/client";
import { getReportIndicators, saveReport, type ReportRefusal } from "~/modules/reporting/reports.server";
import { reportContent, reportSchema, type ReportIntent } from "~/modules/reporting/schema";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { parseForm, type FieldErrors } from "~/utils/forms";

export type DeviceSaveResult =
  | { status: "accepted"; reportId: string; intent: string; version: number; reviewState: string; replayed: boolean }
  | { status: "conflict"; reportId: string; reason: ReportRefusal; version: number; reviewState: string }
  | { status: "invalid"; reportId: string; errors: FieldErrors };

/** A key the browser made with crypto.randomUUID(): nothing else is stored. */
export const IDEMPOTENCY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Actor = Parameters<typeof saveReport>[0];

async function findDeviceSave(key: string) {
  return prisma.reportDeviceSave.findUnique({ where: { key }, select: { reportId: true, userId: true, intent: true, version: true, reviewState: true } });
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The first result of a key, or null when the key belongs to another person or report. */
function replay(save: NonNullable<Awaited<ReturnType<typeof findDeviceSave>>>, actor: Actor, reportId: string): DeviceSaveResult | null {
  if (save.userId !== actor.id || save.reportId !== reportId) return null;
  return { status: "accepted", reportId, intent: save.intent, version: save.version, reviewState: save.reviewState, replayed: true };
}

export class KeyReusedError extends Error {
  constructor() {
    super("idempotency key used by another save");
    this.name = "KeyReusedError";
  }
}

const REFUSALS: ReportRefusal[] = ["notEditable", "stale", "periodClosed", "approved"];

function refusalOf(error: unknown): ReportRefusal | null {
  if (!(error instanceof DomainError) || error.kind !== "conflict") return null;
  return REFUSALS.find((reason) => reason === error.reason) ?? "notEditable";
}

/**
 * Applies one outbox entry. Throws the modules' DomainError when the actor may not edit (or
 * submit) the report or it does not exist, and KeyReusedError when the key is another's.
 */
export async function applyDeviceSave(actor: Actor, reportId: string, intent: ReportIntent, key: string, formData: FormData): Promise<DeviceSaveResult> {
  const known = await findDeviceSave(key);
  if (known) {
    const result = replay(known, actor, reportId);
    if (!result) throw new KeyReusedError();
    return result;
  }
  const indicators = await getReportIndicators(actor, reportId, intent);
  const parsed = parseForm(reportSchema(indicators), formData);
  if (!parsed.ok) return { status: "invalid", reportId, errors: parsed.errors };
  const content = reportContent(parsed.data, indicators);
  try {
    const saved = await saveReport(actor, reportId, content, { idempotencyKey: key });
    return { status: "accepted", reportId, intent: content.intent, version: saved.version, reviewState: saved.reviewState, replayed: false };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal && !isUniqueViolation(error)) throw error;
    // The same key sent twice at once: the first one's transaction won, and holds the result.
    const raced = await findDeviceSave(key);
    if (raced) {
      const result = replay(raced, actor, reportId);
      if (!result) throw new KeyReusedError();
      return result;
    }
    if (!refusal) throw error;
    const latest = await prisma.progressReport.findUniqueOrThrow({ where: { id: reportId }, select: { version: true, reviewState: true } });
    return { status: "conflict", reportId, reason: refusal, version: latest.version, reviewState: latest.reviewState };
  }
}
