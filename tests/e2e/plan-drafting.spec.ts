// The issue "Plan drafting": from a new draft plan, through a workshop and its consolidation,
// to the plan's adoption. The specs share one database: every title here carries a stamp of
// the run, so a second run in the same database works on records of its own.
import type { Page } from "@playwright/test";
import { demoUsers, expect, signIn, test } from "./fixtures";

// Organisations of the demo data (prisma/data/demo.ts), as the selects show them.
const ANPE = "ANPE – Agence nationale pour l'emploi";
const HCR = "HCR – Haut-Commissariat des Nations unies pour les réfugiés";
const INPS = "INPS – Institut national de prévoyance sociale";
const acronymOf = (option: string) => option.slice(0, option.indexOf(" – "));

function idIn(url: string, pattern: RegExp) {
  const id = pattern.exec(url)?.[1];
  if (!id) throw new Error(`No id in ${url} for ${pattern}`);
  return id;
}

/** Creates a draft plan through the form, from the plans page, and returns its id. */
async function createDraftPlan(page: Page, title: string) {
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Plans d'action" }).click();
  await page.getByRole("link", { name: "Nouveau plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau plan");
  await page.getByLabel("Intitulé du plan").fill(title);
  await page.getByLabel("Début de la période").fill("2025-01-01");
  await page.getByLabel("Fin de la période").fill("2027-12-31");
  await page.getByRole("button", { name: "Créer le plan" }).click();

  await expect(page.getByRole("status")).toHaveText("Plan créé. Ajoutez ses actions.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("main")).toContainText("Brouillon");
  return idIn(page.url(), /\/plans\/([^/?]+)\?notice=created$/);
}

test("a facilitator drafts a plan from a workshop's proposals, completes it and adopts it", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const planTitle = `Plan d'action e2e ${stamp}`;
  const workshopTitle = `Atelier d'élaboration e2e ${stamp}`;
  const proposals = {
    accepted: "Former les agents des postes frontières aux droits des migrants",
    mergedFirst: "Harmoniser la collecte des données migratoires",
    mergedSecond: "Publier un annuaire statistique des migrations",
    rejected: "Ouvrir un guichet unique pour les migrants de retour",
  };
  const mergedTitle = "Produire des données migratoires fiables et publiées";
  const rejectionReason = "Déjà couvert par l'action de réintégration du plan en cours.";
  const newAction = "Accompagner la réinsertion professionnelle des migrants de retour";
  const percentageIndicator = "Part des migrants de retour accompagnés ayant un emploi";
  const numberIndicator = "Migrants de retour formés";
  let planId = "";
  let workshopId = "";

  await signIn(page, demoUsers.facilitator);

  await test.step("creates a draft plan", async () => {
    planId = await createDraftPlan(page, planTitle);
    await expect(page.getByRole("main")).toContainText("Aucune version adoptée pour l'instant.");
  });

  await test.step("creates a workshop that feeds the plan", async () => {
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Ateliers" }).click();
    await page.getByRole("link", { name: "Nouvel atelier" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvel atelier");
    await page.getByLabel("Intitulé de l'atelier").fill(workshopTitle);
    await page.getByLabel("Date de début").fill("2025-02-10");
    await page.getByLabel("Date de fin").fill("2025-02-11");
    await page.getByLabel("Lieu").fill("Ségou");
    await page.getByLabel("Organisateurs").fill("Ministère des Maliens de l'Extérieur ; OIM Mali");
    await page.getByRole("checkbox", { name: /^ANPE\b/ }).check();
    await page.getByRole("checkbox", { name: /^HCR\b/ }).check();
    await page.getByLabel("Plan alimenté par l'atelier").selectOption({ label: `${planTitle} (brouillon)` });
    await page.getByRole("button", { name: "Enregistrer l'atelier" }).click();

    await expect(page.getByRole("status")).toHaveText("Atelier enregistré. Ajoutez maintenant ses groupes de travail.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(workshopTitle);
    await expect(page.getByRole("main")).toContainText(`${planTitle} (brouillon)`);
    workshopId = idIn(page.url(), /\/workshops\/([^/?]+)\?notice=created$/);
  });

  const governance = { name: "Groupe 1 – Gouvernance et données", objectives: [1, 2, 11] };
  const protection = { name: "Groupe 2 – Protection et réintégration", objectives: [7, 21] };
  for (const group of [governance, protection]) {
    await test.step(`adds the working group « ${group.name} »`, async () => {
      await page.goto(`/workshops/${workshopId}`);
      await page.getByRole("link", { name: "Ajouter un groupe de travail" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajouter un groupe de travail");
      await page.getByLabel("Nom du groupe").fill(group.name);
      await page.getByLabel("Modérateur").fill("OIM Mali");
      for (const number of group.objectives) {
        await page.getByRole("checkbox", { name: new RegExp(`^${number}\\. `) }).check();
      }
      await page.getByRole("button", { name: "Créer le groupe" }).click();

      await expect(page.getByRole("status")).toHaveText("Groupe de travail créé. Saisissez ses propositions d'action ci-dessous.");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(group.name);
      await expect(page.getByRole("main")).toContainText(`Objectifs ${group.objectives.join(", ")}`);
    });
  }

  const entries = [
    { group: governance, title: proposals.accepted, objective: "11", lead: null },
    { group: governance, title: proposals.mergedFirst, objective: "1", lead: ANPE },
    { group: protection, title: proposals.mergedSecond, objective: "7", lead: null },
    { group: protection, title: proposals.rejected, objective: "21", lead: HCR },
  ];
  await test.step("enters the proposals of each group, one of them without a lead organisation", async () => {
    for (const entry of entries) {
      const name = entry.group.name;
      if (!(await page.getByRole("heading", { level: 1, name }).isVisible())) {
        await page.goto(`/workshops/${workshopId}`);
        await page.getByRole("region", { name }).getByRole("link", { name: "Saisir les propositions de ce groupe" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      }
      await page.getByLabel("Action proposée").fill(entry.title);
      await page.getByLabel("Objectif du Pacte").selectOption(entry.objective);
      if (entry.lead) await page.getByLabel("Chef de file proposé").selectOption({ label: entry.lead });
      await page.getByRole("button", { name: "Enregistrer la proposition" }).click();
      await expect(page.getByRole("status")).toHaveText(`Proposition « ${entry.title} » enregistrée. Saisissez la suivante.`);
    }

    await page.goto(`/workshops/${workshopId}`);
    for (const entry of entries) {
      const row = page.getByRole("region", { name: entry.group.name }).getByRole("row").filter({ hasText: entry.title });
      await expect(row).toContainText(`Objectif ${entry.objective}`);
      await expect(row).toContainText(entry.lead ? acronymOf(entry.lead) : "Chef de file à préciser");
      await expect(row).toContainText("En attente");
    }
  });

  await test.step("accepts a proposal, choosing the lead organisation the group left open", async () => {
    await page.getByRole("link", { name: "Consolider dans le plan (4 en attente)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consolider les propositions dans le plan");
    await expect(page.getByRole("main")).toContainText(`${planTitle} (brouillon)`);

    const item = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: proposals.accepted }) });
    const lead = item.getByLabel("Chef de file de l'action");
    await expect(lead).toHaveAccessibleDescription("Le groupe ne l'a pas précisé : choisissez-le pour retenir l'action.");
    await item.getByRole("button", { name: "Retenir comme action du plan" }).click();
    await expect(lead).toHaveAccessibleDescription(/Ce champ est obligatoire\.$/);
    await expect(page.getByRole("status")).toHaveCount(0);

    await lead.selectOption({ label: ANPE });
    await item.getByRole("button", { name: "Retenir comme action du plan" }).click();
    await expect(page.getByRole("status")).toContainText(
      `Proposition retenue : l'action O11-01 « ${proposals.accepted} » a été créée dans le plan.`,
    );
    await expect(page.getByRole("heading", { level: 2, name: "Propositions en attente (3)" })).toBeVisible();
  });

  await test.step("merges two proposals of different groups into one new action", async () => {
    await page.getByRole("checkbox", { name: proposals.mergedFirst }).check();
    await page.getByRole("checkbox", { name: proposals.mergedSecond }).check();
    await page.getByRole("button", { name: "Fusionner la sélection…" }).first().click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fusionner des propositions");
    await expect(page.getByRole("heading", { level: 2, name: "Propositions sélectionnées (2)" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Une nouvelle action" })).toBeChecked();
    await expect(page.getByLabel("Intitulé de l'action")).toHaveValue(proposals.mergedFirst);
    await page.getByLabel("Intitulé de l'action").fill(mergedTitle);
    await page.getByLabel("Objectif du Pacte").selectOption("1");
    await expect(page.getByLabel("Chef de file de l'action")).toHaveValue(/.+/);
    await page.getByLabel("Chef de file de l'action").selectOption({ label: INPS });
    await page.getByRole("button", { name: "Fusionner les propositions" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consolider les propositions dans le plan");
    await expect(page.getByRole("status")).toContainText(`Propositions fusionnées dans l'action O01-01 « ${mergedTitle} ».`);
  });

  await test.step("rejects a proposal with a reason, and sees every decision", async () => {
    const item = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: proposals.rejected }) });
    await item.getByText("Écarter cette proposition…").click();
    await item.getByLabel("Motif").fill(rejectionReason);
    await item.getByRole("button", { name: "Écarter la proposition" }).click();

    await expect(page.getByRole("status")).toHaveText("Proposition écartée ; elle reste visible avec son motif.");
    await expect(page.getByRole("heading", { level: 2, name: "Propositions en attente (0)" })).toBeVisible();
    await expect(page.getByText("Toutes les propositions de cet atelier ont été traitées.")).toBeVisible();

    const decided = page.getByRole("table");
    const row = (title: string) => decided.getByRole("row").filter({ hasText: title });
    await expect(row(proposals.accepted)).toContainText("Retenue");
    await expect(row(proposals.accepted)).toContainText(`O11-01 – ${proposals.accepted}`);
    await expect(row(proposals.mergedFirst)).toContainText("Fusionnée");
    await expect(row(proposals.mergedFirst)).toContainText(`O01-01 – ${mergedTitle}`);
    await expect(row(proposals.mergedSecond)).toContainText("Fusionnée");
    await expect(row(proposals.mergedSecond)).toContainText(`O01-01 – ${mergedTitle}`);
    await expect(row(proposals.rejected)).toContainText("Écartée");
    await expect(row(proposals.rejected)).toContainText(`Motif : ${rejectionReason}`);
  });

  let actionId = "";
  await test.step("adds an action through the form, after correcting a funding above the budget", async () => {
    await page.goto(`/plans/${planId}`);
    await page.getByRole("link", { name: "Ajouter une action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle action du plan");
    await expect(page.getByRole("main")).toContainText(`Plan : ${planTitle}`);

    await page.getByLabel("Objectif principal du Pacte").selectOption("21");
    await expect(page.getByLabel("Code")).toHaveValue("O21-01");
    await page.getByLabel("Intitulé de l'action").fill(newAction);
    await page.getByLabel("Ministère chef de file").selectOption({ label: ANPE });
    await page.getByRole("combobox", { name: "Priorité" }).selectOption({ label: "Haute" });
    await page.getByLabel("Date de début").fill("2025-06-01");
    await page.getByLabel("Date de fin").fill("2026-12-31");
    await page.getByLabel("Budget estimé").fill("10 000 000");
    await page.getByLabel("Financement acquis").fill("12 000 000");
    await page.getByRole("button", { name: "Créer l'action" }).click();

    const funding = page.getByLabel("Financement acquis");
    await expect(funding).toHaveAccessibleDescription(/Le financement acquis ne peut pas dépasser le budget estimé\.$/);
    await expect(funding).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/actions\/new$/);

    await funding.fill("4 000 000");
    await expect(funding).not.toHaveAccessibleDescription(/Le financement acquis/);
    await page.getByRole("button", { name: "Créer l'action" }).click();

    await expect(page.getByRole("status")).toHaveText("Action créée.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`O21-01 ${newAction}`);
    actionId = idIn(page.url(), /\/actions\/([^/?]+)\?notice=created$/);
  });

  await test.step("adds a percentage indicator, after correcting a value above 100, and a number indicator", async () => {
    await page.getByRole("link", { name: "Ajouter un indicateur" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvel indicateur – action O21-01");
    await page.getByLabel("Intitulé de l'indicateur").fill(percentageIndicator);
    await page.getByLabel("Type de valeur").selectOption({ label: "Pourcentage" });
    await page.getByLabel("Valeur de référence").fill("35");
    await page.getByLabel("Valeur cible").fill("150");
    await page.getByRole("button", { name: "Ajouter l'indicateur" }).click();

    const target = page.getByLabel("Valeur cible");
    await expect(target).toHaveAccessibleDescription(/Un pourcentage est compris entre 0 et 100\.$/);
    await expect(page).toHaveURL(/\/indicators\/new$/);
    await target.fill("80");
    await page.getByRole("button", { name: "Ajouter l'indicateur" }).click();
    await expect(page.getByRole("status")).toHaveText("Indicateur ajouté.");

    await page.getByRole("link", { name: "Ajouter un indicateur" }).click();
    await page.getByLabel("Intitulé de l'indicateur").fill(numberIndicator);
    await page.getByLabel("Type de valeur").selectOption({ label: "Nombre" });
    await page.getByLabel("Unité").fill("personnes");
    await page.getByLabel("Valeur de référence").fill("0");
    await page.getByLabel("Valeur cible").fill("500");
    await page.getByLabel("Fréquence de collecte").selectOption({ label: "Trimestrielle" });
    await page.getByRole("button", { name: "Ajouter l'indicateur" }).click();
    await expect(page.getByRole("status")).toHaveText("Indicateur ajouté.");
    await expect(page).toHaveURL(new RegExp(`/actions/${actionId}\\?notice=indicatorCreated$`));

    const indicators = page.getByRole("region", { name: "Indicateurs" });
    const percentageRow = indicators.getByRole("row").filter({ hasText: percentageIndicator });
    await expect(percentageRow).toContainText("Pourcentage");
    await expect(percentageRow.getByRole("cell").nth(3)).toHaveText(/^80\s?%$/);
    const numberRow = indicators.getByRole("row").filter({ hasText: numberIndicator });
    await expect(numberRow).toContainText("Nombre");
    await expect(numberRow).toContainText("Trimestrielle");
    await expect(numberRow.getByRole("cell").nth(3)).toHaveText("500 personnes");
  });

  await test.step("adopts the plan from its overview", async () => {
    await page.goto(`/plans/${planId}`);
    const byObjective = page.getByRole("region", { name: "Actions par objectif du Pacte" });
    await expect(byObjective.getByRole("link", { name: `O01-01 ${mergedTitle}` })).toBeVisible();
    await expect(byObjective.getByRole("link", { name: `O11-01 ${proposals.accepted}` })).toBeVisible();
    await expect(byObjective.getByRole("link", { name: `O21-01 ${newAction}` })).toBeVisible();
    await expect(byObjective.getByRole("link")).toHaveCount(3);

    await page.getByLabel("Note de version (facultatif)").fill("Adopté à l'issue de l'atelier e2e.");
    await page.getByRole("button", { name: "Adopter le plan" }).click();

    await expect(page.getByRole("status")).toHaveText("Plan adopté : version 1 figée.");
    await expect(page.getByRole("main")).toContainText(new RegExp(`Adopté le .+ par ${demoUsers.facilitator.name}`));
    await expect(page.getByRole("link", { name: "Ajouter une action" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Adopter le plan" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Commencer une nouvelle révision" })).toBeVisible();
  });

  await test.step("opens version 1, with every action and the new action's indicators", async () => {
    const versions = page.getByRole("region", { name: "Versions adoptées" });
    await expect(versions).toContainText("Adopté à l'issue de l'atelier e2e.");
    await versions.getByRole("link", { name: "Version 1" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${planTitle} – version 1`);
    await expect(page.getByRole("main")).toContainText(`par ${demoUsers.facilitator.name}`);
    await expect(page.getByRole("main")).toContainText("3 action(s)");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
      `O01-01 – ${mergedTitle}`,
      `O11-01 – ${proposals.accepted}`,
      `O21-01 – ${newAction}`,
    ]);
    const adoptedAction = page.getByRole("article").filter({ has: page.getByRole("heading", { name: `O21-01 – ${newAction}` }) });
    await expect(adoptedAction).toContainText("Objectif 21");
    await expect(adoptedAction).toContainText("ANPE");
    await expect(adoptedAction.getByRole("listitem")).toHaveText([
      `${percentageIndicator} : 35 → 80`,
      `${numberIndicator} : 0 personnes → 500 personnes`,
    ]);

    await page.getByRole("link", { name: "Comparer avec l'état actuel" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Différences entre Version 1 et État actuel");
    await expect(page.getByText("Aucune différence.")).toBeVisible();
  });
});

test("an observer reads a draft plan and its action without any control to change them, and the edit page is refused", async ({
  page,
  newSignedInPage,
}) => {
  const planTitle = `Plan en lecture seule e2e ${Date.now()}`;
  const actionTitle = "Renforcer l'état civil des Maliens de l'extérieur";
  const facilitator = await newSignedInPage(demoUsers.facilitator);
  const planId = await createDraftPlan(facilitator, planTitle);
  // The controls the observer must not get are there for the facilitator.
  await expect(facilitator.getByRole("button", { name: "Adopter le plan" })).toBeVisible();
  await facilitator.getByRole("link", { name: "Ajouter une action" }).click();
  await facilitator.getByLabel("Objectif principal du Pacte").selectOption("4");
  await facilitator.getByLabel("Intitulé de l'action").fill(actionTitle);
  await facilitator.getByLabel("Ministère chef de file").selectOption({ label: INPS });
  await facilitator.getByRole("button", { name: "Créer l'action" }).click();
  await expect(facilitator.getByRole("status")).toHaveText("Action créée.");
  await expect(facilitator.getByRole("link", { name: "Modifier l'action" })).toBeVisible();
  const actionId = idIn(facilitator.url(), /\/actions\/([^/?]+)\?notice=created$/);

  await signIn(page, demoUsers.observer);
  await page.goto(`/plans/${planId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(planTitle);
  await expect(page.getByRole("main")).toContainText("Brouillon");
  for (const name of ["Ajouter une action", "Modifier le plan", "Importer un classeur"]) {
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: "Adopter le plan" })).toHaveCount(0);
  await expect(page.getByLabel("Note de version (facultatif)")).toHaveCount(0);

  await page.getByRole("link", { name: `O04-01 ${actionTitle}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`O04-01 ${actionTitle}`);
  await expect(page.getByRole("main")).toContainText("Aucun indicateur pour cette action.");
  await expect(page.getByRole("link", { name: "Modifier l'action" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ajouter un indicateur" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Supprimer l'action" })).toHaveCount(0);

  const response = await page.goto(`/actions/${actionId}/edit`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  await expect(page.getByRole("main")).toContainText(
    "Votre rôle ou votre organisation ne vous permet pas d'accéder à cette page ou de faire cette action.",
  );
});
