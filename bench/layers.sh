#!/usr/bin/env bash
# What groups-service's per-request layers that can be switched off at run time cost on a read (issue 22 §0), in one
# run: GET of one organization, wrk 16 connections (the 2 cores saturated), alternating rounds, against the stack's
# groups-service (as ./kdnet up runs it: with the AOT cache it recorded, warmed up by loading the reference data) and
# second instances beside it (the root pom's flags), warmed up by round 1 only: with the AOT cache; with it but without
# the method profiles of its training run (JEP 515; -XX:-AOTReplayTraining, a diagnostic flag); without it
# ("no-aot": the flags alone, like the baseline); with traces off (the OpenTelemetry
# SDK disabled: no trace context either); with request metrics off (Micrometer's HTTP server timing skips /api); with
# both off; built with virtual threads off ("worker-pool": quarkus.virtual-threads.enabled is read at build, so a second
# package of groups-service beside the first, whose resources run on the worker pool as the baseline's do); and the
# baseline (bench/baseline). Each row: throughput, its ratio to the baseline's, and the instance's
# CPU per request. What is left between "neither" and the baseline is what cannot be switched off at run time
# (security, routing, filters, JSON views).
#   bench/layers.sh [duration-seconds] [rounds]   (defaults 15 and 3; the ratios are of the rounds after the first)
duration=${1:-15}
rounds=${2:-3}
source "$(dirname "$0")/lib.sh"
read_bench baseline
./mvnw -B -o -q -pl groups-service package -DskipTests -Dquarkus.virtual-threads.enabled=false \
  -Dquarkus.package.output-directory=quarkus-app-worker-pool
start_stack ${BENCH_AS_BUILT:+--as-built}
tick=$(getconf CLK_TCK)
flags="-Xms64m -Xmx256m $(sed -n 's/^jvm-flags=//p' local/target/classes/kdnet-service.properties | tr ',' ' ')"
aarhus=$(curl -s "$GATEWAY/api/groups/organizations?size=50" | grep -o '"id":"[^"]*","kind":"MUNICIPALITY","name":"Aarhus' | cut -d'"' -f4)

no_traces=-Dquarkus.otel.sdk.disabled=true
no_metrics=-Dquarkus.micrometer.binder.http-server.ignore-patterns=/api/.*
declare -A port pid
variants="stack aot aot-untrained no-aot no-traces no-metrics neither worker-pool baseline"
next=19201
pids=""
for variant in $variants; do
  port[$variant]=$next; next=$((next + 1))
  case $variant in
    stack) port[$variant]=$KDNET_GROUPS_PORT; instance=$(listener $KDNET_GROUPS_PORT) ;;
    aot) service_instance groups-service ${port[$variant]} $flags -XX:AOTCache=app.aot ;;
    aot-untrained) service_instance groups-service ${port[$variant]} $flags -XX:AOTCache=app.aot \
      -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining ;;
    no-aot) service_instance groups-service ${port[$variant]} $flags ;;
    no-traces) service_instance groups-service ${port[$variant]} $flags $no_traces ;;
    no-metrics) service_instance groups-service ${port[$variant]} $flags $no_metrics ;;
    neither) service_instance groups-service ${port[$variant]} $flags $no_traces $no_metrics ;;
    worker-pool) app=quarkus-app-worker-pool service_instance groups-service ${port[$variant]} $flags ;;
    baseline) db=groups service_instance baseline ${port[$variant]} $flags ;;
  esac
  pid[$variant]=$instance
  [ $variant = stack ] || pids="$pids $instance"
done
trap 'kill -TERM $pids 2>/dev/null; kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT
await_quiet

echo "== GET /api/groups/organizations/$aarhus, wrk 2 threads, 16 connections, ${duration}s, $rounds alternating rounds"
printf '%-6s %-11s %10s %8s\n' round variant req_s cpu_ms
results=$(mktemp)
for round in $(seq 1 $rounds); do
  for variant in $variants; do
    url=http://127.0.0.1:${port[$variant]}/api/groups/organizations/$aarhus
    [ $round = 1 ] && wrk -t2 -c16 -d${duration}s "$url" > /dev/null
    c0=$(cpu_ticks ${pid[$variant]})
    out=$(wrk -t2 -c16 -d${duration}s "$url")
    c1=$(cpu_ticks ${pid[$variant]})
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    [ "${non2xx:-0}" = 0 ] || { echo "$variant: $non2xx answers were not 2xx"; exit 1; }
    cpu=$(awk -v c=$((c1 - c0)) -v n=$requests -v t=$tick 'BEGIN {printf "%.3f", c * 1000 / t / n}')
    printf '%-6s %-11s %10s %8s\n' "$round" "$variant" "$rps" "$cpu"
    if [ $round -gt 1 ] || [ $rounds = 1 ]; then echo "$variant $rps $cpu" >> "$results"; fi
  done
done
echo "== means over the rounds after the first; ratio: throughput / the baseline's"
awk -v order="$variants" '{n[$1]++; rps[$1] += $2; cpu[$1] += $3}
  END {
    split(order, names, " ");
    for (i = 1; i in names; i++) {
      v = names[i];
      printf "%-11s %10.0f req/s  %.2f of the baseline  %.3f ms CPU per request\n", v, rps[v] / n[v],
        rps[v] / rps["baseline"], cpu[v] / n[v];
    }
  }' "$results"
rm -f "$results"
