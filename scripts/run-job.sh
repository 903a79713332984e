#!/bin/bash
# Boot a flavour, run one guest job, parse its console log and judge it.
# Usage: run-job.sh FLAVOUR JOB [KEY=VALUE...]
# Writes build/results/<flavour>-<job>.json; prints the judge's PASS/FAIL
# lines and, for a failed run, the splats with their context.
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
job=$2
shift 2
mkdir -p "$build/results"
json=$build/results/${LOG_NAME:-$flavour-$job}.json

start=$(date +%s)
log=$("$top/scripts/boot.sh" "$flavour" "$job" "$@") || true
[ -n "$log" ] || log=$build/logs/${LOG_NAME:-$flavour-$job}.log
echo "boot $flavour/$job: $(($(date +%s) - start))s, log $log"
opts=(-o "$json")
# The planted splats of these jobs are expected: judge.py checks them.
case $job in negative | badinput) opts+=(--quiet) ;; esac
"$top/scripts/parse_log.py" "${opts[@]}" "$log" || true
"$top/scripts/judge.py" "$job" "$json"
