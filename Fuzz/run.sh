#!/usr/bin/env bash
# Builds the libFuzzer targets (with address sanitizer) and runs each for SECONDS (default 300).
# Seeds: Fuzz/corpus/<target>/. Findings are written to .build/fuzz/findings/<target>/; turn each
# into a regression test. Needs only the Swift toolchain (libFuzzer ships with it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
out=.build/fuzz
mkdir -p "$out"
sources=$(find Sources/Bestand -name '*.swift' | sort)
# The C functions of BestandNative, with a module map so that the library can import them.
mkdir -p "$out/native"
printf 'module BestandNative {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/BestandNative/include/BestandNative.h" \
    > "$out/native/module.modulemap"
natives=()
for file in Sources/BestandNative/*.c; do
    clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/BestandNative/include -c "$file" \
        -o "$out/native/$(basename "$file" .c).o"
    natives+=("$out/native/$(basename "$file" .c).o")
done
# The library as one instrumented module, then each target on top of it.
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Bestand -emit-module \
    -emit-module-path "$out/Bestand.swiftmodule" -package-name bestand -I "$out/native" -c $sources -wmo \
    -o "$out/Bestand.o"
for target in FuzzValues FuzzIngest; do
    swiftc -O -sanitize=fuzzer,address -parse-as-library -package-name bestand -I "$out" -I "$out/native" \
        "Fuzz/$target.swift" "$out/Bestand.o" "${natives[@]}" -o "$out/$target" 2>&1 | grep -v "ld.gold: warning" || true
    mkdir -p "$out/findings/$target" "$out/corpus/$target"
    cp -n Fuzz/corpus/"$target"/* "$out/corpus/$target/" 2>/dev/null || true
    echo "== $target: $seconds s"
    "$out/$target" -max_total_time="$seconds" -max_len=4096 -artifact_prefix="$out/findings/$target/" \
        -print_final_stats=1 "$out/corpus/$target" 2>&1 | grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY|crash-|Done" || true
done
