#!/usr/bin/env bash
# The flow's latency: from the PUT of a decision with a membership effect to the new charge readable through the
# gateway, one decision at a time, over 200 decisions after 40 of warm-up; prints p50, p90, p99 (targets: p50 <= 50
# ms, p99 <= 250 ms). Runs the gateway's FlowLatencyBench on its own PostgreSQL, Kafka and services (free ports).
#   bench/flow.sh [decisions=200] [warm-up=40]
set -euo pipefail
cd "$(dirname "$0")/.."
source local/jdk.sh
pick_java
decisions=${1:-200} warmup=${2:-40}
for module in groups-service meetings-service economy-service; do
  [ -f $module/target/quarkus-app/quarkus-run.jar ] || { ./mvnw -o -B -q package -DskipTests; break; }
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr)"
status=0
mkdir -p gateway/target && rm -f gateway/target/surefire-reports/TEST-dk.kdnet.gateway.FlowLatencyBench.xml
./mvnw -o -B -q verify -pl common/testing,gateway -Dtest=FlowLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkdnet.bench.flow.decisions="$decisions" -Dkdnet.bench.flow.warm-up="$warmup" > gateway/target/flow.log 2>&1 || status=$?
grep -a -o 'flow: .*' gateway/target/surefire-reports/TEST-dk.kdnet.gateway.FlowLatencyBench.xml || true
[ $status -eq 0 ] && rm -f gateway/target/flow.log || echo "== FAILED (exit $status); Maven's output: gateway/target/flow.log"
exit $status
