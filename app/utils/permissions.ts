// Who may do what: one table, asked by server guards and by the UI alike.
import type { Role } from "~/generated/prisma/enums";

export type { Role };
export const ROLES = ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const satisfies readonly Role[];

/** `any`: on every record. `own`: only on records of the user's own organisation. */
export type Scope = "any" | "own";

const EVERYONE = { ADMIN: "any", FACILITATOR: "any", FOCAL_POINT: "any", REVIEWER: "any", OBSERVER: "any" } as const;

export const PERMISSIONS = {
  // Reference data and administration
  "users:manage": { ADMIN: "any" },
  "organisations:manage": { ADMIN: "any" },
  "reference:edit": { ADMIN: "any" },
  "portal:manage": { ADMIN: "any" },
  "alignment:read": EVERYONE,
  "alignment:edit": { ADMIN: "any", FACILITATOR: "any" },
  // The plan
  "plan:read": EVERYONE,
  "plan:edit": { ADMIN: "any", FACILITATOR: "any" },
  "plan:adopt": { ADMIN: "any", FACILITATOR: "any" },
  "workshop:edit": { ADMIN: "any", FACILITATOR: "any" },
  "audit:read": { ADMIN: "any", FACILITATOR: "any", REVIEWER: "any" },
  // Monitoring
  "period:manage": { ADMIN: "any", FACILITATOR: "any" },
  "report:read": { ADMIN: "any", FACILITATOR: "any", FOCAL_POINT: "own", REVIEWER: "any", OBSERVER: "any" },
  "report:edit": { FOCAL_POINT: "own" },
  "report:submit": { FOCAL_POINT: "own" },
  "report:contribute": { FOCAL_POINT: "any" },
  "report:review": { ADMIN: "any", REVIEWER: "any" },
  "compliance:read": { ADMIN: "any", FACILITATOR: "any", REVIEWER: "any", OBSERVER: "any" },
  // The coordination's list of indicators off track or not reported.
  "indicator:followUp": { ADMIN: "any", FACILITATOR: "any", REVIEWER: "any" },
  "focalPoint:handover": { ADMIN: "any" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

export type PermissionSubject = { role: Role; organisationId: string | null };
/** The record acted on, when the permission is scoped to an organisation. */
export type PermissionTarget = { organisationId: string | null };

export function scopeOf(role: Role, permission: Permission): Scope | undefined {
  const rules: Partial<Record<Role, Scope>> = PERMISSIONS[permission];
  return rules[role];
}

/**
 * Whether `user` may do `permission`. Without a target, answers whether the user
 * may do it on at least some records (enough to show a menu entry).
 */
export function can(user: PermissionSubject | null | undefined, permission: Permission, target?: PermissionTarget) {
  if (!user) return false;
  const scope = scopeOf(user.role, permission);
  if (!scope) return false;
  if (scope === "any" || !target) return true;
  return user.organisationId !== null && target.organisationId === user.organisationId;
}
