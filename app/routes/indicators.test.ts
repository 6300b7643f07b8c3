// The indicator page, the coordination's list and the dashboard's exports, on a small data set
// whose figures are computed by hand in the comments.
import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import type { IndicatorMonitoring } from "~/modules/indicators/monitoring.server";
import { prisma } from "~/utils/db.server";
import {
  createAction,
  createOrganisation,
  createPlan,
  createProgressReport,
  createReportingPeriod,
  signedInAs,
  uniqueSuffix,
} from "../../tests/factories";
import { call, context, getRequest } from "../../tests/requests";
import { loader as exportLoader } from "./dashboard_.export";
import { loader as pageLoader } from "./indicators.$indicatorId";
import { loader as listLoader } from "./indicators._index";

async function indicator(
  actionId: string,
  fields: { baselineValue: number | null; targetValue: number | null; kind?: "NUMBER" | "PERCENTAGE" | "YES_NO"; disaggregation?: string[]; name?: string },
) {
  return prisma.indicator.create({
    data: {
      actionId,
      name: fields.name ?? `Indicateur ${uniqueSuffix()}`,
      kind: fields.kind ?? "NUMBER",
      baselineValue: fields.baselineValue,
      baselineDate: new Date("2020-01-01T00:00:00Z"),
      targetValue: fields.targetValue,
      targetDate: new Date("2024-01-01T00:00:00Z"),
      disaggregation: fields.disaggregation ?? [],
    },
    select: { id: true, name: true },
  });
}

/**
 * A plan 2020-2027 with two closed periods (2021 and 2022, both due long ago) and one action of
 * objective 21 whose indicators run from 2020-01-01 to 2024-01-01 (1 461 days). At the end of
 * 2021 (day 730) the straight path expects 730/1461 ≈ 49,97 % of the way; at the end of 2022
 * (day 1 095) 1095/1461 ≈ 74,95 %.
 */
async function knownPlan() {
  const plan = await createPlan({ status: "ADOPTED", startDate: "2020-01-01", endDate: "2027-12-31" });
  const lead = await createOrganisation();
  const action = await createAction(plan.id, { mainObjectiveNumber: 21, leadOrganisationId: lead.id });
  const p2021 = await createReportingPeriod(plan.id, { label: "Année 2021", startDate: "2021-01-01", endDate: "2021-12-31", dueDate: "2022-01-31", status: "CLOSED" });
  const p2022 = await createReportingPeriod(plan.id, { label: "Année 2022", startDate: "2022-01-01", endDate: "2022-12-31", dueDate: "2023-01-31", status: "CLOSED" });
  return { plan, lead, action, p2021, p2022 };
}

test("the indicator page shows approved values only, with progress, the path's expectation and break-downs", async () => {
  const { action, p2021, p2022 } = await knownPlan();
  // Victims assisted: 180 → 600. 2021: 400 is (400−180)/(600−180) = 52,38 % > 49,97 % expected.
  // 2022: 480 is 71,43 %, behind the 74,95 % expected (180 + 420 × 0,7495 ≈ 494,8): off track.
  const victims = await indicator(action.id, { baselineValue: 180, targetValue: 600, disaggregation: ["SEX"] });
  await createProgressReport(action.id, p2021.id, {
    state: "APPROVED",
    values: [{ indicatorId: victims.id, value: 400, disaggregation: { SEX: { F: 250, M: 150 } } }],
  });
  await createProgressReport(action.id, p2022.id, {
    state: "APPROVED",
    values: [{ indicatorId: victims.id, value: 480, disaggregation: { SEX: { F: 300, M: 180 } } }],
  });
  const { cookie } = await signedInAs("OBSERVER");
  const result = await call(() => pageLoader({ request: getRequest(`/indicators/${victims.id}`, { cookie }), params: { indicatorId: victims.id }, context }));
  expect(result.status).toBe(200);
  const { monitoring } = result.body as { monitoring: IndicatorMonitoring };
  expect(monitoring.values.map((value) => [value.label, value.value, value.judgement])).toEqual([
    ["Année 2021", 400, "onTrack"],
    ["Année 2022", 480, "offTrack"],
  ]);
  expect(monitoring.values[0]?.progress).toBeCloseTo((220 / 420) * 100, 6);
  expect(monitoring.values[1]?.expected).toBeCloseTo(180 + 420 * (1095 / 1461), 6);
  expect(monitoring.status.judgement).toBe("offTrack");
  expect(monitoring.status.progress).toBeCloseTo((300 / 420) * 100, 6);
  expect(monitoring.breakdowns).toEqual([
    {
      dimension: "SEX",
      categories: ["F", "M"],
      rows: [
        { label: "Année 2021", values: [250, 150] },
        { label: "Année 2022", values: [300, 180] },
      ],
    },
  ]);
});

