#!/usr/bin/env bash
# Makes the passwords and keys compose.yaml reads, once, as files in ./secrets (beside compose.yaml;
# never commit them). Run from the folder of compose.yaml:
#
#   deploy/compose/make-secrets.sh
#
# An existing file is kept: a new audit key would leave the audit trail unverifiable, and a new
# two-factor key would stop every authenticator app. Back up ./secrets with the database backups.
# The folder is 0700, so other users of this machine cannot read it; the files in it are 0644 because
# Docker Compose mounts each one into its container as it is, where the database (uid 999) and CCR
# Hub (uid 10001) must read them.
set -euo pipefail
umask 077
dir=${1:-secrets}
mkdir -p "$dir"
chmod 0700 "$dir"

make() { # name, command
  if [[ -s "$dir/$1" ]]; then
    echo "$dir/$1: kept"
  else
    printf '%s' "$($2)" > "$dir/$1"
    echo "$dir/$1: made"
  fi
  chmod 0644 "$dir/$1"
}
password() { openssl rand -base64 33 | tr -d '/+=\n'; }
key() { openssl rand -base64 32; }

make db_superuser_password password
make db_owner_password password
make db_app_password password
make audit_key key
make two_factor_key key
