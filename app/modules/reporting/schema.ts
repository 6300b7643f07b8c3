// The monitoring forms, shared by the browser (react-hook-form) and the server: reporting
// periods, the progress report with its indicator values, replies and contributions.
import * as z from "zod/mini";
import { choice, hasNoControlCharacters, intInRange, optionalText, requiredDay, requiredText, versionField } from "~/utils/validation";

// Cross-field rules also run when a field failed its own check, so the user sees every
// mistake at once; they only compare values that passed their own checks.
const RUN_WITH_FIELD_ERRORS = { when: () => true };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string => typeof value === "string" && ISO_DAY.test(value);

// ---------------------------------------------------------------------------
// Reporting periods
// ---------------------------------------------------------------------------

type PeriodDays = { startDate: string; endDate: string; dueDate: string };

const periodRules = z.superRefine((value: PeriodDays, ctx) => {
  if (isDay(value.startDate) && isDay(value.endDate) && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "periods.endBeforeStart", input: value.endDate });
  }
  if (isDay(value.endDate) && isDay(value.dueDate) && value.dueDate < value.endDate) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "periods.dueBeforeEnd", input: value.dueDate });
  }
}, RUN_WITH_FIELD_ERRORS);

/** Opening one period: its label, first and last day, and the day reports are due. */
export const PeriodSchema = z
  .object({ label: requiredText(60), startDate: requiredDay(), endDate: requiredDay(), dueDate: requiredDay() })
  .check(periodRules);
export type PeriodInput = z.output<typeof PeriodSchema>;

export const PERIOD_FREQUENCIES = ["QUARTERLY", "SEMIANNUAL"] as const;
export type PeriodFrequency = (typeof PERIOD_FREQUENCIES)[number];
export const DEFAULT_DUE_AFTER_DAYS = 30;

/** Generating the periods of the plan's span: quarters or half-years, due N days after their end. */
export const GeneratePeriodsSchema = z.object({
  frequency: choice(PERIOD_FREQUENCIES),
  dueAfterDays: intInRange(0, 365, "periods.dueAfterDaysRange"),
});

/** Closing or reopening a period. */
export const PeriodRefSchema = z.object({ periodId: requiredText(40) });

// ---------------------------------------------------------------------------
// Progress reports
// ---------------------------------------------------------------------------

export const REPORT_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DELAYED", "CANCELLED"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The statuses a focal point must explain. */
export const STATUSES_NEEDING_REASON: readonly ReportStatus[] = ["DELAYED", "CANCELLED"];

/** Save a draft (anything typed so far, of the right types) or submit a complete report. */
export const REPORT_INTENTS = ["save", "submit"] as const;
export type ReportIntent = (typeof REPORT_INTENTS)[number];

export const MAX_EVIDENCE_LINKS = 20;

/** The categories of each break-down dimension an indicator may have. */
export const BREAKDOWNS = {
  SEX: ["F", "M"],
  AGE_GROUP: ["UNDER_18", "AGE_18_24", "AGE_25_34", "AGE_35_59", "AGE_60_PLUS"],
  REGION: ["KAYES", "KOULIKORO", "SIKASSO", "SEGOU", "MOPTI", "TOMBOUCTOU", "GAO", "KIDAL", "MENAKA", "TAOUDENIT", "BAMAKO"],
  NATIONALITY: ["MALIAN", "FOREIGN"],
} as const;
export type BreakdownDimension = keyof typeof BREAKDOWNS;
export type BreakdownCategory = (typeof BREAKDOWNS)[BreakdownDimension][number];
/** {"SEX": {"F": 12, "M": 30}}: what IndicatorValue.disaggregation holds. */
export type Breakdown = Partial<Record<BreakdownDimension, Partial<Record<BreakdownCategory, number>>>>;

export type ReportIndicator = { id: string; kind: "NUMBER" | "PERCENTAGE" | "YES_NO"; disaggregation: string[] };

function isDimension(value: string): value is BreakdownDimension {
  return value in BREAKDOWNS;
}

/** The dimensions the form asks for: known ones only, and none for a yes/no indicator. */
export function breakdownDimensions(indicator: ReportIndicator): BreakdownDimension[] {
  if (indicator.kind === "YES_NO") return [];
  return indicator.disaggregation.filter(isDimension);
}

