#!/bin/bash
# Stops the Virtuoso started by scripts/virtuoso-start.sh DIR, by its recorded pid.
#
#   scripts/virtuoso-stop.sh DIR [--purge]
#
# --purge also deletes DIR (the throw-away database).
set -eu
dir=${1:?usage: virtuoso-stop.sh DIR [--purge]}
purge=${2:-}
pidfile="$dir/virtuoso.pid"
if [ -f "$pidfile" ]; then
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso-stop: pid $pid did not stop after 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
else
  echo "virtuoso-stop: no $pidfile; nothing to stop" >&2
fi
if [ "$purge" = "--purge" ]; then
  rm -rf "$dir"
fi
