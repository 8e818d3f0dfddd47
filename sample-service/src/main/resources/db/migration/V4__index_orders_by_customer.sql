-- Supports GET /orders?customer=... (newest first).
CREATE INDEX idx_orders_customer ON orders (customer, created_at);
