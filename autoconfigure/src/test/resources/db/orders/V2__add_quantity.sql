ALTER TABLE orders ADD COLUMN quantity INT;
