// The issue "The monitoring mechanism": a reporting period opens on an adopted plan, the lead
// ministry's focal point drafts and submits a progress report, a reviewer sends it back and
// then approves it; the approval updates the action, and the compliance view counts it.
// Everything is built here, on a plan of its own whose dates follow today's: the test does not
// depend on the date it runs nor on the demo plan's periods. Titles carry a stamp of the run.
import type { Page } from "@playwright/test";
import { demoUsers, expect, signIn, test } from "./fixtures";

// The lead organisation of the journey, as the action form's select shows it (prisma/data/gcm-mali.json).
const MMEIA = "MMEIA – Ministère des Maliens établis à l'Extérieur et de l'Intégration Africaine";

function idIn(url: string, pattern: RegExp) {
  const id = pattern.exec(url)?.[1];
  if (!id) throw new Error(`No id in ${url} for ${pattern}`);
  return id;
}

/** "AAAA-MM-JJ" of today plus `days`, as the app counts days: in Bamako, which is UTC all year. */
function dayFromToday(days: number) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

type MonitoredPlan = {
  planId: string;
  planTitle: string;
  actionId: string;
  actionTitle: string;
  periodLabel: string;
};

/**
 * As the facilitator, through the forms: a plan spanning last year to next year, one action
 * of the MMEIA started last year (with the indicator, if any), the plan adopted, and a
 * reporting period opened around today, due in 40 days.
 */
async function setUpMonitoredPlan(
  page: Page,
  stamp: number,
  indicator?: { name: string; unit: string; target: string },
): Promise<MonitoredPlan> {
  const year = new Date().getUTCFullYear();
  const planTitle = `Plan suivi e2e ${stamp}`;
  const actionTitle = `Renforcer l'accueil des migrants de retour e2e ${stamp}`;
  const periodLabel = `Suivi e2e ${stamp}`;

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Plans d'action" }).click();
  await page.getByRole("link", { name: "Nouveau plan" }).click();
  await page.getByLabel("Intitulé du plan").fill(planTitle);
  await page.getByLabel("Début de la période").fill(`${year - 1}-01-01`);
  await page.getByLabel("Fin de la période").fill(`${year + 1}-12-31`);
  await page.getByRole("button", { name: "Créer le plan" }).click();
  await expect(page.getByRole("status")).toHaveText("Plan créé. Ajoutez ses actions.");
  const planId = idIn(page.url(), /\/plans\/([^/?]+)\?notice=created$/);

  await page.getByRole("link", { name: "Ajouter une action" }).click();
  await page.getByLabel("Objectif principal du Pacte").selectOption("21");
  await expect(page.getByLabel("Code")).toHaveValue("O21-01");
  await page.getByLabel("Intitulé de l'action").fill(actionTitle);
  await page.getByLabel("Ministère chef de file").selectOption({ label: MMEIA });
  await page.getByLabel("Date de début").fill(`${year - 1}-06-01`);
  await page.getByLabel("Date de fin").fill(`${year + 1}-06-30`);
  await page.getByRole("button", { name: "Créer l'action" }).click();
  await expect(page.getByRole("status")).toHaveText("Action créée.");
  const actionId = idIn(page.url(), /\/actions\/([^/?]+)\?notice=created$/);

  if (indicator) {
    await page.getByRole("link", { name: "Ajouter un indicateur" }).click();
    await page.getByLabel("Intitulé de l'indicateur").fill(indicator.name);
    await page.getByLabel("Type de valeur").selectOption({ label: "Nombre" });
    await page.getByLabel("Unité").fill(indicator.unit);
    await page.getByLabel("Valeur de référence").fill("0");
    await page.getByLabel("Valeur cible").fill(indicator.target);
    await page.getByRole("checkbox", { name: "Sexe", exact: true }).check();
    await page.getByRole("button", { name: "Ajouter l'indicateur" }).click();
    await expect(page.getByRole("status")).toHaveText("Indicateur ajouté.");
    const row = page.getByRole("region", { name: "Indicateurs" }).getByRole("row").filter({ hasText: indicator.name });
    await expect(row).toContainText("Sexe");
  }

  await page.goto(`/plans/${planId}`);
  await page.getByRole("button", { name: "Adopter le plan" }).click();
  await expect(page.getByRole("status")).toHaveText("Plan adopté : version 1 figée.");

  await page.goto(`/plans/${planId}/periods`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Périodes de rapport");
  await expect(page.getByText("Aucune période de rapport pour ce plan.")).toBeVisible();
  await page.getByLabel("Libellé").fill(periodLabel);
  await page.getByLabel("Premier jour").fill(dayFromToday(-20));
  await page.getByLabel("Dernier jour").fill(dayFromToday(20));
  await page.getByLabel("Date limite de remise des rapports").fill(dayFromToday(40));
  await page.getByRole("button", { name: "Ouvrir la période" }).click();
  await expect(page.getByRole("status")).toHaveText(`Période « ${periodLabel} » ouverte.`);
  const periodRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: periodLabel }) });
  await expect(periodRow).toContainText("Ouverte");
  // The action started last year: the period expects its report.
  await expect(periodRow).toContainText("0 sur 1");

  return { planId, planTitle, actionId, actionTitle, periodLabel };
}

