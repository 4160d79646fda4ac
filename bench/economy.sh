#!/usr/bin/env bash
# economy-service benchmarks, rerunnable, on its own stack:
#  - recalculation: N approved schemes of 19 members each, split by population on 2025-01-01 with a
#    fixed total (so every one of the N x 19 charges changes), then ONE population figure recorded in
#    groups-service; time from that POST until the last scheme's charge has changed, read through
#    the gateway (event -> economy -> charges). Target <= 5 s for 1,000 schemes; also 10,000.
#  - a scenario on one scheme (POST /api/economy/schemes/{id}/scenarios): target p99 <= 20 ms.
#  - the statements: the letter (PDF) of each of the 19 municipalities for 2023, one after another through the
#    gateway, as the secretariat sends them. Target: all 19 in under 5 s.
#   bench/economy.sh [scheme counts...]   (default: 1000 10000)
#   bench/economy.sh statements           (the statements only)
#   BENCH_AS_BUILT=1 bench/economy.sh ...  (start the packages ./mvnw package built, instead of building)
counts=("${@:-1000 10000}")
[ $# -eq 0 ] && counts=(1000 10000)
[ "$1" = statements ] && counts=()
source "$(dirname "$0")/lib.sh"
[ ${#counts[@]} -gt 0 ] && need_wrk
start_stack --fresh ${BENCH_AS_BUILT:+--as-built}
auth=(-H "Authorization: Bearer $SECRETARIAT" -H 'Content-Type: application/json')
slugs=(aarhus randers horsens herning silkeborg viborg skanderborg holstebro ringkobing-skjern favrskov hedensted
  skive syddjurs ikast-brande norddjurs odder struer lemvig samso)
uuid() { python3 -c "import uuid,hashlib,sys;print(uuid.UUID(bytes=hashlib.md5(('kdnet:organization:'+sys.argv[1]).encode()).digest(),version=3))" "$1"; }
members=""
for slug in "${slugs[@]}"; do
  id=$(uuid "$slug"); ids+=("$id")
  # Approved with a population each; the read model's figure for the scheme's date, once recorded, wins.
  members+="${members:+,}{\"organizationId\":\"$id\",\"population\":25000}"
done
aarhus=${ids[0]}
scheme_json() {
  echo "{\"ownerKind\":\"BODY\",\"ownerId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"name\":\"Bench $1\",\"year\":2024,
   \"budgetMode\":\"FIXED_TOTAL\",\"rounding\":\"HALF_UP\",\"sharedTotal\":1000000,\"components\":[{\"kind\":\"BY_POPULATION\",
   \"percent\":100,\"referenceDate\":\"2025-01-01\"}],\"members\":[$members]}"
}
seed_one() {
  local scheme
  scheme=$(curl -s "${auth[@]}" -X POST "$GATEWAY/api/economy/schemes" -d "$(scheme_json "$1")" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s -o /dev/null "${auth[@]}" -X POST "$GATEWAY/api/economy/schemes/$scheme/approve" -d '{}'
  echo "$scheme"
}
export -f seed_one scheme_json
export GATEWAY members SECRETARIAT
auth_header="Authorization: Bearer $SECRETARIAT"
export auth_header
created=1
[ ${#counts[@]} -gt 0 ] && probe=$(seed_one 1 | tail -1)
round=-1
[ ${#counts[@]} -gt 0 ] && printf '%-10s %12s %16s\n' schemes seeding_s recalculated_s
for target in "${counts[@]}"; do
  seed_start=$(date +%s)
  # Four at a time: seeding is not what is measured.
  seq $((created + 1)) "$target" | xargs -P 4 -I{} bash -c \
    'auth=(-H "$auth_header" -H "Content-Type: application/json"); seed_one {} > /dev/null'
  created=$target
  seeded=$(( $(date +%s) - seed_start ))
  # The update: the first figure on the schemes' date for the next municipality (a figure is never
  # recorded twice for one date).
  round=$((round + 1)); updated=${ids[$round]}
  before=$(curl -s "$GATEWAY/api/economy/charges?scheme=$probe&organization=$aarhus" | grep -o '"amount":[0-9.]*' | head -1)
  await_quiet
  start=$(date +%s%N)
  curl -s -o /dev/null "${auth[@]}" -X POST "$GATEWAY/api/groups/organizations/$updated/populations" \
    -d '{"referenceDate":"2025-01-01","count":40000,"source":"bench"}'
  until [ "$(curl -s "$GATEWAY/api/economy/charges?scheme=$probe&organization=$aarhus" | grep -o '"amount":[0-9.]*' | head -1)" != "$before" ]; do
    sleep 0.05
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 600 ] && { echo "no recalculation within 10 minutes"; exit 1; }
  done
  printf '%-10s %12s %16.2f\n' "$created" "$seeded" "$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN {print ns / 1e9}')"
done

statements() {
  await_quiet
  local start bytes=0 size
  # The first letter loads the fonts and warms the service: one before the clock starts.
  curl -sf -o /dev/null -H "Authorization: Bearer $SECRETARIAT" "$GATEWAY/api/economy/statements/$aarhus/2023.pdf"
  start=$(date +%s%N)
  for id in "${ids[@]}"; do
    size=$(curl -sf -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $SECRETARIAT" \
      "$GATEWAY/api/economy/statements/$id/2023.pdf") || { echo "statement of $id failed"; exit 1; }
    bytes=$((bytes + size))
  done
  printf 'statements: %d letters (PDF, %d kB in all) for 2023 in %.2f s; target < 5 s\n' "${#ids[@]}" \
    $((bytes / 1024)) "$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN {print ns / 1e9}')"
}
if [ ${#counts[@]} -eq 0 ]; then
  statements
  exit 0
fi

lua=$(mktemp --suffix=.lua)
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $SECRETARIAT"
wrk.body = '{"changes":[{"type":"LEAVE","organizationId":"$(uuid hedensted)","on":"2024-01-01"},{"type":"MODE","budgetMode":"FIXED_TOTAL"}]}'
LUA
await_quiet
measure_header
measure "scenario on GovTech 2024 (17 members)" "$GATEWAY/api/economy/schemes/1f366afa-fe95-301f-9ffa-37cfc6a7ee71/scenarios" 10 -s "$lua"
rm -f "$lua"
echo "targets: 1,000 schemes recalculated <= 5 s; scenario p99 <= 20 ms"
statements
