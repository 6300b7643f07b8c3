// Demonstration content for Pacte, loaded by prisma/seed.ts: extra organisations, the default
// alignment of GCM objectives with the PONAM 2014 axes, demo accounts, the demo National Action
// Plan and the Ségou workshop of 15 August 2019. Reference data (objectives, principles, axes,
// ministries) lives in gcm-mali.json. Actions and indicators are illustrative, not official.

import type {
  ActionStatus,
  Frequency,
  IndicatorKind,
  OrganisationKind,
  Priority,
  ProposalStatus,
  Role,
} from "../../app/generated/prisma/client";

export const DEMO_PASSWORD = "pacte-demo-2019";

// ---------------------------------------------------------------------------
// Organisations added to the 14 of gcm-mali.json
// ---------------------------------------------------------------------------

export type OrganisationSeed = { acronym: string; name: string; kind: OrganisationKind; note?: string };

export const extraOrganisations: OrganisationSeed[] = [
  {
    acronym: "ANPE",
    name: "Agence nationale pour l'emploi",
    kind: "AGENCY",
    note: "placement, insertion professionnelle des migrants de retour",
  },
  {
    acronym: "HCR",
    name: "Haut-Commissariat des Nations unies pour les réfugiés",
    kind: "UN_AGENCY",
    note: "réfugiés, demandeurs d'asile, flux mixtes",
  },
  {
    acronym: "UE",
    name: "Union européenne",
    kind: "DEVELOPMENT_PARTNER",
    note: "partenaire financier (gestion des frontières, réintégration)",
  },
  {
    acronym: "INPS",
    name: "Institut national de prévoyance sociale",
    kind: "AGENCY",
    note: "sécurité sociale, portabilité des droits",
  },
];

// ---------------------------------------------------------------------------
// Default alignment: GCM objective -> PONAM 2014 axis numbers
// ---------------------------------------------------------------------------

export type AlignmentSeed = { objective: number; axis: number; note?: string };

export const defaultAlignments: AlignmentSeed[] = [
  { objective: 1, axis: 6, note: "Le système statistique national (INSTAT) produit les données migratoires." },
  { objective: 2, axis: 8, note: "Insertion socio-économique des jeunes candidats potentiels à la migration." },
  { objective: 2, axis: 4 },
  { objective: 3, axis: 1 },
  { objective: 3, axis: 8, note: "Information et sensibilisation avant le départ dans les régions d'origine." },
  { objective: 4, axis: 1 },
  { objective: 4, axis: 7 },
  { objective: 5, axis: 2 },
  { objective: 6, axis: 2 },
  { objective: 6, axis: 1 },
  { objective: 7, axis: 1 },
  { objective: 8, axis: 1 },
  { objective: 9, axis: 1 },
  { objective: 9, axis: 7 },
  { objective: 10, axis: 1, note: "Loi n° 2012-023 relative à la lutte contre la traite des personnes." },
  { objective: 11, axis: 7 },
  { objective: 12, axis: 7 },
  { objective: 13, axis: 7 },
  { objective: 13, axis: 1 },
  { objective: 14, axis: 1, note: "Protection consulaire des Maliens établis à l'extérieur." },
  { objective: 15, axis: 1 },
  { objective: 15, axis: 7 },
  { objective: 16, axis: 5 },
  { objective: 16, axis: 7 },
  { objective: 17, axis: 5 },
  { objective: 17, axis: 6 },
  { objective: 18, axis: 2 },
  { objective: 18, axis: 3 },
  { objective: 19, axis: 4, note: "Mobilisation des compétences et de l'épargne de la diaspora." },
  { objective: 20, axis: 4 },
  { objective: 21, axis: 3, note: "Axe central de la PONAM pour les migrants de retour." },
  { objective: 22, axis: 2 },
  { objective: 22, axis: 1 },
  { objective: 23, axis: 2 },
];

// ---------------------------------------------------------------------------
// Demo accounts (one per role)
// ---------------------------------------------------------------------------

export type UserSeed = { email: string; name: string; role: Role; organisation: string | null };

