# Sourced by the bench scripts that run one of the gateway's property-gated tests on its own PostgreSQL,
# Kafka and packaged services (free ports): gateway_test CLASS PREFIX [-Dproperty=value ...] runs it,
# prints the lines it wrote that start with "PREFIX: " and answers its exit status (Maven's output
# stays in gateway/target/PREFIX.log when it failed).
source local/jdk.sh
pick_java

gateway_test() {
  local test=$1 prefix=$2 status=0
  shift 2
  for module in groups-service meetings-service economy-service; do
    [ -f $module/target/quarkus-app/quarkus-run.jar ] || { ./mvnw -o -B -q package -DskipTests; break; }
  done
  mkdir -p gateway/target && rm -f "gateway/target/surefire-reports/TEST-dk.kdnet.gateway.$test.xml"
  ./mvnw -o -B -q verify -pl common/testing,gateway -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    > "gateway/target/$prefix.log" 2>&1 || status=$?
  grep -a -o "$prefix: .*" "gateway/target/surefire-reports/TEST-dk.kdnet.gateway.$test.xml" || true
  if [ $status -eq 0 ]; then
    rm -f "gateway/target/$prefix.log"
  else
    echo "== FAILED (exit $status); Maven's output: gateway/target/$prefix.log"
  fi
  return $status
}
