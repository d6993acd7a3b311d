#!/usr/bin/env bash
# Bytes per idle process: runs idle_processes.exs (N processes blocked in
# `receive`, kept alive while the script sleeps) for N = 0 and N = 100,000
# and divides the difference of peak RSS (/usr/bin/time %M) by N. The
# figure includes everything a process costs: its Process, handle, process
# table entry, frame and register stacks, plus one list cell holding its pid.
#
# usage: tests/bench/idle_memory.sh [N]   (env VIAL, ELIXIR as in run.sh)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
VIAL=${VIAL:-$root/target/release/vial}
ELIXIR=${ELIXIR:-elixir}
n=${1:-100000}
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
cd "$here"
for impl in vial elixir; do
  if [ $impl = vial ]; then cmd=("$VIAL" --schedulers 1); else cmd=("$ELIXIR" --erl "+P 2000000"); fi
  base=$(rss "${cmd[@]}" idle_processes.exs 0)
  full=$(rss "${cmd[@]}" idle_processes.exs "$n")
  echo "$impl: $(( (full - base) * 1024 / n )) bytes per idle process (peak RSS $base KB -> $full KB for $n processes)"
done
