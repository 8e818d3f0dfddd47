-- PostgreSQL: the two database roles of the Job-plus-Deployment pattern, for the database "bakery".
--
--   bakery_migrator  the migration Job: creates and alters tables, writes flyway_schema_history
--   bakery_runtime   the services: reads and writes the application's tables, only reads
--                    flyway_schema_history, cannot create, alter or drop anything
--
-- Run as an administrator, connected to the database:   psql -d bakery -f postgresql-roles.sql
-- Replace the passwords here, or set them afterwards with ALTER ROLE ... PASSWORD.

-- part 1: before the first migration job

CREATE ROLE bakery_migrator LOGIN PASSWORD 'change-me-migrator';
CREATE ROLE bakery_runtime LOGIN PASSWORD 'change-me-runtime';

REVOKE ALL ON DATABASE bakery FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE bakery TO bakery_migrator;
GRANT CONNECT ON DATABASE bakery TO bakery_runtime;

-- only the migrator may create objects in the schema
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO bakery_migrator;
GRANT USAGE ON SCHEMA public TO bakery_runtime;

-- what the migrator creates from now on is usable by the runtime role, but not alterable
ALTER DEFAULT PRIVILEGES FOR ROLE bakery_migrator IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bakery_runtime;
ALTER DEFAULT PRIVILEGES FOR ROLE bakery_migrator IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO bakery_runtime;

-- part 2: once, after the first migration job has created flyway_schema_history
-- (default privileges cannot leave one table out, so the history is made read-only here)

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM bakery_runtime;
