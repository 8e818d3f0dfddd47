INSERT INTO bread (id, name) VALUES (1, 'rye');
