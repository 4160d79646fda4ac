#!/usr/bin/env bash
# Foundation benchmarks, rerunnable: per service the time from launch to ready and the RSS after
# start; GET of one organization straight to groups-service and through the gateway (wrk, after
# warm-up, 1 and 16 connections): req/s, p50, p99. Prints the figures; starts and stops its own stack (./kdnet up).
#   bench/foundation.sh [duration-seconds]   (default 20)
duration=${1:-20}
source "$(dirname "$0")/lib.sh"
need_wrk
start_stack

echo "== start to ready and RSS after start (a second instance of each, beside the running stack)"
printf '%-18s %12s %10s\n' service ready_s rss_mb
# Launched as ./kdnet up launches them (local/'s ServiceProcess): the same flags, the AOT cache.
flags=$(sed -n 's/^jvm-flags=//p' local/target/classes/kdnet-service.properties | tr ',' ' ')
for module in groups-service meetings-service economy-service notifications-service gateway; do
  port=$((19000 + RANDOM % 1000))
  db=${module%-service}
  archive=""
  [ -f $module/target/quarkus-app/app.aot ] && archive="-XX:AOTCache=app.aot"
  start=$(date +%s%N)
  (cd $module/target/quarkus-app && \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$KDNET_PG_PORT/$db QUARKUS_DATASOURCE_USERNAME=kdnet \
  QUARKUS_DATASOURCE_PASSWORD=kdnet KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KDNET_KAFKA_PORT \
  KDNET_GATEWAY_SERVICES_GROUPS=http://127.0.0.1:$KDNET_GROUPS_PORT KDNET_GATEWAY_SERVICES_MEETINGS=http://127.0.0.1:$KDNET_MEETINGS_PORT \
  KDNET_GATEWAY_SERVICES_ECONOMY=http://127.0.0.1:$KDNET_ECONOMY_PORT \
    exec "$java" -Xms16m -Xmx384m $flags $archive -Dquarkus.http.port=$port -jar quarkus-run.jar > /dev/null 2>&1) &
  pid=$!
  until curl -sf -o /dev/null http://127.0.0.1:$port/q/health/ready; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  printf '%-18s %12.2f %10s\n' "$module" "$(awk -v ms="$ready" 'BEGIN {print ms / 1000}')" "$rss"
  kill -TERM $pid; wait $pid 2>/dev/null || true
done

aarhus=$(curl -s "http://127.0.0.1:$KDNET_GATEWAY_PORT/api/groups/organizations?size=50" | grep -o '"id":"[^"]*","kind":"MUNICIPALITY","name":"Aarhus' | cut -d'"' -f4)
echo "== GET /api/groups/organizations/$aarhus, wrk ${duration}s after ${duration}s warm-up; 1 connection (one caller's"
echo "   latency) and 16 (the 2 cores saturated: the gateway's own work then queues with the service's)"
printf '%-10s %5s %10s %10s %10s\n' path conn req_s p50_ms p99_ms
for connections in 1 16; do
  for target in direct:$KDNET_GROUPS_PORT gateway:$KDNET_GATEWAY_PORT; do
    name=${target%%:*}; port=${target##*:}
    url=http://127.0.0.1:$port/api/groups/organizations/$aarhus
    threads=$(( connections > 1 ? 2 : 1 ))
    wrk -t$threads -c$connections -d${duration}s "$url" > /dev/null
    out=$(wrk -t$threads -c$connections -d${duration}s --latency "$url")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    printf '%-10s %5s %10s %10s %10s\n' "$name" "$connections" "$rps" "$p50" "$p99"
  done
done
