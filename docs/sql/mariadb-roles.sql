-- MariaDB / MySQL: the two database users of the Job-plus-Deployment pattern, for the database "bakery".
--
--   bakery_migrator  the migration Job: creates and alters tables, writes flyway_schema_history
--   bakery_runtime   the services: reads and writes the application's tables, only reads
--                    flyway_schema_history and schemagate_compatibility, cannot create, alter
--                    or drop anything
--
-- Run once, before the first migration job, as an administrator, in two steps (part 2 grants on the tables the migration job creates):
--   sed '/^-- part [2]/,$d' mariadb-roles.sql | mariadb       before the first migration job
--   sed -n '/^-- part [2]/,$p' mariadb-roles.sql | mariadb    after each job that adds a table
-- Replace the passwords here, or set them afterwards with ALTER USER ... IDENTIFIED BY.
-- Use '%' or your network's host pattern instead of 'localhost' where the services connect from elsewhere.
--
-- Other names: the names are plain text (no variables: MariaDB cannot take a user or database
-- name from a variable without PREPARE), so substitute them:
--   sed -e 's/bakery\./shop./g' -e 's/bakery_migrator/shop_migrator/g' \
--       -e 's/bakery_runtime/shop_runtime/g' -e "s/'localhost'/'%'/g" mariadb-roles.sql | mariadb
--
-- Why table-level grants for the runtime user: the simpler
--   GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.* TO 'bakery_runtime'@'localhost';
-- also lets the services rewrite flyway_schema_history, and MariaDB has no way to grant on a
-- database minus one table (no REVOKE of part of a database-level grant, no default privileges).
-- Verify mode only needs SELECT on the history, so the history stays read-only for the services
-- at the price of one GRANT per new table after the migration job that creates it. If that
-- price is too high, use the database-level grant above and accept a writable history.

CREATE USER 'bakery_migrator'@'localhost' IDENTIFIED BY 'change-me-migrator';
CREATE USER 'bakery_runtime'@'localhost' IDENTIFIED BY 'change-me-runtime';

GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW,
    CREATE ROUTINE, ALTER ROUTINE, EXECUTE, TRIGGER, LOCK TABLES ON bakery.* TO 'bakery_migrator'@'localhost';

-- part 2: after each migration job that adds a table
-- MariaDB cannot grant on a whole database and take one table out, so the runtime user gets
-- table-level grants: data rights on the application's tables, SELECT only on the history.

GRANT SELECT ON bakery.flyway_schema_history TO 'bakery_runtime'@'localhost';
GRANT SELECT ON bakery.schemagate_compatibility TO 'bakery_runtime'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.products TO 'bakery_runtime'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.orders TO 'bakery_runtime'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.order_lines TO 'bakery_runtime'@'localhost';
GRANT SELECT ON bakery.order_totals TO 'bakery_runtime'@'localhost';
