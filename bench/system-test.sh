# Sourced by the bench scripts that run one of the property-gated system tests on its own PostgreSQL, Kafka,
# packaged services and gateway (free ports): system_test CLASS PREFIX [-Dproperty=value ...] runs it, prints
# the lines it wrote that start with "PREFIX: " and answers its exit status (Maven's output stays in
# system-tests/target/PREFIX.log when it failed).
source local/jdk.sh
pick_java

system_test() {
  local test=$1 prefix=$2 status=0
  shift 2
  for module in groups-service meetings-service economy-service notifications-service gateway; do
    [ -f $module/target/quarkus-app/quarkus-run.jar ] || { ./mvnw -o -B -q package -DskipTests; break; }
  done
  local reports=system-tests/target/failsafe-reports
  mkdir -p system-tests/target && rm -f "$reports/TEST-dk.kdnet.system.$test.xml" "$reports/dk.kdnet.system.$test-output.txt"
  ./mvnw -o -B -q verify -pl local,common/testing,system-tests -Dit.test="$test" -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false "$@" > "system-tests/target/$prefix.log" 2>&1 || status=$?
  grep -a -o -h "$prefix: .*" "$reports/dk.kdnet.system.$test-output.txt" 2>/dev/null \
    || grep -a -o "$prefix: .*" "$reports/TEST-dk.kdnet.system.$test.xml" || true
  if [ $status -eq 0 ]; then
    rm -f "system-tests/target/$prefix.log"
  else
    echo "== FAILED (exit $status); Maven's output: system-tests/target/$prefix.log"
  fi
  return $status
}
