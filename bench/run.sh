#!/usr/bin/env bash
# Measures what the schema check costs, from 10 to 10,000 migrations and for 100 tenant
# schemas, on PostgreSQL, prints the table and writes it to bench/RESULTS.md.
#
#   bench/run.sh
#
# Uses the PostgreSQL at BENCH_POSTGRESQL_URL (default jdbc:postgresql://127.0.0.1:5432/postgres,
# user BENCH_POSTGRESQL_USERNAME, default postgres). BENCH_SIZES (default 10,100,1000,10000) and
# BENCH_REPETITIONS (process starts per variant, default 3), BENCH_FAT_JAR_STARTS (starts
# per variant with 1,000 migrations inside the jar, default 11), BENCH_TENANTS (default 100) and
# BENCH_PARTS (default steps,probes,lock-wait,startup,fat-jar,tenants) change the run. 20 to 30
# minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl bench -am package -DskipTests -Dspring-javaformat.skip=true
java -Dloader.main=io.schemagate.bench.harness.Bench -jar bench/target/schemagate-bench.jar bench