test("a value waiting for review or sent back is not shown on the indicator page", async () => {
  const { action, p2021, p2022 } = await knownPlan();
  const people = await indicator(action.id, { baselineValue: 0, targetValue: 100 });
  await createProgressReport(action.id, p2021.id, { state: "SUBMITTED", values: [{ indicatorId: people.id, value: 90 }] });
  await createProgressReport(action.id, p2022.id, { state: "CHANGES_REQUESTED", values: [{ indicatorId: people.id, value: 95 }] });
  const { cookie } = await signedInAs("REVIEWER");
  const result = await call(() => pageLoader({ request: getRequest(`/indicators/${people.id}`, { cookie }), params: { indicatorId: people.id }, context }));
  expect(result.body).toMatchObject({ monitoring: { values: [], status: { judgement: "notReported", latest: null } } });
});

test("zero and negative baselines and decreasing targets are judged against their own path", async () => {
  const { action, p2022 } = await knownPlan();
  // End of 2022: 74,95 % of the way expected.
  // From 0 to 40: 30 expected 29,98 → on track (75 %).
  const fromZero = await indicator(action.id, { baselineValue: 0, targetValue: 40 });
  // From −40 to 10: −2 is (38/50) = 76 % → on track; expected −40 + 50 × 0,7495 ≈ −2,52.
  const negative = await indicator(action.id, { baselineValue: -40, targetValue: 10 });
  // Cost from 9 % down to 3 %: 5 % is (4/6) = 66,7 %, expected 9 − 6 × 0,7495 ≈ 4,50 → off track.
  const decreasing = await indicator(action.id, { baselineValue: 9, targetValue: 3, kind: "PERCENTAGE" });
  // No target: cannot be judged.
  const noTarget = await indicator(action.id, { baselineValue: 5, targetValue: null });
  await createProgressReport(action.id, p2022.id, {
    state: "APPROVED",
    values: [
      { indicatorId: fromZero.id, value: 30 },
      { indicatorId: negative.id, value: -2 },
      { indicatorId: decreasing.id, value: 5 },
      { indicatorId: noTarget.id, value: 8 },
    ],
  });
  const { cookie } = await signedInAs("FACILITATOR");
  const statusOf = async (id: string) => {
    const result = await call(() => pageLoader({ request: getRequest(`/indicators/${id}`, { cookie }), params: { indicatorId: id }, context }));
    return (result.body as { monitoring: { status: { judgement: string; progress: number | null } } }).monitoring.status;
  };
  expect(await statusOf(fromZero.id)).toMatchObject({ judgement: "onTrack", progress: 75 });
  const negativeStatus = await statusOf(negative.id);
  expect(negativeStatus.judgement).toBe("onTrack");
  expect(negativeStatus.progress).toBeCloseTo(76, 6);
  const decreasingStatus = await statusOf(decreasing.id);
  expect(decreasingStatus.judgement).toBe("offTrack");
  expect(decreasingStatus.progress).toBeCloseTo((4 / 6) * 100, 6);
  expect(await statusOf(noTarget.id)).toMatchObject({ judgement: "noTarget", progress: null });
});

test("every role reads an indicator page like the action page; signed out goes to the login page; unknown is a 404", async () => {
  const { action } = await knownPlan();
  const item = await indicator(action.id, { baselineValue: 0, targetValue: 10 });
  for (const role of ["ADMIN", "FACILITATOR", "FOCAL_POINT", "REVIEWER", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => pageLoader({ request: getRequest(`/indicators/${item.id}`, { cookie }), params: { indicatorId: item.id }, context }));
    expect(result.status, role).toBe(200);
  }
  const signedOut = await call(() => pageLoader({ request: getRequest(`/indicators/${item.id}`), params: { indicatorId: item.id }, context }));
  expect(signedOut.status).toBe(302);
  expect(signedOut.location).toBe(`/login?redirectTo=${encodeURIComponent(`/indicators/${item.id}`)}`);
  const { cookie } = await signedInAs("REVIEWER");
  const unknown = await call(() => pageLoader({ request: getRequest("/indicators/nope", { cookie }), params: { indicatorId: "nope" }, context }));
  expect(unknown.status).toBe(404);
});

