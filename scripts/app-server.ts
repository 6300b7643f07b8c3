/**
 * The production server (`node server.js` on the built app) started from a script or a test,
 * a round-robin proxy in front of several of them, and signing in over HTTP. Used by the load
 * script and by the fault and two-instance tests.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { projectRoot, run } from "./database";

export const SESSION_SECRET_FOR_SCRIPTS = "scripted-server-session-secret-0123456789";

export type AppServer = { port: number; origin: string; output: () => string; stop: () => Promise<void> };

/** Builds the app unless a build is already there and `reuse` says it is current. */
export async function buildApp(options: { reuse?: boolean } = {}) {
  if (options.reuse && existsSync(path.join(projectRoot, "build", "index.js"))) return;
  await run(path.join(projectRoot, "node_modules", ".bin", "remix"), ["build"], { quiet: true, env: { NODE_ENV: "production" } });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Starts `node server.js` in production mode and waits until /healthz answers 200. */
export async function startAppServer(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["server.js"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      SESSION_SECRET: SESSION_SECRET_FOR_SCRIPTS,
      COOKIE_SECURE: "false",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  try {
    await waitFor(async () => {
      if (!running) throw new Error(`server.js exited:\n${output}`);
      return (await fetch(`${origin}/healthz`)).ok;
    }, 60_000, `the server on port ${options.port}\n${output}`);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return {
    port: options.port,
    origin,
    output: () => output,
    stop: async () => {
      if (running) child.kill("SIGTERM");
      await exited;
    },
  };
}

export type Proxy = { origin: string; hits: Map<number, number>; stop: () => Promise<void> };

/**
 * A few lines of node:http: each request goes to the next upstream port in turn, with the
 * client's address in X-Forwarded-For (the instances trust loopback) and the Host header kept,
 * so the same-origin check sees the proxy's origin. The upstream's port comes back in
 * X-Pacte-Upstream, so tests can tell which instance answered.
 */
export async function startRoundRobinProxy(port: number, upstreams: number[]): Promise<Proxy> {
  let next = 0;
  const hits = new Map<number, number>();
  const server = http.createServer((req, res) => {
    const target = upstreams[next++ % upstreams.length] ?? upstreams[0];
    if (target === undefined) return res.writeHead(502).end();
    hits.set(target, (hits.get(target) ?? 0) + 1);
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "127.0.0.1" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-pacte-upstream": String(target) });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Instance injoignable");
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `pacte_session` cookie (name=value) out of a response's Set-Cookie headers. */
export function sessionCookie(response: Response) {
  const found = response.headers.getSetCookie().find((cookie) => cookie.startsWith("pacte_session="));
  return found?.split(";")[0] ?? null;
}

/** Posts the sign-in form as a browser would; returns the response (302 with a cookie on success). */
export function postLogin(origin: string, email: string, password: string) {
  return fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
  });
}

export async function signInOverHttp(origin: string, email: string, password: string) {
  const response = await postLogin(origin, email, password);
  const cookie = sessionCookie(response);
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in of ${email} failed: ${response.status}`);
  return cookie;
}
