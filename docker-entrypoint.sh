#!/bin/sh
# Container start: apply the committed migrations, load the reference data (idempotent; the
# demo accounts and plan too when SEED_DEMO=true), then hand over to the command (node server.js).
set -eu
cd "$(dirname "$0")"

echo "Pacte : application des migrations (prisma migrate deploy)..."
node node_modules/prisma/build/index.js migrate deploy

if [ "${SEED_DEMO:-false}" = "true" ]; then
  echo "Pacte : données de référence et données de démonstration..."
  node prisma/seed.mjs
else
  echo "Pacte : données de référence..."
  node prisma/seed.mjs --reference-only
fi

exec "$@"
