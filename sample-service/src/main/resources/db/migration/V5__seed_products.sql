-- Data migration: the bakery's opening range.
INSERT INTO products (name, price_cents) VALUES
	('Sourdough loaf', 650),
	('Baguette', 320),
	('Rye bread', 580),
	('Croissant', 280),
	('Pain au chocolat', 310),
	('Cinnamon bun', 350);
