/**
 * What the browser downloads: run after `npx remix build`.
 *
 *   npx tsx scripts/measure-bundle.ts [--route=routes/login] [--check]
 *
 * Prints the raw and gzip size of every JS chunk in public/build, then the total a first visit
 * to one route loads (entry + root + the route module + every chunk they import, followed
 * through the chunks' own imports). It also reports whether zod's locale messages reached the
 * browser (docs/decisions/0004-zod-mini-and-i18n.md), from Remix's build metafile when it is
 * there and by looking for their text otherwise. --check exits with 1 when they did.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const projectRoot = path.resolve(import.meta.dirname, "..");

const publicDir = path.join(projectRoot, "public");
const buildDir = path.join(publicDir, "build");
const routeId = process.argv.find((arg) => arg.startsWith("--route="))?.slice("--route=".length) ?? "routes/login";
const check = process.argv.includes("--check");

if (!existsSync(buildDir)) {
  console.error("public/build est absent : lancez d'abord `npx remix build`. / Run `npx remix build` first.");
  process.exit(1);
}

type ManifestEntry = { module: string; imports?: string[] };
type Manifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry & { id: string }>; url?: string };

function listJs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return listJs(file);
    return name.endsWith(".js") ? [file] : [];
  });
}

/** The manifest the server build points at, else the newest one. */
function manifestFile() {
  const serverBuild = path.join(projectRoot, "build", "index.js");
  if (existsSync(serverBuild)) {
    const match = /\/build\/(manifest-[A-Z0-9]+\.js)/.exec(readFileSync(serverBuild, "utf8"));
    if (match?.[1] && existsSync(path.join(buildDir, match[1]))) return path.join(buildDir, match[1]);
  }
  const candidates = readdirSync(buildDir)
    .filter((name) => /^manifest-.*\.js$/.test(name))
    .map((name) => path.join(buildDir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!candidates[0]) throw new Error("No manifest-*.js in public/build.");
  return candidates[0];
}

function readManifest(file: string): Manifest {
  const source = readFileSync(file, "utf8");
  const json = source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1);
  return JSON.parse(json) as Manifest;
}

/** "/build/x.js" (a URL) to a file in public/. */
const fileOfUrl = (url: string) => path.join(publicDir, url.replace(/^\//, ""));
const relative = (file: string) => path.relative(projectRoot, file);

/** Static imports written in a chunk: `from"./chunk-X.js"`, `import"/build/..."`. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
    const specifier = match[1];
    if (!specifier) continue;
    if (specifier.startsWith("/build/")) found.add(fileOfUrl(specifier));
    else if (specifier.startsWith(".")) found.add(path.resolve(path.dirname(file), specifier));
  }
  return [...found];
}

function closure(start: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift();
    if (!file || seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return [...seen];
}

// zod's locale files (zod/v4/locales/*, zod/locales/*) per output chunk, from esbuild's metafile.
type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
const metafilePath = path.join(projectRoot, "build", "metafile.js.json");
const metafile: Metafile | null = existsSync(metafilePath) ? (JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile) : null;
const ZOD_LOCALE = /node_modules\/zod\/(?:.*\/)?locales\//;
const ZOD = /node_modules\/zod\//;
// Text of zod's English and French locale messages, for builds without a metafile.
const LOCALE_MARKERS = ["Invalid input: expected", "Entrée invalide"];

type Chunk = { file: string; raw: number; gzip: number; zodBytes: number | null; localeBytes: number | null; localeMarker: boolean };

function measureChunk(file: string): Chunk {
  const content = readFileSync(file);
  const inputs = metafile?.outputs[relative(file).split(path.sep).join("/")]?.inputs;
  const bytesMatching = (pattern: RegExp) =>
    inputs
      ? Object.entries(inputs)
          .filter(([input]) => pattern.test(input))
          .reduce((sum, [, value]) => sum + value.bytesInOutput, 0)
      : null;
  const text = content.toString("utf8");
  return {
    file,
    raw: content.length,
    gzip: gzipSync(content).length,
    zodBytes: bytesMatching(ZOD),
    localeBytes: bytesMatching(ZOD_LOCALE),
    localeMarker: LOCALE_MARKERS.some((marker) => text.includes(marker)),
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function table(headers: string[], rows: string[][]) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

const manifestPath = manifestFile();
const manifest = readManifest(manifestPath);
const chunks = listJs(buildDir)
  .filter((file) => !path.basename(file).startsWith("manifest-") || file === manifestPath)
  .map(measureChunk)
  .sort((a, b) => b.gzip - a.gzip);
const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));

function zodColumns(chunk: Chunk) {
  // The manifest is written by Remix, not esbuild: no metafile entry, and no code.
  if (chunk.file === manifestPath) return ["-", chunk.localeMarker ? "oui/yes" : "-"];
  return [
    chunk.zodBytes === null ? "?" : kb(chunk.zodBytes),
    chunk.localeBytes === null ? (chunk.localeMarker ? "oui/yes" : "?") : chunk.localeBytes || chunk.localeMarker ? kb(chunk.localeBytes) : "0",
  ];
}

const chunkRows = (list: Chunk[]) => list.map((chunk) => [relative(chunk.file), kb(chunk.raw), kb(chunk.gzip), ...zodColumns(chunk)]);
const headers = ["Fichier / file", "Brut / raw KB", "gzip KB", "dont zod / of which zod KB", "locales zod KB"];

console.log(`Manifeste / manifest: ${relative(manifestPath)}${metafile ? "" : " (sans metafile / no metafile: zod column unknown)"}\n`);
console.log(table(headers, chunkRows(chunks)));
const all = chunks.reduce((sum, chunk) => ({ raw: sum.raw + chunk.raw, gzip: sum.gzip + chunk.gzip }), { raw: 0, gzip: 0 });
console.log(`\nTotal JS (${chunks.length} fichiers / files): ${kb(all.raw)} KB brut / raw, ${kb(all.gzip)} KB gzip`);

const route = manifest.routes[routeId];
const root = manifest.routes.root;
if (!route || !root) {
  console.error(`\nRoute inconnue / unknown route: ${routeId}. Routes: ${Object.keys(manifest.routes).join(", ")}`);
  process.exit(1);
}
const start = [manifest.entry, root, route].flatMap((entry) => [entry.module, ...(entry.imports ?? [])]).map(fileOfUrl);
const routeFiles = closure([manifestPath, ...start]);
const routeChunks = routeFiles.map((file) => byFile.get(file) ?? measureChunk(file)).sort((a, b) => b.gzip - a.gzip);
const routeTotal = routeChunks.reduce((sum, chunk) => ({ raw: sum.raw + chunk.raw, gzip: sum.gzip + chunk.gzip }), { raw: 0, gzip: 0 });
console.log(`\nPremière visite de / first visit to ${routeId} (manifeste + entry + root + route + imports):\n`);
console.log(table(headers, chunkRows(routeChunks)));
console.log(`\nTotal ${routeId}: ${kb(routeTotal.raw)} KB brut / raw, ${kb(routeTotal.gzip)} KB gzip (${routeChunks.length} fichiers / files)`);

const withLocales = chunks.filter((chunk) => (chunk.localeBytes ?? 0) > 0 || chunk.localeMarker);
if (withLocales.length) {
  console.log(
    `\nATTENTION : des messages de zod (locales) sont dans le bundle du navigateur / zod locale messages are in the browser bundle: ${withLocales
      .map((chunk) => relative(chunk.file))
      .join(", ")}`,
  );
  if (check) process.exitCode = 1;
} else {
  console.log("\nAucune locale de zod dans le bundle du navigateur / no zod locale in the browser bundle.");
}
