# Sourced by .ci/run: installs and starts what the tests need beyond Python (Debian packages; CI runs as root).
# Idempotent and quick when everything is already there. Exports SITREP_TEST_POSTGRES for the PostgreSQL tests.

_apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if ((${#missing[@]})); then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

_apt_install postgresql chromium

# Start the first PostgreSQL cluster on localhost (pg_ctlcluster works without systemd).
_pg_version=$(ls /etc/postgresql | sort -V | tail -1)
if [ -z "$(pg_lsclusters -h | awk -v v="$_pg_version" '$1 == v && $2 == "main"')" ]; then
    pg_createcluster "$_pg_version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$_pg_version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$_pg_version" main start
fi
_pg_port=$(pg_lsclusters -h | awk -v v="$_pg_version" '$1 == v && $2 == "main" {print $3}')
_psql() { runuser -u postgres -- psql -p "$_pg_port" -v ON_ERROR_STOP=1 -tAq "$@"; }
if [ "$(_psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'sitrep'")" != "1" ]; then
    _psql -c "CREATE ROLE sitrep LOGIN PASSWORD 'sitrep'"
fi
if [ "$(_psql -c "SELECT 1 FROM pg_database WHERE datname = 'sitrep_test'")" != "1" ]; then
    _psql -c "CREATE DATABASE sitrep_test OWNER sitrep"
fi
export SITREP_TEST_POSTGRES="postgresql://sitrep:sitrep@localhost:${_pg_port}/sitrep_test"
echo "PostgreSQL for tests: $SITREP_TEST_POSTGRES"
