-- Order totals computed from the lines and current product prices.
-- Repeatable: Flyway re-applies it whenever this file changes. PostgreSQL's
-- CREATE OR REPLACE VIEW only allows appending columns, so never rename,
-- reorder or retype the existing ones here (add a versioned DROP VIEW instead).
CREATE OR REPLACE VIEW order_totals AS
SELECT
	o.id AS order_id,
	CAST(COUNT(l.product_id) AS INTEGER) AS line_count,
	CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) AS item_count,
	CAST(COALESCE(SUM(CAST(l.quantity AS BIGINT) * p.price_cents), 0) AS BIGINT) AS total_cents
FROM orders o
LEFT JOIN order_lines l ON l.order_id = o.id
LEFT JOIN products p ON p.id = l.product_id
GROUP BY o.id;
