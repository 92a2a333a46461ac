#!/usr/bin/env bash
# Prints Gatehouse's benchmark figures. Usage: scripts/benchmark.sh [runs]
#
# Start-up in local mode exactly as the README starts it (./mvnw spring-boot:run), with the heap capped at 512 MB:
# the wall time from the command until the app answers its health check (Maven included) and the time Spring reports
# for the app itself, for a first start (fresh data directory: migrations and demo seeding) and for restarts
# (existing data). Then one SSO sign-in through the emulator's test IdP over real HTTP, to show the started app works.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"

./mvnw -q -B -DskipTests compile
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 18080)
pid=""
trap 'stop; rm -rf "$data"' EXIT

start_once() {
  local log="$data/run.log" t0 t1
  t0=$(date +%s%N)
  setsid ./mvnw -q -B -o spring-boot:run -Dspring-boot.run.jvmArguments=-Xmx512m \
    -Dspring-boot.run.arguments="--server.port=$port --GATEHOUSE_DATA_DIR=$data" > "$log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" > /dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "Gatehouse did not start" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  local spring
  spring=$(grep -oE 'Started GatehouseApplication in [0-9.]+ seconds' "$log" | grep -oE '[0-9.]+' | head -1)
  printf '%s\t%.2f s from the command to healthy\t(Spring reports %s s for the app)\n' "$1" "$(awk "BEGIN{print ($t1 - $t0) / 1e9}")" "$spring"
}

stop() {
  if [ -n "$pid" ]; then
    kill -- -"$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  fi
}

echo "Gatehouse benchmark: $(java -version 2>&1 | head -1), $(nproc) cores, -Xmx512m"
start_once "start-up, first run (fresh data)"
stop
for i in $(seq 1 "$runs"); do
  start_once "start-up, restart $i (existing data)"
  if [ "$i" -lt "$runs" ]; then stop; fi
done

# One SSO sign-in through the emulator, timed end to end (login page to account page).
jar_cookies="$data/cookies"; emu_cookies="$data/emu-cookies"
t0=$(date +%s%N)
page=$(curl -fs -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/accounts/login")
csrf=$(grep -oP 'name="_csrf" value="\K[^"]+' <<< "$page" | head -1)
idp=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar_cookies" -b "$jar_cookies" \
  --data-urlencode "_csrf=$csrf" --data-urlencode "username=ada.lovelace@acme.test" --data-urlencode "next=/account" \
  "http://localhost:$port/accounts/login")
idp_page=$(curl -fs -c "$emu_cookies" -b "$emu_cookies" "$idp")
action=$(grep -oP 'action="\K/emulator/ui/authorize/[^"]+' <<< "$idp_page" | head -1)
person=$(tr '\n' ' ' <<< "$idp_page" | grep -oP 'value="\K[^"]+(?="[^>]*data-email="ada.lovelace@acme.test")' | head -1)
ecsrf=$(grep -oP 'name="_csrf" value="\K[^"]+' <<< "$idp_page" | head -1)
callback=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$emu_cookies" -b "$emu_cookies" \
  --data-urlencode "_csrf=$ecsrf" --data-urlencode "action=person" --data-urlencode "personId=$person" \
  "http://127.0.0.1:$port$action")
account=$(curl -fsL -c "$jar_cookies" -b "$jar_cookies" "$callback")
t1=$(date +%s%N)
grep -q 'id="profile-email">ada.lovelace@acme.test' <<< "$account" || { echo "SSO sign-in failed" >&2; exit 1; }
printf 'one SSO sign-in (5 HTTP round trips, first after start)\t%.0f ms\n' "$(awk "BEGIN{print ($t1 - $t0) / 1e6}")"
