#!/usr/bin/env bash
# docker compose's PostgreSQL runs this once, when it initialises an empty data volume
# (/docker-entrypoint-initdb.d): one login role per service in suite.parts (mounted at
# /etc/rehearse/suite.parts), named after the part (question-service -> question_service), owning
# its own schema and nothing else, with the password from REHEARSE_DB_<VAR>_PASSWORD. No superuser
# rights, no CREATEDB or CREATEROLE, no use of the public schema. The launcher of ./rehearse up does
# the same in Java (launcher: ServiceRoles).
#
# Safe to run again, e.g. after changing a password, or on a volume made when every service was the
# superuser (it hands each schema and its tables to the role):
#   docker compose exec postgres /docker-entrypoint-initdb.d/10-service-roles.sh
set -euo pipefail

sql() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" \
    --dbname "${POSTGRES_DB:-postgres}" "$@"
}

sql -c 'REVOKE ALL ON SCHEMA public FROM PUBLIC'
while read -r part kind _port schema var; do
  [[ -z $part || $part == '#'* || $kind != service || $schema == - ]] && continue
  password="REHEARSE_DB_${var}_PASSWORD"
  [[ -n ${!password:-} ]] || { echo "10-service-roles.sh: $password is not set" >&2; exit 1; }
  # the password is read from the environment by psql itself: on no command line
  sql -v role="${part//-/_}" -v schema="$schema" -v password_variable="$password" <<'SQL'
SET client_min_messages = warning;
\getenv password :password_variable
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'password';
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
ALTER SCHEMA :"schema" OWNER TO :"role";
-- sequences last: a table's change takes the sequences of its columns along
SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
              n.nspname, c.relname, r.rolname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_roles r ON r.rolname = :'role'
WHERE n.nspname = :'schema' AND c.relkind IN ('r', 'p', 'v', 'S') AND c.relowner <> r.oid
ORDER BY c.relkind = 'S', c.relname \gexec
SQL
  echo "10-service-roles.sh: role ${part//-/_} owns schema $schema"
done <"${REHEARSE_PARTS:-/etc/rehearse/suite.parts}"
