#!/usr/bin/env bash
# Robustness of input: thousands of generated bad requests spread over every operation of the merged
# OpenAPI document (wrong types, missing fields, huge strings, unknown enum values, malformed JSON, wrong
# content types, negative and huge numbers, invalid dates, path ids that don't exist), as the secretariat
# through the gateway. Prints the answers by status, every 5xx (target: 0), every bad write accepted and
# every resource whose data changed (target: none). Runs the gateway's ApiFuzzRun on its own PostgreSQL,
# Kafka and services (free ports).
#   bench/fuzz.sh [requests=5000] [seed=20231025]
set -euo pipefail
cd "$(dirname "$0")/.."
source local/jdk.sh
pick_java
requests=${1:-5000} seed=${2:-20231025}
for module in groups-service meetings-service economy-service; do
  [ -f $module/target/quarkus-app/quarkus-run.jar ] || { ./mvnw -o -B -q package -DskipTests; break; }
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr)"
status=0
mkdir -p gateway/target && rm -f gateway/target/surefire-reports/TEST-dk.kdnet.gateway.ApiFuzzRun.xml
./mvnw -o -B -q verify -pl common/testing,gateway -Dtest=ApiFuzzRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkdnet.fuzz.requests="$requests" -Dkdnet.fuzz.seed="$seed" > gateway/target/fuzz.log 2>&1 || status=$?
grep -a -o 'fuzz: .*' gateway/target/surefire-reports/TEST-dk.kdnet.gateway.ApiFuzzRun.xml || true
[ $status -eq 0 ] && rm -f gateway/target/fuzz.log || echo "== FAILED (exit $status); Maven's output: gateway/target/fuzz.log"
exit $status
