#!/usr/bin/env bash
# Browser benchmark of the farm view (issue 5): an orchestrator with VMS robots that work in small
# batches and pause PAUSE_MS (0.5-1.5x) between them, the dashboard in headless Debian Chromium, frame
# times and SSE throughput measured in the page.
# Build first from the repository root: ./mvnw -B -q -DskipTests package
# Usage: bench/dashboard/run.sh [VMS (10000)] [SECONDS (30)] [PAUSE_MS (2000)]
# BENCH_CLASSPATH, when set, is used as Selenium's classpath instead of resolving it with Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
vms=${1:-10000}
seconds=${2:-30}
pause=${3:-2000}
port=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
password=bench-admin-password
jar=orchestrator/target/robofarm.jar
[ -f "$jar" ] || { echo "no $jar: build first with ./mvnw -B -q -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
ROBOFARM_ADMIN_PASSWORD=$password PORT=$port java -jar "$jar" \
    --spring.datasource.url="jdbc:h2:file:$work/robofarm" --robofarm.demo.enabled=false \
    --robofarm.farm.capacity=$((vms + 100)) --robofarm.farm.shutdown-grace=1s >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "localhost:$port/actuator/health" >/dev/null; do
    kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 1
done

classpath=${BENCH_CLASSPATH:-}
if [ -z "$classpath" ]; then
    ./mvnw -B -q -f bench/dashboard/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
    classpath=$(cat "$work/cp.txt")
fi
java -cp "$classpath" bench/dashboard/FarmViewBench.java "http://localhost:$port" "$password" "$vms" "$seconds" "$pause" "$app"
