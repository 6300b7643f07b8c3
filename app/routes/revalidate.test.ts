// Every page whose forms can meet an edit conflict reloads its data after a 409, through one
// shared rule (utils/revalidate.ts), so that saving again can succeed.
import { expect, test } from "vitest";
import { revalidateAfterConflict } from "~/utils/revalidate";
import * as editAction from "./actions.$actionId.edit";
import * as editIndicator from "./actions.$actionId.indicators.$indicatorId";
import * as handover from "./admin.handover";
import * as editOrganisation from "./admin.organisations.$organisationId";
import * as editFramework from "./admin.reference.frameworks.$frameworkId";
import * as editUser from "./admin.users.$userId";
import * as alignment from "./alignment";
import * as review from "./reviews.$reportId";
import * as consolidate from "./workshops.$workshopId.consolidate";
import * as editWorkshop from "./workshops.$workshopId.edit";
import * as editGroup from "./workshops.$workshopId.groups.$groupId_.edit";
import * as merge from "./workshops.$workshopId.merge";

const url = new URL("http://localhost:3000/somewhere");
const submission = { currentUrl: url, nextUrl: url, currentParams: {}, nextParams: {}, formMethod: "POST" as const };

test("after a conflict (409) the page reloads its data; after a refused input (400) it keeps what was typed", () => {
  expect(revalidateAfterConflict({ ...submission, actionStatus: 409, defaultShouldRevalidate: false })).toBe(true);
  expect(revalidateAfterConflict({ ...submission, actionStatus: 400, defaultShouldRevalidate: false })).toBe(false);
  expect(revalidateAfterConflict({ ...submission, actionStatus: 200, defaultShouldRevalidate: true })).toBe(true);
});

test("the pages with edit conflicts all use that one rule", () => {
  for (const route of [editAction, editIndicator, handover, editOrganisation, editFramework, editUser, alignment, review, consolidate, editWorkshop, merge]) {
    expect(route.shouldRevalidate).toBe(revalidateAfterConflict);
  }
});

test("the working group's page also reloads after a refused deletion, to show its current proposal count", () => {
  const deletion = new FormData();
  deletion.set("intent", "delete");
  expect(editGroup.shouldRevalidate({ ...submission, actionStatus: 409, defaultShouldRevalidate: false })).toBe(true);
  expect(editGroup.shouldRevalidate({ ...submission, formData: deletion, actionStatus: 400, defaultShouldRevalidate: false })).toBe(true);
  expect(editGroup.shouldRevalidate({ ...submission, actionStatus: 400, defaultShouldRevalidate: false })).toBe(false);
});
