import type { Prisma } from "~/generated/prisma/client";
import type { PlanSnapshot } from "./snapshot";

type Reader = Pick<Prisma.TransactionClient, "action">;

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The plan's actions and indicators as they stand now, in the shape frozen at adoption. */
export async function loadPlanSnapshot(client: Reader, planId: string): Promise<PlanSnapshot> {
  const actions = await client.action.findMany({
    where: { planId },
    orderBy: { code: "asc" },
    select: {
      code: true,
      title: true,
      description: true,
      expectedResult: true,
      mainObjectiveNumber: true,
      otherObjectives: { select: { objectiveNumber: true }, orderBy: { objectiveNumber: "asc" } },
      axes: { select: { axis: { select: { number: true } } }, orderBy: { axis: { number: "asc" } } },
      principles: { select: { principleNumber: true }, orderBy: { principleNumber: "asc" } },
      leadOrganisation: { select: { acronym: true } },
      partners: { select: { organisation: { select: { acronym: true } } }, orderBy: { organisation: { acronym: "asc" } } },
      startDate: true,
      endDate: true,
      estimatedBudget: true,
      securedFunding: true,
      priority: true,
      indicators: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          name: true,
          definition: true,
          unit: true,
          kind: true,
          baselineValue: true,
          baselineDate: true,
          targetValue: true,
          targetDate: true,
          frequency: true,
          dataSource: true,
          verificationMeans: true,
          disaggregation: true,
        },
      },
    },
  });
  return {
    actions: actions.map((action) => ({
      code: action.code,
      title: action.title,
      description: action.description,
      expectedResult: action.expectedResult,
      mainObjectiveNumber: action.mainObjectiveNumber,
      otherObjectives: action.otherObjectives.map((row) => row.objectiveNumber),
      axes: action.axes.map((row) => row.axis.number),
      principles: action.principles.map((row) => row.principleNumber),
      leadOrganisation: action.leadOrganisation.acronym,
      partners: action.partners.map((row) => row.organisation.acronym),
      startDate: isoDay(action.startDate),
      endDate: isoDay(action.endDate),
      estimatedBudget: action.estimatedBudget === null ? null : Number(action.estimatedBudget),
      securedFunding: action.securedFunding === null ? null : Number(action.securedFunding),
      priority: action.priority,
      indicators: action.indicators.map((indicator) => ({
        ...indicator,
        baselineDate: isoDay(indicator.baselineDate),
        targetDate: isoDay(indicator.targetDate),
      })),
    })),
  };
}
