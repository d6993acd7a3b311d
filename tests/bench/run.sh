#!/usr/bin/env bash
# Runs the benchmark programs on vial and on elixir side by side and prints,
# per benchmark: the checksum check, whole-process times (median of RUNS
# alternated runs each), the whole-process ratio vial/elixir, the work ratio
# ((large - tiny) for vial over the same for elixir, start-up cancelled
# out), and peak RSS (maximum resident set size from /usr/bin/time).
#
# usage: tests/bench/run.sh [FILTER...]
#   FILTER: run only benchmarks whose name contains one of these words
#   env: RUNS (default 5), VIAL (default target/release/vial), ELIXIR
#        (default elixir)
#
# Build first: cargo build --release -p vial-cli
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
VIAL=${VIAL:-$root/target/release/vial}
ELIXIR=${ELIXIR:-elixir}
RUNS=${RUNS:-5}
progs=$here/programs

# name | program | large args | tiny args | vial flags | emulator flags
# (passed to elixir as --erl "FLAGS": +P raises the process limit, +S sets
# the number of schedulers)
benches=(
  "fib_35|fib.exs|35|5||"
  "loop_sum|loop_sum.exs|100000000|10||"
  "enum_pipeline|enum_pipeline.exs|1000000|10||"
  "map_update|map_update.exs|1000000|10||"
  "list_sort|list_sort.exs|2000000|10||"
  "string_build|string_build.exs|200000|10||"
  "spawn_many_100k|spawn_many.exs|100000|10||"
  "spawn_many_1m|spawn_many.exs|1000000|10||+P 2000000"
  "ring|ring.exs|10000 100|10 1||"
  "ping_pong|ping_pong.exs|500000|10||"
  "fan_in|fan_in.exs|4 250000|4 10||"
  "genserver_call|genserver_call.exs|200000|10||"
  "selective_ref_j0|selective_receive.exs|10000 0 ref|10 0 ref||"
  "selective_ref_j10k|selective_receive.exs|10000 10000 ref|10 10000 ref||"
  "selective_tag_j0|selective_receive.exs|10000 0 tag|10 0 tag||"
  "selective_tag_j10k|selective_receive.exs|10000 10000 tag|10 10000 tag||"
  "parallel_fib_s1|parallel_fib.exs|2 35|2 5|--schedulers 1|+S 1"
  "parallel_fib_s2|parallel_fib.exs|2 35|2 5|--schedulers 2|+S 2"
  "supervisor_restart_1k|supervisor_restart.exs|1000|10||"
  "supervisor_restart_10k|supervisor_restart.exs|10000|10||"
)

FILTERS=("$@")
wanted() {
  [ ${#FILTERS[@]} -eq 0 ] && return 0
  for f in "${FILTERS[@]}"; do
    case $1 in *"$f"*) return 0 ;; esac
  done
  return 1
}

# vial_cmd ARGS / elixir_cmd ARGS: the command lines for one benchmark.
vial_cmd() { echo "$VIAL $vflags $prog $1"; }
elixir_cmd() {
  if [ -n "$eflags" ]; then
    echo "$ELIXIR --erl \"$eflags\" $prog $1"
  else
    echo "$ELIXIR $prog $1"
  fi
}

# Wall time of one run in microseconds (output discarded).
wall() {
  local s e
  s=$(date +%s%N)
  (cd "$progs" && eval "$1") >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(((e - s) / 1000))
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print 0; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# Medians (µs) of RUNS alternated runs of two commands: prints "m1 m2".
alternate() {
  local t1=() t2=() i
  for ((i = 0; i < RUNS; i++)); do
    t1+=("$(wall "$1")")
    t2+=("$(wall "$2")")
  done
  echo "$(printf '%s\n' "${t1[@]}" | median) $(printf '%s\n' "${t2[@]}" | median)"
}

rss_kb() { (cd "$progs" && eval "/usr/bin/time -f %M $1" 2>&1 >/dev/null | tail -1); }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { printf "%.0f", a / 1000 }'; }

printf '%-20s %-5s %9s %9s %6s %9s %9s %6s %9s %9s\n' \
  benchmark chk vial_ms elix_ms whole vial_wk elix_wk work vial_MB elix_MB
for b in "${benches[@]}"; do
  IFS='|' read -r name file large tiny vflags eflags <<<"$b"
  wanted "$name" || continue
  prog=$progs/$file
  [ -f "$prog" ] || continue
  vl=$(vial_cmd "$large"); el=$(elixir_cmd "$large")
  vt=$(vial_cmd "$tiny"); et=$(elixir_cmd "$tiny")
  vout=$(cd "$progs" && eval "$vl" 2>/dev/null)
  eout=$(cd "$progs" && eval "$el" 2>/dev/null)
  if [ -n "$vout" ] && [ "$vout" == "$eout" ]; then chk=ok; else chk=DIFF; fi
  if [ "$chk" != ok ]; then
    printf '%-20s %-5s vial: %s | elixir: %s\n' "$name" "$chk" "${vout:0:60}" "${eout:0:60}"
    continue
  fi
  read -r vlarge elarge <<<"$(alternate "$vl" "$el")"
  read -r vtiny etiny <<<"$(alternate "$vt" "$et")"
  vwork=$((vlarge - vtiny)); ework=$((elarge - etiny))
  vrss=$(rss_kb "$vl"); erss=$(rss_kb "$el")
  printf '%-20s %-5s %9s %9s %6s %9s %9s %6s %9s %9s\n' "$name" "$chk" \
    "$(ms "$vlarge")" "$(ms "$elarge")" "$(ratio "$vlarge" "$elarge")" \
    "$(ms "$vwork")" "$(ms "$ework")" "$(ratio "$vwork" "$ework")" \
    "$((vrss / 1024))" "$((erss / 1024))"
done
