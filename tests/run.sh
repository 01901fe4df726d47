#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs the whole suite:
# a virtualenv with the project and its test tools, a local PostgreSQL server (so every storage
# and end-to-end test also runs on PostgreSQL), the node puppet-service gateway packages and
# headless Chromium for the browser tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for c in python3.12 python3.11 python3; do
    if "$c" -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] < (3,13)))' 2>/dev/null; then PY=$c; break; fi
  done
fi
[ -n "$PY" ] || { echo "needs Python 3.11 or 3.12" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v -i warning || true

export CLUSTERBOT_TEST_PG_URL=${CLUSTERBOT_TEST_PG_URL:-$(bash .ci/postgres.sh)}
export CLUSTERBOT_REQUIRE_PG=1
if [ -f tests/wechaty/gateway/package-lock.json ] && command -v npm >/dev/null; then
  (cd tests/wechaty/gateway && { [ -d node_modules/wechaty-puppet-service ] || npm ci --no-audit --no-fund --ignore-scripts --silent; })
  export CLUSTERBOT_REQUIRE_NODE=1
fi
if [ -f tests/web/test_browser.py ]; then
  if ! command -v chromium >/dev/null; then
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) || true
  fi
  command -v chromium >/dev/null && export CLUSTERBOT_REQUIRE_BROWSER=1
fi
# bytecode for the project's modules, as a wheel install writes it (PYTHONDONTWRITEBYTECODE may be set)
.venv/bin/python -m compileall -q bot handlers nlp storage >/dev/null
export CACHE_DIR=${CACHE_DIR:-$(mktemp -d)}
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
