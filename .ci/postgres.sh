#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL for the store tests; prints the test URL on the last line.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx main; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='ttplan'\" | grep -q 1 || psql -q -c \"CREATE ROLE ttplan LOGIN PASSWORD 'ttplan-test'\"" >/dev/null
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='ttplan_test'\" | grep -q 1 || createdb -O ttplan ttplan_test" >/dev/null
echo "postgresql+psycopg://ttplan:ttplan-test@127.0.0.1:5432/ttplan_test"
