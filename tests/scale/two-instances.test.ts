// Two production instances on one database behind a round-robin proxy on loopback: what one
// instance wrote (a session, failed sign-ins, a notification) the other one honours, because
// none of it lives in a process's memory.
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildApp, postLogin, signInOverHttp, startAppServer, startRoundRobinProxy, type AppServer, type Proxy } from "../../scripts/app-server";
import { createAction, createPlan, createProgressReport, createReportingPeriod, createUser, TEST_PASSWORD } from "../factories";

const PORTS = [3222, 3223];
const PROXY_PORT = 3224;

let instances: AppServer[] = [];
let proxy: Proxy | undefined;

function instance(index: number) {
  const found = instances[index];
  if (!found) throw new Error(`instance ${index} not started`);
  return found;
}

beforeAll(async () => {
  await buildApp({ reuse: process.env.PACTE_BUILD_READY === "1" });
  const databaseUrl = process.env.DATABASE_URL ?? "";
  // The proxy is on loopback: the instances take the client's address from X-Forwarded-For.
  instances = await Promise.all(PORTS.map((port) => startAppServer({ port, databaseUrl, env: { TRUST_PROXY: "loopback" } })));
  proxy = await startRoundRobinProxy(PROXY_PORT, PORTS);
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  await Promise.all(instances.map((server) => server.stop()));
}, 60_000);

test("a session opened on one instance works on the other, and signing out on the other ends it everywhere", async () => {
  const focalPoint = await createUser({ role: "FOCAL_POINT" });
  const cookie = await signInOverHttp(instance(0).origin, focalPoint.email, TEST_PASSWORD);
  const home = await fetch(`${instance(1).origin}/my-actions`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(home.status).toBe(200);
  expect(await home.text()).toContain("Utilisateur focal_point");

  const signOut = await fetch(`${instance(1).origin}/logout`, { method: "POST", body: "", headers: { Cookie: cookie, Origin: instance(1).origin, "Content-Type": "application/x-www-form-urlencoded" }, redirect: "manual" });
  expect(signOut.status).toBe(302);
  const after = await fetch(`${instance(0).origin}/my-actions`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(after.status).toBe(302);
  expect(after.headers.get("Location")).toMatch(/^\/login/);
});

test("five wrong passwords spread over both instances lock the account, even for the right password", async () => {
  if (!proxy) throw new Error("no proxy");
  const user = await createUser({ role: "OBSERVER" });
  const answeredBy: string[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await postLogin(proxy.origin, user.email, `wrong-password-${attempt}`);
    expect(response.status).toBe(401);
    answeredBy.push(response.headers.get("x-pacte-upstream") ?? "");
  }
  // Round robin: both instances took part in the count.
  expect(new Set(answeredBy)).toEqual(new Set(PORTS.map(String)));
  const refused = await postLogin(proxy.origin, user.email, TEST_PASSWORD);
  expect(refused.status).toBe(429);
  expect(await refused.text()).toContain("Trop de tentatives de connexion");
});

test("a reviewer's send-back on one instance reaches the focal point's notifications on the other", async () => {
  const plan = await createPlan({ status: "ADOPTED" });
  const period = await createReportingPeriod(plan.id);
  const action = await createAction(plan.id);
  const report = await createProgressReport(action.id, period.id, { state: "SUBMITTED" });
  const focalPoint = await createUser({ role: "FOCAL_POINT", organisationId: action.leadOrganisationId });
  const reviewer = await createUser({ role: "REVIEWER" });

  const reviewerCookie = await signInOverHttp(instance(0).origin, reviewer.email, TEST_PASSWORD);
  const sendBack = await fetch(`${instance(0).origin}/reviews/${report.id}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: reviewerCookie, Origin: instance(0).origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "requestChanges", version: String(report.version), comment: "Ajoutez les chiffres de Kayes." }),
  });
  expect(sendBack.status).toBe(302);

  const focalCookie = await signInOverHttp(instance(1).origin, focalPoint.email, TEST_PASSWORD);
  const notifications = await fetch(`${instance(1).origin}/notifications`, { headers: { Cookie: focalCookie } });
  expect(notifications.status).toBe(200);
  expect(await notifications.text()).toContain(`Des modifications sont demandées sur le rapport de l&#x27;action ${action.code}`);
});
