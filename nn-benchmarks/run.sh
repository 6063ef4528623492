#!/usr/bin/env bash
# nn4j benchmarks: builds the JMH jar when needed, runs a profile, and writes
#   nn-benchmarks/results/results.md       Markdown tables (median ± error, ratio to the fastest, GFLOP/s, B/op)
#   nn-benchmarks/results/jmh-result.json  JMH's raw JSON
#
# Usage: nn-benchmarks/run.sh [--profile short|long|smoke|none] [--out DIR] [JMH options and benchmark regexps]
#   nn-benchmarks/run.sh                                # every benchmark, short profile (about 11 min)
#   nn-benchmarks/run.sh Sgemm -p backend=pure,nd4j     # a subset
#   nn-benchmarks/run.sh --profile none -f 2 -wi 5 -i 10 -prof gc   # your own JMH options
# Profiles (JMH options; give one of these options yourself only with --profile none):
#   short  -f 1 -wi 1 -w 2s -i 3 -r 1s -prof gc   the documented profile; single-shot benchmarks (epoch, XOR)
#                                                 run 1 warm-up + 3 measured times
#   long   -f 2 -wi 3 -w 2s -i 5 -r 2s -prof gc   about 5x longer (roughly 40 min), tighter errors
#   smoke  -f 1 -wi 1 -w 200ms -i 1 -r 200ms      checks that everything runs; the numbers mean little
# Environment: OMP_NUM_THREADS and OPENBLAS_NUM_THREADS default to 1, as ./nn4j sets them for the app; set
# them empty (OMP_NUM_THREADS= OPENBLAS_NUM_THREADS=) to let the nd4j backend choose (DL4J always runs with one
# OpenMP and one OpenBLAS thread, its fastest setting here; see README). NN4J_DATA points to MNIST (default
# ../shared/data/mnist from the project root; synthetic images otherwise). NN4J_SKIP_BUILD=1 uses the existing
# jar as it is.
set -euo pipefail

module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$module")"
jar="$module/target/benchmarks.jar"

profile=short
out="$module/results"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="${2:?--profile needs a value}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

case "$profile" in
  short) jmh_profile=(-f 1 -wi 1 -w 2s -i 3 -r 1s -prof gc) ;;
  long) jmh_profile=(-f 2 -wi 3 -w 2s -i 5 -r 2s -prof gc) ;;
  smoke) jmh_profile=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms) ;;
  none) jmh_profile=() ;;
  *) echo "run.sh: unknown profile '$profile' (short, long, smoke or none)" >&2; exit 2 ;;
esac

needs_build() {
  [[ "${NN4J_SKIP_BUILD:-0}" == 1 ]] && return 1
  [[ -f "$jar" ]] || return 0
  # stale when a pom or a main source of this module or of a module it uses changed after the jar was built
  [[ -n "$(find "$root/pom.xml" "$root"/nn-api "$root"/nn-backend-* "$root"/nn-datasets "$root"/nn-models "$module" \
      \( -name target -prune \) -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  echo "run.sh: building the benchmarks jar with Maven..." >&2
  (cd "$root" && mvn -B -q -DskipTests -Dmaven.source.skip -Dmaven.javadoc.skip -pl nn-benchmarks -am package) >&2
fi

export OMP_NUM_THREADS="${OMP_NUM_THREADS-1}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS-1}"

# From the project root, so that MNIST is found at ../shared/data/mnist as the app finds it.
cd "$root"
exec java --add-modules=jdk.incubator.vector -Xss16m -cp "$jar" \
  io.github.nn4j.benchmarks.reporting.BenchmarkMain \
  --out "$out" --command "nn-benchmarks/run.sh --profile $profile${args[*]:+ ${args[*]}}" \
  "${jmh_profile[@]}" ${args[@]+"${args[@]}"}
