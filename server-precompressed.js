// Brotli at quality 11 for the hashed bundles in public/build (docs/decisions/0008-offline-capture.md,
// "Light on 3G"): about 12 % smaller than the on-the-fly compression, for no cost per request.
// Each `x.js` gets an `x.js.br` beside it, made once per build (kept while newer than its source).
import { createReadStream } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|css|map|json|svg)$/;
const TYPES = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".map": "application/json", ".json": "application/json", ".svg": "image/svg+xml" };

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
  return nested.flat();
}

/** Writes the missing or stale `.br` files; resolves when all are there. */
export async function precompressBuild(dir) {
  const files = (await listFiles(dir)).filter((file) => COMPRESSIBLE.test(file) && !file.endsWith(".map"));
  await Promise.all(
    files.map(async (file) => {
      const [source, compressed] = await Promise.all([stat(file), stat(`${file}.br`).catch(() => null)]);
      if (compressed && compressed.mtimeMs >= source.mtimeMs) return;
      const content = await readFile(file);
      const output = await brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
      // A read-only folder (the Docker image compresses at build time): on-the-fly compression then.
      await writeFile(`${file}.br`, output).catch(() => {});
    }),
  );
}

/** Express middleware: the `.br` copy to browsers that accept brotli, else the next handler. */
export function servePrecompressed(dir) {
  const root = path.resolve(dir);
  return async (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !/\bbr\b/.test(req.get("accept-encoding") ?? "")) return next();
    const file = path.resolve(root, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(root + path.sep) || !COMPRESSIBLE.test(file)) return next();
    const info = await stat(`${file}.br`).catch(() => null);
    if (!info) return next();
    res.set({
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Encoding": "br",
      "Content-Length": String(info.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(`${file}.br`).on("error", next).pipe(res);
  };
}
