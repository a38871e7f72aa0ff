package org.civcheck.store;

/**
 * The store on PostgreSQL, when {@code CIVCHECK_TEST_PG_URL} names a database; skipped otherwise.
 * Each test gets a schema of its own, dropped afterwards, so reruns pass.
 */
class PostgresAssessmentStoreTest extends AssessmentStoreContract {

    private String schema;

    @Override
    String freshDatabaseUrl() throws Exception {
        TestPostgres.assumeConfigured();
        schema = TestPostgres.createSchema();
        return TestPostgres.url(schema);
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }
}
