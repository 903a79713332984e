#!/bin/bash
# Run the parser's self-tests; one PASS/FAIL line per test case.
set -eu
cd "$(dirname "$0")"
out=$(python3 -m unittest -v test_parse_log 2>&1) || true
printf '%s\n' "$out" | sed -n -E \
	-e 's/^(test_[a-z_]+) \(test_parse_log\.([A-Za-z]+)[^)]*\).*\.\.\. ok$/PASS parser \2.\1/p' \
	-e 's/^(test_[a-z_]+) \(test_parse_log\.([A-Za-z]+)[^)]*\).*\.\.\. (FAIL|ERROR)$/FAIL parser \2.\1/p'
if ! printf '%s\n' "$out" | tail -n 1 | grep -qx OK; then
	printf '%s\n' "$out" | sed 's/^/    /'
	exit 1
fi
