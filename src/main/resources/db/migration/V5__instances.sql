-- Several service instances on one database act as one service (issue 13).
-- Types chosen to mean the same on H2 and PostgreSQL.

-- Login sessions of the pages: a restart, or another instance, still knows them.
-- Only the SHA-256 of the session id is kept, so a copy of this table logs no one in.
CREATE TABLE login_session (
    id_sha256  VARCHAR(64)              NOT NULL PRIMARY KEY,
    token_id   VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX login_session_token ON login_session (token_id, created_at);
CREATE INDEX login_session_expires ON login_session (expires_at);

-- The criteria in force: one row, written by the instance that last loaded criteria on purpose
-- (a start, a reload, an edit it noticed); every other instance follows it.
CREATE TABLE criteria_in_force (
    id          INTEGER                  NOT NULL PRIMARY KEY,
    revision    BIGINT                   NOT NULL,
    sha256      VARCHAR(64)              NOT NULL,
    default_set VARCHAR(200)             NOT NULL,
    sets_json   VARCHAR(20000)           NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(200)             NOT NULL
);

-- A re-score of every unit's latest package: one run, one row per unit in it.
CREATE TABLE rescore_run (
    id              VARCHAR(40)              NOT NULL PRIMARY KEY,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by      VARCHAR(64),
    criteria_id     VARCHAR(200)             NOT NULL,
    criteria_sha256 VARCHAR(64)              NOT NULL,
    units_total     INTEGER                  NOT NULL,
    scheduled_at    TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX rescore_run_started ON rescore_run (started_at);

-- (run, unit) is the key: a unit's new assessment is recorded here in the same transaction that
-- saves it, and only while none is recorded, so a unit is scored into history at most once per run.
CREATE TABLE rescore_unit (
    run_id              VARCHAR(40)              NOT NULL REFERENCES rescore_run (id) ON DELETE CASCADE,
    unit_id             VARCHAR(64)              NOT NULL,
    unit_name           VARCHAR(20000)           NOT NULL,
    before_assessment   VARCHAR(40)              NOT NULL,
    before_verdict      VARCHAR(16)              NOT NULL,
    before_score        DOUBLE PRECISION         NOT NULL,
    after_assessment    VARCHAR(40),
    after_verdict       VARCHAR(16),
    after_score         DOUBLE PRECISION,
    failure             VARCHAR(2000),
    done_at             TIMESTAMP WITH TIME ZONE,
    done_by             VARCHAR(200),
    PRIMARY KEY (run_id, unit_id)
);

CREATE INDEX rescore_unit_open ON rescore_unit (run_id, done_at);
