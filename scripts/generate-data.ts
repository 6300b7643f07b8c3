/**
 * A large, realistic data set for benchmarks: one adopted plan whose actions are spread over
 * the 23 GCM objectives and all organisations, 2-4 indicators each, half-year or quarterly
 * reporting periods with a progress report per action and period (and its indicator values),
 * users with focal-point assignments, sessions and sign-in attempts, and audit events.
 *
 * `SCALES[10]` is ten times Mali's plan: 2 000 actions, ~6 000 indicators, 40 quarters,
 * 80 000 reports, ~240 000 indicator values, 50 organisations, 500 users, 100 000 audit events.
 *
 * Expects a migrated database with the reference data loaded (prisma/seed.ts). The plan is
 * adopted after the demo plan, so it becomes the current plan. Deterministic for a given `seed`
 * (same rows, same ids). Rows are written with createMany in chunks (multi-row INSERTs), with
 * ids generated here so links need no reads.
 *
 * As a command, on DATABASE_URL's database (migrated and seeded):
 *   npx tsx scripts/generate-data.ts [--scale=10] [--seed=2019] [--password=…]
 */
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import type {
  ActionStatus,
  CommentKind,
  Frequency,
  IndicatorKind,
  Priority,
  Prisma,
  ReviewState,
  Role,
} from "~/generated/prisma/client";
import type { PrismaClient } from "~/utils/prisma-client.server";

export type GenerateOptions = {
  actions?: number;
  periods?: number;
  /** Half-years (the default) or quarters, the last one ending in the year of `now`. */
  frequency?: "SEMIANNUAL" | "QUARTERLY";
  users?: number;
  /** Organisations in all: generated ones are added to the reference data's until there are this many. */
  organisations?: number;
  auditEvents?: number;
  /** Seed of the pseudo-random generator (and of the ids). */
  seed?: number;
  /** The generated users' password (random when unset, so nobody can sign in as them). */
  password?: string;
  /** The moment the data is generated "at": sessions, sign-ins and the open period follow it. */
  now?: Date;
};

/** 1× is about Mali's plan today; 10× what a larger country or a second plan cycle brings. */
export const SCALES = {
  1: { actions: 400, periods: 20, frequency: "QUARTERLY", users: 50, organisations: 20, auditEvents: 10_000 },
  10: { actions: 2_000, periods: 40, frequency: "QUARTERLY", users: 500, organisations: 50, auditEvents: 100_000 },
} as const satisfies Record<number, GenerateOptions>;

export type GeneratedData = {
  planId: string;
  counts: Record<string, number>;
  /** A focal point with an organisation that leads actions, for session lookups. */
  focalPoint: { id: string; organisationId: string };
  /** The organisation leading the most actions of the plan. */
  busiestOrganisationId: string;
};

export const GENERATED_PLAN_TITLE = "Plan d'action national GCM (données générées)";

// ---------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof makeRandom>;

function makeRandom(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  function pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick() from an empty list");
    return item;
  }
  function weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return pick(items)[0];
  }
  function sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && copy.length) chosen.push(copy.splice(Math.floor(next() * copy.length), 1)[0] as T);
    return chosen;
  }
  return { next, int, pick, weighted, sample, chance: (p: number) => next() < p };
}

/** Ids in the shape of Prisma's cuid(): unique per seed, sortable enough, no reads needed. */
function idFactory(prefix: string, seed: number) {
  const run = (seed >>> 0).toString(16).padStart(8, "0");
  let counter = 0;
  return () => `c${prefix}${run}${(counter++).toString(36).padStart(6, "0")}`;
}

