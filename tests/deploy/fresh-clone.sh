#!/usr/bin/env bash
# The repository builds and serves alone: a fresh clone of the committed HEAD, in an empty
# temporary folder with nothing beside it, is installed from the lockfile, built for a sub-path
# and served, and the sub-path specs run against it in Chromium.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/atlas-clone-XXXXXX")"
trap 'rm -rf "$work"' EXIT

git clone --quiet --no-local "$repo" "$work/atlas"
if [ "$(ls -A "$work")" != "atlas" ]; then
  echo "fresh-clone: $work holds more than the clone; the check would prove nothing" >&2
  exit 1
fi
cd "$work/atlas"
echo "fresh-clone: building $(git rev-parse --short HEAD) in $work/atlas (nothing beside it)"
npm ci --no-audit --no-fund --loglevel=error
BASE_PATH=/atlas/ npm run build --silent
BASE_PATH=/atlas/ npx playwright test -c playwright.deploy.config.ts
