#!/usr/bin/env bash
# `npm run scan:security`: Doyensec's Electronegativity over the main process, preload and
# renderer, failing on any finding that security/electronegativity-allowlist.json does not
# explain. The tool exits 0 even with findings, so the verdict comes from its SARIF report.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VERSION=1.10.3
TOOL_DIR=.tmp/electronegativity
INPUT=.tmp/electronegativity-input
SARIF=.tmp/electronegativity.sarif
LOG=.tmp/electronegativity.log
export ELECTRON_OVERRIDE_DIST_PATH="${ELECTRON_OVERRIDE_DIST_PATH:-/nonexistent}"

installed=$(node -p "require('./$TOOL_DIR/node_modules/@doyensec/electronegativity/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$VERSION" ]; then
  # Its own folder: it bundles an old TypeScript and ESLint that must not meet the project's.
  echo "Installing @doyensec/electronegativity@$VERSION into $TOOL_DIR ..."
  mkdir -p "$TOOL_DIR"
  npm install --prefix "$TOOL_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error "@doyensec/electronegativity@$VERSION"
fi

# One scan over a copy of both folders, so the global checks (CSP, navigation limits,
# permission handler) see the main process and the renderer together and report paths
# relative to the repository; package.json tells it the Electron version.
rm -rf "$INPUT" "$SARIF"
mkdir -p "$INPUT"
cp -R electron package.json "$INPUT"/
if [ -d renderer ]; then
  cp -R renderer "$INPUT"/
  rm -rf "$INPUT/renderer/node_modules" "$INPUT/renderer/dist"
fi

echo "Scanning electron/ and renderer/ (the tool first tries to reach the internet for several seconds; offline is fine) ..."
if ! "$TOOL_DIR/node_modules/.bin/electronegativity" --input "$INPUT" --relative --output "$SARIF" >"$LOG" 2>&1 || [ ! -s "$SARIF" ]; then
  cat "$LOG" >&2
  echo "Electronegativity did not produce $SARIF; see the output above." >&2
  exit 1
fi

node scripts/check-electronegativity.mjs --sarif "$SARIF" --input "$INPUT" --tool "$TOOL_DIR" --allowlist security/electronegativity-allowlist.json
