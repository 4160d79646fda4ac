#!/usr/bin/env bash
# Foundation benchmarks, rerunnable (issue 22 §0, §2, §4), every target a ratio measured in this one run:
#  - ./kdnet up on a built tree: seconds from the command to "running" (gateway /health UP, every service ready),
#    and the whole stack's memory after the reference data is loaded, each process's share (PSS);
#  - per service, start to ready and RSS of a second instance beside the stack (printed, not targets);
#  - GET of one organization, wrk, 1 and 16 connections, alternating rounds: groups-service as ./kdnet up runs it
#    (the root pom's flags), the same with the earlier flags (C1 + Serial), the baseline (bench/baseline: a plain
#    Quarkus REST + Panache by-id read of the same table, the same flags), through the gateway, and through the proxy
#    baseline (bench/proxy: Quarkus HTTP and Vert.x's reverse proxy, nothing else, the same flags); CPU per request
#    of the front (gateway or proxy baseline) and of groups-service; then the targets' ratios (direct/baseline,
#    gateway/direct) from 10 short paired rounds each (bench/lib.sh paired), their median and range; then, paired the
#    same way and not a target, a second groups-service without the AOT cache against the baseline (the cache's share
#    of direct/baseline: docs/benchmarks.md, "The AOT cache and warm-up").
#   bench/foundation.sh [duration-seconds] [rounds]   (defaults 15 and 2)
duration=${1:-15}
rounds=${2:-2}
source "$(dirname "$0")/lib.sh"
read_bench baseline proxy
if [ -z "${BENCH_AS_BUILT:-}" ]; then
  # ./kdnet up builds what changed, and on JDK 25+ its first start after a build records the AOT caches: the timed
  # start is the next one (an AOT cache left from an earlier build did not mean the tree was built: that timed start
  # included a build).
  echo "== a first ./kdnet up builds the tree and records its AOT caches"
  (start_stack > /dev/null)
fi
up_started=$(date +%s%N)
start_stack ${BENCH_AS_BUILT:+--as-built}
up_ms=$(( ($(date +%s%N) - up_started) / 1000000 ))
tick=$(getconf CLK_TCK)

pss_mb() { awk '/^Pss:/ {printf "%.0f", $2 / 1024}' /proc/$1/smaps_rollup; }

new_flags=$(sed -n 's/^jvm-flags=//p' local/target/classes/kdnet-service.properties | tr ',' ' ')
old_flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED"
heap="-Xms64m -Xmx256m"
echo "== flags: $new_flags $heap (earlier: $old_flags -Xms16m -Xmx384m)"
echo "./kdnet up, command to running: $(awk -v ms=$up_ms 'BEGIN {printf "%.1f", ms / 1000}') s (target 15 s)"

echo "== the stack's memory after the reference data is loaded (PSS: shared pages split between the processes)"
await_quiet
# The launcher's descendants (it starts the services in sessions of their own).
descendants() { local child; for child in $(pgrep -P $1); do echo $child; descendants $child; done; }
for pid in $stack $(descendants $stack); do
  [ -r /proc/$pid/smaps_rollup ] || continue
  cmd=$(tr '\0' ' ' < /proc/$pid/cmdline)
  case "$cmd" in
    *quarkus-run.jar*) name=$(readlink /proc/$pid/cwd | awk -F/ '{print $(NF-2)}') ;;
    *dk.kdnet.local.LocalStack*) name=launcher ;;
    *kafka-broker*) name=kafka ;;
    *postgres*) name=postgresql ;;
    *) continue ;;
  esac
  echo "$name $(pss_mb $pid)"
done | awk '{a[$1] += $2; t += $2} END {for (n in a) printf "%-22s %6d MB\n", n, a[n]; printf "%-22s %6d MB\n", "stack in all", t}'

aarhus=$(curl -s "$GATEWAY/api/groups/organizations?size=50" | grep -o '"id":"[^"]*","kind":"MUNICIPALITY","name":"Aarhus' | cut -d'"' -f4)

echo "== start to ready and RSS after start (a second instance of each, beside the running stack)"
printf '%-22s %8s %8s\n' service ready_s rss_mb
for module in groups-service meetings-service economy-service notifications-service gateway; do
  archive=""
  [ -f $module/target/quarkus-app/app.aot ] && archive="-XX:AOTCache=app.aot"
  start=$(date +%s%N)
  service_instance $module $((19000 + RANDOM % 1000)) $heap $new_flags $archive
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-22s %8.2f %8s\n' "$module" "$(awk -v ms="$ready" 'BEGIN {print ms / 1000}')" "$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$instance/status)"
  kill -TERM $instance; wait $instance 2>/dev/null || true
done

# The peers of the reads, beside the stack: groups-service with the earlier flags, the baseline, the proxy baseline,
# and groups-service without the AOT cache.
old_port=19101 baseline_port=19102 proxy_port=19103 no_aot_port=19104
service_instance groups-service $old_port -Xms16m -Xmx384m $old_flags; old_pid=$instance
db=groups service_instance baseline $baseline_port $heap $new_flags; baseline_pid=$instance
service_instance proxy $proxy_port $heap $new_flags; proxy_pid=$instance
service_instance groups-service $no_aot_port $heap $new_flags; no_aot_pid=$instance
trap 'kill -TERM $old_pid $baseline_pid $proxy_pid $no_aot_pid 2>/dev/null; kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT
gateway_pid=$(listener $KDNET_GATEWAY_PORT); groups_pid=$(listener $KDNET_GROUPS_PORT)

