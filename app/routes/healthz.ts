import { checkDatabase } from "~/modules/health/health.server";

/** For load balancers and docker-compose: the app answers and reaches its database. */
export async function loader() {
  const healthy = await checkDatabase();
  return new Response(healthy ? "ok" : "database unavailable", {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
