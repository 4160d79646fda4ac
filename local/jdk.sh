# Sourced by ./kdnet, .ci/run and bench/: the default java may be older than 21, so take a JDK 21+
# from JAVA_HOME, the java on PATH or /usr/lib/jvm, and export JAVA_HOME and PATH for it (and JAVA_FEATURE, e.g. 25).
pick_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export JAVA_FEATURE="${version%%.*}"
      export PATH="$JAVA_HOME/bin:$PATH"
      # Maven's own libraries (jansi, guava) use native access and sun.misc.Unsafe: JDK 24+ warns on every build.
      if [ "$JAVA_FEATURE" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
      fi
      return 0
    fi
  done
  echo "needs a JDK 21 or newer; set JAVA_HOME to one" >&2
  exit 1
}
