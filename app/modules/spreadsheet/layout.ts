// The spreadsheet layout shared by the export and the import: sheet names, French headers,
// the French words used for choices, and how lists are written. The file is a French
// document whatever the reader's interface language, so these are format constants, not
// catalogue messages. Pure: used by the server and by the import page.
import { PRIORITIES } from "~/modules/actions/schema";
import { DISAGGREGATIONS, FREQUENCIES, INDICATOR_KINDS } from "~/modules/indicators/schema";

export const ACTIONS_SHEET = "Actions";
export const INDICATORS_SHEET = "Indicateurs";
export const HELP_SHEET = "Aide";
export type SheetName = typeof ACTIONS_SHEET | typeof INDICATORS_SHEET;

/** Every sheet the import reads is capped, which also bounds the confirm form's hidden field. */
export const MAX_ROWS = 2000;
export const MAX_FILE_BYTES = 5_000_000;

export const PRIORITY_LABELS = { HIGH: "Haute", MEDIUM: "Moyenne", LOW: "Basse" } as const satisfies Record<
  (typeof PRIORITIES)[number],
  string
>;
export const KIND_LABELS = { NUMBER: "Nombre", PERCENTAGE: "Pourcentage", YES_NO: "Oui/non" } as const satisfies Record<
  (typeof INDICATOR_KINDS)[number],
  string
>;
export const FREQUENCY_LABELS = {
  MONTHLY: "Mensuelle",
  QUARTERLY: "Trimestrielle",
  SEMIANNUAL: "Semestrielle",
  ANNUAL: "Annuelle",
  ONCE: "Ponctuelle",
} as const satisfies Record<(typeof FREQUENCIES)[number], string>;
export const DISAGGREGATION_LABELS = {
  SEX: "Sexe",
  AGE_GROUP: "Tranche d'âge",
  REGION: "Région",
  NATIONALITY: "Nationalité",
} as const satisfies Record<(typeof DISAGGREGATIONS)[number], string>;

type ColumnKind = "text" | "number" | "list" | "day" | "amount" | "decimal" | "choice";

export type Column<Key extends string = string> = {
  key: Key;
  header: string;
  width: number;
  kind: ColumnKind;
  /** The import needs the column (the row is meaningless without it). */
  required?: boolean;
  /** For people only (a name next to a code): written by the export, ignored by the import. */
  informative?: boolean;
  /** The words a choice column accepts, by stored value. */
  labels?: Record<string, string>;
};

export const ACTION_COLUMNS = [
  { key: "code", header: "Code", width: 12, kind: "text", required: true },
  { key: "title", header: "Intitulé", width: 50, kind: "text", required: true },
  { key: "description", header: "Description", width: 60, kind: "text" },
  { key: "expectedResult", header: "Résultat attendu", width: 50, kind: "text" },
  { key: "mainObjective", header: "Objectif principal (n°)", width: 13, kind: "number", required: true },
  { key: "mainObjectiveTitle", header: "Objectif principal (intitulé)", width: 45, kind: "text", informative: true },
  { key: "otherObjectives", header: "Autres objectifs (n°)", width: 14, kind: "list" },
  { key: "axes", header: "Axes PONAM (n°)", width: 12, kind: "list" },
  { key: "principles", header: "Principes directeurs (n°)", width: 14, kind: "list" },
  { key: "lead", header: "Chef de file (sigle)", width: 14, kind: "text", required: true },
  { key: "leadName", header: "Chef de file (nom)", width: 40, kind: "text", informative: true },
  { key: "partners", header: "Partenaires (sigles)", width: 24, kind: "list" },
  { key: "startDate", header: "Début (AAAA-MM-JJ)", width: 13, kind: "day" },
  { key: "endDate", header: "Fin (AAAA-MM-JJ)", width: 13, kind: "day" },
  { key: "estimatedBudget", header: "Budget estimé (FCFA)", width: 18, kind: "amount" },
  { key: "securedFunding", header: "Financement acquis (FCFA)", width: 18, kind: "amount" },
  { key: "priority", header: "Priorité", width: 11, kind: "choice", required: true, labels: PRIORITY_LABELS },
] as const satisfies readonly Column[];

export const INDICATOR_COLUMNS = [
  { key: "actionCode", header: "Code de l'action", width: 12, kind: "text", required: true },
  { key: "actionTitle", header: "Intitulé de l'action", width: 40, kind: "text", informative: true },
  { key: "name", header: "Indicateur", width: 45, kind: "text", required: true },
  { key: "definition", header: "Définition", width: 50, kind: "text" },
  { key: "unit", header: "Unité", width: 14, kind: "text" },
  { key: "kind", header: "Type", width: 13, kind: "choice", required: true, labels: KIND_LABELS },
  { key: "baselineValue", header: "Valeur de référence", width: 14, kind: "decimal" },
  { key: "baselineDate", header: "Date de référence (AAAA-MM-JJ)", width: 16, kind: "day" },
  { key: "targetValue", header: "Valeur cible", width: 14, kind: "decimal" },
  { key: "targetDate", header: "Date cible (AAAA-MM-JJ)", width: 16, kind: "day" },
  { key: "frequency", header: "Fréquence", width: 14, kind: "choice", required: true, labels: FREQUENCY_LABELS },
  { key: "dataSource", header: "Source des données", width: 30, kind: "text" },
  { key: "verificationMeans", header: "Moyens de vérification", width: 30, kind: "text" },
  { key: "disaggregation", header: "Désagrégation", width: 24, kind: "list", labels: DISAGGREGATION_LABELS },
] as const satisfies readonly Column[];

export type ActionColumnKey = (typeof ACTION_COLUMNS)[number]["key"];
export type IndicatorColumnKey = (typeof INDICATOR_COLUMNS)[number]["key"];

export const LIST_SEPARATOR = ", ";

/** "3, 5; 9" to ["3", "5", "9"]: commas or semicolons, blanks dropped, duplicates kept once. */
export function splitList(value: string) {
  return [
    ...new Set(
      value
        .split(/[,;\n]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

export function joinList(values: readonly (string | number)[]) {
  return values.join(LIST_SEPARATOR);
}

/** Headers compare without case, accents' encoding, curly apostrophes or extra spaces. */
export function normaliseHeader(value: string) {
  return value.normalize("NFC").replace(/[\u2019\u02bc]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

// Choices compare without case, accents or spaces: "oui / non" and "OUI/NON" are "Oui/non".
function normaliseChoice(value: string) {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** The stored value for a French word or the stored value itself; anything else as typed (and refused later). */
export function choiceValue(labels: Record<string, string>, typed: string) {
  const wanted = normaliseChoice(typed);
  if (!wanted) return "";
  for (const [value, label] of Object.entries(labels)) {
    if (normaliseChoice(label) === wanted || normaliseChoice(value) === wanted) return value;
  }
  return typed.trim();
}

export function choiceLabel(labels: Record<string, string>, value: string) {
  return labels[value] ?? value;
}
