#!/bin/sh
# Run once by the postgres image, on an empty data directory (/docker-entrypoint-initdb.d): the two
# roles CCR Hub needs and its database, as README "The database" makes them. Never a superuser for
# CCR Hub: ccrhub_owner owns the schema and runs migrations, ccrhub_app is what the server uses.
set -eu
secrets=${CCR_SECRETS_DIR:-/run/secrets}
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  --set owner_password="$(cat "$secrets/db_owner_password")" \
  --set app_password="$(cat "$secrets/db_app_password")" <<'SQL'
CREATE ROLE ccrhub_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE ccrhub_app LOGIN PASSWORD :'app_password';
CREATE DATABASE ccrhub OWNER ccrhub_owner;
REVOKE ALL ON DATABASE ccrhub FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ccrhub TO ccrhub_app;
\connect ccrhub
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
