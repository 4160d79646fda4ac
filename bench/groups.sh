#!/usr/bin/env bash
# groups-service benchmark, rerunnable: who sat in a body on a date, for a body with 10 years of
# history. Sets up a new body (2015-2024) with 500 membership rows through the gateway: 25 seats, each
# held by a line of people who join, change role every half year (MEMBER/OBSERVER, one CHAIR seat,
# one VICE_CHAIR seat) and leave; then GET /api/groups/bodies/{id}/members?on=<date> with wrk, the date
# cycling over 40 days spread across the 10 years. Prints req/s, p50 and p99 through the gateway
# (and straight to groups-service, for comparison) against the target p99 <= 10 ms.
#   bench/groups.sh [--fresh] [duration-seconds]   (default 20; --fresh: start from empty local data,
#                                                  e.g. after a migration changed)
fresh=()
[ "${1:-}" = --fresh ] && { fresh=(--fresh); shift; }
duration=${1:-20}
# The per-client rate limit (600/min) guards the public gateway; here one client sends all requests.
export KDNET_GATEWAY_RATE_LIMIT_REQUESTS=1000000000
source "$(dirname "$0")/lib.sh"
need_wrk
start_stack "${fresh[@]}"

api=$GATEWAY/api/groups

# post PATH JSON: POST through the gateway as the secretariat; prints the new resource's id.
post() {
  local out status
  out=$(curl -s -w '\n%{http_code}' -X POST "$api$1" -H "Authorization: Bearer $SECRETARIAT" \
    -H 'Content-Type: application/json' -d "$2")
  status=${out##*$'\n'}
  case $status in 2??) ;; *) echo "bench: POST $1 $2 -> $status ${out%$'\n'*}" >&2; exit 1 ;; esac
  echo "${out%$'\n'*}" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4
}

day_before() { date -u -d "$1 - 1 day" +%F; }

# from PERIOD: first day of the half-year PERIOD (0 = first half of 2015), on the seat's day of the month.
from() { printf '%d-%s-%s' $(( 2015 + $1 / 2 )) $([ $(( $1 % 2 )) = 0 ] && echo 01 || echo 07) "$day"; }

organizations=($(curl -sf "$api/organizations?size=50" | grep -o '"id":"[^"]*","kind":"MUNICIPALITY"' | cut -d'"' -f4))
firsts=(Anna Jens Mette Lars Karen Peter Sofie Niels Camilla Henrik Louise Morten)
lasts=(Holm Skov Dahl Lund Berg Friis Bach Kjær Vinther Mølgaard Brandt Juhl)

started=$(date +%s)
run=$(date -u +%Y%m%dT%H%M%S)
body=$(post /bodies "{\"kind\":\"WORKING_GROUP\",\"name\":\"Benchmark working group $run\",\"shortName\":\"BENCH\",
  \"validFrom\":\"2015-01-01\",\"mandateText\":\"10 years of seats for the members-on-a-date benchmark\"}")

