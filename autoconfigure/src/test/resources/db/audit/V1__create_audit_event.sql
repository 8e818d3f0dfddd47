CREATE TABLE audit_event (id INT PRIMARY KEY, happened VARCHAR(100));