echo "== GET /api/groups/organizations/$aarhus: wrk ${duration}s after ${duration}s of warm-up, $rounds alternating rounds;"
echo "   1 connection (one caller's latency) and 16 (the 2 cores saturated). cpu_ms: per request, the front (gateway or"
echo "   proxy baseline) / groups-service"
printf '%-9s %-10s %5s %10s %8s %8s %18s %7s\n' round path conn req_s p50_ms p99_ms cpu_ms_front/groups non2xx
results=$(mktemp)
for round in $(seq 1 $rounds); do
  for connections in 16 1; do
    for target in direct:$KDNET_GROUPS_PORT old-flags:$old_port baseline:$baseline_port gateway:$KDNET_GATEWAY_PORT proxy:$proxy_port; do
      name=${target%%:*}; port=${target##*:}
      url=http://127.0.0.1:$port/api/groups/organizations/$aarhus
      threads=$(( connections > 1 ? 2 : 1 ))
      [ $round = 1 ] && wrk -t$threads -c$connections -d${duration}s "$url" > /dev/null
      front_pid=$([ $name = proxy ] && echo $proxy_pid || echo $gateway_pid)
      gw0=$(cpu_ticks $front_pid); gr0=$(cpu_ticks $groups_pid)
      out=$(wrk -t$threads -c$connections -d${duration}s --latency "$url")
      gw1=$(cpu_ticks $front_pid); gr1=$(cpu_ticks $groups_pid)
      requests=$(echo "$out" | awk '/requests in/ {print $1}')
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}' | sed 's/ms//')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}' | sed 's/ms//')
      # wrk prints µs below 1 ms and s above 1 s; the ratios below want ms.
      for v in p50 p99; do
        raw=${!v}
        case "$raw" in *us) printf -v $v '%s' "$(awk -v x="${raw%us}" 'BEGIN {printf "%.3f", x / 1000}')" ;; *s) printf -v $v '%s' "$(awk -v x="${raw%s}" 'BEGIN {printf "%.3f", x * 1000}')" ;; esac
      done
      cpu=$(awk -v g=$((gw1 - gw0)) -v s=$((gr1 - gr0)) -v n=$requests -v t=$tick 'BEGIN {printf "%.3f/%.3f", g * 1000 / t / n, s * 1000 / t / n}')
      non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
      printf '%-9s %-10s %5s %10s %8s %8s %18s %7s\n' "$round" "$name" "$connections" "$rps" "$p50" "$p99" "$cpu" "${non2xx:-0}"
      # Round 1 warms each path up (C2 compiles while it is measured): the ratios are of the rounds after it.
      [ "${non2xx:-0}" = 0 ] || echo "  ^ not every answer was 2xx: this row's figures are not comparable"
      if [ $round -gt 1 ] || [ $rounds = 1 ]; then echo "$name $connections $rps $p50 $p99" >> "$results"; fi
    done
  done
done
# The ratios of the means over the rounds after the first.
awk '{n[$1" "$2]++; rps[$1" "$2] += $3; p50[$1" "$2] += $4; p99[$1" "$2] += $5}
  END {
    m = "16"; o = "1";
    printf "direct/baseline, the rounds'"'"' means: %.2f\n", rps["direct " m] / rps["baseline " m];
    printf "new/old flags throughput: %.2f; p99 at 16 connections %.2f -> %.2f ms; p50 at 1 %.2f -> %.2f ms\n",
      rps["direct " m] / rps["old-flags " m], p99["old-flags " m] / n["old-flags " m], p99["direct " m] / n["direct " m],
      p50["old-flags " o] / n["old-flags " o], p50["direct " o] / n["direct " o];
    printf "gateway/direct, the rounds'"'"' means: %.2f\n", rps["gateway " m] / rps["direct " m];
    printf "gateway p99 - direct p99 at 1 connection: %+.2f ms (target <= +2 ms)\n", (p99["gateway " o] - p99["direct " o]) / n["direct " o];
    printf "proxy baseline/direct throughput: %.2f (what one forwarding hop costs on this machine)\n", rps["proxy " m] / rps["direct " m];
    printf "gateway/proxy baseline throughput: %.2f; p99 at 1 connection: proxy baseline - direct %+.2f ms\n",
      rps["gateway " m] / rps["proxy " m], (p99["proxy " o] - p99["direct " o]) / n["direct " o];
  }' "$results"
rm -f "$results"
# The targets' ratios from paired rounds (bench/lib.sh paired): the rounds above are 15 s apart per path, and the
# machine drifted by up to 30% between them.
direct_url=http://127.0.0.1:$KDNET_GROUPS_PORT/api/groups/organizations/$aarhus
echo "== direct and the baseline, paired rounds (target >= 0.8)"
paired direct $direct_url $groups_pid baseline http://127.0.0.1:$baseline_port/api/groups/organizations/$aarhus $baseline_pid
echo "== through the gateway and direct, paired rounds (target >= 0.7); CPU: the gateway's, groups-service's"
paired gateway http://127.0.0.1:$KDNET_GATEWAY_PORT/api/groups/organizations/$aarhus $gateway_pid direct $direct_url $groups_pid
echo "== groups-service without the AOT cache (a second instance, the same flags) and the baseline, paired rounds;"
echo "   not a target: beside direct/baseline it shows the AOT cache's share (warmed up first as long as the paths above)"
no_aot_url=http://127.0.0.1:$no_aot_port/api/groups/organizations/$aarhus
for _ in 1 2 3 4; do wrk -t2 -c16 -d${duration}s "$no_aot_url" > /dev/null; done
paired no-aot $no_aot_url $no_aot_pid baseline http://127.0.0.1:$baseline_port/api/groups/organizations/$aarhus $baseline_pid
