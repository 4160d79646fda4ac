#!/usr/bin/env bash
# The live stream: N clients on GET /api/stream through the gateway (member tokens, so each sees decisions), then
# decisions recorded one at a time; prints p50/p99 from each decision's commit (its event's time) to its arrival at
# every client (target: p99 under 250 ms for 500 clients), and the gateway's RSS per 100 streams.
#   bench/stream.sh [clients=500] [decisions=10]
# AS_BUILT=1 starts the packages as they are (./kdnet up --as-built: no AOT caches, which only shorten start-up).
clients=${1:-500} decisions=${2:-10}
source "$(dirname "$0")/lib.sh"
# One load generator holds every stream: lift the per-client limit of streams for the bench stack.
export KDNET_STREAM_MAX_PER_CLIENT=$((clients + 10))
start_stack --fresh ${AS_BUILT:+--as-built}
auth=(-H "Authorization: Bearer $SECRETARIAT" -H 'Content-Type: application/json')
body=8d799b49-b40f-3350-968d-c8a27856ec84   # KD-Net (ReferenceIds.body("kdnet"))

echo "== a held meeting with $decisions items"
meeting=$(curl -sf "${auth[@]}" -X POST "$GATEWAY/api/meetings" -d "{\"bodyId\":\"$body\",\"title\":\"Strømmens møde\",
  \"kind\":\"ORDINARY\",\"startsAt\":\"2031-03-06T10:00:00+01:00\",\"endsAt\":\"2031-03-06T13:00:00+01:00\",
  \"location\":{\"kind\":\"PLACE\",\"place\":\"Scandic Silkeborg\"}}" | jq -r .id)
items=()
for i in $(seq 1 "$decisions"); do
  items+=("$(curl -sf "${auth[@]}" -X POST "$GATEWAY/api/meetings/$meeting/items" -d "{\"title\":\"Punkt $i\"}" | jq -r .id)")
done
curl -sf -o /dev/null "${auth[@]}" -X POST "$GATEWAY/api/meetings/$meeting/publish-agenda"
curl -sf -o /dev/null "${auth[@]}" -X POST "$GATEWAY/api/meetings/$meeting/hold"
gateway_pid=$(ss -ltnpH "sport = :$KDNET_GATEWAY_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)

await_quiet
echo "== load average before measuring: $(cut -d" " -f1-3 /proc/loadavg)"
"$java" bench/StreamClients.java "$GATEWAY" "$MEMBER" "$SECRETARIAT" "$gateway_pid" "$clients" "${items[@]}"