export const demoUsers: UserSeed[] = [
  { email: "admin@pacte.ml", name: "Awa Traoré", role: "ADMIN", organisation: "MMEIA" },
  { email: "facilitateur@pacte.ml", name: "Moussa Keïta", role: "FACILITATOR", organisation: "MMEIA" },
  { email: "pf.mmeia@pacte.ml", name: "Fatoumata Diarra", role: "FOCAL_POINT", organisation: "MMEIA" },
  { email: "pf.mspc@pacte.ml", name: "Ibrahim Coulibaly", role: "FOCAL_POINT", organisation: "MSPC" },
  { email: "revue.oim@pacte.ml", name: "Mariam Sidibé", role: "REVIEWER", organisation: "OIM" },
  { email: "observateur@pacte.ml", name: "Seydou Tangara", role: "OBSERVER", organisation: null },
];

export const ADMIN_EMAIL = "admin@pacte.ml";
export const FACILITATOR_EMAIL = "facilitateur@pacte.ml";
export const FOCAL_POINTS_STARTED_AT = "2020-01-06";

// ---------------------------------------------------------------------------
// The demo plan
// ---------------------------------------------------------------------------

export const demoPlan = {
  title:
    "Plan d'action national de mise en œuvre du Pacte mondial pour des migrations sûres, ordonnées et régulières 2020-2027",
  description:
    "Plan élaboré à partir des travaux de l'atelier de Ségou (15 août 2019) organisé par le ministère des Maliens de " +
    "l'Extérieur et l'OIM Mali. Il traduit les 23 objectifs du Pacte mondial en actions nationales, en cohérence " +
    "avec les axes de la Politique nationale de migration (PONAM) adoptée en 2014, et précise pour chaque action " +
    "la structure responsable, les partenaires, le budget et les indicateurs de suivi.",
  startDate: "2020-01-01",
  // First drafted for 2020-2024, extended to 2027 while the PONAM is being revised.
  endDate: "2027-12-31",
  adoptedAt: "2019-12-18T10:00:00Z",
  /** The plan's current revision: adopted once, as PlanVersion 1. */
  revision: 1,
  versionNote: "Version 1 adoptée en décembre 2019 à la suite de l'atelier de Ségou (données de démonstration).",
};

export type IndicatorSeed = {
  name: string;
  definition: string;
  unit: string;
  kind: IndicatorKind;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  frequency: Frequency;
  dataSource: string;
  verificationMeans: string;
  disaggregation: ("SEX" | "AGE_GROUP" | "REGION")[];
  /** Ids of the SDG or GCM indicators it reports towards (prisma/data/global-indicators.json). */
  globalIndicators?: string[];
};

export type ActionSeed = {
  code: string;
  title: string;
  description: string;
  expectedResult: string;
  mainObjective: number;
  otherObjectives: number[];
  axes: number[];
  principles: number[];
  lead: string;
  partners: string[];
  startDate: string;
  endDate: string;
  estimatedBudget: bigint;
  securedFunding: bigint;
  priority: Priority;
  status: ActionStatus;
  progress: number;
  indicators: IndicatorSeed[];
};

