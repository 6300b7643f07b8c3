// Expected failures, thrown as responses so each route's ErrorBoundary can explain them.
import { data } from "@remix-run/node";

export function forbidden(): never {
  throw new Response("Accès refusé", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Introuvable", { status: 404, statusText: "Not Found" });
}

export function badRequest<T>(body: T) {
  return data(body, { status: 400 });
}

export function conflict<T>(body: T) {
  return data(body, { status: 409 });
}
