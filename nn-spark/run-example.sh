#!/usr/bin/env bash
# Runs nn-spark's example with plain `java`: trains the MNIST autoencoder on Spark by parameter averaging and encodes
# the test images through Spark. Needs Java 17 and Maven only: Spark comes from Maven Central, like every other
# dependency, and the first run builds what is missing.
#   nn-spark/run-example.sh --master 'local[2]'            (--help lists the options)
# JAVA_OPTS adds JVM options (e.g. -Xmx8g); NN4J_REBUILD=1 forces a rebuild.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/nn-spark/target"

stale() {
  [[ "${NN4J_REBUILD:-0}" == 1 ]] && return 0
  local jar
  jar="$(ls "$target"/nn-spark-*-example.jar 2>/dev/null | head -n 1)"
  [[ -n "$jar" && -f "$target/spark-classpath.txt" && -f "$target/spark-jvm.args" ]] || return 0
  [[ -n "$(find "$root" -path "$root/.git" -prune -o \( -name pom.xml -o -path '*/src/main/*' -o -path '*/src/example/*' \) \
      -newer "$jar" -print -quit)" ]]
}

if stale; then
  echo "nn-spark: building with Maven (first run or sources changed)..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl nn-spark -am package) >&2
fi

jar="$(ls "$target"/nn-spark-*-example.jar | head -n 1)"
# The Vector API module gives the pure backend its SIMD kernels, the trap limit keeps them allocation-free (README,
# "Library users"); spark-jvm.args holds the --add-opens flags Spark needs on Java 17 (nn-spark/pom.xml).
# shellcheck disable=SC2046
exec java \
  --add-modules jdk.incubator.vector \
  -XX:PerMethodTrapLimit=10000 \
  $(cat "$target/spark-jvm.args") \
  "-Dlog4j2.configurationFile=$root/nn-spark/src/example/log4j2.properties" \
  ${JAVA_OPTS:-} \
  -cp "$jar:$(cat "$target/spark-classpath.txt")" \
  io.github.nn4j.spark.example.MnistAutoencoderOnSpark "$@"
