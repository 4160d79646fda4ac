# Shared by the benchmark scripts: source it, then call start_stack. Its own stack on other ports
# than ./kdnet up's (so both can run), stopped when the script exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export KDNET_GATEWAY_PORT=18080 KDNET_GROUPS_PORT=18081 KDNET_MEETINGS_PORT=18082 KDNET_ECONOMY_PORT=18083
# notifications-service (KdnetStack.Service.SUBSCRIPTIONS): without it, it would take ./kdnet up's 8084.
export KDNET_SUBSCRIPTIONS_PORT=18084
export KDNET_PG_PORT=25432 KDNET_KAFKA_PORT=29092 KDNET_KAFKA_CONTROLLER_PORT=29093
# A load generator is one client: lift the gateway's per-client rate limit for the bench stack.
export KDNET_GATEWAY_RATE_LIMIT_REQUESTS=1000000000
GATEWAY=http://127.0.0.1:$KDNET_GATEWAY_PORT

need_wrk() {
  command -v wrk >/dev/null && return
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null); fi
  command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)"; exit 1; }
}

# start_stack [--fresh]: ./kdnet up in the background; waits until it is running.
start_stack() {
  # A stack stopped a moment ago may still be letting go of its ports.
  for _ in $(seq 1 60); do
    ss -ltn | grep -q -E ":($KDNET_PG_PORT|$KDNET_KAFKA_PORT|$KDNET_GATEWAY_PORT) " || break
    sleep 0.5
  done
  stack_log=$(mktemp)
  setsid ./kdnet up "$@" > "$stack_log" 2>&1 &
  stack=$!
  trap 'kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -f "$stack_log"' EXIT
  for _ in $(seq 1 600); do
    grep -q "KD-Net is running" "$stack_log" && break
    kill -0 $stack 2>/dev/null || { cat "$stack_log"; exit 1; }
    sleep 0.5
  done
  java=$(readlink -f /proc/$stack/exe 2>/dev/null || command -v java)
  SECRETARIAT=$(./kdnet token --role secretariat)
  MEMBER=$(./kdnet token --role member)
  echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr), $("$java" -version 2>&1 | head -n 1)"
}

# measure NAME URL [seconds] [extra wrk args...]: wrk after an equally long warm-up, one row per
# concurrency: 1 connection (the latency of one caller) and 8 (the machine under load).
measure() {
  local name=$1 url=$2 duration=${3:-10}
  shift 3 || shift $#
  local connections out
  for connections in 1 8; do
    wrk -t1 -c$connections -d${duration}s "$@" "$url" > /dev/null
    out=$(wrk -t1 -c$connections -d${duration}s --latency "$@" "$url")
    printf '%-44s %4s %10s %10s %10s %8s\n' "$name" "$connections" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
      "$(echo "$out" | awk '/Non-2xx/ {print $5}')"
  done
}

