/**
 * Storage of assessments: each one whole (the package bytes as uploaded, their hash, the result
 * JSON, the criteria's version and hash, the time) in one transaction, or nothing. H2 in a file by
 * default, PostgreSQL for a shared service; one schema through Flyway migrations.
 */
package org.civcheck.store;
