-- Package bytes out of the row on H2. H2 keeps a BINARY VARYING value inside its B-tree page, and
-- its store rewrites a whole page on every change to it: with packages of tens of MB, storing a
-- third one rewrote the two before it too (one 87 MB write buffer, OutOfMemoryError at -Xmx512m,
-- and H2 then closed the database). A BLOB is written once, in blocks, beside the row. PostgreSQL
-- keeps BYTEA out of the row already (TOAST): there the type stays as it is.
ALTER TABLE assessment_package ALTER COLUMN bytes SET DATA TYPE ${package_bytes_type};
