#!/usr/bin/env bash
# Documents of meetings-service, rerunnable: generates the agenda and minutes PDFs of the reference meetings
# (agenda 25 Aug 2023, minutes 2 Jun 2023) and a 20-item agenda listing 30 attachments in MeetingPdfTest
# (real PostgreSQL and Kafka from common/testing; PDFs land in meetings-service/target/documents), prints the
# time to generate and fetch that 20-item agenda (target < 1 s), and renders the first page of each
# reference PDF to docs/agenda.png and docs/minutes.png with pdftoppm (poppler-utils, installed if missing).
#   bench/documents.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:-"--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"}

if ! command -v pdftoppm > /dev/null; then
  echo "== installing poppler-utils (pdftoppm)"
  apt-get install -y -q poppler-utils > /dev/null 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q poppler-utils > /dev/null; }
fi

out=meetings-service/target/documents
rm -rf "$out"
echo "== generating the PDFs (MeetingPdfTest)"
./mvnw -o -B -q verify -pl meetings-service -Dtest=MeetingPdfTest -Dsurefire.failIfNoSpecifiedTests=false

echo "== 20-item agenda, 30 attachments listed (best of 3 after warm-up, HTTP included)"
cat "$out/timing.txt"

mkdir -p docs
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/agenda-2023-08-25.pdf" docs/agenda
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/minutes-2023-06-02.pdf" docs/minutes
for document in "$out"/*.pdf; do
  printf '%-28s %3s pages %7s bytes\n' "$(basename "$document")" \
    "$(pdfinfo "$document" | awk '/^Pages:/ {print $2}')" "$(stat -c %s "$document")"
done
echo "== first pages: docs/agenda.png docs/minutes.png"
