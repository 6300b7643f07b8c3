// A plan version's content, frozen at adoption, and the differences between two versions.
// Pure functions: used by the server and by tests.

export type IndicatorSnapshot = {
  name: string;
  definition: string | null;
  unit: string | null;
  kind: "NUMBER" | "PERCENTAGE" | "YES_NO";
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  frequency: string;
  dataSource: string | null;
  verificationMeans: string | null;
  disaggregation: string[];
};

export type ActionSnapshot = {
  code: string;
  title: string;
  description: string | null;
  expectedResult: string | null;
  mainObjectiveNumber: number;
  otherObjectives: number[];
  axes: number[];
  principles: number[];
  leadOrganisation: string;
  partners: string[];
  startDate: string | null;
  endDate: string | null;
  estimatedBudget: number | null;
  securedFunding: number | null;
  priority: "HIGH" | "MEDIUM" | "LOW";
  indicators: IndicatorSnapshot[];
};

export type PlanSnapshot = { actions: ActionSnapshot[] };

export type ActionChange = { code: string; title: string; fields: string[] };
export type SnapshotDiff = {
  added: { code: string; title: string }[];
  removed: { code: string; title: string }[];
  changed: ActionChange[];
};

const ACTION_FIELDS = [
  "title",
  "description",
  "expectedResult",
  "mainObjectiveNumber",
  "otherObjectives",
  "axes",
  "principles",
  "leadOrganisation",
  "partners",
  "startDate",
  "endDate",
  "estimatedBudget",
  "securedFunding",
  "priority",
  "indicators",
] as const satisfies readonly (keyof ActionSnapshot)[];

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function same(a: unknown, b: unknown) {
  return canonical(a) === canonical(b);
}

/** What changed from `before` to `after`, action by action (matched by code). */
export function diffSnapshots(before: PlanSnapshot, after: PlanSnapshot): SnapshotDiff {
  const beforeByCode = new Map(before.actions.map((action) => [action.code, action]));
  const afterByCode = new Map(after.actions.map((action) => [action.code, action]));
  const added = after.actions
    .filter((action) => !beforeByCode.has(action.code))
    .map(({ code, title }) => ({ code, title }));
  const removed = before.actions
    .filter((action) => !afterByCode.has(action.code))
    .map(({ code, title }) => ({ code, title }));
  const changed: ActionChange[] = [];
  for (const action of after.actions) {
    const previous = beforeByCode.get(action.code);
    if (!previous) continue;
    const fields = ACTION_FIELDS.filter((field) => !same(previous[field], action[field]));
    if (fields.length) changed.push({ code: action.code, title: action.title, fields });
  }
  return { added, removed, changed };
}

/** Reads a stored snapshot defensively: older versions may lack newer fields. */
export function readSnapshot(value: unknown): PlanSnapshot {
  if (!value || typeof value !== "object" || !("actions" in value) || !Array.isArray(value.actions)) return { actions: [] };
  return { actions: value.actions.filter(isActionSnapshot) };
}

function isActionSnapshot(value: unknown): value is ActionSnapshot {
  return typeof value === "object" && value !== null && "code" in value && typeof value.code === "string";
}
