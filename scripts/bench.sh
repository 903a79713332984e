#!/bin/bash
# make bench: boot the baseline (vanilla: 6.1 + test prefix), the patched
# 6.1 and the 6.12 anchor in turn, BENCH_RUNS times each (round robin, so
# that drift of the host hits all three alike), run the "bench" guest job,
# and write results/bench.md, results/bench.json and results/throughput.png.
# Usage: bench.sh [KEY=VALUE...]   (guest job arguments, as wb.KEY=VALUE)
set -eu
. "$(dirname "$0")/lib.sh"

runs=$(cfg BENCH_RUNS)
kernels="vanilla patched anchor"
rm -f "$build"/results/bench-*.json
for i in $(seq 1 "$runs"); do
	for k in $kernels; do
		LOG_NAME=bench-$k-$i "$top/scripts/run-job.sh" "$k" bench "$@" ||
			echo "bench: $k run $i had failures (see above); its numbers are kept and marked"
	done
done
note=""
if [ "$(git -C "$series_src" rev-parse baseline)" = "$(git -C "$series_src" rev-parse HEAD)" ]; then
	note="The series has no allocator patch yet: patched 6.1 is the baseline tree, so every patched/baseline ratio is run-to-run noise."
fi
"$top/scripts/bench.py" --accel "$("$top/scripts/accel.sh")" \
	--vcpus "$(cfg VCPUS)" --mem "$(cfg MEM)" --args "$*" --note "$note" \
	--out "$top/results" "$build"/results/bench-*.json
