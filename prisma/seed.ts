// Loads Pacte's reference data (GCM objectives and principles, PONAM 2014 and its axes,
// organisations) and the demonstration data (accounts, the 2020-2027 plan, the Ségou workshop,
// a reporting period).
//
//   DATABASE_URL=... npx tsx prisma/seed.ts [--reference-only]
//
// Idempotent: every row is found by a natural key and created only when missing, so a second run
// changes nothing and never overwrites what users have edited (titles, passwords, notes...). The
// links of a row (an action's partners, a working group's objectives...) are created with the row
// only, so links removed by users are not brought back. The only exception is the default
// objective/axis alignment, whose missing pairs are added on every run.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { GlobalFramework, OrganisationKind, type Prisma } from "../app/generated/prisma/client";
import { loadPlanSnapshot } from "../app/modules/plans/snapshot.server";
import { createPrismaClient, type PrismaClient } from "../app/utils/prisma-client.server";
import {
  ADMIN_EMAIL,
  DEMO_PASSWORD,
  FACILITATOR_EMAIL,
  FOCAL_POINTS_STARTED_AT,
  PROPOSALS_DECIDED_AT,
  defaultAlignments,
  demoActions,
  demoPlan,
  demoReportingPeriod,
  demoUsers,
  extraOrganisations,
  segouWorkshop,
  workingGroups,
  type OrganisationSeed,
} from "./data/demo";

type Tx = Prisma.TransactionClient;

export const PONAM_2014_CODE = "PONAM-2014";

export type SeedOptions = {
  /** Also load the demo accounts, plan, workshop and reporting period (default true). */
  demo?: boolean;
};

// ---------------------------------------------------------------------------
// Reference file
// ---------------------------------------------------------------------------

const titledItem = z.object({ number: z.number().int().positive(), fr: z.string().min(1), en: z.string().min(1) });

const referenceFile = z.object({
  gcmObjectives: z.object({ items: z.array(titledItem).length(23) }),
  gcmGuidingPrinciples: z.object({ items: z.array(titledItem).length(10) }),
  ponam2014Axes: z.object({ items: z.array(titledItem.extend({ confirmed: z.boolean().optional() })) }),
  organisations: z.object({
    items: z.array(
      z.object({
        acronym: z.string().min(1),
        name: z.string().min(1),
        kind: z.enum(OrganisationKind),
        note: z.string().optional(),
      }),
    ),
  }),
});

type ReferenceData = z.infer<typeof referenceFile>;

export function loadReferenceData(): ReferenceData {
  const file = new URL("./data/gcm-mali.json", import.meta.url);
  return referenceFile.parse(JSON.parse(readFileSync(file, "utf8")));
}

const globalIndicatorsFile = z.object({
  frameworks: z.array(
    z.object({
      framework: z.enum(GlobalFramework),
      source: z.string().min(1),
      indicators: z.array(z.object({ code: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) })),
    }),
  ),
});

/** The SDG and GCM indicators of prisma/data/global-indicators.json, each with its stable id. */
export function loadGlobalIndicators() {
  const file = new URL("./data/global-indicators.json", import.meta.url);
  const data = globalIndicatorsFile.parse(JSON.parse(readFileSync(file, "utf8")));
  return data.frameworks.flatMap(({ framework, indicators }) =>
    indicators.map((item, position) => ({
      id: globalIndicatorId(framework, item.code),
      framework,
      code: item.code,
      titleFr: item.fr,
      titleEn: item.en,
      position,
    })),
  );
}

export function globalIndicatorId(framework: GlobalFramework, code: string) {
  return `${framework}-${code}`;
}

