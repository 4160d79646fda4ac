#!/usr/bin/env bash
# Webhooks to a receiver on this machine, through the gateway and notifications-service as ./kdnet up runs them:
# the time from a commit (an organization registered through the gateway) to its webhook's arrival, p50 and p99;
# then deliveries per second from a backlog of events on 50 subjects. Runs the system tests' WebhookBenchIT on its own
# PostgreSQL, Kafka and services (free ports).
#   bench/webhooks.sh [backlog events=2000] [timed commits=200]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system-test.sh
events=${1:-2000} latencies=${2:-200}
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr)"
system_test WebhookBenchIT webhooks -Dkdnet.bench.webhooks.events="$events" -Dkdnet.bench.webhooks.latencies="$latencies"