// Flat field names (no dots), the same for react-hook-form and for the posted form.
export function valueField(indicatorId: string) {
  return `value-${indicatorId}`;
}
export function breakdownGroupField(indicatorId: string, dimension: BreakdownDimension) {
  return `value-${indicatorId}-${dimension}`;
}
export function breakdownField(indicatorId: string, dimension: BreakdownDimension, category: BreakdownCategory) {
  return `value-${indicatorId}-${dimension}-${category}`;
}

const SPACES = /[\s\u00a0\u202f]/g;

/** A typed number: undefined when blank, NaN when not a number ("12,5" and "1 500" are fine). */
export function readNumber(raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return Number.NaN;
  const compact = raw.replace(SPACES, "").replace(",", ".");
  if (compact === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

export type IndicatorEntry = { indicatorId: string; value: number | undefined; breakdown: Breakdown };

/** The values typed for each indicator (raw form strings in, numbers or NaN out). */
export function readIndicatorEntries(values: Record<string, unknown>, indicators: ReportIndicator[]): IndicatorEntry[] {
  return indicators.map((indicator) => {
    const breakdown: Breakdown = {};
    for (const dimension of breakdownDimensions(indicator)) {
      const cells: Partial<Record<BreakdownCategory, number>> = {};
      for (const category of BREAKDOWNS[dimension]) {
        const cell = readNumber(values[breakdownField(indicator.id, dimension, category)]);
        if (cell !== undefined) cells[category] = cell;
      }
      if (Object.keys(cells).length) breakdown[dimension] = cells;
    }
    return { indicatorId: indicator.id, value: readNumber(values[valueField(indicator.id)]), breakdown };
  });
}

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.pipe(z.transform(emptyToUndefined), z.optional(z.enum(values, { error: "validation.invalidChoice" })));
}

function optionalPercentInt() {
  return z.pipe(
    z.transform((value: unknown) => {
      const trimmed = emptyToUndefined(value);
      return typeof trimmed === "string" ? (/^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN) : trimmed;
    }),
    z.optional(
      z.number({ error: "reports.progressRange" }).check(z.int("reports.progressRange"), z.gte(0, "reports.progressRange"), z.lte(100, "reports.progressRange")),
    ),
  );
}

const WEB_ADDRESS = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function isWebAddress(line: string) {
  if (line.length > 500 || !WEB_ADDRESS.test(line) || !hasNoControlCharacters(line)) return false;
  try {
    const url = new URL(line);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Evidence links, one per line; every line must be an http(s) address. */
function evidenceLinks() {
  return z.pipe(
    z.transform((value: unknown) =>
      typeof value === "string"
        ? value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : value === undefined
          ? []
          : value,
    ),
    z
      .array(z.string({ error: "reports.evidenceUrl" }), { error: "reports.evidenceUrl" })
      .check(
        z.maxLength(MAX_EVIDENCE_LINKS, "reports.tooManyLinks"),
        z.refine((lines: string[]) => lines.every(isWebAddress), "reports.evidenceUrl"),
      ),
  );
}

type ReportRulesInput = {
  intent: ReportIntent;
  status?: ReportStatus;
  statusReason?: string;
  progress?: number;
  narrative?: string;
} & Record<string, unknown>;

const SUM_TOLERANCE = 1e-9;

function reportRules(indicators: ReportIndicator[]) {
  return z.superRefine((value: ReportRulesInput, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message, input: value[path] });
    const submitting = value.intent === "submit";

    // A draft only needs values of the right type; a submitted report must be complete.
    if (submitting) {
      if (value.status === undefined) issue("status", "validation.required");
      if (value.progress === undefined) issue("progress", "validation.required");
      if (value.narrative === undefined) issue("narrative", "validation.required");
      if (value.status && STATUSES_NEEDING_REASON.includes(value.status) && !value.statusReason) {
        issue("statusReason", "validation.reasonRequired");
      }
    }

    for (const [index, entry] of readIndicatorEntries(value, indicators).entries()) {
      const indicator = indicators[index];
      if (!indicator) continue;
      const total = valueField(indicator.id);
      if (entry.value === undefined) {
        if (submitting) issue(total, "reports.valueRequired");
      } else if (!Number.isFinite(entry.value)) {
        issue(total, "validation.number");
      } else if (indicator.kind === "PERCENTAGE" && (entry.value < 0 || entry.value > 100)) {
        issue(total, "validation.percentageRange");
      } else if (indicator.kind === "YES_NO" && entry.value !== 0 && entry.value !== 1) {
        issue(total, "validation.yesNoValue");
      }
      for (const dimension of breakdownDimensions(indicator)) {
        const cells = entry.breakdown[dimension] ?? {};
        let cellsValid = true;
        for (const category of BREAKDOWNS[dimension]) {
          const cell = cells[category];
          if (cell === undefined) continue;
          const field = breakdownField(indicator.id, dimension, category);
          if (!Number.isFinite(cell)) {
            issue(field, "validation.number");
            cellsValid = false;
          } else if (indicator.kind === "PERCENTAGE" && (cell < 0 || cell > 100)) {
            issue(field, "validation.percentageRange");
            cellsValid = false;
          }
        }
        // Counts add up: the break-down of a number must sum to its total (blank cells count as 0).
        const given = Object.values(cells);
        if (submitting && indicator.kind === "NUMBER" && cellsValid && given.length && Number.isFinite(entry.value ?? Number.NaN)) {
          const sum = given.reduce((total, cell) => total + cell, 0);
          if (Math.abs(sum - (entry.value ?? 0)) > SUM_TOLERANCE) issue(breakdownGroupField(indicator.id, dimension), "reports.breakdownSum");
        }
      }
    }
  }, RUN_WITH_FIELD_ERRORS);
}

/**
 * The progress report form for an action's indicators. Unknown fields pass through as
 * form strings; `reportContent` reads the indicator values from them.
 */
export function reportSchema(indicators: ReportIndicator[]) {
  return z
    .looseObject({
      intent: z.enum(REPORT_INTENTS, { error: "validation.invalidForm" }),
      version: versionField(),
      status: optionalChoice(REPORT_STATUSES),
      statusReason: optionalText(2000),
      progress: optionalPercentInt(),
      narrative: optionalText(8000),
      challenges: optionalText(4000),
      nextSteps: optionalText(4000),
      evidenceLinks: evidenceLinks(),
    })
    .check(reportRules(indicators));
}
export type ReportFormOutput = z.output<ReturnType<typeof reportSchema>>;

export type IndicatorValueInput = { indicatorId: string; value: number | null; disaggregation: Breakdown | null };

export type ReportContent = {
  intent: ReportIntent;
  version: number;
  status?: ReportStatus;
  statusReason?: string;
  progress?: number;
  narrative?: string;
  challenges?: string;
  nextSteps?: string;
  evidenceLinks: string[];
  values: IndicatorValueInput[];
};

/** The parsed form as the module stores it: only finite values, only indicators that have one. */
export function reportContent(data: ReportFormOutput, indicators: ReportIndicator[]): ReportContent {
  const values = readIndicatorEntries(data, indicators).flatMap((entry): IndicatorValueInput[] => {
    const value = entry.value !== undefined && Number.isFinite(entry.value) ? entry.value : null;
    const hasBreakdown = Object.keys(entry.breakdown).length > 0;
    if (value === null && !hasBreakdown) return [];
    return [{ indicatorId: entry.indicatorId, value, disaggregation: hasBreakdown ? entry.breakdown : null }];
  });
  return {
    intent: data.intent,
    version: data.version,
    status: data.status,
    statusReason: data.statusReason,
    progress: data.progress,
    narrative: data.narrative,
    challenges: data.challenges,
    nextSteps: data.nextSteps,
    evidenceLinks: data.evidenceLinks,
    values,
  };
}

/** Reads a stored break-down back, keeping only known dimensions and numeric cells. */
export function readBreakdown(json: unknown): Breakdown {
  const breakdown: Breakdown = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return breakdown;
  for (const [dimension, cells] of Object.entries(json)) {
    if (!isDimension(dimension) || !cells || typeof cells !== "object" || Array.isArray(cells)) continue;
    const stored = new Map<string, unknown>(Object.entries(cells));
    const kept: Partial<Record<BreakdownCategory, number>> = {};
    for (const category of BREAKDOWNS[dimension]) {
      const cell = stored.get(category);
      if (typeof cell === "number" && Number.isFinite(cell)) kept[category] = cell;
    }
    breakdown[dimension] = kept;
  }
  return breakdown;
}

/** Starting (or finding) the report of an action for a period. */
export const StartReportSchema = z.object({ actionId: requiredText(40), periodId: requiredText(40) });

/** A focal point's answer to the reviewers' comments. */
export const ReplySchema = z.object({ body: requiredText(4000) });

/** A partner organisation's note on the lead's report. */
export const ContributionSchema = z.object({ note: requiredText(4000) });
