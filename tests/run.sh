#!/bin/bash
# Run the self-tests of the log parser, the bench tables, the judge, the
# instruction-count report and the page-table report; one PASS/FAIL line
# per test case.
set -eu
cd "$(dirname "$0")"
out=$(python3 -m unittest -v test_parse_log test_bench test_judge test_insn_count test_pagetables 2>&1) || true
printf '%s\n' "$out" | sed -n -E \
	-e 's/^(test_[a-z_]+) \(test_([a-z_]+)\.([A-Za-z]+)[^)]*\).*\.\.\. ok$/PASS \2 \3.\1/p' \
	-e 's/^(test_[a-z_]+) \(test_([a-z_]+)\.([A-Za-z]+)[^)]*\).*\.\.\. (FAIL|ERROR)$/FAIL \2 \3.\1/p'
if ! printf '%s\n' "$out" | tail -n 1 | grep -qx OK; then
	printf '%s\n' "$out" | sed 's/^/    /'
	exit 1
fi
