#!/bin/sh
# Runs once, when the TimescaleDB container initialises an empty data directory. Creates the login role that
# Grafana's TimescaleDB datasource uses: a member of alphapulse_reader (created NOLOGIN here ahead of the
# migrations, which tolerate it existing), so it can SELECT in schema alphapulse and nothing else.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v reader_user="$TIMESCALEDB_READER_USER" -v reader_password="$TIMESCALEDB_READER_PASSWORD" <<'SQL'
DO $$ BEGIN
  CREATE ROLE alphapulse_reader NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE ROLE :"reader_user" LOGIN PASSWORD :'reader_password' IN ROLE alphapulse_reader;
ALTER ROLE :"reader_user" SET default_transaction_read_only = on;
ALTER ROLE :"reader_user" SET statement_timeout = '30s';
SQL
