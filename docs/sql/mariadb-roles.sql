-- MariaDB / MySQL: the two database users of the Job-plus-Deployment pattern, for the database "bakery".
--
--   bakery_migrator  the migration Job: creates and alters tables, writes flyway_schema_history
--   bakery_runtime   the services: reads and writes the application's tables, only reads
--                    flyway_schema_history, cannot create, alter or drop anything
--
-- Run as an administrator:   mariadb < mariadb-roles.sql
-- Replace the passwords here, or set them afterwards with ALTER USER ... IDENTIFIED BY.
-- Use '%' or your network's host pattern instead of 'localhost' where the services connect from elsewhere.

-- part 1: before the first migration job

CREATE USER 'bakery_migrator'@'localhost' IDENTIFIED BY 'change-me-migrator';
CREATE USER 'bakery_runtime'@'localhost' IDENTIFIED BY 'change-me-runtime';

GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW,
    CREATE ROUTINE, ALTER ROUTINE, EXECUTE, TRIGGER, LOCK TABLES ON bakery.* TO 'bakery_migrator'@'localhost';

-- part 2: after each migration job that adds a table
-- MariaDB cannot grant on a whole database and take one table out, so the runtime user gets
-- table-level grants: data rights on the application's tables, SELECT only on the history.

GRANT SELECT ON bakery.flyway_schema_history TO 'bakery_runtime'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.products TO 'bakery_runtime'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.orders TO 'bakery_runtime'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON bakery.order_lines TO 'bakery_runtime'@'localhost';
GRANT SELECT ON bakery.order_totals TO 'bakery_runtime'@'localhost';
