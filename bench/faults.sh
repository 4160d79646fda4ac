#!/usr/bin/env bash
# The fault run in full: 200 decisions with membership effects through the gateway while each service is killed
# (kill -9) once at a random moment and restarted, Kafka is down for 60 s, and a share of the decision events is
# delivered a second time (same ce_id). At the end every membership and charge must equal a clean run's. Prints
# what it did and the comparison. The same test as the reduced run in ./mvnw verify (gateway FaultToleranceTest),
# on its own PostgreSQL, Kafka and services (free ports).
#   bench/faults.sh [decisions=200] [kafka-outage-seconds=60] [duplicate-share=0.1] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
decisions=${1:-200} outage=${2:-60} share=${3:-0.1} seed=${4:-$RANDOM}
for module in groups-service meetings-service economy-service; do
  [ -f $module/target/quarkus-app/quarkus-run.jar ] || { ./mvnw -o -B -q package -DskipTests; break; }
done
echo "== fault run: $decisions decisions, kill -9 of each service, Kafka down ${outage}s, ${share} of decisions delivered twice, seed $seed"
status=0
mkdir -p gateway/target && rm -f gateway/target/surefire-reports/TEST-dk.kdnet.gateway.FaultToleranceTest.xml
./mvnw -o -B -q verify -pl common/testing,gateway -Dtest=FaultToleranceTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkdnet.faults.decisions="$decisions" -Dkdnet.faults.kill=groups,meetings,economy \
  -Dkdnet.faults.kafka-outage="${outage}s" -Dkdnet.faults.duplicates="$share" -Dkdnet.faults.pace=300 \
  -Dkdnet.faults.seed="$seed" -Dkdnet.faults.settle=300s > gateway/target/faults.log 2>&1 || status=$?
grep -a -o 'faults: .*' gateway/target/surefire-reports/TEST-dk.kdnet.gateway.FaultToleranceTest.xml | sed 's/^faults: /  /' || true
if [ $status -ne 0 ]; then
  echo "== FAILED (exit $status); Maven's output: gateway/target/faults.log"
  grep -a -A3 '<<< FAIL\|<<< ERR' gateway/target/faults.log | head -20
else
  rm -f gateway/target/faults.log
  echo "== passed: nothing lost, nothing doubled"
fi
exit $status