/** A calendar date (for @db.Date columns) or an instant, from an ISO string. */
function day(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

function required<Value>(map: Map<string | number, Value>, key: string | number, what: string): Value {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed: ${what} « ${key} » introuvable.`);
  return value;
}

// ---------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------

async function seedReference(tx: Tx, data: ReferenceData) {
  for (const item of data.gcmObjectives.items) {
    await tx.gcmObjective.upsert({
      where: { number: item.number },
      create: { number: item.number, titleFr: item.fr, titleEn: item.en },
      update: {},
    });
  }
  for (const item of data.gcmGuidingPrinciples.items) {
    await tx.guidingPrinciple.upsert({
      where: { number: item.number },
      create: { number: item.number, titleFr: item.fr, titleEn: item.en },
      update: {},
    });
  }

  const framework = await tx.policyFramework.upsert({
    where: { code: PONAM_2014_CODE },
    create: {
      code: PONAM_2014_CODE,
      nameFr: "Politique nationale de migration (PONAM) 2014",
      nameEn: "National Migration Policy (PONAM) 2014",
      adoptedYear: 2014,
      isCurrent: true,
    },
    update: {},
  });

  const axisIds = new Map<string | number, string>();
  for (const item of data.ponam2014Axes.items) {
    const axis = await tx.policyAxis.upsert({
      where: { frameworkId_number: { frameworkId: framework.id, number: item.number } },
      create: {
        frameworkId: framework.id,
        number: item.number,
        titleFr: item.fr,
        titleEn: item.en,
        confirmed: item.confirmed ?? true,
      },
      update: {},
    });
    axisIds.set(axis.number, axis.id);
  }

  const organisations: OrganisationSeed[] = [...data.organisations.items, ...extraOrganisations];
  const organisationIds = new Map<string | number, string>();
  for (const item of organisations) {
    const organisation = await tx.organisation.upsert({
      where: { acronym: item.acronym },
      create: { acronym: item.acronym, name: item.name, kind: item.kind, note: item.note ?? null },
      update: {},
    });
    organisationIds.set(organisation.acronym, organisation.id);
  }

  await tx.objectiveAxisAlignment.createMany({
    data: defaultAlignments.map((alignment) => ({
      objectiveNumber: alignment.objective,
      axisId: required(axisIds, alignment.axis, "axe PONAM"),
      note: alignment.note ?? null,
    })),
    skipDuplicates: true,
  });

  // Created when missing, never overwritten, like the rest of the reference data.
  await tx.globalIndicator.createMany({ data: loadGlobalIndicators(), skipDuplicates: true });

  return { axisIds, organisationIds };
}

// ---------------------------------------------------------------------------
// Demo data
// ---------------------------------------------------------------------------

type Ids = { axisIds: Map<string | number, string>; organisationIds: Map<string | number, string> };

async function seedUsers(tx: Tx, { organisationIds }: Ids) {
  const userIds = new Map<string | number, string>();
  for (const seed of demoUsers) {
    const existing = await tx.user.findUnique({ where: { email: seed.email }, select: { id: true } });
    if (existing) {
      userIds.set(seed.email, existing.id);
      continue;
    }
    const user = await tx.user.create({
      data: {
        email: seed.email,
        name: seed.name,
        role: seed.role,
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 10),
        organisationId: seed.organisation ? required(organisationIds, seed.organisation, "organisation") : null,
      },
    });
    userIds.set(seed.email, user.id);
  }

  const adminId = required(userIds, ADMIN_EMAIL, "utilisateur");
  for (const seed of demoUsers) {
    if (seed.role !== "FOCAL_POINT" || !seed.organisation) continue;
    const organisationId = required(organisationIds, seed.organisation, "organisation");
    const userId = required(userIds, seed.email, "utilisateur");
    const assignment = await tx.focalPointAssignment.findFirst({ where: { organisationId, userId } });
    if (!assignment) {
      await tx.focalPointAssignment.create({
        data: { organisationId, userId, startedAt: day(FOCAL_POINTS_STARTED_AT), assignedById: adminId },
      });
    }
  }
  return userIds;
}

async function seedPlan(tx: Tx, { axisIds, organisationIds }: Ids, facilitatorId: string) {
  const plan =
    (await tx.actionPlan.findFirst({ where: { title: demoPlan.title }, orderBy: { createdAt: "asc" } })) ??
    (await tx.actionPlan.create({
      data: {
        title: demoPlan.title,
        description: demoPlan.description,
        startDate: day(demoPlan.startDate),
        endDate: day(demoPlan.endDate),
        status: "ADOPTED",
        revision: demoPlan.revision,
        adoptedAt: day(demoPlan.adoptedAt),
        adoptedById: facilitatorId,
        createdById: facilitatorId,
      },
    }));

  const actionIds = new Map<string | number, string>();
  for (const seed of demoActions) {
    const existing = await tx.action.findUnique({
      where: { planId_code: { planId: plan.id, code: seed.code } },
      select: { id: true },
    });
    const action =
      existing ??
      (await tx.action.create({
        data: {
          planId: plan.id,
          code: seed.code,
          title: seed.title,
          description: seed.description,
          expectedResult: seed.expectedResult,
          mainObjectiveNumber: seed.mainObjective,
          leadOrganisationId: required(organisationIds, seed.lead, "organisation"),
          startDate: day(seed.startDate),
          endDate: day(seed.endDate),
          estimatedBudget: seed.estimatedBudget,
          securedFunding: seed.securedFunding,
          priority: seed.priority,
          status: seed.status,
          progress: seed.progress,
          otherObjectives: { create: seed.otherObjectives.map((objectiveNumber) => ({ objectiveNumber })) },
          axes: { create: seed.axes.map((number) => ({ axisId: required(axisIds, number, "axe PONAM") })) },
          principles: { create: seed.principles.map((principleNumber) => ({ principleNumber })) },
          partners: {
            create: seed.partners.map((acronym) => ({
              organisationId: required(organisationIds, acronym, "organisation"),
            })),
          },
        },
        select: { id: true },
      }));
    actionIds.set(seed.code, action.id);

    for (const [position, indicator] of seed.indicators.entries()) {
      const found = await tx.indicator.findFirst({
        where: { actionId: action.id, name: indicator.name },
        select: { id: true },
      });
      if (found) continue;
      await tx.indicator.create({
        data: {
          actionId: action.id,
          name: indicator.name,
          definition: indicator.definition,
          unit: indicator.unit,
          kind: indicator.kind,
          baselineValue: indicator.baselineValue,
          baselineDate: day(indicator.baselineDate),
          targetValue: indicator.targetValue,
          targetDate: day(indicator.targetDate),
          frequency: indicator.frequency,
          dataSource: indicator.dataSource,
          verificationMeans: indicator.verificationMeans,
          disaggregation: indicator.disaggregation,
          position,
          globalLinks: { create: (indicator.globalIndicators ?? []).map((globalIndicatorId) => ({ globalIndicatorId })) },
        },
      });
    }
  }

  const version = await tx.planVersion.findUnique({
    where: { planId_number: { planId: plan.id, number: 1 } },
    select: { id: true },
  });
  if (!version) {
    await tx.planVersion.create({
      data: {
        planId: plan.id,
        number: 1,
        adoptedAt: day(demoPlan.adoptedAt),
        adoptedById: facilitatorId,
        note: demoPlan.versionNote,
        snapshot: await loadPlanSnapshot(tx, plan.id),
      },
    });
  }

  return { planId: plan.id, actionIds };
}

async function seedWorkshop(
  tx: Tx,
  { organisationIds }: Ids,
  planId: string,
  actionIds: Map<string | number, string>,
  facilitatorId: string,
) {
  const workshop =
    (await tx.workshop.findFirst({ where: { title: segouWorkshop.title }, orderBy: { createdAt: "asc" } })) ??
    (await tx.workshop.create({
      data: {
        planId,
        title: segouWorkshop.title,
        startDate: day(segouWorkshop.startDate),
        endDate: day(segouWorkshop.endDate),
        place: segouWorkshop.place,
        organisers: segouWorkshop.organisers,
        notes: segouWorkshop.notes,
        participants: {
          create: segouWorkshop.participants.map((acronym) => ({
            organisationId: required(organisationIds, acronym, "organisation"),
          })),
        },
      },
    }));

  for (const group of workingGroups) {
    const workingGroup =
      (await tx.workingGroup.findFirst({ where: { workshopId: workshop.id, name: group.name } })) ??
      (await tx.workingGroup.create({
        data: {
          workshopId: workshop.id,
          name: group.name,
          moderator: group.moderator,
          objectives: { create: group.objectives.map((objectiveNumber) => ({ objectiveNumber })) },
        },
      }));

    for (const proposal of group.proposals) {
      const found = await tx.actionProposal.findFirst({
        where: { workingGroupId: workingGroup.id, title: proposal.title },
        select: { id: true },
      });
      if (found) continue;
      const decided = proposal.status !== "PENDING";
      await tx.actionProposal.create({
        data: {
          workingGroupId: workingGroup.id,
          title: proposal.title,
          objectiveNumber: proposal.objective,
          leadOrganisationId: proposal.lead ? required(organisationIds, proposal.lead, "organisation") : null,
          notes: proposal.notes ?? null,
          status: proposal.status,
          actionId: proposal.actionCode ? required(actionIds, proposal.actionCode, "action") : null,
          createdById: facilitatorId,
          createdAt: day(segouWorkshop.startDate),
          decidedById: decided ? facilitatorId : null,
          decidedAt: decided ? day(PROPOSALS_DECIDED_AT) : null,
        },
      });
    }
  }
}

async function seedReportingPeriod(tx: Tx, planId: string) {
  const startDate = day(demoReportingPeriod.startDate);
  await tx.reportingPeriod.upsert({
    where: { planId_startDate: { planId, startDate } },
    create: {
      planId,
      label: demoReportingPeriod.label,
      startDate,
      endDate: day(demoReportingPeriod.endDate),
      dueDate: day(demoReportingPeriod.dueDate),
      status: "OPEN",
      openedAt: day(demoReportingPeriod.openedAt),
    },
    update: {},
  });
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<void> {
  const data = loadReferenceData();
  const demo = options.demo ?? true;
  await prisma.$transaction(
    async (tx) => {
      const ids = await seedReference(tx, data);
      if (!demo) return;
      const userIds = await seedUsers(tx, ids);
      const facilitatorId = required(userIds, FACILITATOR_EMAIL, "utilisateur");
      const { planId, actionIds } = await seedPlan(tx, ids, facilitatorId);
      await seedWorkshop(tx, ids, planId, actionIds, facilitatorId);
      await seedReportingPeriod(tx, planId);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

async function summary(prisma: PrismaClient): Promise<string> {
  const [objectives, principles, axes, organisations, users, plans, actions, indicators, workshops, periods] =
    await Promise.all([
      prisma.gcmObjective.count(),
      prisma.guidingPrinciple.count(),
      prisma.policyAxis.count(),
      prisma.organisation.count(),
      prisma.user.count(),
      prisma.actionPlan.count(),
      prisma.action.count(),
      prisma.indicator.count(),
      prisma.workshop.count(),
      prisma.reportingPeriod.count(),
    ]);
  return (
    `Données chargées : ${objectives} objectifs du Pacte, ${principles} principes directeurs, ${axes} axes, ` +
    `${organisations} organisations, ${users} utilisateurs, ${plans} plan(s) avec ${actions} actions et ` +
    `${indicators} indicateurs, ${workshops} atelier(s), ${periods} période(s) de suivi.`
  );
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL n'est pas défini.");
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seed(prisma, { demo: !process.argv.includes("--reference-only") });
    console.log(await summary(prisma));
  } finally {
    await prisma.$disconnect();
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error("Échec du chargement des données :", error);
    process.exitCode = 1;
  });
}