# await_quiet: waits (at most 3 minutes) until the machine is at least 85% idle for 3 seconds in a row, so what
# a setup left running (relays still publishing the events of a seeding) is not measured with the figure. One
# quiet second was not enough: it came between two of a relay's batches.
await_quiet() {
  local waited=0 quiet=0 idle total idle2 total2
  while [ $waited -lt 180 ] && [ $quiet -lt 3 ]; do
    read -r idle total < <(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
    sleep 1
    read -r idle2 total2 < <(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
    waited=$((waited + 1))
    if [ $(( (idle2 - idle) * 100 )) -ge $(( (total2 - total) * 85 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
  done
  echo "== waited ${waited} s for the machine to go quiet" >&2
}

measure_header() {
  echo "== load average before measuring: $(cut -d" " -f1-3 /proc/loadavg)"
  printf '%-44s %4s %10s %10s %10s %8s\n' what conn req_s p50 p99 non2xx
}

# read_bench PEER...: what the read benches (foundation, layers) need before their stack: wrk, the JDK, and the
# peers under bench/ they measure beside the product.
read_bench() {
  local peer
  need_wrk
  source local/jdk.sh
  pick_java
  for peer in "$@"; do package_peer $peer; done
}

# package_peer NAME: builds bench/NAME (a peer measured beside the product, not part of it); offline if it can.
package_peer() {
  ./mvnw -B -o -q -f bench/$1/pom.xml package -DskipTests 2>/dev/null || ./mvnw -B -q -f bench/$1/pom.xml package -DskipTests
}

# The pid listening on a port; a process's CPU ticks so far (user + system).
listener() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }
cpu_ticks() { awk '{print $14 + $15}' /proc/$1/stat; }

# service_instance MODULE PORT FLAGS...: a second instance, as ./kdnet up launches it, on the stack's databases;
# its pid in $instance. MODULE baseline or proxy: the peer under bench/ (ready once it reads $aarhus). $app: another
# package of MODULE (its directory under target/).
service_instance() {
  local module=$1 port=$2 dir=$1/target/${app:-quarkus-app} ready=/q/health/ready; shift 2
  case $module in baseline | proxy) dir=bench/$module/target/quarkus-app; ready=/api/groups/organizations/$aarhus ;; esac
  (cd $dir && \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$KDNET_PG_PORT/${db:-${module%-service}} QUARKUS_DATASOURCE_USERNAME=kdnet \
  QUARKUS_DATASOURCE_PASSWORD=kdnet KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KDNET_KAFKA_PORT \
  KDNET_GATEWAY_SERVICES_GROUPS=http://127.0.0.1:$KDNET_GROUPS_PORT KDNET_GATEWAY_SERVICES_MEETINGS=http://127.0.0.1:$KDNET_MEETINGS_PORT \
  KDNET_GATEWAY_SERVICES_ECONOMY=http://127.0.0.1:$KDNET_ECONOMY_PORT UPSTREAM_PORT=$KDNET_GROUPS_PORT \
    exec "$java" "$@" -Dquarkus.http.port=$port -jar quarkus-run.jar > /dev/null 2>&1) &
  instance=$!
  local tries=0
  until curl -sf -o /dev/null http://127.0.0.1:$port$ready; do
    tries=$((tries + 1))
    kill -0 $instance 2>/dev/null && [ $tries -lt 1200 ] || { echo "$module did not get ready on $port$ready"; kill $instance; exit 1; }
    sleep 0.05
  done
}

# paired NAME URL PID OTHER OTHER_URL OTHER_PID [pairs] [seconds]: throughput of NAME against OTHER at 16 connections
# in short back-to-back pairs, the order turning each pair (A B, B A, ...) so that neither side always runs on the
# machine the other warmed or heated; one row per pair with its ratio and each side's CPU per request (of PID and
# OTHER_PID), then the median ratio and the range. A pair's two runs are seconds apart, so the machine's drift, which
# moved whole 15 s rounds by up to 30%, mostly cancels within a pair; the median keeps a disturbed pair from moving
# the figure.
paired() {
  local name=$1 url=$2 pid=$3 other=$4 other_url=$5 other_pid=$6 pairs=${7:-10} seconds=${8:-5}
  local tick pair side out requests c0 c1 rps_a rps_b cpu_a cpu_b rows refused=""
  tick=$(getconf CLK_TCK)
  printf '%-5s %10s %10s %7s %12s %12s\n' pair "$name" "$other" ratio "cpu_ms_$name" "cpu_ms_$other"
  rows=$(mktemp)
  for pair in $(seq 1 $pairs); do
    for side in $([ $((pair % 2)) = 1 ] && echo a b || echo b a); do
      local u=$url p=$pid
      [ $side = b ] && u=$other_url p=$other_pid
      c0=$(cpu_ticks $p)
      out=$(wrk -t2 -c16 -d${seconds}s "$u")
      c1=$(cpu_ticks $p)
      [ -z "$(echo "$out" | awk '/Non-2xx/ {print $5}')" ] || refused="$refused $u"
      requests=$(echo "$out" | awk '/requests in/ {print $1}')
      printf -v "rps_$side" '%s' "$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
      printf -v "cpu_$side" '%s' "$(awk -v c=$((c1 - c0)) -v n=$requests -v t=$tick 'BEGIN {printf "%.3f", c * 1000 / t / n}')"
    done
    awk -v a=$rps_a -v b=$rps_b -v p=$pair -v ca=$cpu_a -v cb=$cpu_b \
      'BEGIN {printf "%-5s %10.0f %10.0f %7.2f %12s %12s\n", p, a, b, a / b, ca, cb}'
    # A pair with an answer that was not 2xx is not comparable: shown, left out of the median.
    if [ -n "$refused" ]; then echo "  ^ not every answer was 2xx ($refused): left out"; refused=""; continue; fi
    echo "$rps_a $rps_b $cpu_a $cpu_b" >> "$rows"
  done
  awk -v name="$name" -v other="$other" -v s=$seconds '
    function median(x, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
      return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
    }
    {r[NR] = $1 / $2; ca[NR] = $3; cb[NR] = $4}
    END {
      if (NR == 0) { printf "%s/%s throughput: none (every pair had answers that were not 2xx)\n", name, other; exit }
      m = median(r, NR); low = r[1]; high = r[NR];
      printf "%s/%s throughput: %.2f (median of %d pairs of %d s, range %.2f-%.2f)\n", name, other, m, NR, s, low, high;
      printf "CPU per request (medians): %s %.3f ms, %s %.3f ms\n", name, median(ca, NR), other, median(cb, NR);
    }' "$rows"
  rm -f "$rows"
}
