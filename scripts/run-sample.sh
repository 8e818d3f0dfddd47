#!/usr/bin/env bash
# The sample service's main job, as Kubernetes runs it: the migration job (DB_MODE=migrate)
# migrates the embedded H2 database under sample-service/data and exits, then the service
# (DB_MODE=verify, the default) verifies the schema and serves on port 8080.
# Extra arguments go to the service, e.g. --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl sample-service -am package -DskipTests
cd sample-service
jar=$(ls target/schemagate-sample-service-*.jar | head -n 1)

echo "== migration job: DB_MODE=migrate java -jar $jar"
DB_MODE=migrate java -jar "$jar"
echo "== migration job exited with code 0"

echo "== service: java -jar $jar (Ctrl-C to stop; try: curl localhost:8080/actuator/health)"
exec java -jar "$jar" "$@"
