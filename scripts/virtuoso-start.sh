#!/bin/bash
# Starts a private Virtuoso (Debian package virtuoso-opensource) listening on
# 127.0.0.1 only, with its database in DIR, and waits until it answers.
#
#   scripts/virtuoso-start.sh DIR [HTTP_PORT] [SQL_PORT]
#
# Ports default to free ones. Writes DIR/virtuoso.ini, DIR/virtuoso.pid and
# DIR/ports (HTTP_PORT SQL_PORT), and prints the endpoints. Stop it with
# scripts/virtuoso-stop.sh DIR. Files to bulk-load must be under DIR or DIR/load
# (Virtuoso's DirsAllowed); see scripts/virtuoso-load.sh. Memory: 8 KB per buffer;
# set KG_VIRTUOSO_BUFFERS (and KG_VIRTUOSO_DIRTY_BUFFERS, ~3/4 of it) for large loads.
set -eu

dir=${1:?usage: virtuoso-start.sh DIR [HTTP_PORT] [SQL_PORT]}
http_port=${2:-}
sql_port=${3:-}
timeout=${KG_VIRTUOSO_START_TIMEOUT:-180}

virtuoso=$(command -v virtuoso-t || true)
if [ -z "$virtuoso" ]; then
  echo "virtuoso-start: virtuoso-t not found; install the Debian package virtuoso-opensource" >&2
  exit 3
fi

# A port is free when nothing accepts a connection on it.
pick_port() {
  i=0
  while [ $i -lt 200 ]; do
    p=$(( 20000 + ($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000) ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
    i=$((i + 1))
  done
  echo "virtuoso-start: no free port found" >&2
  exit 1
}
[ -n "$http_port" ] || http_port=$(pick_port)
[ -n "$sql_port" ] || sql_port=$(pick_port)
[ "$sql_port" != "$http_port" ] || sql_port=$((http_port + 1))

mkdir -p "$dir/db" "$dir/load"
dir=$(cd "$dir" && pwd)
if [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
  echo "virtuoso-start: already running with pid $(cat "$dir/virtuoso.pid") in $dir" >&2
  exit 1
fi

vad=/usr/share/virtuoso-opensource-7/vad
cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $dir/db/virtuoso.db
ErrorLogFile       = $dir/db/virtuoso.log
LockFile           = $dir/db/virtuoso.lck
TransactionFile    = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/db/virtuoso-temp.db
TransactionFile    = $dir/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$sql_port
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., $dir, $dir/load, $vad
VADInstallDir            = $vad/
NumberOfBuffers          = ${KG_VIRTUOSO_BUFFERS:-20000}
MaxDirtyBuffers          = ${KG_VIRTUOSO_DIRTY_BUFFERS:-15000}
MaxQueryMem              = 1G
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4

[HTTPServer]
ServerPort                  = 127.0.0.1:$http_port
ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections        = 10
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
Charset                     = UTF-8
EnabledGzipContent          = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
DefaultGraph               = http://localhost:$http_port/dataspace
INI

echo "$http_port $sql_port" > "$dir/ports"
# +foreground keeps virtuoso-t as the process whose pid we record (it would fork otherwise).
cd "$dir"
nohup "$virtuoso" +foreground +configfile "$dir/virtuoso.ini" > "$dir/db/stdout.log" 2>&1 &
pid=$!
echo "$pid" > "$dir/virtuoso.pid"

elapsed=0
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "virtuoso-start: virtuoso-t exited; see $dir/db/virtuoso.log:" >&2
    tail -n 20 "$dir/db/virtuoso.log" >&2 2>/dev/null || true
    rm -f "$dir/virtuoso.pid"
    exit 1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' --noproxy '*' \
    "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" 2>/dev/null || true)
  [ "$code" = "200" ] && break
  if [ "$elapsed" -ge "$timeout" ]; then
    echo "virtuoso-start: no answer on port $http_port after ${timeout}s; stopping it" >&2
    kill "$pid" 2>/dev/null || true
    rm -f "$dir/virtuoso.pid"
    exit 1
  fi
  sleep 1
  elapsed=$((elapsed + 1))
done

echo "Virtuoso pid $pid, database $dir/db"
echo "SPARQL endpoint:      http://127.0.0.1:$http_port/sparql"
echo "Graph Store endpoint: http://127.0.0.1:$http_port/sparql-graph-crud-auth (user dba, password dba)"
echo "SQL (isql-vt):        isql-vt 127.0.0.1:$sql_port dba dba"