# 25 seats x 20 half-years = 500 rows. A seat is held by a line of people for 1-3 years each (lengths
# from the pattern), each changing role every half year; the last holder of every second seat leaves
# at the end of 2024. Dates fall on a seat-specific day of the month, so seats change on different days.
pattern=(4 6 3 5 2 6 4)
people=0
for seat in $(seq 0 24); do
  case $seat in
    0) roles=(MEMBER CHAIR) ;;
    1) roles=(MEMBER VICE_CHAIR) ;;
    2) roles=(SECRETARY OBSERVER) ;;
    *) roles=(MEMBER OBSERVER) ;;
  esac
  day=$(printf '%02d' $(( seat % 28 + 1 )))
  period=0 tenure=$seat
  while [ $period -lt 20 ]; do
    length=${pattern[$(( tenure % ${#pattern[@]} ))]}
    [ $(( period + length )) -gt 20 ] && length=$(( 20 - period ))
    name="${firsts[$(( people % ${#firsts[@]} ))]} ${lasts[$(( (people / ${#firsts[@]} + seat) % ${#lasts[@]} ))]}"
    organization=${organizations[$(( (seat + tenure) % ${#organizations[@]} ))]}
    person=$(post /persons "{\"name\":\"$name\",\"title\":\"Chef\",\"employerOrganizationId\":\"$organization\"}")
    people=$((people + 1))
    membership=$(post /bodies/$body/members "{\"personId\":\"$person\",\"role\":\"${roles[0]}\",
      \"representingOrganizationId\":\"$organization\",\"validFrom\":\"$(from $period)\"}")
    for i in $(seq 1 $(( length - 1 ))); do
      membership=$(post /bodies/$body/members/$membership/role-change \
        "{\"role\":\"${roles[$(( i % 2 ))]}\",\"on\":\"$(from $(( period + i )))\",\"reason\":\"new role\"}")
    done
    period=$(( period + length ))
    if [ $period -lt 20 ]; then
      post /bodies/$body/members/$membership/end "{\"validTo\":\"$(day_before "$(from $period)")\",\"endReason\":\"left\"}" > /dev/null
    elif [ $(( seat % 2 )) = 1 ]; then
      post /bodies/$body/members/$membership/end "{\"validTo\":\"2024-12-31\",\"endReason\":\"left\"}" > /dev/null
    fi
    tenure=$(( tenure + 1 ))
  done
done
rows=$(curl -sf "$api/bodies/$body/members" | grep -o '"bodyName"' | wc -l)
echo "== body $body: $rows membership rows, $people people, 2015-2024, set up through the gateway in $(( $(date +%s) - started )) s"
printf '   members on: 2015-06-30 %s, 2019-08-14 %s, 2024-12-31 %s, 2025-01-01 %s\n' \
  "$(curl -sf "$api/bodies/$body/members?on=2015-06-30" | grep -o '"bodyName"' | wc -l)" \
  "$(curl -sf "$api/bodies/$body/members?on=2019-08-14" | grep -o '"bodyName"' | wc -l)" \
  "$(curl -sf "$api/bodies/$body/members?on=2024-12-31" | grep -o '"bodyName"' | wc -l)" \
  "$(curl -sf "$api/bodies/$body/members?on=2025-01-01" | grep -o '"bodyName"' | wc -l)"

# 40 dates across the 10 years (every quarter, on a varying day); each wrk thread cycles through them.
dates=""
for q in $(seq 0 39); do
  dates+="\"$(date -u -d "2015-01-01 + $(( q * 3 )) months + $(( q * 7 % 28 )) days" +%F)\","
done
script=$(mktemp --suffix=.lua)
cat > "$script" <<EOF
local dates = {${dates%,}}
local i = 0
request = function()
  i = i % #dates + 1
  return wrk.format("GET", "/api/groups/bodies/$body/members?on=" .. dates[i])
end
EOF

echo "== load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== GET /api/groups/bodies/{id}/members?on=<40 dates>, ${duration}s after ${duration}s warm-up"
measure_header
gateway=$(measure "members on a date, gateway" "$GATEWAY" "$duration" -s "$script")
echo "$gateway"
measure "members on a date, direct to groups" "http://127.0.0.1:$KDNET_GROUPS_PORT" "$duration" -s "$script"
rm -f "$script"

# p99 in ms of a row (what, conn, req/s, p50, p99, ...); wrk prints 850.00us, 3.21ms or 1.02s.
p99_ms() {
  echo "${1:44}" | awk '{ v = $4; n = v + 0; if (v ~ /us$/) n /= 1000; else if (v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}
one=$(p99_ms "$(echo "$gateway" | head -n 1)")
eight=$(p99_ms "$(echo "$gateway" | tail -n 1)")
echo "== target p99 <= 10 ms through the gateway: $one ms with 1 connection, $eight ms with 8" \
  "($(awk -v p="$eight" 'BEGIN { print (p <= 10 ? "met" : "NOT met") }') with 8)"
