#!/usr/bin/env bash
# Checks whether C2 keeps each SIMD GEMM micro-kernel's inner loop in registers (x86-64 only): runs the pure backend
# with each kernel shape forced, prints the compiled multiply() with -XX:+PrintAssembly (as hex: no hsdis plugin
# needed), disassembles it with objdump and counts the stack accesses in the loop that holds the FMAs.
# Needs the benchmarks jar (nn-benchmarks/run.sh builds it), objdump (binutils) and python3.
# Usage: nn-benchmarks/spill-check/spill-check.sh [JVM options...]   e.g. -XX:UseAVX=2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "spill-check: build the benchmarks jar first (nn-benchmarks/run.sh does)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for shape in 4x2 6x2 4x3 8x2 8x3 12x2; do
  java --add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=10000 "$@" \
    -Dnn4j.pure.gemmKernel="$shape" -Dnn4j.pure.threads=1 -XX:+UnlockDiagnosticVMOptions \
    -XX:CompileCommand=print,io.github.nn4j.backend.pure.simd.VectorFloatMicroKernel"$shape"::multiply \
    -cp "$jar" "$here/SpillDriver.java" > "$out/print.txt" 2>&1
  echo "$shape ($(grep -o 'Vector API [0-9]*-bit' "$out/print.txt" | head -1)): $(python3 "$here/inner_loop.py" "$out/print.txt")"
done
