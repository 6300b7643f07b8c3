// The audit trail of an action and its indicators, put into words for the action page
// and for the conflict message. Pure: runs in the browser and on the server alike.
import { formatDate, formatNumber, formatXof, type Lang, type MessageKey, type Translate } from "~/utils/i18n";
import { isActionAuditField, type ActionAuditField } from "./audit-fields";
import { isIndicatorAuditField, type IndicatorAuditField } from "~/modules/indicators/audit-fields";

type AuditValue = unknown;

const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
const KINDS = ["NUMBER", "PERCENTAGE", "YES_NO"] as const;
const FREQUENCIES = ["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "ONCE"] as const;
const DIMENSIONS = ["SEX", "AGE_GROUP", "REGION", "NATIONALITY"] as const;

function pick<const T extends readonly string[]>(values: T, value: unknown): T[number] | undefined {
  return values.find((candidate) => candidate === value);
}

function isEmpty(value: AuditValue) {
  return value === null || value === undefined || value === "";
}

/** An action field's recorded value, as a reader would write it. */
export function formatActionValue(t: Translate, lang: Lang, field: ActionAuditField, value: AuditValue): string {
  if (isEmpty(value)) return t("actions.history.empty");
  switch (field) {
    case "startDate":
    case "endDate":
      return typeof value === "string" ? formatDate(lang, `${value}T00:00:00Z`) : String(value);
    case "estimatedBudget":
    case "securedFunding":
      return typeof value === "number" ? formatXof(lang, value) : String(value);
    case "mainObjectiveNumber":
      return t("objectives.number", { number: String(value) });
    case "priority": {
      const priority = pick(PRIORITIES, value);
      return priority ? t(`priority.${priority}`) : String(value);
    }
    default:
      return String(value);
  }
}

/** An indicator field's recorded value, as a reader would write it. */
export function formatIndicatorValue(t: Translate, lang: Lang, field: IndicatorAuditField, value: AuditValue): string {
  if (isEmpty(value)) return t("actions.history.empty");
  switch (field) {
    case "baselineDate":
    case "targetDate":
      return typeof value === "string" ? formatDate(lang, `${value}T00:00:00Z`) : String(value);
    case "baselineValue":
    case "targetValue":
      return typeof value === "number" ? formatNumber(lang, value) : String(value);
    case "kind": {
      const kind = pick(KINDS, value);
      return kind ? t(`indicatorKind.${kind}`) : String(value);
    }
    case "frequency": {
      const frequency = pick(FREQUENCIES, value);
      return frequency ? t(`frequency.${frequency}`) : String(value);
    }
    case "disaggregation":
      return String(value)
        .split(", ")
        .map((item) => {
          const dimension = pick(DIMENSIONS, item);
          return dimension ? t(`disaggregation.${dimension}`) : item;
        })
        .join(", ");
    default:
      return String(value);
  }
}

export function actionFieldLabel(t: Translate, field: ActionAuditField) {
  return t(`actions.field.${field}`);
}

export function indicatorFieldLabel(t: Translate, field: IndicatorAuditField) {
  return t(`indicators.field.${field}`);
}

export type HistoryEvent = {
  id: string;
  at: string | Date;
  entityType: string;
  entityId: string;
  action: string;
  changes: unknown;
  actor: { name: string } | null;
};

export type HistoryLine = { id: string; at: string | Date; who: string; summary: string; details: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return isRecord(value) && "from" in value && "to" in value;
}

const SUMMARIES = {
  "Action.create": "actions.history.Action.create",
  "Action.update": "actions.history.Action.update",
  "Action.delete": "actions.history.Action.delete",
  "Indicator.create": "actions.history.Indicator.create",
  "Indicator.update": "actions.history.Indicator.update",
  "Indicator.delete": "actions.history.Indicator.delete",
} as const satisfies Record<string, MessageKey>;

function summaryKey(entityType: string, action: string) {
  const key = `${entityType}.${action}`;
  return Object.entries(SUMMARIES).find(([name]) => name === key)?.[1];
}

/** Indicator names by id, from the trail itself, so removed indicators are still named. */
function indicatorNames(events: HistoryEvent[], current: { id: string; name: string }[]) {
  const names = new Map(current.map((indicator) => [indicator.id, indicator.name]));
  // Oldest first, so the latest name wins.
  for (const event of [...events].reverse()) {
    if (event.entityType !== "Indicator" || !isRecord(event.changes)) continue;
    const name = event.changes.name;
    if (typeof name === "string") names.set(event.entityId, name);
    else if (isChange(name) && typeof name.to === "string") names.set(event.entityId, name.to);
  }
  return names;
}

/** Each entry as "who did what", with one line per field. */
export function describeHistory(
  t: Translate,
  lang: Lang,
  events: HistoryEvent[],
  currentIndicators: { id: string; name: string }[],
): HistoryLine[] {
  const names = indicatorNames(events, currentIndicators);
  return events.map((event) => {
    const key = summaryKey(event.entityType, event.action);
    const name = names.get(event.entityId) ?? "";
    const details: string[] = [];
    const changes = isRecord(event.changes) ? event.changes : {};
    for (const [field, value] of Object.entries(changes)) {
      const describe =
        event.entityType === "Action" && isActionAuditField(field)
          ? { label: actionFieldLabel(t, field), format: (v: unknown) => formatActionValue(t, lang, field, v) }
          : event.entityType === "Indicator" && isIndicatorAuditField(field)
            ? { label: indicatorFieldLabel(t, field), format: (v: unknown) => formatIndicatorValue(t, lang, field, v) }
            : null;
      // The version number and the parent action's id are bookkeeping, not something people changed.
      if (!describe) continue;
      if (isChange(value)) {
        details.push(t("actions.history.change", { field: describe.label, from: describe.format(value.from), to: describe.format(value.to) }));
      } else if (event.action === "create" && !isEmpty(value)) {
        details.push(t("actions.history.value", { field: describe.label, value: describe.format(value) }));
      }
    }
    return {
      id: event.id,
      at: event.at,
      who: event.actor?.name ?? t("actions.history.someone"),
      summary: key ? t(key, { name }) : `${event.entityType} ${event.action}`,
      details,
    };
  });
}