/**
 * The plan leaves the stage: adopted last, it would become the current plan that the
 * objectives pages (and the specs after this one) show. Archived, the demo plan is current again.
 */
async function archivePlan(page: Page, planId: string) {
  await page.goto(`/plans/${planId}`);
  await page.getByRole("button", { name: "Archiver le plan" }).click();
  await expect(page.getByRole("status")).toHaveText("Plan archivé.");
}

/** The focal point's item for the action in "Mes actions". */
function workItem(page: Page, actionTitle: string) {
  return page.getByRole("region", { name: "Rapports d'avancement" }).getByRole("listitem").filter({ hasText: actionTitle });
}

test("a focal point's report goes from draft to submission, is sent back, corrected, approved, and counted on time", async ({
  page,
  newSignedInPage,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const indicatorName = `Migrants de retour accueillis e2e ${stamp}`;
  const narrative = "Deux centres d'accueil ouverts à Kayes et à Gao ; 120 migrants de retour accueillis.";
  const changesComment = "Le chiffre de Gao n'est pas encore consolidé : reprenez la valeur avec les listes de présence.";
  const correctedNarrative = "Deux centres d'accueil ouverts à Kayes et à Gao ; 150 migrants de retour accueillis, listes de présence jointes.";

  const facilitator = await newSignedInPage(demoUsers.facilitator);
  let monitored: MonitoredPlan | undefined;
  await test.step("the facilitator sets up an adopted plan with an MMEIA action and opens a period around today", async () => {
    monitored = await setUpMonitoredPlan(facilitator, stamp, { name: indicatorName, unit: "personnes", target: "500" });
  });
  if (!monitored) throw new Error("The plan was not set up.");
  const { planId, planTitle, actionId, actionTitle, periodLabel } = monitored;
  const code = "O21-01";

  await signIn(page, demoUsers.focalPointMmeia);
  let reportId = "";
  await test.step("the MMEIA focal point sees the report due in Mes actions and starts it", async () => {
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes actions" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes actions");
    const item = workItem(page, actionTitle);
    await expect(item).toContainText("À rédiger");
    await expect(item).toContainText(`${periodLabel} · à remettre le`);
    await expect(item).toContainText("(dans 40 jour(s))");
    await item.getByRole("button", { name: `Commencer le rapport – ${code}` }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rapport d'avancement – ${code} ${actionTitle}`);
    await expect(page.getByRole("main")).toContainText("Brouillon");
    reportId = idIn(page.url(), /\/reports\/([^/?#]+)$/);
  });

  await test.step("saves a draft, then submits the report with a value broken down by sex", async () => {
    await page.getByLabel("Statut de mise en œuvre").selectOption({ label: "En cours" });
    await page.getByLabel("Avancement").fill("40");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect(page.getByRole("status")).toHaveText("Brouillon enregistré.");
    await expect(page.getByLabel("Avancement")).toHaveValue("40");

    await page.getByLabel("Réalisations de la période").fill(narrative);
    const entry = page.getByRole("group", { name: indicatorName });
    await entry.getByLabel("Valeur pour la période").fill("120");
    await entry.getByRole("group", { name: "Ventilation par sexe" }).getByLabel("Femmes").fill("70");
    await entry.getByRole("group", { name: "Ventilation par sexe" }).getByLabel("Hommes").fill("50");
    await page.getByRole("button", { name: "Soumettre le rapport" }).click();

    await expect(page.getByRole("status")).toHaveText("Rapport soumis : il est maintenant en relecture et ne peut plus être modifié.");
    await expect(page.getByRole("main")).toContainText("Soumis, en relecture");
    await expect(page.getByRole("main")).toContainText("Soumis le ");
  });

  await test.step("sees the submitted report read-only", async () => {
    await expect(page.getByRole("button", { name: "Soumettre le rapport" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Enregistrer le brouillon" })).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    const implementation = page.getByRole("region", { name: "Mise en œuvre" });
    await expect(implementation).toContainText("En cours");
    await expect(implementation).toContainText(/40\s?%/);
    await expect(implementation).toContainText(narrative);
    const valueRow = page.getByRole("region", { name: "Valeurs des indicateurs pour la période" }).getByRole("row", { name: indicatorName });
    await expect(valueRow).toContainText("120 personnes");
    await expect(valueRow).toContainText("Sexe : Femmes 70 ; Hommes 50");

    await page.getByRole("link", { name: "← Mes actions" }).click();
    await expect(workItem(page, actionTitle)).toContainText("En relecture");
  });

  const reviewer = await newSignedInPage(demoUsers.reviewer);
  await test.step("the reviewer finds the report in the review queue and asks for changes", async () => {
    await reviewer.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Revue" }).click();
    await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("Revue des rapports d'avancement");
    // The queue runs oldest first over every plan: the filters narrow it to this period.
    await reviewer.getByLabel("Organisation").selectOption({ label: MMEIA });
    await reviewer.getByLabel("Période").selectOption({ label: `${periodLabel} – ${planTitle}` });
    await reviewer.getByRole("button", { name: "Filtrer" }).click();
    await expect(reviewer.getByRole("status")).toHaveText("1 rapport(s) en attente de revue");
    const row = reviewer.getByRole("row").filter({ hasText: actionTitle });
    await expect(row).toContainText("MMEIA");
    await expect(row).toContainText(periodLabel);
    await expect(row).toContainText("En cours");
    await expect(row).toContainText(/40\s?%/);
    await expect(row).not.toContainText("soumis en retard");
    await row.getByRole("link", { name: `${code} ${actionTitle}` }).click();

    await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(`Rapport : ${code} – ${actionTitle}`);
    await expect(reviewer.getByRole("main")).toContainText("Soumis, en attente de revue");
    await expect(reviewer.getByRole("region", { name: `Ce rapport – ${periodLabel}` })).toContainText(narrative);
    await expect(reviewer.getByRole("table", { name: `Historique de l'indicateur « ${indicatorName} »` })).toContainText("120 personnes");
    // The review page shares the report's read-only view: breakdown labels translated, numbers formatted.
    const breakdown = reviewer.getByRole("table", { name: "Ventilation de la valeur déclarée" });
    await expect(breakdown.getByRole("row", { name: /Femmes/ })).toContainText("70");
    await expect(breakdown).toContainText("Sexe");
    await expect(breakdown).not.toContainText("SEX");

    const decision = reviewer.getByRole("form", { name: "Demander des modifications" });
    await decision.getByLabel("Modifications attendues").fill(changesComment);
    await decision.getByRole("button", { name: "Demander des modifications" }).click();
    await expect(reviewer.getByRole("status")).toHaveText("Modifications demandées : le point focal a été prévenu.");
    await expect(reviewer.getByRole("main")).toContainText("Modifications demandées");
    await expect(reviewer.getByRole("region", { name: "Échanges sur ce rapport" })).toContainText(changesComment);
  });

  await test.step("the focal point is told, sees the report sent back with the comment, corrects it and resubmits", async () => {
    await page.goto("/notifications");
    await expect(
      page.getByRole("link", { name: `Des modifications sont demandées sur le rapport de l'action ${code} pour « ${periodLabel} ».` }),
    ).toBeVisible();

    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes actions" }).click();
    const item = workItem(page, actionTitle);
    await expect(item).toContainText("À reprendre");
    await item.getByRole("link", { name: `Reprendre le rapport – ${code}` }).click();

    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await expect(page.getByRole("main")).toContainText("Modifications demandées");
    const comments = page.getByRole("region", { name: "Commentaires des relecteurs" });
    await expect(comments).toContainText(changesComment);
    await expect(comments).toContainText(demoUsers.reviewer.name);

    // The form starts from what was submitted.
    await expect(page.getByLabel("Avancement")).toHaveValue("40");
    await expect(page.getByLabel("Réalisations de la période")).toHaveValue(narrative);
    const entry = page.getByRole("group", { name: indicatorName });
    await expect(entry.getByLabel("Valeur pour la période")).toHaveValue("120");

    await page.getByLabel("Avancement").fill("55");
    await page.getByLabel("Réalisations de la période").fill(correctedNarrative);
    await entry.getByLabel("Valeur pour la période").fill("150");
    await entry.getByRole("group", { name: "Ventilation par sexe" }).getByLabel("Femmes").fill("85");
    await entry.getByRole("group", { name: "Ventilation par sexe" }).getByLabel("Hommes").fill("65");
    await page.getByRole("button", { name: "Soumettre le rapport" }).click();

    await expect(page.getByRole("status")).toHaveText("Rapport soumis : il est maintenant en relecture et ne peut plus être modifié.");
    await expect(page.getByRole("button", { name: "Soumettre le rapport" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Mise en œuvre" })).toContainText(/55\s?%/);
  });

  await test.step("the reviewer approves the corrected report", async () => {
    await reviewer.getByRole("link", { name: "← File de revue" }).click();
    await reviewer.getByLabel("Période").selectOption({ label: `${periodLabel} – ${planTitle}` });
    await reviewer.getByRole("button", { name: "Filtrer" }).click();
    await expect(reviewer.getByRole("status")).toHaveText("1 rapport(s) en attente de revue");
    await reviewer.getByRole("row").filter({ hasText: actionTitle }).getByRole("link", { name: `${code} ${actionTitle}` }).click();
    await expect(reviewer.getByRole("region", { name: `Ce rapport – ${periodLabel}` })).toContainText(correctedNarrative);
    await expect(reviewer.getByRole("table", { name: `Historique de l'indicateur « ${indicatorName} »` })).toContainText("150 personnes");

    const decision = reviewer.getByRole("form", { name: "Approuver" });
    await decision.getByRole("button", { name: "Approuver" }).click();
    await expect(reviewer.getByRole("status")).toHaveText("Rapport approuvé : l'action et ses indicateurs ont été mis à jour.");
    await expect(reviewer.getByRole("main")).toContainText("Approuvé");
    await expect(reviewer.getByRole("button", { name: "Approuver" })).toHaveCount(0);
  });

  await test.step("the action shows the approved status, progress and indicator value", async () => {
    await page.goto(`/actions/${actionId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code} ${actionTitle}`);
    const status = page.getByRole("definition").filter({ has: page.getByRole("progressbar") });
    await expect(status).toContainText("En cours");
    await expect(status).toContainText(/55\s?%/);
    await expect(page.getByRole("progressbar", { name: "Avancement" })).toHaveAttribute("value", "55");

    const indicators = page.getByRole("region", { name: "Indicateurs" });
    await expect(indicators.getByRole("columnheader")).toContainText(["Valeur actuelle"]);
    const row = indicators.getByRole("row").filter({ hasText: indicatorName });
    await expect(row.getByRole("cell").nth(4)).toHaveText("150 personnes");

    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes actions" }).click();
    await expect(workItem(page, actionTitle)).toContainText("Approuvé");
  });

  await test.step("the compliance view counts the report as submitted on time for the MMEIA and the period", async () => {
    await reviewer.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Suivi", exact: true }).click();
    await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("Suivi de la remise des rapports");
    await reviewer.getByLabel("Plan d'action").selectOption({ label: planTitle });
    await reviewer.getByRole("button", { name: "Afficher" }).click();
    await expect(reviewer).toHaveURL(new RegExp(`[?&]plan=${planId}\\b`));

    const table = reviewer.getByRole("table", { name: `Remise des rapports par organisation – ${periodLabel}` });
    await expect(table.getByRole("columnheader")).toHaveText(["Organisation", "attendus", "à temps", "en retard", "manquants", "pas encore dus", "approuvés"]);
    const row = table.getByRole("row").filter({ has: reviewer.getByRole("rowheader", { name: /^MMEIA\b/ }) });
    await expect(row.getByRole("cell")).toHaveText(["1", "1", "0", "0", "0", "1"]);
    await expect(reviewer.getByRole("heading", { name: /^Rapports en retard/ })).toHaveText("Rapports en retard (0)");
  });

  await test.step("the facilitator archives the plan, so that the demo plan is the current one again", async () => {
    await archivePlan(facilitator, planId);
  });
});

test("the focal point of another ministry cannot open the MMEIA's report", async ({ page, newSignedInPage }) => {
  test.setTimeout(90_000);
  const facilitator = await newSignedInPage(demoUsers.facilitator);
  const { planId, actionTitle } = await setUpMonitoredPlan(facilitator, Date.now());

  const mmeia = await newSignedInPage(demoUsers.focalPointMmeia);
  await mmeia.goto("/my-actions");
  await workItem(mmeia, actionTitle).getByRole("button", { name: /^Commencer le rapport/ }).click();
  await expect(mmeia.getByRole("button", { name: "Enregistrer le brouillon" })).toBeVisible();
  const reportUrl = new URL(mmeia.url()).pathname;

  await signIn(page, demoUsers.focalPointMspc);
  const response = await page.goto(reportUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  await expect(page.getByRole("main")).toContainText(
    "Votre rôle ou votre organisation ne vous permet pas d'accéder à cette page ou de faire cette action.",
  );
  await expect(page.getByRole("main")).not.toContainText(actionTitle);

  await archivePlan(facilitator, planId);
});
