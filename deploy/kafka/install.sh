#!/usr/bin/env bash
# Copy a Kafka broker and its runtime classpath from Maven Central into .local/kafka/libs.
# The version is pinned in deploy/kafka/pom.xml. Needs Java 17+ and Maven; runs once.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
libs="$root/.local/kafka/libs"
stamp="$libs/.installed-$(sha256sum "$root/deploy/kafka/pom.xml" | cut -c1-16)"

if [[ -f "$stamp" ]]; then
  exit 0
fi
for tool in java mvn; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: '$tool' not found; install a Java 17+ JDK and Maven (Debian: apt-get install openjdk-17-jdk-headless maven)" >&2
    exit 1
  fi
done

rm -rf "$libs"
mkdir -p "$libs"
echo "installing Kafka jars into $libs"
log="$root/.local/kafka/install.log"
# Maven's output goes to a log, shown only on failure, so it cannot clutter `make run`.
if ! mvn -q -B -f "$root/deploy/kafka/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$libs" >"$log" 2>&1; then
  cat "$log" >&2
  echo "error: fetching the Kafka jars failed (log: $log); check that Maven Central is reachable" >&2
  exit 1
fi
touch "$stamp"
