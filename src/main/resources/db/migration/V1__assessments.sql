-- One row per stored assessment; the package bytes beside it, written in the same transaction.
-- Types chosen to mean the same on H2 and PostgreSQL.
CREATE TABLE assessment (
    id                 VARCHAR(40)              NOT NULL PRIMARY KEY,
    unit_id            VARCHAR(64)              NOT NULL,
    unit_name          VARCHAR(20000)           NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    verdict            VARCHAR(16)              NOT NULL,
    score              DOUBLE PRECISION         NOT NULL,
    max_score          DOUBLE PRECISION         NOT NULL,
    criteria_id        VARCHAR(200)             NOT NULL,
    criteria_version   VARCHAR(200)             NOT NULL,
    criteria_sha256    VARCHAR(64)              NOT NULL,
    package_sha256     VARCHAR(64)              NOT NULL,
    package_size       BIGINT                   NOT NULL,
    package_media_type VARCHAR(64)              NOT NULL,
    package_name       VARCHAR(1000),
    result_json        TEXT                     NOT NULL
);

CREATE INDEX assessment_unit_created ON assessment (unit_id, created_at);

CREATE TABLE assessment_package (
    assessment_id VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    bytes         BYTEA       NOT NULL
);