test("the coordination's list shows indicators off track or not reported, by objective and by ministry", async () => {
  const { plan, lead, action, p2021, p2022 } = await knownPlan();
  const onTrack = await indicator(action.id, { baselineValue: 0, targetValue: 100, name: "Sur la trajectoire" });
  const offTrack = await indicator(action.id, { baselineValue: 0, targetValue: 100, name: "En retard" });
  // Reported for 2021 only, while 2022 is the last period due: not reported.
  const stale = await indicator(action.id, { baselineValue: 0, targetValue: 100, name: "Pas de valeur 2022" });
  await createProgressReport(action.id, p2021.id, { state: "APPROVED", values: [{ indicatorId: stale.id, value: 60 }] });
  await createProgressReport(action.id, p2022.id, {
    state: "APPROVED",
    values: [
      { indicatorId: onTrack.id, value: 80 },
      { indicatorId: offTrack.id, value: 20 },
    ],
  });
  // Another ministry's action under objective 5, its indicator never reported.
  const other = await createAction(plan.id, { mainObjectiveNumber: 5 });
  const { cookie } = await signedInAs("REVIEWER");

  const list = await call(() => listLoader({ request: getRequest(`/indicators?plan=${plan.id}`, { cookie }), params: {}, context }));
  expect(list.status).toBe(200);
  const body = list.body as {
    list: {
      rows: { name: string; status: { judgement: string } }[];
      byObjective: { number: number; counts: Record<string, number> }[];
      byOrganisation: { id: string; counts: Record<string, number> }[];
      lastDuePeriod: { label: string };
    };
  };
  // createAction adds an indicator "Indicateur de test" (0 → 100) to each action, never reported.
  expect(body.list.rows.map((row) => [row.name, row.status.judgement]).sort()).toEqual(
    [
      ["En retard", "offTrack"],
      ["Indicateur de test", "notReported"],
      ["Indicateur de test", "notReported"],
      ["Pas de valeur 2022", "notReported"],
    ].sort(),
  );
  expect(body.list.lastDuePeriod.label).toBe("Année 2022");
  expect(body.list.byObjective).toEqual([
    { number: 5, counts: { offTrack: 0, notReported: 1, onTrack: 0, noTarget: 0, total: 1 } },
    { number: 21, counts: { offTrack: 1, notReported: 2, onTrack: 1, noTarget: 0, total: 4 } },
  ]);
  expect(body.list.byOrganisation.find((row) => row.id === lead.id)?.counts).toEqual({ offTrack: 1, notReported: 2, onTrack: 1, noTarget: 0, total: 4 });

  // Filters in the URL: one ministry, only what is on track.
  const filtered = await call(() =>
    listLoader({ request: getRequest(`/indicators?plan=${plan.id}&lead=${lead.id}&show=onTrack`, { cookie }), params: {}, context }),
  );
  expect((filtered.body as typeof body).list.rows.map((row) => row.name)).toEqual(["Sur la trajectoire"]);
  const byObjective = await call(() => listLoader({ request: getRequest(`/indicators?plan=${plan.id}&objective=5&show=all`, { cookie }), params: {}, context }));
  expect((byObjective.body as typeof body).list.rows).toHaveLength(1);
  expect(other.leadOrganisationId).not.toBe(lead.id);
});

test("the list is for the coordination: focal points and observers are refused", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  for (const role of ["FOCAL_POINT", "OBSERVER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => listLoader({ request: getRequest(`/indicators?plan=${plan.id}`, { cookie }), params: {}, context }));
    expect(result.status, role).toBe(403);
  }
  for (const role of ["ADMIN", "FACILITATOR", "REVIEWER"] as const) {
    const { cookie } = await signedInAs(role);
    const result = await call(() => listLoader({ request: getRequest(`/indicators?plan=${plan.id}`, { cookie }), params: {}, context }));
    expect(result.status, role).toBe(200);
  }
  const { cookie } = await signedInAs("REVIEWER");
  const unknown = await call(() => listLoader({ request: getRequest("/indicators?plan=nope", { cookie }), params: {}, context }));
  expect(unknown.status).toBe(404);
});

async function csvLines(response: Response) {
  const text = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3));
  return text.split("\r\n").filter(Boolean).map((line) => line.split(";"));
}

