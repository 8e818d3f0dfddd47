-- One line per product in an order.
CREATE TABLE order_lines (
	order_id BIGINT NOT NULL,
	product_id BIGINT NOT NULL,
	quantity INTEGER NOT NULL,
	CONSTRAINT pk_order_lines PRIMARY KEY (order_id, product_id),
	CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
	CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id),
	CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0)
);
