#!/usr/bin/env bash
# A rollout rehearsed as Kubernetes runs one, with real processes on a real PostgreSQL, to watch
# step by step (RolloutRehearsalIT runs the same rehearsal as a test):
#
#   1. two version-1 services start on an empty database with on-startup=start-unready: unready
#   2. the version-1 migration job (DB_MODE=migrate, DDL credentials) exits 0: both turn ready;
#      the services' runtime role cannot run DDL, yet they serve
#   3. version 2 adds a column, changes the order totals view (a repeatable migration) and adds a
#      view: its job migrates under the running version-1 services, which report AHEAD and stay
#      ready at every probe; a version-2 service starts READY
#   4. a broken build of version 2: its job exits 2, every service stays ready
#   5. version 3 applies a breaking migration declared '-- schemagate:breaks-before 6': the
#      version-1 services turn unready (INCOMPATIBLE), a fresh version-1 pod fails at startup,
#      the version-2 service stays ready
#   6. rollback from version 3 to version 2: its job applies nothing, a fresh version-2 pod is ready
#
# Needs Java 17+ (java, and jar or zip), psql, curl and a PostgreSQL server you administer:
#   PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres ./scripts/rollout-demo.sh
# It creates a scratch database bakery_demo_<random> and two roles, and drops them on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

