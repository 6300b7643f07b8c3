// The HTTP server: static assets, the same-origin check for every write, then Remix.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import zlib from "node:zlib";
import { precompressBuild, servePrecompressed } from "./server-precompressed.js";
import { broadcastDevReady } from "@remix-run/node";

const port = Number(process.env.PORT ?? 3000);
const build = await import("./build/index.js");
// Loaders and actions that cannot reach PostgreSQL answer 503 (French page, Retry-After), not 500.
const guardedBuild = build.entry.module.guardDatabaseOutages(build);

const app = express();
app.disable("x-powered-by");
// TRUST_PROXY: a hop count ("1"), "true", or Express's names/subnets ("loopback, uniquelocal").
const trustProxy = process.env.TRUST_PROXY;
if (trustProxy) {
  app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy === "true" ? true : trustProxy);
}
// The hashed bundles once, at the highest brotli level, before the first request (a 3G budget);
// pages and the rest are compressed on the fly.
await precompressBuild("public/build");
// Brotli 5 for pages: as fast as the default 4 here, and about 6 % smaller.
app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } }));
app.use("/build", servePrecompressed("public/build"));
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// A missing asset is a plain 404, not a page.
app.use("/build", (req, res) => res.status(404).type("text/plain").send("Not found"));
app.use(express.static("public", { maxAge: "1h" }));

app.use((req, res, next) => {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  });
  next();
});

// Cross-site request forgery: a write must come from one of our own pages.
// Browsers send Origin on every POST; a request without it is not a browser form.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get("origin");
  const expected = `${req.protocol}://${req.get("host")}`;
  if (origin && (origin === expected || origin === process.env.PUBLIC_ORIGIN)) return next();
  res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : elle ne provient pas de Pacte (origine non reconnue).");
});

// Hostile requests stop here, before Remix, with the honest status (never a 500):
// - a URL with NUL or a broken %-escape names no page of Pacte (PostgreSQL refuses NUL);
// - a write is a browser form: url-encoded fields, or multipart only where a file is taken;
// - its body has a declared length within the limit (Node then holds the client to it).
const FILE_UPLOAD_PATH = /^\/plans\/[^/]+\/import(\.data)?$/;
const MAX_FORM_BYTES = Number(process.env.MAX_FORM_BYTES ?? 1_000_000);
// The import's confirm form carries the workbook's rows (up to 2 000, read from a 5 MB file).
const MAX_UPLOAD_BYTES = Number(process.env.MAX_UPLOAD_BYTES ?? 12_000_000);

function refuse(res, status, message) {
  res.status(status).set("Connection", "close").type("text/plain; charset=utf-8").send(message);
}

app.use((req, res, next) => {
  let path;
  try {
    path = decodeURIComponent(req.path);
    decodeURIComponent(req.originalUrl.split("?")[1] ?? "");
  } catch {
    return refuse(res, 400, "Adresse invalide (encodage incorrect).");
  }
  if (/%00/i.test(req.originalUrl) || path.includes("\u0000")) return refuse(res, 400, "Adresse invalide (caractère nul).");
  if (SAFE_METHODS.has(req.method)) return next();

  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const takesFile = FILE_UPLOAD_PATH.test(req.path);
  const multipart = type === "multipart/form-data";
  if (type !== "application/x-www-form-urlencoded" && !(multipart && takesFile)) {
    return refuse(res, 415, "Type de contenu non accepté : envoyez le formulaire de Pacte.");
  }
  if (multipart && !/;\s*boundary=/i.test(req.get("content-type") ?? "")) {
    return refuse(res, 400, "Formulaire mal formé (séparateur multipart manquant).");
  }
  const length = req.get("content-length");
  if (length === undefined || !/^\d+$/.test(length)) {
    return refuse(res, 411, "Longueur du formulaire manquante (Content-Length).");
  }
  if (Number(length) > (takesFile ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES)) {
    return refuse(res, 413, "Formulaire trop volumineux.");
  }
  next();
});

app.all(
  "*",
  createRequestHandler({
    build: guardedBuild,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown" }),
  }),
);

const httpServer = app.listen(port, () => {
  console.log(`Pacte : http://localhost:${port}`);
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
});

function shutdown() {
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
