// Builds the requests that loaders and actions receive, as the browser would send them.
const BASE = "http://localhost:3000";

export function getRequest(path: string, options: { cookie?: string } = {}) {
  return new Request(`${BASE}${path}`, { headers: options.cookie ? { Cookie: options.cookie } : {} });
}

export function postRequest(
  path: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string } = {},
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: BASE,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
  });
}

export const context = { clientAddress: "127.0.0.1" };

/** Runs a loader or action and returns what it threw or returned as a Response-like result. */
export async function call<T>(fn: () => Promise<T>): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const result = await fn();
    return describe(result);
  } catch (thrown) {
    return describe(thrown);
  }
}

async function describe(value: unknown) {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: value.status, location: value.headers.get("Location"), body };
  }
  // Remix's data() helper: { type: "DataWithResponseInit", data, init }
  if (value && typeof value === "object" && "type" in value && value.type === "DataWithResponseInit" && "data" in value) {
    const init = "init" in value && value.init && typeof value.init === "object" ? value.init : {};
    const status = "status" in init && typeof init.status === "number" ? init.status : 200;
    return { status, location: null, body: value.data };
  }
  if (value instanceof Error) throw value;
  return { status: 200, location: null, body: value };
}