ADMIN_URL=${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
if [[ $ADMIN_URL =~ ^(postgres(ql)?://([^@/]*@)?([^:/?]+)(:([0-9]+))?)/[^?]*(\?.*)?$ ]]; then
	PG_SERVER=${BASH_REMATCH[1]}
	PG_HOST=${BASH_REMATCH[4]}
	PG_PORT=${BASH_REMATCH[6]:-5432}
	PG_QUERY=${BASH_REMATCH[7]}
else
	echo "PG_ADMIN_URL must look like postgresql://user@host:port/database, not '$ADMIN_URL'" >&2
	exit 64
fi

SUFFIX=$(printf '%04x%04x' "$RANDOM" "$RANDOM")
DB=bakery_demo_$SUFFIX
MIGRATOR=${DB}_migrator
RUNTIME=${DB}_runtime
MIGRATOR_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
RUNTIME_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rollout-demo.XXXXXX")
STARTED=$SECONDS

declare -A PID PORT
SERVICES=()

step() {
	printf '\n[%3ds] == %s\n' "$((SECONDS - STARTED))" "$*"
}

admin_psql() {
	psql "$ADMIN_URL" -X -q -v ON_ERROR_STOP=1 "$@"
}

# As admin, in the scratch database
db_psql() {
	psql "$PG_SERVER/$DB$PG_QUERY" -X -q -v ON_ERROR_STOP=1 "$@"
}

cleanup() {
	local status=$?
	step "cleaning up: stopping the services, dropping $DB and its roles"
	for name in "${SERVICES[@]}"; do
		kill "${PID[$name]}" 2>/dev/null || true
	done
	for name in "${SERVICES[@]}"; do
		wait "${PID[$name]}" 2>/dev/null || true
	done
	admin_psql -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" \
		-c "DROP ROLE IF EXISTS \"$MIGRATOR\"" -c "DROP ROLE IF EXISTS \"$RUNTIME\"" || true
	if [[ ${KEEP_DEMO_LOGS:-} == 1 ]]; then
		echo "logs kept in $WORK"
	else
		rm -rf "$WORK"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One field of a flat JSON document, without jq
json_field() {
	grep -o "\"$2\":[^,}]*" <<<"$1" | head -n 1 | cut -d: -f2- | tr -d '"' || true
}

# Start a service (verify mode, runtime role) in the background on a port of its choosing
start_service() {
	local name=$1 jar=$2 log="$WORK/$1.log"
	DB_MODE=verify DB_VERIFY_ON_STARTUP=start-unready DB_VERIFY_POLL_INTERVAL=500ms \
		DB_VERIFY_REFRESH_INTERVAL=500ms SPRING_DATASOURCE_URL="$JDBC_URL" \
		SPRING_DATASOURCE_USERNAME="$RUNTIME" SPRING_DATASOURCE_PASSWORD="$RUNTIME_PASSWORD" \
		java -jar "$jar" --server.port=0 >"$log" 2>&1 &
	PID[$name]=$!
	SERVICES+=("$name")
}

await_started() {
	local name=$1 log="$WORK/$1.log"
	for _ in $(seq 1 240); do
		if grep -aq 'Started BakeryApplication' "$log"; then
			PORT[$name]=$(grep -ao 'Tomcat started on port [0-9]*' "$log" | grep -o '[0-9]*$')
			echo "$name started on port ${PORT[$name]} (log: $log)"
			return
		fi
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			echo "$name exited:" >&2
			cat "$log" >&2
			exit 1
		fi
		sleep 0.25
	done
	echo "$name did not start within 60s" >&2
	exit 1
}

http_code() {
	curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$1]}$2"
}

show() {
	local name=$1 schema applied
	schema=$(curl -s "http://127.0.0.1:${PORT[$name]}/actuator/health/schema")
	applied=$(json_field "$schema" appliedVersion)
	printf '%-13s readiness %s  liveness %s  schema %-7s appliedVersion %-4s aheadBy %s\n' "$name" \
		"$(http_code "$name" /actuator/health/readiness)" "$(http_code "$name" /actuator/health/liveness)" \
		"$(json_field "$schema" state)" "${applied:--}" "$(json_field "$schema" aheadBy)"
}

# Wait until a service's readiness answers with an HTTP status, as a readiness probe polls it
await_readiness() {
	local name=$1 code=$2
	for _ in $(seq 1 120); do
		if [[ $(http_code "$name" /actuator/health/readiness) == "$code" ]]; then
			return
		fi
		sleep 0.5
	done
	echo "$name: readiness did not turn $code within 60s" >&2
	exit 1
}

await_state() {
	local name=$1 state=$2
	for _ in $(seq 1 120); do
		if [[ $(json_field "$(curl -s "http://127.0.0.1:${PORT[$name]}/actuator/health/schema")" state) == "$state" ]]; then
			return
		fi
		sleep 0.5
	done
	echo "$name: schema did not turn $state within 60s" >&2
	exit 1
}

# Run a migration job in the foreground with the migrator's DDL credentials; sets JOB_EXIT
run_job() {
	local name=$1 jar=$2 log="$WORK/$1.log"
	echo "\$ DB_MODE=migrate SPRING_FLYWAY_USER=$MIGRATOR java -jar $(basename "$jar")"
	if DB_MODE=migrate SPRING_DATASOURCE_URL="$JDBC_URL" SPRING_DATASOURCE_USERNAME="$RUNTIME" \
		SPRING_DATASOURCE_PASSWORD="$RUNTIME_PASSWORD" SPRING_FLYWAY_USER="$MIGRATOR" \
		SPRING_FLYWAY_PASSWORD="$MIGRATOR_PASSWORD" java -jar "$jar" >"$log" 2>&1; then
		JOB_EXIT=0
	else
		JOB_EXIT=$?
	fi
	grep -aoE '(Migrating schema .*|Migration successful.*|Migration failed.*)$' "$log" | sed 's/^/  | /' || true
	echo "$name exited with code $JOB_EXIT"
}

# A copy of a jar with migrations added or replaced, as the next build would package them:
#   jar_with_migrations from.jar to.jar V6__x.sql "sql" [R__y.sql "sql" ...]
# 'jar uf' and 'zip' keep the nested jars under BOOT-INF/lib stored, as Spring Boot's launcher
# needs.
jar_with_migrations() {
	local from=$1 to=$2 dir
	dir="$WORK/$(basename "${2%.jar}")"
	shift 2
	mkdir -p "$dir/BOOT-INF/classes/db/migration"
	cp "$from" "$to"
	while (($# >= 2)); do
		printf '%s\n' "$2" >"$dir/BOOT-INF/classes/db/migration/$1"
		if command -v jar >/dev/null; then
			(cd "$dir" && jar uf "$to" "BOOT-INF/classes/db/migration/$1")
		else
			(cd "$dir" && zip -q "$to" "BOOT-INF/classes/db/migration/$1")
		fi
		echo "$(basename "$to"): $1"
		sed 's/^/  | /' "$dir/BOOT-INF/classes/db/migration/$1"
		shift 2
	done
}

# Probe the readiness of services every 200 ms in the background, as Kubernetes does, counting
# the answers other than 200 in $WORK/probes-<name>; stop with stop_probes
start_probes() {
	PROBES=()
	for name in "$@"; do
		(
			while true; do
				code=$(http_code "$name" /actuator/health/readiness)
				echo "$code" >>"$WORK/probes-$name"
				sleep 0.2
			done
		) &
		PROBES+=($!)
	done
}

stop_probes() {
	kill "${PROBES[@]}" 2>/dev/null || true
	wait "${PROBES[@]}" 2>/dev/null || true
	for name in "$@"; do
		echo "$name: $(wc -l <"$WORK/probes-$name") readiness probes, $(grep -vc '^200$' "$WORK/probes-$name" || true) not 200"
		rm -f "$WORK/probes-$name"
	done
}

step "building the sample service"
# forceCreation: without it the jar plugin keeps an existing jar when the sample's own classes
# did not change, and repackaging then keeps stale nested jars of the starter
./mvnw -B -q -pl sample-service -am package -DskipTests -Dmaven.jar.forceCreation=true
V1=$(ls "$PWD"/sample-service/target/schemagate-sample-service-*.jar | grep -v -e '-plain.jar$' | head -n 1)
echo "version 1: $V1"

step "creating database $DB, the migrator role (DDL) and the runtime role (no DDL)"
admin_psql <<SQL
CREATE ROLE "$MIGRATOR" LOGIN PASSWORD '$MIGRATOR_PASSWORD';
CREATE ROLE "$RUNTIME" LOGIN PASSWORD '$RUNTIME_PASSWORD';
CREATE DATABASE "$DB";
REVOKE ALL ON DATABASE "$DB" FROM PUBLIC;
GRANT CONNECT ON DATABASE "$DB" TO "$RUNTIME";
GRANT ALL ON DATABASE "$DB" TO "$MIGRATOR";
\connect "$DB"
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE, USAGE ON SCHEMA public TO "$MIGRATOR";
GRANT USAGE ON SCHEMA public TO "$RUNTIME";
ALTER DEFAULT PRIVILEGES FOR ROLE "$MIGRATOR" IN SCHEMA public
	GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "$RUNTIME";
ALTER DEFAULT PRIVILEGES FOR ROLE "$MIGRATOR" IN SCHEMA public
	GRANT USAGE, SELECT ON SEQUENCES TO "$RUNTIME";
SQL
echo "jdbc url: $JDBC_URL; migrator: $MIGRATOR; runtime: $RUNTIME"

step "step 1: two version-1 services start on the empty database (DB_VERIFY_ON_STARTUP=start-unready)"
start_service v1-service-a "$V1"
start_service v1-service-b "$V1"
await_started v1-service-a
await_started v1-service-b
show v1-service-a
show v1-service-b

step "step 2: the version-1 migration job runs"
run_job v1-migrate "$V1"
# The default privileges gave the runtime role writes on the history tables too: take them back
db_psql -c "REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM \"$RUNTIME\"" \
	-c "REVOKE INSERT, UPDATE, DELETE ON schemagate_compatibility FROM \"$RUNTIME\""
await_readiness v1-service-a 200
await_readiness v1-service-b 200
show v1-service-a
show v1-service-b

step "step 2b: the runtime role cannot run DDL nor rewrite the history; the services serve with it"
for sql in 'CREATE TABLE intruder(id int)' 'DELETE FROM flyway_schema_history'; do
	echo "\$ psql -U $RUNTIME -c '$sql'"
	PGPASSWORD=$RUNTIME_PASSWORD psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$RUNTIME" -d "$DB" -c "$sql" 2>&1 |
		sed 's/^/  | /' || true
done
echo "\$ curl v1-service-a/products"
curl -s "http://127.0.0.1:${PORT[v1-service-a]}/products" | cut -c1-160
echo
echo "\$ curl -X POST v1-service-b/orders"
curl -s -w '\n  (HTTP %{http_code})\n' -H 'Content-Type: application/json' \
	-d '{"customer":"Demo","lines":[{"productId":1,"quantity":2}]}' "http://127.0.0.1:${PORT[v1-service-b]}/orders"

step "step 3: version 2 adds a column, changes the order totals view and adds a view; its job runs while the version-1 services serve"
V2="$WORK/bakery-v2.jar"
CHANGED_VIEW=$(unzip -p "$V1" BOOT-INF/classes/db/migration/R__order_totals_view.sql |
	sed 's/AS total_cents$/AS total_cents,\n\tCAST(COUNT(DISTINCT l.product_id) AS INTEGER) AS product_count/')
jar_with_migrations "$V1" "$V2" \
	V6__add_product_category.sql 'ALTER TABLE products ADD COLUMN category VARCHAR(40);
CREATE INDEX idx_orders_customer_status ON orders (customer, status, created_at);' \
	R__order_totals_view.sql "$(printf '%b' "$CHANGED_VIEW")" \
	R__product_categories_view.sql 'CREATE OR REPLACE VIEW product_categories AS SELECT id, name, category FROM products;'
start_probes v1-service-a v1-service-b
run_job v2-migrate "$V2"
await_state v1-service-a AHEAD
await_state v1-service-b AHEAD
sleep 1 # two more checks of each service after the job
stop_probes v1-service-a v1-service-b
show v1-service-a
show v1-service-b
start_service v2-service "$V2"
await_started v2-service
await_readiness v2-service 200
show v2-service

step "step 4: a broken build of version 2 adds a broken migration; its job fails"
V2_BROKEN="$WORK/bakery-v2.1.jar"
jar_with_migrations "$V2" "$V2_BROKEN" V7__broken.sql 'INSERT INTO no_such_table VALUES (1);'
run_job v2.1-migrate "$V2_BROKEN"
echo "history (PostgreSQL rolled the failed migration back, nothing recorded):"
db_psql -c "SELECT installed_rank, version, description, success FROM flyway_schema_history ORDER BY 1"
echo "the services after their next check (every 500ms):"
sleep 1
for name in "${SERVICES[@]}"; do
	show "$name"
done

step "step 5: version 3 drops what version 1 used, declared '-- schemagate:breaks-before 6'"
V3="$WORK/bakery-v3.jar"
jar_with_migrations "$V2" "$V3" V7__drop_old_customer_index.sql '-- contract: version 1 searched orders through this index; version 2 no longer does
-- schemagate:breaks-before 6
DROP INDEX idx_orders_customer;'
run_job v3-migrate "$V3"
await_readiness v1-service-a 503
await_readiness v1-service-b 503
for name in "${SERVICES[@]}"; do
	show "$name"
done
echo "a fresh version-1 pod, even with DB_VERIFY_ON_STARTUP=start-unready:"
start_service v1-service-fresh "$V1"
if wait "${PID[v1-service-fresh]}"; then
	echo "v1-service-fresh started, which it must not" >&2
	exit 1
fi
grep -aA12 '^Description:' "$WORK/v1-service-fresh.log" | sed 's/^/  | /'

step "step 6: roll back from version 3 to version 2"
kill "${PID[v1-service-a]}" "${PID[v1-service-b]}" 2>/dev/null || true
run_job v2-migrate-again "$V2"
start_service v2-service-rollback "$V2"
await_started v2-service-rollback
await_readiness v2-service-rollback 200
show v2-service-rollback

step "done in $((SECONDS - STARTED))s"
