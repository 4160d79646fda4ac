#!/usr/bin/env bash
# meetings-service benchmarks through the gateway, rerunnable, on its own stack:
#  - the agenda of a 20-item meeting (GET /api/meetings/{id}/items), target p99 <= 15 ms;
#  - full-text search over 10 years of items (5,000 items in 250 meetings), target p99 <= 50 ms.
#   bench/meetings.sh [seconds]   (default 10)
duration=${1:-10}
source "$(dirname "$0")/lib.sh"
need_wrk
start_stack --fresh
M=$GATEWAY/api/meetings
auth=(-H "Authorization: Bearer $SECRETARIAT" -H 'Content-Type: application/json')
body=f3088e26-fb03-3bfa-8c2e-80f13c53c62f   # KOSU (ReferenceIds.body("kosu"))
words=(budget klima sundhed beskæftigelse digitalisering GovTech udbud uddannelse børn ældre trafik erhverv kultur
  rammeaftale socialområdet hjerterehabilitering samarbejde sekretariat regnskab indstilling)

echo "== seeding 250 meetings x 20 items (10 years) for body $body"
seed_start=$(date +%s)
for m in $(seq 1 250); do
  year=$((2014 + (m - 1) / 25)); month=$(( (m - 1) % 25 / 3 + 1 )); day=$(( (m - 1) % 3 * 9 + 1 ))
  meeting=$(curl -s "${auth[@]}" -X POST "$M" -d "{\"bodyId\":\"$body\",\"title\":\"Møde $m\",\"kind\":\"ORDINARY\",
    \"startsAt\":\"$year-$(printf %02d $month)-$(printf %02d $day)T10:00:00+01:00\",
    \"endsAt\":\"$year-$(printf %02d $month)-$(printf %02d $day)T13:00:00+01:00\",
    \"location\":{\"kind\":\"PLACE\",\"place\":\"Rådhuset\"}}" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  for i in $(seq 1 20); do
    w1=${words[$(( (m * 7 + i) % ${#words[@]} ))]}; w2=${words[$(( (m + i * 3) % ${#words[@]} ))]}
    closed=false; [ $((i % 10)) = 0 ] && closed=true
    curl -s -o /dev/null "${auth[@]}" -X POST "$M/$meeting/items" -d "{\"title\":\"$w1 og $w2 ($m.$i)\",
      \"summary\":\"Status på $w2\",\"recommendation\":[\"at orienteringen om $w1 tages til efterretning\"],
      \"casePresentation\":\"Sagen handler om $w1, $w2 og den videre proces i kommunerne.\",\"closed\":$closed}"
  done
  [ $m = 250 ] && last=$meeting
  curl -s -o /dev/null "${auth[@]}" -X POST "$M/$meeting/publish-agenda"
done
echo "   seeded in $(( $(date +%s) - seed_start )) s"

measure_header
measure "agenda of 20 items, anonymous" "$M/$last/items" "$duration"
measure "agenda of 20 items, member" "$M/$last/items" "$duration" -H "Authorization: Bearer $MEMBER"
measure "search 'GovTech', anonymous" "$M/search?q=GovTech" "$duration"
measure "search 'klima sundhed', member" "$M/search?q=klima%20sundhed" "$duration" -H "Authorization: Bearer $MEMBER"
measure "search 'budget' in body, year 2020" "$M/search?q=budget&body=$body&year=2020" "$duration"
echo "targets: agenda p99 <= 15 ms, search p99 <= 50 ms"
