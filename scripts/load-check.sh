#!/usr/bin/env bash
# Load check of kb-server on loopback: wrk against /search (one query, then a mix of queries,
# suggestions and articles) while POST /admin/reindex rebuilds and swaps the index every 3 s.
# Prints requests/s, p99 latency and failed requests; exits 1 if any request failed.
#
#   scripts/load-check.sh                 # 20 s per run, port 18090
#   DURATION=10 PORT=18100 scripts/load-check.sh
#
# Needs wrk (apt-get install -y wrk) and a release build of kb-server (built here when
# missing; set KB_SERVER to use another binary). Listens on 127.0.0.1 only; every process it
# starts is stopped on exit, and its temporary folder is removed.
set -euo pipefail

DURATION="${DURATION:-20}"
PORT="${PORT:-18090}"
REINDEX_EVERY="${REINDEX_EVERY:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="${SCRATCH:-$ROOT/.build}"

case "$DURATION" in '' | *[!0-9]*) echo "DURATION must be a number of seconds" >&2; exit 2 ;; esac
if [ "$DURATION" -gt 300 ]; then echo "DURATION is capped at 300 s" >&2; exit 2; fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

if [ -z "${KB_SERVER:-}" ]; then
    swift build -c release --package-path "$ROOT" --scratch-path "$SCRATCH" --product kb-server >&2
    KB_SERVER="$(swift build -c release --package-path "$ROOT" --scratch-path "$SCRATCH" --show-bin-path)/kb-server"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kb-load-check.XXXXXX")"
SERVER_PID=""
REINDEX_PID=""
cleanup() {
    [ -n "$REINDEX_PID" ] && kill "$REINDEX_PID" 2>/dev/null && wait "$REINDEX_PID" 2>/dev/null
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

TOKEN="load-check-$RANDOM$RANDOM"
BASE="http://127.0.0.1:$PORT"

# The embedded default: no index file yet, so the server indexes Articles/ first.
KB_ADMIN_TOKEN="$TOKEN" KB_LOG_LEVEL=warning "$KB_SERVER" \
    --index "$WORK/kb.idx" --articles "$ROOT/Articles" --host 127.0.0.1 --port "$PORT" \
    --max-concurrent-requests 256 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$BASE/healthz" >/dev/null || { echo "kb-server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }

cat >"$WORK/report.lua" <<'LUA'
-- Prints one machine-readable line after the run.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

cat >"$WORK/mix.lua" <<'LUA'
-- A mix of what the help center sends: searches as typed (accents, typos, prefixes),
-- ticket-subject suggestions and article views.
local paths = {
  "/search?q=senha", "/search?q=esqueci%20minha%20senha", "/search?q=nao%20consigo%20entrar",
  "/search?q=n%C3%A3o%20consigo%20imprimir", "/search?q=chamado&limit=20", "/search?q=anexo%20maior",
  "/search?q=integra%20lento", "/search?q=configura", "/search?q=redefin", "/search?q=erro%20de%20conexao",
  "/search?q=senah", "/search?q=xyzzy", "/search?q=%22abrir%20chamado%22",
  "/search?q=senha&category=Conta%20e%20acesso", "/search?q=portal&offset=10",
  "/suggest?subject=nao%20consigo%20acessar%20o%20portal", "/suggest?subject=anexo%20muito%20grande",
  "/articles/conta/redefinir-senha.html", "/articles/chamados/abrir-chamado.html/related", "/healthz",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
LUA
sed -n '/^done = /,$p' "$WORK/report.lua" >>"$WORK/mix.lua"

# POST /admin/reindex every few seconds for as long as the load runs.
(
    while true; do
        sleep "$REINDEX_EVERY"
        code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$BASE/admin/reindex")"
        echo "$code" >>"$WORK/reindex.codes"
    done
) &
REINDEX_PID=$!

run() {
    local name="$1" script="$2" path="$3"
    local line
    line="$(wrk -t2 -c32 -d"${DURATION}s" --latency -s "$script" "$BASE$path" | grep '^RESULT')"
    echo "$name: ${line#RESULT }"
    echo "$line" >>"$WORK/results"
}

run "search q=senha" "$WORK/report.lua" "/search?q=senha"
run "mixed queries " "$WORK/mix.lua" "/"

kill "$REINDEX_PID" 2>/dev/null && wait "$REINDEX_PID" 2>/dev/null || true
REINDEX_PID=""

reindexed="$(grep -c '^200$' "$WORK/reindex.codes" || true)"
reindex_failed="$(grep -vc '^200$' "$WORK/reindex.codes" || true)"
echo "reindex: $reindexed swaps, $reindex_failed failed"
grep -o 'kb_index_reload[a-z_]*{[^}]*} [0-9]*' <(curl -fsS "$BASE/metrics") || true

failed="$(awk '{for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "non2xx" || kv[1] == "socket_errors") sum += kv[2] }} END {print sum + 0}' "$WORK/results")"
echo "failed requests: $failed"
if [ "$failed" -ne 0 ] || [ "$reindex_failed" -ne 0 ]; then
    echo "server log:" >&2
    tail -20 "$WORK/server.log" >&2
    exit 1
fi
