INSERT INTO greeting (language, text) VALUES ('en', 'Hello');
INSERT INTO greeting (language, text) VALUES ('fr', 'Bonjour');
