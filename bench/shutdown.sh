#!/usr/bin/env bash
# How long each process of the stack takes to stop on SIGTERM (as Kubernetes stops a pod): ./kdnet up's stack on the
# bench ports, quiet, then SIGTERM to the gateway and to each service in turn, each timed from the signal until its
# process is gone, with the time Quarkus logged for its own shutdown. In-flight requests may take up to
# quarkus.shutdown.timeout (20 s); an idle service should be gone in about a second.
#   BENCH_AS_BUILT=1 bench/shutdown.sh   (start the packages ./mvnw package built, instead of building)
source "$(dirname "$0")/lib.sh"
start_stack --fresh ${BENCH_AS_BUILT:+--as-built}
await_quiet

# The pid listening on a port (the service's JVM itself, not the launcher).
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true; }
# Gone, or a zombie its parent (the launcher) has not reaped yet.
alive() { [ -e /proc/$1 ] && ! grep -q '^[0-9]* ([^)]*) Z' /proc/$1/stat 2>/dev/null; }

printf '%-24s %10s %16s\n' process sigterm_ms quarkus_stopped
for entry in gateway:$KDNET_GATEWAY_PORT groups-service:$KDNET_GROUPS_PORT meetings-service:$KDNET_MEETINGS_PORT \
    economy-service:$KDNET_ECONOMY_PORT notifications-service:$KDNET_SUBSCRIPTIONS_PORT; do
  name=${entry%%:*} port=${entry##*:}
  pid=$(pid_on "$port")
  [ -n "$pid" ] || { echo "bench: nothing listens on $port ($name)"; exit 1; }
  started=$(date +%s%N)
  kill -TERM "$pid"
  while alive "$pid"; do sleep 0.01; done
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  stopped=$(grep -a -o 'stopped in [0-9.]*s' ".kdnet/logs/$name.log" | tail -n 1 | cut -d' ' -f3 || true)
  printf '%-24s %10s %16s\n' "$name" "$elapsed" "${stopped:-?}"
done
