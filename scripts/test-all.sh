#!/usr/bin/env bash
# npm test — everything that needs no extra server: types, lint, the OpenAPI document's lint, rules and data tests on SQLite
# (and on Postgres when TEST_DATABASE_URL is set), then the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TZ=UTC

echo "== types"; npm run --silent typecheck
echo "== lint"; npm run --silent lint -- --max-warnings=0
echo "== OpenAPI document lint"; npm run --silent api:lint
echo "== rules and data tests${TEST_DATABASE_URL:+ (SQLite and Postgres)}"; npx vitest run
echo "== journeys"; npx playwright test