export const demoActions: ActionSeed[] = [
  {
    code: "O01-01",
    title: "Intégrer un module migration dans les enquêtes nationales auprès des ménages",
    description:
      "Concevoir et intégrer un module sur la migration interne, internationale et de retour dans l'Enquête " +
      "modulaire et permanente auprès des ménages (EMOP), puis publier chaque année un bulletin statistique " +
      "sur les migrations alimenté par les données administratives des ministères concernés.",
    expectedResult:
      "Des données fiables et ventilées sur les migrations sont disponibles chaque année pour orienter les politiques publiques.",
    mainObjective: 1,
    otherObjectives: [],
    axes: [6],
    principles: [5, 9],
    lead: "INSTAT",
    partners: ["MMEIA", "OIM"],
    startDate: "2020-03-01",
    endDate: "2023-12-31",
    estimatedBudget: 350_000_000n,
    securedFunding: 200_000_000n,
    priority: "HIGH",
    status: "IN_PROGRESS",
    progress: 40,
    indicators: [
      {
        name: "Module migration intégré à l'EMOP",
        definition: "Le questionnaire de l'EMOP comporte un module validé sur la migration et le retour.",
        unit: "oui/non",
        kind: "YES_NO",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 1,
        targetDate: "2021-12-31",
        frequency: "ONCE",
        dataSource: "INSTAT",
        verificationMeans: "Questionnaire EMOP publié",
        disaggregation: [],
      },
      {
        name: "Nombre de bulletins statistiques annuels sur les migrations publiés",
        definition: "Bulletins publiés par l'INSTAT présentant des données migratoires ventilées.",
        unit: "bulletins",
        kind: "NUMBER",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 4,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "INSTAT",
        verificationMeans: "Bulletins publiés sur le site de l'INSTAT",
        disaggregation: [],
      },
    ],
  },
  {
    code: "O03-01",
    title: "Mener des campagnes d'information sur les risques de la migration irrégulière et les voies régulières",
    description:
      "Organiser, avec les radios communautaires, les leaders religieux et coutumiers et les associations de " +
      "migrants de retour, des campagnes d'information dans les principales régions de départ (Kayes, Koulikoro, " +
      "Ségou, Sikasso, Gao, Tombouctou) sur les risques de la migration irrégulière et les filières de migration régulière.",
    expectedResult: "Les candidats à la migration disposent d'informations exactes avant leur départ.",
    mainObjective: 3,
    otherObjectives: [7],
    axes: [1, 8],
    principles: [1, 10],
    lead: "MMEIA",
    partners: ["AME", "OIM"],
    startDate: "2020-02-01",
    endDate: "2024-12-31",
    estimatedBudget: 250_000_000n,
    securedFunding: 180_000_000n,
    priority: "MEDIUM",
    status: "IN_PROGRESS",
    progress: 60,
    indicators: [
      {
        name: "Nombre de personnes touchées par les campagnes d'information",
        definition: "Personnes ayant participé à une séance de sensibilisation ou à une causerie-débat.",
        unit: "personnes",
        kind: "NUMBER",
        baselineValue: 25_000,
        baselineDate: "2019-12-31",
        targetValue: 250_000,
        targetDate: "2024-12-31",
        frequency: "SEMIANNUAL",
        dataSource: "Rapports des campagnes (MMEIA, OIM)",
        verificationMeans: "Listes de présence, rapports d'activité",
        disaggregation: ["SEX", "AGE_GROUP", "REGION"],
      },
      {
        name: "Nombre de radios communautaires partenaires",
        definition: "Radios ayant diffusé au moins une émission de la campagne au cours de l'année.",
        unit: "radios",
        kind: "NUMBER",
        baselineValue: 12,
        baselineDate: "2019-12-31",
        targetValue: 60,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "MMEIA",
        verificationMeans: "Conventions de diffusion signées",
        disaggregation: ["REGION"],
      },
    ],
  },
  {
    code: "O04-01",
    title: "Étendre l'enrôlement biométrique et la carte consulaire aux Maliens établis à l'extérieur",
    description:
      "Doter les ambassades et consulats de centres d'enrôlement biométrique reliés au fichier de l'état civil " +
      "(RAVEC, NINA) afin de délivrer cartes consulaires, passeports et actes d'état civil aux Maliens de l'extérieur.",
    expectedResult: "Les Maliens établis à l'extérieur disposent d'une preuve d'identité légale et de documents adéquats.",
    mainObjective: 4,
    otherObjectives: [14],
    axes: [1],
    principles: [3, 6],
    lead: "MAECI",
    partners: ["MATD", "HCME"],
    startDate: "2020-06-01",
    endDate: "2024-12-31",
    estimatedBudget: 1_200_000_000n,
    securedFunding: 450_000_000n,
    priority: "HIGH",
    status: "IN_PROGRESS",
    progress: 35,
    indicators: [
      {
        name: "Nombre de Maliens de l'extérieur enrôlés au fichier consulaire biométrique",
        definition: "Personnes enregistrées dans le fichier consulaire biométrique (cumul).",
        unit: "personnes",
        kind: "NUMBER",
        baselineValue: 85_000,
        baselineDate: "2019-12-31",
        targetValue: 600_000,
        targetDate: "2024-12-31",
        frequency: "SEMIANNUAL",
        dataSource: "MAECI, Direction des Maliens de l'extérieur",
        verificationMeans: "Extraction du fichier consulaire",
        disaggregation: ["SEX", "AGE_GROUP"],
      },
      {
        name: "Proportion des missions diplomatiques et consulaires dotées d'un centre d'enrôlement",
        definition: "Missions équipées d'un centre d'enrôlement biométrique fonctionnel / total des missions.",
        unit: "%",
        kind: "PERCENTAGE",
        baselineValue: 20,
        baselineDate: "2019-12-31",
        targetValue: 80,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "MAECI",
        verificationMeans: "Procès-verbaux de réception des équipements",
        disaggregation: [],
      },
    ],
  },
  {
    code: "O10-01",
    title: "Renforcer la poursuite des auteurs de traite des personnes et l'assistance aux victimes",
    description:
      "Former les magistrats, officiers de police judiciaire et travailleurs sociaux à l'application de la loi " +
      "n° 2012-023 relative à la lutte contre la traite des personnes et les pratiques assimilées, et mettre en " +
      "place un mécanisme national d'orientation des victimes.",
    expectedResult:
      "Les auteurs de traite sont poursuivis et les victimes identifiées bénéficient d'une protection et d'une assistance.",
    mainObjective: 10,
    otherObjectives: [9, 7],
    axes: [1],
    principles: [4, 6, 8],
    lead: "MJDH",
    partners: ["MPFEF", "MSPC", "OIM"],
    startDate: "2020-04-01",
    endDate: "2024-12-31",
    estimatedBudget: 400_000_000n,
    securedFunding: 150_000_000n,
    priority: "HIGH",
    status: "IN_PROGRESS",
    progress: 30,
    indicators: [
      {
        name: "Nombre de poursuites engagées pour traite des personnes",
        definition: "Procédures judiciaires ouvertes sur le fondement de la loi n° 2012-023 au cours de l'année.",
        unit: "procédures",
        kind: "NUMBER",
        baselineValue: 12,
        baselineDate: "2019-12-31",
        targetValue: 40,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "MJDH, Cellule de planification et de statistique",
        verificationMeans: "Registres des parquets",
        disaggregation: ["REGION"],
      },
      {
        name: "Nombre de victimes de traite identifiées et assistées",
        definition: "Victimes ayant reçu au moins un service (hébergement, soins, assistance juridique, retour).",
        unit: "personnes",
        kind: "NUMBER",
        baselineValue: 180,
        baselineDate: "2019-12-31",
        targetValue: 600,
        targetDate: "2024-12-31",
        frequency: "SEMIANNUAL",
        dataSource: "MPFEF, OIM",
        verificationMeans: "Fiches de prise en charge",
        disaggregation: ["SEX", "AGE_GROUP"],
        globalIndicators: ["SDG-16.2.2"],
      },
    ],
  },
  {
    code: "O11-01",
    title: "Moderniser et équiper les postes frontières pour une gestion intégrée des frontières",
    description:
      "Équiper les postes frontières terrestres et aéroportuaires du système d'enregistrement des entrées et " +
      "sorties (MIDAS), réhabiliter les postes prioritaires et former les agents de la Police des frontières à la " +
      "gestion intégrée et humanitaire des frontières.",
    expectedResult: "Les flux aux frontières sont enregistrés et gérés de manière intégrée, sûre et coordonnée.",
    mainObjective: 11,
    otherObjectives: [9],
    axes: [7],
    principles: [3, 4],
    lead: "MSPC",
    partners: ["OIM", "UE"],
    startDate: "2020-01-15",
    endDate: "2024-06-30",
    estimatedBudget: 2_500_000_000n,
    securedFunding: 1_600_000_000n,
    priority: "HIGH",
    status: "IN_PROGRESS",
    progress: 50,
    indicators: [
      {
        name: "Nombre de postes frontières équipés du système MIDAS",
        definition: "Postes frontières où le système d'enregistrement est installé et opérationnel (cumul).",
        unit: "postes",
        kind: "NUMBER",
        baselineValue: 10,
        baselineDate: "2019-12-31",
        targetValue: 25,
        targetDate: "2024-06-30",
        frequency: "SEMIANNUAL",
        dataSource: "MSPC, Direction générale de la Police des frontières",
        verificationMeans: "Procès-verbaux d'installation",
        disaggregation: ["REGION"],
      },
      {
        name: "Nombre d'agents de la Police des frontières formés à la gestion intégrée des frontières",
        definition: "Agents ayant suivi une formation complète (cumul).",
        unit: "agents",
        kind: "NUMBER",
        baselineValue: 150,
        baselineDate: "2019-12-31",
        targetValue: 900,
        targetDate: "2024-06-30",
        frequency: "SEMIANNUAL",
        dataSource: "MSPC",
        verificationMeans: "Listes de présence et certificats de formation",
        disaggregation: ["SEX"],
      },
    ],
  },
  {
    code: "O12-01",
    title: "Adopter des procédures opérationnelles standard d'identification et d'orientation des migrants vulnérables",
    description:
      "Élaborer et diffuser aux postes frontières des procédures opérationnelles standard pour identifier les " +
      "migrants vulnérables (enfants non accompagnés, victimes de traite, demandeurs d'asile) et les orienter vers " +
      "les services compétents, en privilégiant les alternatives à la rétention.",
    expectedResult: "Chaque migrant vulnérable est identifié et orienté selon une procédure claire et prévisible.",
    mainObjective: 12,
    otherObjectives: [7, 13],
    axes: [7, 1],
    principles: [4, 8],
    lead: "MSPC",
    partners: ["MPFEF", "HCR", "OIM"],
    startDate: "2021-01-01",
    endDate: "2023-12-31",
    estimatedBudget: 300_000_000n,
    securedFunding: 0n,
    priority: "MEDIUM",
    status: "NOT_STARTED",
    progress: 0,
    indicators: [
      {
        name: "Procédures opérationnelles standard d'orientation adoptées",
        definition: "Les procédures sont validées par arrêté et diffusées aux postes frontières.",
        unit: "oui/non",
        kind: "YES_NO",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 1,
        targetDate: "2022-06-30",
        frequency: "ONCE",
        dataSource: "MSPC",
        verificationMeans: "Arrêté d'adoption",
        disaggregation: [],
      },
      {
        name: "Proportion des postes frontières appliquant les procédures d'orientation",
        definition: "Postes frontières ayant orienté les cas identifiés selon les procédures / postes frontières équipés.",
        unit: "%",
        kind: "PERCENTAGE",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 75,
        targetDate: "2023-12-31",
        frequency: "ANNUAL",
        dataSource: "MSPC, HCR, OIM",
        verificationMeans: "Rapports de supervision des postes frontières",
        disaggregation: ["REGION"],
      },
    ],
  },
  {
    code: "O19-01",
    title: "Mettre en place un guichet d'accompagnement des investissements de la diaspora",
    description:
      "Créer au sein du ministère un guichet chargé d'informer, d'orienter et d'accompagner les Maliens de " +
      "l'extérieur porteurs de projets d'investissement productif au Mali, en lien avec le Haut Conseil des " +
      "Maliens de l'Extérieur et les institutions financières.",
    expectedResult: "Les investissements de la diaspora dans les secteurs productifs augmentent.",
    mainObjective: 19,
    otherObjectives: [2],
    axes: [4],
    principles: [5, 10],
    lead: "MMEIA",
    partners: ["HCME", "MEF"],
    startDate: "2021-01-01",
    endDate: "2024-12-31",
    estimatedBudget: 500_000_000n,
    securedFunding: 100_000_000n,
    priority: "MEDIUM",
    status: "IN_PROGRESS",
    progress: 20,
    indicators: [
      {
        name: "Nombre de projets d'investissement de la diaspora accompagnés",
        definition: "Projets ayant bénéficié d'un appui du guichet (conseil, montage, mise en relation).",
        unit: "projets",
        kind: "NUMBER",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 150,
        targetDate: "2024-12-31",
        frequency: "SEMIANNUAL",
        dataSource: "MMEIA, guichet diaspora",
        verificationMeans: "Registre des dossiers",
        disaggregation: ["SEX", "REGION"],
      },
    ],
  },
  {
    code: "O20-01",
    title: "Réduire le coût des transferts de fonds des migrants et favoriser leur inclusion financière",
    description:
      "Publier un comparateur des coûts de transfert sur les principaux corridors, encourager les transferts " +
      "par téléphonie mobile et l'ouverture de comptes bancaires par les migrants et leurs familles.",
    expectedResult: "Les envois de fonds vers le Mali sont plus rapides, plus sûrs et moins coûteux.",
    mainObjective: 20,
    otherObjectives: [],
    axes: [4],
    principles: [5, 2],
    lead: "MEF",
    partners: ["MMEIA", "HCME"],
    startDate: "2020-07-01",
    endDate: "2024-12-31",
    estimatedBudget: 150_000_000n,
    securedFunding: 50_000_000n,
    priority: "MEDIUM",
    status: "DELAYED",
    progress: 15,
    indicators: [
      {
        name: "Coût moyen d'un envoi de 200 USD vers le Mali",
        definition: "Coût total moyen d'un transfert de 200 USD, en pourcentage du montant envoyé (cible ODD 10.c : 3 %).",
        unit: "% du montant",
        kind: "PERCENTAGE",
        baselineValue: 7.2,
        baselineDate: "2019-12-31",
        targetValue: 3,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "Banque mondiale, Remittance Prices Worldwide",
        verificationMeans: "Base de données Remittance Prices Worldwide",
        disaggregation: [],
        globalIndicators: ["SDG-10.c.1"],
      },
      {
        name: "Part des transferts reçus par des canaux formels",
        definition: "Transferts reçus par les banques, les systèmes financiers décentralisés et la monnaie électronique / total estimé.",
        unit: "%",
        kind: "PERCENTAGE",
        baselineValue: 55,
        baselineDate: "2019-12-31",
        targetValue: 75,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "MEF, BCEAO (balance des paiements)",
        verificationMeans: "Rapport annuel sur la balance des paiements",
        disaggregation: [],
      },
    ],
  },
  {
    code: "O21-01",
    title: "Accompagner la réintégration durable des migrants maliens de retour",
    description:
      "Assurer l'accueil, l'orientation et la réintégration économique, sociale et psychosociale des migrants " +
      "maliens de retour, par des projets individuels et communautaires, la formation professionnelle et la mise " +
      "en relation avec les offres d'emploi.",
    expectedResult: "Les migrants de retour sont réintégrés durablement dans leurs communautés.",
    mainObjective: 21,
    otherObjectives: [18],
    axes: [3],
    principles: [1, 7, 8],
    lead: "MMEIA",
    partners: ["OIM", "ANPE", "AME"],
    startDate: "2020-01-01",
    endDate: "2024-12-31",
    estimatedBudget: 2_000_000_000n,
    securedFunding: 1_250_000_000n,
    priority: "HIGH",
    status: "IN_PROGRESS",
    progress: 45,
    indicators: [
      {
        name: "Nombre de migrants de retour ayant bénéficié d'une assistance à la réintégration",
        definition: "Migrants de retour ayant reçu un appui individuel, collectif ou communautaire (cumul).",
        unit: "personnes",
        kind: "NUMBER",
        baselineValue: 3_200,
        baselineDate: "2019-12-31",
        targetValue: 15_000,
        targetDate: "2024-12-31",
        frequency: "QUARTERLY",
        dataSource: "MMEIA, OIM",
        verificationMeans: "Base de données des bénéficiaires",
        disaggregation: ["SEX", "AGE_GROUP", "REGION"],
      },
      {
        name: "Proportion des bénéficiaires dont la réintégration est jugée durable",
        definition: "Bénéficiaires atteignant un score de durabilité de la réintégration d'au moins 0,5 un an après l'appui.",
        unit: "%",
        kind: "PERCENTAGE",
        baselineValue: 42,
        baselineDate: "2019-12-31",
        targetValue: 70,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "OIM, enquêtes de suivi de la réintégration",
        verificationMeans: "Rapports d'enquête de durabilité",
        disaggregation: ["SEX"],
      },
    ],
  },
  {
    code: "O23-01",
    title: "Négocier des accords bilatéraux de migration de main-d'œuvre incluant la portabilité des droits sociaux",
    description:
      "Négocier avec les principaux pays d'accueil des accords de migration de main-d'œuvre prévoyant le " +
      "recrutement éthique, la reconnaissance des qualifications et la portabilité des droits de sécurité sociale.",
    expectedResult: "Des filières de migration de travail régulières et protectrices sont ouvertes aux Maliens.",
    mainObjective: 23,
    otherObjectives: [5, 22],
    axes: [2],
    principles: [2, 6],
    lead: "MEFP",
    partners: ["MAECI", "ANPE", "MTFP"],
    startDate: "2021-01-01",
    endDate: "2024-12-31",
    estimatedBudget: 180_000_000n,
    securedFunding: 0n,
    priority: "LOW",
    status: "NOT_STARTED",
    progress: 0,
    indicators: [
      {
        name: "Nombre d'accords bilatéraux de migration de main-d'œuvre signés",
        definition: "Accords ou mémorandums d'entente signés depuis le début du plan.",
        unit: "accords",
        kind: "NUMBER",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 3,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "MEFP, MAECI",
        verificationMeans: "Textes des accords signés",
        disaggregation: [],
      },
      {
        name: "Nombre de travailleurs placés dans le cadre d'accords de migration de main-d'œuvre",
        definition: "Travailleurs recrutés par l'intermédiaire de l'ANPE dans le cadre d'un accord (cumul).",
        unit: "travailleurs",
        kind: "NUMBER",
        baselineValue: 0,
        baselineDate: "2019-12-31",
        targetValue: 500,
        targetDate: "2024-12-31",
        frequency: "ANNUAL",
        dataSource: "ANPE",
        verificationMeans: "Registre des placements",
        disaggregation: ["SEX", "AGE_GROUP"],
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// The Ségou workshop (15 August 2019)
// ---------------------------------------------------------------------------

export const segouWorkshop = {
  title: "Atelier de partage et d'élaboration du Plan d'action national du Pacte mondial pour les migrations",
  startDate: "2019-08-15",
  endDate: "2019-08-15",
  place: "Ségou",
  organisers: "Ministère des Maliens de l'Extérieur ; OIM Mali",
  notes:
    "Atelier organisé le jeudi 15 août 2019 à Ségou par le ministère des Maliens de l'Extérieur et l'Organisation " +
    "internationale pour les migrations (OIM) au Mali, pour partager les 23 objectifs du Pacte mondial pour des " +
    "migrations sûres, ordonnées et régulières (GCM) avec les acteurs étatiques et non étatiques et élaborer un " +
    "Plan d'action national ainsi qu'un mécanisme de suivi de sa mise en œuvre.\n\n" +
    "Contexte : le Mali fait partie des 150 pays ayant signé le Pacte mondial à Marrakech le 10 décembre 2018. " +
    "Le pays comptait plus de 160 000 personnes déplacées internes (au 31 juillet 2019), 19 193 migrants maliens " +
    "et non maliens (au 15 août 2019) et 12 166 migrants maliens de retour entre janvier 2018 et le 15 août 2019.\n\n" +
    "Le ministre des Maliens de l'Extérieur, Amadou Koïta, a rappelé que les objectifs du Pacte sont en parfaite " +
    "cohérence avec les priorités de la Politique nationale de migration (PONAM) adoptée en 2014. L'OIM a souligné " +
    "la nécessité d'une stratégie couvrant la migration régulière autant qu'irrégulière, et son chef de mission, " +
    "Pascal Reyntjens, a affirmé la volonté de l'OIM d'accompagner le gouvernement dans le suivi de la mise en œuvre.",
  participants: [
    "MMEIA",
    "MAECI",
    "MSPC",
    "MATD",
    "MJDH",
    "MPFEF",
    "MEFP",
    "MSDS",
    "MEF",
    "MTFP",
    "INSTAT",
    "OIM",
    "HCME",
    "AME",
  ],
};

export type ProposalSeed = {
  title: string;
  objective: number;
  lead: string | null;
  notes?: string;
  status: ProposalStatus;
  /** Code of the plan action an ACCEPTED or MERGED proposal became. */
  actionCode?: string;
};

export type WorkingGroupSeed = { name: string; moderator: string; objectives: number[]; proposals: ProposalSeed[] };

export const workingGroups: WorkingGroupSeed[] = [
  {
    name: "Groupe 1 – Gouvernance, données et frontières",
    moderator: "MSPC",
    objectives: [1, 3, 4, 11, 12, 13],
    proposals: [
      {
        title: "Intégrer un module migration dans l'enquête EMOP",
        objective: 1,
        lead: "INSTAT",
        status: "ACCEPTED",
        actionCode: "O01-01",
      },
      {
        title: "Créer un observatoire national des migrations",
        objective: 1,
        lead: "MMEIA",
        notes: "À rapprocher de la proposition sur l'EMOP lors de la consolidation.",
        status: "MERGED",
        actionCode: "O01-01",
      },
      {
        title: "Équiper les postes frontières d'un système d'enregistrement des entrées et sorties",
        objective: 11,
        lead: "MSPC",
        status: "ACCEPTED",
        actionCode: "O11-01",
      },
      {
        title: "Délivrer la carte consulaire biométrique dans toutes les ambassades",
        objective: 4,
        lead: "MAECI",
        status: "ACCEPTED",
        actionCode: "O04-01",
      },
      {
        title: "Construire des centres d'hébergement temporaire aux frontières nord",
        objective: 13,
        lead: "MSPC",
        notes: "Coût et sécurité à évaluer.",
        status: "PENDING",
      },
    ],
  },
  {
    name: "Groupe 2 – Protection et vulnérabilités",
    moderator: "MJDH",
    objectives: [7, 8, 9, 10, 14, 15, 16, 17],
    proposals: [
      {
        title: "Former les magistrats et les OPJ à la loi n° 2012-023 sur la traite des personnes",
        objective: 10,
        lead: "MJDH",
        status: "ACCEPTED",
        actionCode: "O10-01",
      },
      {
        title: "Ouvrir des centres d'accueil pour migrants vulnérables à Gao et à Kayes",
        objective: 15,
        lead: "MSDS",
        status: "PENDING",
      },
      {
        title: "Lancer une campagne contre la stigmatisation des migrants de retour",
        objective: 17,
        lead: "AME",
        status: "PENDING",
      },
    ],
  },
  {
    name: "Groupe 3 – Migration régulière, diaspora et développement",
    moderator: "MMEIA",
    objectives: [2, 5, 6, 18, 19, 20, 21, 22, 23],
    proposals: [
      {
        title: "Accompagner la réintégration économique des migrants de retour",
        objective: 21,
        lead: "MMEIA",
        status: "ACCEPTED",
        actionCode: "O21-01",
      },
      {
        title: "Réduire le coût des transferts d'argent de la diaspora",
        objective: 20,
        lead: "MEF",
        status: "ACCEPTED",
        actionCode: "O20-01",
      },
      {
        title: "Créer un fonds de garantie pour les investissements de la diaspora",
        objective: 19,
        lead: "HCME",
        notes: "Étudier la faisabilité avec le ministère de l'Économie et des Finances.",
        status: "PENDING",
      },
      {
        title: "Reconnaître les compétences acquises à l'étranger par les migrants de retour",
        objective: 18,
        lead: "MEFP",
        status: "PENDING",
      },
    ],
  },
];

export const PROPOSALS_DECIDED_AT = "2019-10-15T09:00:00Z";

// ---------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------

/**
 * The current half-year, open: every unfinished action owes a report for it (actions past their
 * planned end keep reporting), due at the end of January 2027.
 */
export const demoReportingPeriod = {
  label: "Semestre 2 – 2026",
  startDate: "2026-07-01",
  endDate: "2026-12-31",
  dueDate: "2027-01-31",
  openedAt: "2026-07-01T08:00:00Z",
};