async function insertInChunks<Row>(rows: Row[], write: (chunk: Row[]) => Promise<unknown>, size = 2000) {
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const THEMES: Record<number, string[]> = {
  1: ["le système d'information sur les migrations", "les enquêtes statistiques migratoires", "les données ventilées par sexe et par âge"],
  2: ["l'emploi des jeunes dans les zones de départ", "les activités génératrices de revenus", "la résilience climatique des communautés rurales"],
  3: ["l'information des candidats au départ", "les centres d'information et de gestion des migrations", "la sensibilisation sur les risques de la migration irrégulière"],
  4: ["l'enregistrement des faits d'état civil", "la délivrance des cartes consulaires", "le numéro d'identification nationale (NINA)"],
  5: ["les accords bilatéraux de main-d'œuvre", "les filières de migration saisonnière", "la mobilité des étudiants"],
  6: ["le contrôle des agences de recrutement privées", "les contrats de travail des migrants", "l'inspection du travail"],
  7: ["la prise en charge des migrants vulnérables", "la protection des enfants migrants non accompagnés", "l'appui psychosocial"],
  8: ["la recherche et le sauvetage dans le désert", "l'identification des migrants décédés ou disparus", "l'assistance aux familles de migrants disparus"],
  9: ["la lutte contre le trafic illicite de migrants", "la coopération judiciaire transfrontalière", "la formation des enquêteurs"],
  10: ["la mise en œuvre de la loi n° 2012-023", "l'identification des victimes de traite", "le référencement des victimes de traite"],
  11: ["la gestion intégrée des frontières", "les postes frontières de Gogui et Heremakono", "la surveillance communautaire des frontières"],
  12: ["les procédures de dépistage et d'orientation", "la formation des agents de police aux frontières", "les procédures opérationnelles standard"],
  13: ["les alternatives à la rétention", "le suivi des lieux de privation de liberté", "l'assistance juridique aux migrants retenus"],
  14: ["les missions consulaires", "l'assistance consulaire d'urgence", "le fonds d'assistance aux Maliens de l'extérieur"],
  15: ["l'accès des migrants aux soins de santé", "la scolarisation des enfants migrants", "l'accès à la justice"],
  16: ["la cohésion sociale dans les communautés d'accueil", "l'intégration des migrants installés au Mali", "les activités culturelles interculturelles"],
  17: ["les campagnes contre la xénophobie", "la formation des journalistes", "le traitement médiatique des migrations"],
  18: ["la reconnaissance des qualifications", "la validation des acquis de l'expérience", "la formation professionnelle qualifiante"],
  19: ["l'investissement productif de la diaspora", "le transfert de compétences de la diaspora", "les fonds de co-développement"],
  20: ["les envois de fonds par téléphone mobile", "l'éducation financière des familles", "la baisse des coûts de transfert"],
  21: ["la réintégration économique des migrants de retour", "l'accueil et l'orientation des migrants de retour", "la réintégration psychosociale et communautaire"],
  22: ["la portabilité des droits à pension", "les conventions de sécurité sociale", "l'affiliation des migrants à l'INPS"],
  23: ["la coopération régionale CEDEAO", "le dialogue migratoire avec les pays de destination", "la mobilisation des partenaires techniques et financiers"],
};

const VERBS = [
  "Renforcer",
  "Mettre en place",
  "Élaborer et valider",
  "Étendre",
  "Appuyer",
  "Former les acteurs sur",
  "Évaluer",
  "Harmoniser",
  "Vulgariser",
  "Pérenniser",
] as const;

const PLACES = ["à Bamako", "dans la région de Kayes", "dans la région de Sikasso", "dans la région de Mopti", "dans la région de Ségou", "à Gao", "à Tombouctou", "au niveau national"] as const;

type IndicatorTemplate = { name: string; kind: IndicatorKind; unit: string | null; target: [number, number] };

const INDICATORS: IndicatorTemplate[] = [
  { name: "Nombre de personnes formées", kind: "NUMBER", unit: "personnes", target: [50, 600] },
  { name: "Nombre de migrants de retour accompagnés", kind: "NUMBER", unit: "personnes", target: [100, 3000] },
  { name: "Nombre de sessions de sensibilisation organisées", kind: "NUMBER", unit: "sessions", target: [10, 120] },
  { name: "Pourcentage de bénéficiaires femmes", kind: "PERCENTAGE", unit: "%", target: [30, 60] },
  { name: "Taux de réalisation des activités prévues", kind: "PERCENTAGE", unit: "%", target: [80, 100] },
  { name: "Nombre de structures appuyées", kind: "NUMBER", unit: "structures", target: [5, 60] },
  { name: "Texte réglementaire adopté", kind: "YES_NO", unit: null, target: [1, 1] },
  { name: "Mécanisme opérationnel", kind: "YES_NO", unit: null, target: [1, 1] },
  { name: "Nombre de documents délivrés", kind: "NUMBER", unit: "documents", target: [500, 20000] },
  { name: "Montant mobilisé", kind: "NUMBER", unit: "millions FCFA", target: [50, 2000] },
];

const DISAGGREGATIONS = [[], ["SEX"], ["SEX", "AGE_GROUP"], ["REGION"], ["SEX", "REGION"]] as const;

/** Regional services and national bodies, for the organisations added beyond the reference data. */
const EXTRA_SERVICES = [
  ["DRDS", "Direction régionale du développement social", "AGENCY"],
  ["DRTEFP", "Direction régionale du travail, de l'emploi et de la formation professionnelle", "AGENCY"],
  ["DRS", "Direction régionale de la santé", "AGENCY"],
  ["AREN", "Association régionale des rapatriés", "CIVIL_SOCIETY"],
  ["CRD", "Conseil régional de la diaspora", "DIASPORA"],
  ["DRPF", "Direction régionale de la promotion de la femme, de l'enfant et de la famille", "AGENCY"],
] as const;
const REGIONS = [
  ["KAY", "Kayes"],
  ["KOU", "Koulikoro"],
  ["SIK", "Sikasso"],
  ["SEG", "Ségou"],
  ["MOP", "Mopti"],
  ["TOM", "Tombouctou"],
  ["GAO", "Gao"],
  ["KID", "Kidal"],
] as const;

const FIRST_NAMES = ["Aminata", "Oumar", "Kadiatou", "Bakary", "Salimata", "Mamadou", "Hawa", "Boubacar", "Assétou", "Souleymane", "Djénéba", "Adama", "Rokia", "Modibo", "Oumou", "Cheick"] as const;
const LAST_NAMES = ["Traoré", "Diarra", "Coulibaly", "Keïta", "Sidibé", "Konaté", "Touré", "Maïga", "Sangaré", "Dembélé", "Cissé", "Kanté", "Sissoko", "Doumbia"] as const;

/** More actions where Mali's plan is busiest (returns, information, diaspora, data). */
const OBJECTIVE_WEIGHTS: (readonly [number, number])[] = Array.from({ length: 23 }, (_, index) => {
  const number = index + 1;
  const heavy: Record<number, number> = { 21: 4, 3: 2.5, 19: 2.5, 1: 2, 2: 2, 10: 2, 14: 2, 20: 1.5, 11: 1.5 };
  return [number, heavy[number] ?? 1] as const;
});

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

function day(year: number, month: number, date: number) {
  return new Date(Date.UTC(year, month - 1, date));
}

export async function generateLargeDataset(prisma: PrismaClient, options: GenerateOptions = {}): Promise<GeneratedData> {
  const actionTotal = options.actions ?? 600;
  const periodTotal = options.periods ?? 8;
  const quarterly = options.frequency === "QUARTERLY";
  const userTotal = options.users ?? 50;
  const auditTotal = options.auditEvents ?? 20_000;
  const seed = options.seed ?? 2019;
  const random: Random = makeRandom(seed);
  const counts: Record<string, number> = {};
  const now = (options.now ?? new Date(Date.UTC(2026, 11, 1))).getTime();
  // Reporting periods end with the one `now` falls in; the plan spans them and two more years.
  const months = quarterly ? 3 : 6;
  const perYear = 12 / months;
  const nowDate = new Date(now);
  const currentSlot = nowDate.getUTCFullYear() * perYear + Math.floor(nowDate.getUTCMonth() / months);
  const slots = Array.from({ length: periodTotal }, (_, index) => {
    const slot = currentSlot - periodTotal + 1 + index;
    const year = Math.floor(slot / perYear);
    const rank = slot % perYear;
    return { year, rank, startDate: day(year, rank * months + 1, 1), endDate: new Date(Date.UTC(year, (rank + 1) * months, 0)) };
  });
  const firstYear = slots[0]?.year ?? nowDate.getUTCFullYear();
  const lastYear = Math.max(nowDate.getUTCFullYear() + 2, slots[slots.length - 1]?.year ?? 0);

  const [reference, axes, objectives] = await Promise.all([
    prisma.organisation.findMany({ select: { id: true, acronym: true, kind: true }, orderBy: { acronym: "asc" } }),
    prisma.policyAxis.findMany({ where: { framework: { isCurrent: true } }, select: { id: true } }),
    prisma.gcmObjective.findMany({ select: { number: true } }),
  ]);
  if (reference.length === 0 || objectives.length !== 23) {
    throw new Error("Load the reference data first (prisma/seed.ts).");
  }

  // --- Organisations beyond the reference data: regional services and associations ---------
  const organisationId = idFactory("o", seed);
  const extraOrganisations: (Prisma.OrganisationCreateManyInput & { id: string })[] = [];
  for (let index = 0; reference.length + extraOrganisations.length < (options.organisations ?? 0); index++) {
    const [code, name, kind] = EXTRA_SERVICES[index % EXTRA_SERVICES.length] ?? EXTRA_SERVICES[0];
    const [regionCode, region] = REGIONS[Math.floor(index / EXTRA_SERVICES.length) % REGIONS.length] ?? REGIONS[0];
    const round = Math.floor(index / (EXTRA_SERVICES.length * REGIONS.length));
    extraOrganisations.push({
      id: organisationId(),
      acronym: `${code}-${regionCode}${round ? `-${round + 1}` : ""}`,
      name: `${name} de ${region}`,
      kind,
    });
  }
  await prisma.organisation.createMany({ data: extraOrganisations });
  counts.organisations = extraOrganisations.length;
  const organisations = [...reference, ...extraOrganisations.map(({ id, acronym, kind }) => ({ id, acronym, kind }))];
  const leaders = organisations.filter((organisation) => organisation.kind !== "DEVELOPMENT_PARTNER");

  // --- Users, focal point assignments, sessions, sign-in attempts --------------------------
  const userId = idFactory("u", seed);
  const passwordHash = await bcrypt.hash(options.password ?? crypto.randomUUID(), 10);
  const roles: (readonly [Role, number])[] = [
    ["ADMIN", 2],
    ["FACILITATOR", 4],
    ["FOCAL_POINT", 30],
    ["REVIEWER", 8],
    ["OBSERVER", 6],
  ];
  const users: Prisma.UserCreateManyInput[] = [];
  for (let index = 0; index < userTotal; index++) {
    // The first focal points cover every leading organisation, the rest are drawn by weight.
    const role: Role = index < leaders.length ? "FOCAL_POINT" : random.weighted(roles);
    const organisation =
      index < leaders.length ? leaders[index] : role === "OBSERVER" && random.chance(0.5) ? null : random.pick(organisations);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    users.push({
      id: userId(),
      email: `${first}.${last}.${index}@generated.pacte.ml`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(),
      name: `${first} ${last}`,
      passwordHash,
      role,
      organisationId: organisation?.id ?? null,
      language: random.chance(0.85) ? "FR" : "EN",
      lastLoginAt: new Date(now - random.int(1, 300) * 24 * 3600 * 1000),
    });
  }
  await prisma.user.createMany({ data: users });
  counts.users = users.length;

  const focalPoints = users.filter((user) => user.role === "FOCAL_POINT" && user.organisationId);
  const focalPointByOrganisation = new Map<string, string>();
  for (const user of focalPoints) {
    if (user.id && user.organisationId && !focalPointByOrganisation.has(user.organisationId)) {
      focalPointByOrganisation.set(user.organisationId, user.id);
    }
  }
  const assignmentId = idFactory("f", seed);
  const assignments = focalPoints.map((user) => ({
    id: assignmentId(),
    organisationId: user.organisationId ?? "",
    userId: user.id ?? "",
    startedAt: day(firstYear - 1, random.int(1, 12), random.int(1, 28)),
  }));
  await prisma.focalPointAssignment.createMany({ data: assignments });
  counts.focalPointAssignments = assignments.length;

  const sessionId = idFactory("s", seed);
  const sessions: Prisma.SessionCreateManyInput[] = [];
  for (const user of users) {
    for (let index = random.int(2, 12); index > 0; index--) {
      const createdAt = new Date(now - random.int(0, 120) * 24 * 3600 * 1000);
      sessions.push({
        id: sessionId(),
        userId: user.id ?? "",
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 7 * 24 * 3600 * 1000),
        revokedAt: random.chance(0.4) ? new Date(createdAt.getTime() + random.int(1, 72) * 3600 * 1000) : null,
        ipAddress: `41.73.${random.int(0, 255)}.${random.int(1, 254)}`,
        userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      });
    }
  }
  await insertInChunks(sessions, (data) => prisma.session.createMany({ data }));
  counts.sessions = sessions.length;

  const attemptId = idFactory("l", seed);
  const attempts: Prisma.LoginAttemptCreateManyInput[] = [];
  for (let index = 0; index < sessions.length * 2; index++) {
    const user = random.pick(users);
    attempts.push({
      id: attemptId(),
      email: random.chance(0.05) ? `inconnu${index}@example.com` : user.email,
      ipAddress: `41.73.${random.int(0, 255)}.${random.int(1, 254)}`,
      success: random.chance(0.8),
      createdAt: new Date(now - random.int(0, 120 * 24 * 60) * 60 * 1000),
    });
  }
  await insertInChunks(attempts, (data) => prisma.loginAttempt.createMany({ data }));
  counts.loginAttempts = attempts.length;

  // --- The plan -----------------------------------------------------------------------------

  const facilitator = users.find((user) => user.role === "FACILITATOR") ?? users[0];
  const plan = await prisma.actionPlan.create({
    data: {
      title: GENERATED_PLAN_TITLE,
      description: "Jeu de données volumineux pour mesurer les performances (scripts/generate-data.ts).",
      startDate: day(firstYear, 1, 1),
      endDate: day(lastYear, 12, 31),
      status: "ADOPTED",
      revision: 2,
      adoptedAt: new Date(now),
      adoptedById: facilitator?.id ?? null,
      createdById: facilitator?.id ?? null,
    },
    select: { id: true },
  });
  counts.plans = 1;

  // --- Actions and their links -----------------------------------------------------------------
  const actionId = idFactory("a", seed);
  const actions: Prisma.ActionCreateManyInput[] = [];
  const actionObjectives: Prisma.ActionObjectiveCreateManyInput[] = [];
  const actionAxes: Prisma.ActionAxisCreateManyInput[] = [];
  const actionPrinciples: Prisma.ActionPrincipleCreateManyInput[] = [];
  const actionPartners: Prisma.ActionPartnerCreateManyInput[] = [];
  const perObjective = new Map<number, number>();
  const leadCounts = new Map<string, number>();
  const priorities: (readonly [Priority, number])[] = [
    ["HIGH", 3],
    ["MEDIUM", 5],
    ["LOW", 2],
  ];

  for (let index = 0; index < actionTotal; index++) {
    const objective = random.weighted(OBJECTIVE_WEIGHTS);
    const rank = (perObjective.get(objective) ?? 0) + 1;
    perObjective.set(objective, rank);
    const lead = random.pick(leaders);
    leadCounts.set(lead.id, (leadCounts.get(lead.id) ?? 0) + 1);
    const id = actionId();
    const theme = random.pick(THEMES[objective] ?? ["la gouvernance des migrations"]);
    const startYear = random.int(firstYear, Math.max(firstYear, lastYear - 1));
    const budget = BigInt(random.int(5, 900) * 1_000_000);
    actions.push({
      id,
      planId: plan.id,
      code: `G${String(objective).padStart(2, "0")}.${String(rank).padStart(3, "0")}`,
      title: `${random.pick(VERBS)} ${theme} ${random.pick(PLACES)}`,
      description: `Action de l'objectif ${objective} du Pacte mondial portant sur ${theme}, conduite par ${lead.acronym} avec ses partenaires.`,
      expectedResult: `Des progrès mesurables sur ${theme} d'ici ${startYear + 1}.`,
      mainObjectiveNumber: objective,
      leadOrganisationId: lead.id,
      startDate: day(startYear, random.int(1, 12), 1),
      endDate: day(Math.min(startYear + random.int(1, 3), lastYear), 12, 31),
      estimatedBudget: budget,
      securedFunding: random.chance(0.7) ? (budget * BigInt(random.int(10, 100))) / 100n : null,
      priority: random.weighted(priorities),
    });
    for (const other of random.sample(objectives.map((row) => row.number).filter((number) => number !== objective), random.int(0, 2))) {
      actionObjectives.push({ actionId: id, objectiveNumber: other });
    }
    for (const axis of random.sample(axes, random.int(1, 2))) actionAxes.push({ actionId: id, axisId: axis.id });
    for (const principle of random.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], random.int(1, 3))) {
      actionPrinciples.push({ actionId: id, principleNumber: principle });
    }
    for (const partner of random.sample(organisations.filter((organisation) => organisation.id !== lead.id), random.int(0, 3))) {
      actionPartners.push({ actionId: id, organisationId: partner.id });
    }
  }
  await insertInChunks(actions, (data) => prisma.action.createMany({ data }));
  await insertInChunks(actionObjectives, (data) => prisma.actionObjective.createMany({ data }));
  await insertInChunks(actionAxes, (data) => prisma.actionAxis.createMany({ data }));
  await insertInChunks(actionPrinciples, (data) => prisma.actionPrinciple.createMany({ data }));
  await insertInChunks(actionPartners, (data) => prisma.actionPartner.createMany({ data }));
  Object.assign(counts, {
    actions: actions.length,
    actionObjectives: actionObjectives.length,
    actionAxes: actionAxes.length,
    actionPrinciples: actionPrinciples.length,
    actionPartners: actionPartners.length,
  });

  // --- Indicators ---------------------------------------------------------------------------
  const indicatorId = idFactory("i", seed);
  const indicators: (Prisma.IndicatorCreateManyInput & { id: string; actionId: string })[] = [];
  const frequencies: (readonly [Frequency, number])[] = [
    ["SEMIANNUAL", 5],
    ["ANNUAL", 3],
    ["QUARTERLY", 1],
    ["ONCE", 1],
  ];
  for (const action of actions) {
    for (const [position, template] of random.sample(INDICATORS, random.int(2, 4)).entries()) {
      const target = random.int(template.target[0], template.target[1]);
      indicators.push({
        id: indicatorId(),
        actionId: action.id ?? "",
        name: template.name,
        definition: `${template.name} dans le cadre de l'action ${action.code}.`,
        unit: template.unit,
        kind: template.kind,
        baselineValue: template.kind === "YES_NO" ? 0 : Math.round(target * random.next() * 0.2),
        baselineDate: day(firstYear - 1, 12, 31),
        targetValue: target,
        targetDate: day(lastYear, 12, 31),
        frequency: random.weighted(frequencies),
        dataSource: random.pick(["Rapports d'activités", "Registres administratifs", "Enquête INSTAT", "Base de données OIM"]),
        verificationMeans: random.pick(["Listes de présence", "Rapports semestriels", "Journal officiel", "Base de données"]),
        disaggregation: [...random.pick(DISAGGREGATIONS)],
        position,
      });
    }
  }
  await insertInChunks(indicators, (data) => prisma.indicator.createMany({ data }));
  counts.indicators = indicators.length;
  const indicatorsByAction = new Map<string, typeof indicators>();
  for (const indicator of indicators) {
    const list = indicatorsByAction.get(indicator.actionId) ?? [];
    list.push(indicator);
    indicatorsByAction.set(indicator.actionId, list);
  }

  // --- Reporting periods, progress reports, values, reviews ------------------------------------
  const periodId = idFactory("p", seed);
  const periods: (Prisma.ReportingPeriodCreateManyInput & { id: string; startDate: Date; endDate: Date })[] = [];
  for (const [index, slot] of slots.entries()) {
    const open = index === periodTotal - 1;
    periods.push({
      id: periodId(),
      planId: plan.id,
      label: quarterly ? `T${slot.rank + 1} ${slot.year}` : `Semestre ${slot.rank + 1} – ${slot.year}`,
      startDate: slot.startDate,
      endDate: slot.endDate,
      dueDate: new Date(slot.endDate.getTime() + 31 * 24 * 3600 * 1000),
      status: open ? "OPEN" : "CLOSED",
      openedAt: slot.startDate,
      closedAt: open ? null : new Date(slot.endDate.getTime() + 45 * 24 * 3600 * 1000),
    });
  }
  await prisma.reportingPeriod.createMany({ data: periods });
  counts.reportingPeriods = periods.length;

  const reviewers = users.filter((user) => user.role === "REVIEWER" || user.role === "FACILITATOR");
  const reportId = idFactory("r", seed);
  const valueId = idFactory("v", seed);
  const commentId = idFactory("k", seed);
  const reports: Prisma.ProgressReportCreateManyInput[] = [];
  const values: Prisma.IndicatorValueCreateManyInput[] = [];
  const comments: Prisma.ReviewCommentCreateManyInput[] = [];
  const latestApproved = new Map<string, { status: ActionStatus; progress: number }>();
  const latestValue = new Map<string, number>();

  for (const action of actions) {
    const id = action.id ?? "";
    const submitter = focalPointByOrganisation.get(action.leadOrganisationId) ?? null;
    let progress = 0;
    const delayed = random.chance(0.15);
    for (const [index, period] of periods.entries()) {
      const last = index === periods.length - 1;
      progress = Math.min(100, progress + random.int(0, delayed ? 8 : 20));
      const status: ActionStatus =
        progress >= 100 ? "COMPLETED" : progress === 0 ? "NOT_STARTED" : delayed ? "DELAYED" : "IN_PROGRESS";
      const reviewState: ReviewState = last
        ? random.weighted<ReviewState>([["DRAFT", 4], ["SUBMITTED", 4], ["CHANGES_REQUESTED", 1], ["APPROVED", 1]])
        : random.chance(0.95)
          ? "APPROVED"
          : "CHANGES_REQUESTED";
      const submittedAt = reviewState === "DRAFT" ? null : new Date(period.endDate.getTime() + random.int(1, 30) * 24 * 3600 * 1000);
      const reviewed = reviewState === "APPROVED" || reviewState === "CHANGES_REQUESTED";
      const report = {
        id: reportId(),
        actionId: id,
        periodId: period.id,
        organisationId: action.leadOrganisationId,
        status,
        statusReason: delayed && status === "DELAYED" ? "Retard de décaissement des fonds du partenaire." : null,
        progress,
        narrative: `Au cours du ${period.label.toLowerCase()}, les activités prévues ont été conduites à ${progress} %.`,
        challenges: random.chance(0.5) ? "Insécurité dans certaines zones d'intervention ; mobilisation tardive des fonds." : null,
        nextSteps: "Poursuivre la mise en œuvre et consolider les données de suivi.",
        evidenceLinks: random.chance(0.3) ? [`https://drive.example.ml/pacte/${id}/${period.id}.pdf`] : [],
        reviewState,
        submittedAt,
        submittedById: submittedAt ? submitter : null,
        reviewedAt: reviewed && submittedAt ? new Date(submittedAt.getTime() + random.int(1, 14) * 24 * 3600 * 1000) : null,
        reviewedById: reviewed ? (random.pick(reviewers).id ?? null) : null,
      } satisfies Prisma.ProgressReportCreateManyInput;
      reports.push(report);
      if (reviewState === "APPROVED") latestApproved.set(id, { status, progress });

      for (const indicator of indicatorsByAction.get(id) ?? []) {
        const target = indicator.targetValue ?? 1;
        const value = indicator.kind === "YES_NO" ? (progress >= 60 ? 1 : 0) : Math.round((target * progress) / 100);
        const female = Math.round(value * (0.3 + random.next() * 0.3));
        values.push({
          id: valueId(),
          reportId: report.id,
          indicatorId: indicator.id,
          value,
          disaggregation:
            indicator.kind === "NUMBER" && Array.isArray(indicator.disaggregation) && indicator.disaggregation.includes("SEX")
              ? { SEX: { F: female, M: value - female } }
              : undefined,
          note: random.chance(0.1) ? "Valeur provisoire, à confirmer par l'INSTAT." : null,
        });
        if (reviewState === "APPROVED") latestValue.set(indicator.id, value);
      }
      if (reviewed && random.chance(0.6)) {
        const kind: CommentKind = reviewState === "APPROVED" ? "APPROVAL" : "CHANGES_REQUESTED";
        comments.push({
          id: commentId(),
          reportId: report.id,
          authorId: report.reviewedById,
          kind,
          body: kind === "APPROVAL" ? "Rapport validé, merci." : "Merci de joindre les listes de présence et de préciser les valeurs ventilées.",
          createdAt: report.reviewedAt ?? new Date(now),
        });
      }
    }
  }
  await insertInChunks(reports, (data) => prisma.progressReport.createMany({ data }));
  await insertInChunks(values, (data) => prisma.indicatorValue.createMany({ data }), 4000);
  await insertInChunks(comments, (data) => prisma.reviewComment.createMany({ data }));
  Object.assign(counts, { progressReports: reports.length, indicatorValues: values.length, reviewComments: comments.length });

  // Current status and values follow the latest approved report, as the review workflow does.
  await prisma.$executeRaw`
    UPDATE "Action" AS a SET status = r.status, progress = r.progress
    FROM (
      SELECT DISTINCT ON (pr."actionId") pr."actionId", pr.status, pr.progress
      FROM "ProgressReport" pr JOIN "ReportingPeriod" p ON p.id = pr."periodId"
      WHERE p."planId" = ${plan.id} AND pr."reviewState" = 'APPROVED'
      ORDER BY pr."actionId", p."startDate" DESC
    ) AS r
    WHERE a.id = r."actionId"`;
  await prisma.$executeRaw`
    UPDATE "Indicator" AS i SET "currentValue" = v.value
    FROM (
      SELECT DISTINCT ON (iv."indicatorId") iv."indicatorId", iv.value
      FROM "IndicatorValue" iv
      JOIN "ProgressReport" pr ON pr.id = iv."reportId"
      JOIN "ReportingPeriod" p ON p.id = pr."periodId"
      WHERE p."planId" = ${plan.id} AND pr."reviewState" = 'APPROVED'
      ORDER BY iv."indicatorId", p."startDate" DESC
    ) AS v
    WHERE i.id = v."indicatorId"`;

  // --- Audit trail ----------------------------------------------------------------------------
  const auditId = idFactory("e", seed);
  const audit: Prisma.AuditEventCreateManyInput[] = [];
  const start = day(firstYear, 1, 1).getTime();
  const span = now - start;
  for (let index = 0; index < auditTotal; index++) {
    const kind = random.weighted<"ProgressReport" | "Action" | "Indicator" | "User" | "AlignmentMatrix">([
      ["ProgressReport", 10],
      ["Action", 5],
      ["Indicator", 4],
      ["User", 1],
      ["AlignmentMatrix", 0.2],
    ]);
    const actor = random.pick(users);
    let entityId: string;
    let action: string;
    let changes: Prisma.InputJsonValue;
    if (kind === "ProgressReport") {
      const report = random.pick(reports);
      entityId = report.id ?? "";
      action = random.pick(["update", "submit", "approve", "requestChanges"]);
      changes = { progress: { from: Math.max(0, (report.progress ?? 0) - 10), to: report.progress ?? 0 } };
    } else if (kind === "Action") {
      const target = random.pick(actions);
      entityId = target.id ?? "";
      action = random.pick(["create", "update", "update", "update"]);
      changes = { title: { from: "Ancien intitulé", to: target.title } };
    } else if (kind === "Indicator") {
      const target = random.pick(indicators);
      entityId = target.id;
      action = "update";
      changes = { targetValue: { from: (target.targetValue ?? 0) / 2, to: target.targetValue ?? 0 } };
    } else if (kind === "User") {
      const target = random.pick(users);
      entityId = target.id ?? "";
      action = random.pick(["create", "update", "resetPassword"]);
      changes = { role: { from: target.role, to: target.role } };
    } else {
      entityId = axes[0]?.id ?? "";
      action = "update";
      changes = { added: [], removed: [] };
    }
    audit.push({ id: auditId(), actorId: actor.id, at: new Date(start + random.next() * span), entityType: kind, entityId, action, changes });
  }
  await insertInChunks(audit, (data) => prisma.auditEvent.createMany({ data }));
  counts.auditEvents = audit.length;

  const [busiest] = [...leadCounts.entries()].sort((a, b) => b[1] - a[1]);
  const focalPointId = busiest ? focalPointByOrganisation.get(busiest[0]) : undefined;
  if (!busiest || !focalPointId) throw new Error("No focal point for the busiest organisation.");
  return {
    planId: plan.id,
    counts,
    focalPoint: { id: focalPointId, organisationId: busiest[0] },
    busiestOrganisationId: busiest[0],
  };
}

/** Generates a scale preset with timing, printing each table's row count. */
export async function generateScale(prisma: PrismaClient, scale: keyof typeof SCALES, options: GenerateOptions = {}) {
  const started = performance.now();
  const generated = await generateLargeDataset(prisma, { ...SCALES[scale], ...options });
  await prisma.$executeRawUnsafe("ANALYZE");
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Données ${scale}× générées en ${seconds.toFixed(1)} s / ${scale}× data generated in ${seconds.toFixed(1)} s:\n` +
      Object.entries(generated.counts)
        .map(([name, count]) => `  ${name.padEnd(22)} ${String(count).padStart(8)}`)
        .join("\n"),
  );
  return { ...generated, seconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3);
  const scale = arg("scale") === "1" ? 1 : 10;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a migrated, seeded database.");
  const { createPrismaClient } = await import("~/utils/prisma-client.server");
  const prisma = createPrismaClient(databaseUrl);
  try {
    await generateScale(prisma, scale, { seed: Number(arg("seed") ?? 2019), password: arg("password") });
  } finally {
    await prisma.$disconnect();
  }
}
