// Saves sent from a device's outbox (offline capture, docs/decisions/0008-offline-capture.md).
// Each carries an idempotency key made on the device when the focal point pressed the button,
// and the version of the report it was based on. A key seen before returns its first result;
// a newer version on the server is a conflict the focal point settles, never an overwrite.
import { Prisma } from "~/generated/prisma/client";
import { getReport, ReportError, saveReport } from "~/modules/reporting/reports.server";
import { reportContent, reportSchema } from "~/modules/reporting/schema";
import { prisma } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export type DeviceSaveResult =
  | { status: "accepted"; reportId: string; intent: string; version: number; reviewState: string; replayed: boolean }
  | { status: "conflict"; reportId: string; reason: Exclude<ReportError["reason"], "forbidden">; version: number; reviewState: string }
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

/**
 * Applies one outbox entry. The caller has checked the actor may edit (or submit) the report.
 * Throws ReportError("forbidden") like saveReport, and KeyReusedError when the key is another's.
 */
export async function applyDeviceSave(
  actor: Actor,
  report: NonNullable<Awaited<ReturnType<typeof getReport>>>,
  key: string,
  formData: FormData,
): Promise<DeviceSaveResult> {
  const known = await findDeviceSave(key);
  if (known) {
    const result = replay(known, actor, report.id);
    if (!result) throw new KeyReusedError();
    return result;
  }
  const indicators = report.action.indicators;
  const parsed = parseForm(reportSchema(indicators), formData);
  if (!parsed.ok) return { status: "invalid", reportId: report.id, errors: parsed.errors };
  const content = reportContent(parsed.data, indicators);
  try {
    const saved = await saveReport(actor, report.id, content, { idempotencyKey: key });
    return { status: "accepted", reportId: report.id, intent: content.intent, version: saved.version, reviewState: saved.reviewState, replayed: false };
  } catch (error) {
    const isReportError = error instanceof ReportError && error.reason !== "forbidden";
    if (!isReportError && !isUniqueViolation(error)) throw error;
    // The same key sent twice at once: the first one's transaction won, and holds the result.
    const raced = await findDeviceSave(key);
    if (raced) {
      const result = replay(raced, actor, report.id);
      if (!result) throw new KeyReusedError();
      return result;
    }
    if (!(error instanceof ReportError) || error.reason === "forbidden") throw error;
    const latest = await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { version: true, reviewState: true } });
    return { status: "conflict", reportId: report.id, reason: error.reason, version: latest.version, reviewState: latest.reviewState };
  }
}
