-- PostgreSQL: the two database roles of the Job-plus-Deployment pattern, for the database "bakery".
--
--   bakery_migrator  the migration Job: creates and alters tables, writes flyway_schema_history
--   bakery_runtime   the services: reads and writes the application's tables, only reads
--                    flyway_schema_history and schemagate_compatibility, cannot create, alter
--                    or drop anything
--
-- Run once, before the first migration job, as an administrator, connected to the database, in two steps (part 2 needs the
-- flyway_schema_history table that the first migration job creates):
--   sed '/^-- part [2]/,$d' postgresql-roles.sql | psql -v ON_ERROR_STOP=1 -d bakery     before the job
--   sed -n '/^-- part [2]/,$p' postgresql-roles.sql | psql -v ON_ERROR_STOP=1 -d bakery  after it
-- Replace the passwords here, or set them afterwards with ALTER ROLE ... PASSWORD.
--
-- Other names: the script is plain SQL (no psql variables), so that it also runs statement by
-- statement over JDBC, as DatabaseRoleScriptsTests does. Substitute the names instead:
--   sed -e 's/DATABASE bakery/DATABASE shop/' -e 's/bakery_migrator/shop_migrator/g' \
--       -e 's/bakery_runtime/shop_runtime/g' postgresql-roles.sql | psql -v ON_ERROR_STOP=1 -d shop
-- The roles use the schema "public"; for another schema replace "SCHEMA public" as well.

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

-- part 2: once, after the first migration job has created flyway_schema_history and
-- schemagate_compatibility (default privileges cannot leave a table out, so both are made
-- read-only here: the services only read the history and the breaking migrations recorded)

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM bakery_runtime;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schemagate_compatibility FROM bakery_runtime;
