#!/usr/bin/env bash
# The fault run in full: 200 decisions with membership effects through the gateway while each service is killed
# (kill -9) once at a random moment and restarted, Kafka is down for 60 s, and a share of the decision events is
# delivered a second time (same ce_id). At the end every membership and charge must equal a clean run's. Prints
# what it did and the comparison. The same test as the reduced run in ./mvnw verify (system-tests FaultToleranceIT),
# on its own PostgreSQL, Kafka and services (free ports).
#   bench/faults.sh [decisions=200] [kafka-outage-seconds=60] [duplicate-share=0.1] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system-test.sh
decisions=${1:-200} outage=${2:-60} share=${3:-0.1} seed=${4:-$RANDOM}
echo "== fault run: $decisions decisions, kill -9 of each service, Kafka down ${outage}s, ${share} of decisions delivered twice, seed $seed"
status=0
system_test FaultToleranceIT faults -Dkdnet.faults.decisions="$decisions" -Dkdnet.faults.kill=groups,meetings,economy \
  -Dkdnet.faults.kafka-outage="${outage}s" -Dkdnet.faults.duplicates="$share" -Dkdnet.faults.pace=300 \
  -Dkdnet.faults.seed="$seed" -Dkdnet.faults.settle=300s | sed 's/^faults: /  /' || status=${PIPESTATUS[0]}
if [ $status -eq 0 ]; then
  echo "== passed: nothing lost, nothing doubled"
fi
exit $status
