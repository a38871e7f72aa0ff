package org.civcheck.store;

/** The overview on PostgreSQL, when {@code CIVCHECK_TEST_PG_URL} names a database; skipped otherwise. */
class PostgresOverviewStoreTest extends OverviewStoreContract {

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
