#!/usr/bin/env bash
# Robustness of input: thousands of generated bad requests spread over every operation of the merged
# OpenAPI document (wrong types, missing fields, huge strings, unknown enum values, malformed JSON, wrong
# content types, negative and huge numbers, invalid dates, path ids that don't exist), as the secretariat
# through the gateway. Prints the answers by status, every 5xx (target: 0), every bad write accepted and
# every resource whose data changed (target: none). Runs the system tests' ApiFuzzIT on its own PostgreSQL,
# Kafka and services (free ports).
#   bench/fuzz.sh [requests=5000] [seed=20231025]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system-test.sh
requests=${1:-5000} seed=${2:-20231025}
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr)"
system_test ApiFuzzIT fuzz -Dkdnet.fuzz.requests="$requests" -Dkdnet.fuzz.seed="$seed"
