#!/usr/bin/env bash
# s3rver, the S3-compatible server the S3 store's integration tests and tests/scale/two-instances.sh
# run against (no Docker on the test machines).
#
#   tests/s3/s3rver.sh install          npm-install s3rver (version pinned in package.json) into tests/s3
#   tests/s3/s3rver.sh path             print the executable's path (installs first when missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
BIN="$PWD/node_modules/.bin/s3rver"

install() {
  [ -x "$BIN" ] && return 0
  command -v npm >/dev/null 2>&1 || { echo "s3rver.sh: npm not found; install Node.js (apt-get install nodejs npm)" >&2; exit 1; }
  echo "s3rver.sh: installing s3rver into $PWD/node_modules" >&2
  npm install --no-audit --no-fund --loglevel=error >&2
  [ -x "$BIN" ] || { echo "s3rver.sh: npm finished but $BIN is missing" >&2; exit 1; }
}

case "${1:-}" in
  install) install ;;
  path) install; printf '%s\n' "$BIN" ;;
  *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