test("the indicators CSV has one column per period with the approved values, headers in the reader's language", async () => {
  const { plan, action, p2021, p2022 } = await knownPlan();
  const victims = await indicator(action.id, { baselineValue: 180, targetValue: 600, name: "Victimes assistées" });
  await prisma.indicatorGlobalLink.create({ data: { indicatorId: victims.id, globalIndicatorId: "SDG-16.2.2" } });
  await createProgressReport(action.id, p2021.id, { state: "APPROVED", values: [{ indicatorId: victims.id, value: 400 }] });
  await createProgressReport(action.id, p2022.id, { state: "SUBMITTED", values: [{ indicatorId: victims.id, value: 999 }] });
  const { cookie, user } = await signedInAs("OBSERVER");

  const french = await exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=indicators&format=csv`, { cookie }), params: {}, context });
  expect(french.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(french.headers.get("Content-Disposition")).toMatch(/-indicateurs\.csv"$/);
  const [header, ...rows] = await csvLines(french);
  expect(header).toContain("Valeur approuvée – Année 2021");
  expect(header).toContain("Avancement vers la cible (%)");
  const row = rows.find((cells) => cells.includes("Victimes assistées"));
  if (!row || !header) throw new Error("row missing");
  const cell = (name: string) => row[header.indexOf(name)];
  expect(cell("Valeur approuvée – Année 2021")).toBe("400");
  // The 2022 value is only submitted: empty.
  expect(cell("Valeur approuvée – Année 2022")).toBe("");
  // (400 − 180) ÷ (600 − 180) × 100 = 52,38 → 52,4; its period is older than 2022: not reported.
  expect(cell("Avancement vers la cible (%)")).toBe("52,4");
  expect(cell("Appréciation")).toBe("Non renseigné");
  expect(cell("Indicateurs mondiaux")).toBe("ODD 16.2.2");

  await prisma.user.update({ where: { id: user.id }, data: { language: "EN" } });
  const english = await exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=indicators&format=csv`, { cookie }), params: {}, context });
  const [englishHeader] = await csvLines(english);
  expect(englishHeader).toContain("Approved value – Année 2021");
  expect(englishHeader).toContain("Progress towards the target (%)");
  expect(english.headers.get("Content-Disposition")).toMatch(/-indicators\.csv"$/);
});

test("the indicators XLSX opens with the same figures", async () => {
  const { plan, action, p2021 } = await knownPlan();
  const people = await indicator(action.id, { baselineValue: 0, targetValue: 200, name: "Personnes formées" });
  await createProgressReport(action.id, p2021.id, { state: "APPROVED", values: [{ indicatorId: people.id, value: 150 }] });
  const { cookie } = await signedInAs("REVIEWER");
  const response = await exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=indicators&format=xlsx`, { cookie }), params: {}, context });
  expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.getWorksheet("Indicateurs");
  if (!sheet) throw new Error("sheet missing");
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const rowNumber = [...Array(sheet.rowCount).keys()].map((index) => index + 1).find((index) => sheet.getRow(index).getCell(headers.indexOf("Indicateur") + 1).value === "Personnes formées");
  if (!rowNumber) throw new Error("row missing");
  const row = sheet.getRow(rowNumber);
  expect(row.getCell(headers.indexOf("Valeur approuvée – Année 2021") + 1).value).toBe(150);
  expect(row.getCell(headers.indexOf("Avancement vers la cible (%)") + 1).value).toBe(75);
});

test("the reports export leaves drafts out, and gives a focal point their own organisation's reports only", async () => {
  const { plan, action, p2021, p2022 } = await knownPlan();
  const otherAction = await createAction(plan.id, { mainObjectiveNumber: 5 });
  await createProgressReport(action.id, p2021.id, { state: "APPROVED", narrative: "Rapport approuvé 2021" });
  await createProgressReport(action.id, p2022.id, { state: "DRAFT", narrative: "Brouillon 2022" });
  await createProgressReport(otherAction.id, p2022.id, { state: "SUBMITTED", narrative: "Rapport d'un autre ministère" });

  const reviewer = await signedInAs("REVIEWER");
  const all = await exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=reports&format=csv`, { cookie: reviewer.cookie }), params: {}, context });
  const [header, ...rows] = await csvLines(all);
  expect(header?.slice(0, 3)).toEqual(["Période", "Code de l'action", "Intitulé de l'action"]);
  const narratives = rows.map((row) => row[header?.indexOf("Compte rendu") ?? -1]);
  expect(narratives.sort()).toEqual(["Rapport approuvé 2021", "Rapport d'un autre ministère"]);

  const focal = await signedInAs("FOCAL_POINT", { organisationId: action.leadOrganisationId });
  const own = await exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=reports&format=csv`, { cookie: focal.cookie }), params: {}, context });
  const [ownHeader, ...ownRows] = await csvLines(own);
  expect(ownRows.map((row) => row[ownHeader?.indexOf("Compte rendu") ?? -1])).toEqual(["Rapport approuvé 2021"]);
});

test("an unknown download is a 400 with a French message, an unknown plan a 404, and signed out goes to the login page", async () => {
  const { cookie } = await signedInAs("OBSERVER");
  const plan = await createPlan();
  const bad = await call(() => exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=budget&format=csv`, { cookie }), params: {}, context }));
  expect(bad.status).toBe(400);
  expect(bad.body).toMatch(/^Téléchargement inconnu/);
  const unknown = await call(() => exportLoader({ request: getRequest("/dashboard/export?plan=nope&table=indicators&format=csv", { cookie }), params: {}, context }));
  expect(unknown.status).toBe(404);
  const signedOut = await call(() => exportLoader({ request: getRequest(`/dashboard/export?plan=${plan.id}&table=indicators&format=csv`), params: {}, context }));
  expect(signedOut.status).toBe(302);
});
