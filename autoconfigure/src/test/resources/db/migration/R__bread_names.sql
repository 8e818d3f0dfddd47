CREATE OR REPLACE VIEW bread_names AS SELECT name FROM bread;
