#!/usr/bin/env bash
# The flow's latency: from the PUT of a decision with a membership effect to the new charge readable through the
# gateway, one decision at a time, over 200 decisions after 1,200 of warm-up; prints p50, p90, p99 (targets: p50 <= 20
# ms, p99 <= 60 ms) and beside them the three hops' own work as the services time it (meetings' PUT, groups' and
# economy's handling of the event, each a transaction), whose sum is the floor: the last line is the ratio
# `flow p50/hop-sum`, what the waits between the hops (relays, Kafka, idle processes) add. The decisions go to
# collaborations of at most 20 members each (KD-Net's size: 19 municipalities and the region); a larger figure
# measures how a recalculation scales with the collaboration.
# Then one appointment and one budget approval by decision, each verified (not timed).
# Runs the system tests' FlowLatencyBenchIT on its own PostgreSQL, Kafka and services (free ports).
#   bench/flow.sh [decisions=200] [warm-up=1200] [members per collaboration=20]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system-test.sh
decisions=${1:-200} warmup=${2:-1200} members=${3:-20}
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr)"
status=0
output=$(system_test FlowLatencyBenchIT flow -Dkdnet.bench.flow.decisions="$decisions" \
  -Dkdnet.bench.flow.warm-up="$warmup" -Dkdnet.bench.flow.members="$members") || status=$?
echo "$output"
ratio=$(grep -o 'p50/hop-sum [0-9.]*' <<<"$output" | awk '{print $2}' || true)
[ -z "$ratio" ] || echo "flow p50/hop-sum: $ratio"
exit $status
