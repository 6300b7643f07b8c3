// The specs share one database: each test here works on cells no other test touches.
// Seeded links are in prisma/data/demo.ts (defaultAlignments).
import { demoUsers, expect, matrixCell as cell, signIn, test } from "./fixtures";

const SAVED = /^Matrice enregistrée : \d+ lien\(s\) ajouté\(s\), \d+ retiré\(s\)\.$/;
const CONFLICT = "La matrice a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte.";

test("a facilitator ticks and unticks cells of the matrix, and the change is saved", async ({ page }) => {
  const added = cell(5, 3); // not linked in the seed
  const removed = cell(16, 5); // linked in the seed
  await signIn(page, demoUsers.facilitator);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Matrice d'alignement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrice d'alignement : objectifs du Pacte × axes de la PONAM");

  await expect(page.getByRole("checkbox", { name: added })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: removed })).toBeChecked();
  await page.getByRole("checkbox", { name: added }).check();
  await page.getByRole("checkbox", { name: removed }).uncheck();
  await page.getByRole("button", { name: "Enregistrer la matrice" }).click();

  await expect(page.getByRole("status")).toHaveText("Matrice enregistrée : 1 lien(s) ajouté(s), 1 retiré(s).");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: added })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: removed })).not.toBeChecked();
});

test("an observer sees the matrix read-only, with the links the facilitators saved", async ({ page, newSignedInPage }) => {
  const added = cell(7, 6); // not linked in the seed
  const removed = cell(17, 5); // linked in the seed
  const facilitator = await newSignedInPage(demoUsers.facilitator);
  await facilitator.goto("/alignment");
  await facilitator.getByRole("checkbox", { name: added }).check();
  await facilitator.getByRole("checkbox", { name: removed }).uncheck();
  await facilitator.getByRole("button", { name: "Enregistrer la matrice" }).click();
  await expect(facilitator.getByRole("status")).toHaveText(SAVED);

  await signIn(page, demoUsers.observer);
  await page.goto("/alignment");
  await expect(page.getByText("Vous consultez cette matrice en lecture seule.")).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Enregistrer la matrice" })).toHaveCount(0);
  await expect(page.getByRole("img", { name: added })).toHaveText("✓");
  await expect(page.getByRole("img", { name: removed })).toHaveCount(0);
  // A link of the seed that nobody changed.
  await expect(page.getByRole("img", { name: cell(21, 3) })).toHaveText("✓");
});

test("a save over someone else's newer save is refused as a conflict, keeps the editor's choices and merges in the other change", async ({
  newSignedInPage,
}) => {
  const first = await newSignedInPage(demoUsers.facilitator);
  const second = await newSignedInPage(demoUsers.admin);
  await first.goto("/alignment");
  await second.goto("/alignment");

  await first.getByRole("checkbox", { name: cell(8, 4) }).check();
  await first.getByRole("button", { name: "Enregistrer la matrice" }).click();
  await expect(first.getByRole("status")).toHaveText("Matrice enregistrée : 1 lien(s) ajouté(s), 0 retiré(s).");

  const secondAdds = cell(9, 5); // not linked in the seed
  const secondRemoves = cell(13, 1); // linked in the seed
  await second.getByRole("checkbox", { name: secondAdds }).check();
  await second.getByRole("checkbox", { name: secondRemoves }).uncheck();
  await second.getByRole("button", { name: "Enregistrer la matrice" }).click();

  await expect(second.getByRole("alert")).toContainText(CONFLICT);
  await expect(second.getByRole("status")).toHaveCount(0);
  await expect(second.getByRole("checkbox", { name: secondAdds })).toBeChecked();
  await expect(second.getByRole("checkbox", { name: secondRemoves })).not.toBeChecked();
  // The first editor's tick is shown, outlined, so saving again does not undo it.
  await expect(second.getByRole("checkbox", { name: cell(8, 4) })).toBeChecked();
  await expect(second.getByRole("alert")).toContainText("1 case(s) entourée(s)");

  // Nothing of the refused save reached the database; the first save did.
  await first.reload();
  await expect(first.getByRole("checkbox", { name: cell(8, 4) })).toBeChecked();
  await expect(first.getByRole("checkbox", { name: secondAdds })).not.toBeChecked();
  await expect(first.getByRole("checkbox", { name: secondRemoves })).toBeChecked();

  // Having checked their choices, the second editor can save them.
  await second.getByRole("button", { name: "Enregistrer la matrice" }).click();
  await expect(second.getByRole("status")).toHaveText("Matrice enregistrée : 1 lien(s) ajouté(s), 1 retiré(s).");
  await second.reload();
  await expect(second.getByRole("checkbox", { name: secondAdds })).toBeChecked();
  await expect(second.getByRole("checkbox", { name: secondRemoves })).not.toBeChecked();
  await expect(second.getByRole("checkbox", { name: cell(8, 4) })).toBeChecked();
});
