-- The ladder's schema: players, ratings per (player, race) with their ledger, matches with
-- their two participants, saved queue preferences, the admin audit trail and the outbox of
-- notifications not yet delivered.
--
-- Rules for this folder (docs/persistence.md): never edit a migration once it is on main;
-- forward only (a fix is a new V<n+1>__what.sql); constraints are named <table>_<what> because
-- the repositories turn violations into domain errors by name.
--
-- jOOQ generates its classes from these files (DDLDatabase) without a database: statements it
-- cannot parse stay between "jooq ignore" markers; they add constraints and indexes only, never
-- columns.
--
-- Codes: results and reports are stored with the reference ladder's codes (docs/reference-ladder.md):
--   result  0 draw, 1 player 1 won, 2 player 2 won, -1 abort, -2 conflict
--   report  0, 1, 2 as claimed, -1 abort (the opponent or the system aborted), -3 aborter,
--           -4 unconfirmed

CREATE TABLE players (
    id                BIGINT                   NOT NULL,
    user_id           VARCHAR(64),
    battle_tag        VARCHAR(64),
    alternative_ids   VARCHAR(64) ARRAY,
    country           VARCHAR(8),
    home_region       VARCHAR(8),
    terms_accepted_at TIMESTAMP WITH TIME ZONE,
    banned            BOOLEAN                  NOT NULL DEFAULT FALSE,
    aborts_left       INTEGER                  NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT players_pk PRIMARY KEY (id),
    CONSTRAINT players_id_not_negative CHECK (id >= 0),
    CONSTRAINT players_aborts_left_not_negative CHECK (aborts_left >= 0),
    -- The profile is all there or not at all.
    CONSTRAINT players_profile_complete CHECK (
        (user_id IS NULL AND battle_tag IS NULL AND alternative_ids IS NULL AND country IS NULL
            AND home_region IS NULL)
        OR (user_id IS NOT NULL AND battle_tag IS NOT NULL AND alternative_ids IS NOT NULL
            AND country IS NOT NULL AND home_region IS NOT NULL))
);

CREATE TABLE ratings (
    player_id   BIGINT           NOT NULL,
    -- Compared by code point (as Java compares strings), whatever the database's locale: the
    -- leaderboard breaks ties by race, and its index serves that order.
    race        VARCHAR(32)      COLLATE "C" NOT NULL,
    rating      DOUBLE PRECISION NOT NULL,
    deviation   DOUBLE PRECISION NOT NULL,
    volatility  DOUBLE PRECISION NOT NULL,
    games       INTEGER          NOT NULL,
    wins        INTEGER          NOT NULL,
    losses      INTEGER          NOT NULL,
    draws       INTEGER          NOT NULL,
    last_played TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ratings_pk PRIMARY KEY (player_id, race),
    CONSTRAINT ratings_player_fk FOREIGN KEY (player_id) REFERENCES players (id),
    CONSTRAINT ratings_record_not_negative CHECK (wins >= 0 AND losses >= 0 AND draws >= 0),
    CONSTRAINT ratings_games_add_up CHECK (games = wins + losses + draws),
    CONSTRAINT ratings_uncertainty_not_negative CHECK (deviation >= 0 AND volatility >= 0)
);

CREATE SEQUENCE match_ids START WITH 1;

CREATE TABLE matches (
    id               BIGINT                   NOT NULL DEFAULT nextval('match_ids'),
    version          BIGINT                   NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    -- Kept equal to "state is open" by a check; match_participants follows it through the
    -- foreign key (ON UPDATE CASCADE), which is what lets one index forbid two open matches.
    is_open          BOOLEAN                  NOT NULL,
    map              VARCHAR(128)             NOT NULL,
    server           VARCHAR(32)              NOT NULL,
    result           SMALLINT,
    resolution       VARCHAR(16),
    found_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirm_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT matches_pk PRIMARY KEY (id),
    CONSTRAINT matches_id_open_uk UNIQUE (id, is_open),
    CONSTRAINT matches_version_positive CHECK (version > 0),
    CONSTRAINT matches_state_known CHECK (state IN ('found', 'in_progress', 'completed', 'conflict', 'aborted',
                                                    'timed_out', 'resolved', 'invalidated')),
    CONSTRAINT matches_open_follows_state CHECK (is_open = (state IN ('found', 'in_progress'))),
    CONSTRAINT matches_result_code CHECK (result IN (-2, -1, 0, 1, 2)),
    CONSTRAINT matches_result_when_closed CHECK (is_open = (result IS NULL)),
    CONSTRAINT matches_ended_when_closed CHECK (is_open = (ended_at IS NULL)),
    CONSTRAINT matches_conflict_result CHECK (state <> 'conflict' OR result = -2),
    CONSTRAINT matches_resolution_known CHECK (resolution IN ('player1', 'player2', 'draw', 'invalidate')),
    CONSTRAINT matches_resolved_has_resolution CHECK (state NOT IN ('resolved', 'invalidated')
                                                      OR resolution IS NOT NULL),
    CONSTRAINT matches_deadline_after_found CHECK (confirm_deadline >= found_at)
);

CREATE INDEX matches_by_state ON matches (state, id);

CREATE TABLE match_participants (
    match_id      BIGINT                   NOT NULL,
    slot          SMALLINT                 NOT NULL,
    player_id     BIGINT                   NOT NULL,
    is_open       BOOLEAN                  NOT NULL,
    side          VARCHAR(32)              NOT NULL,
    race          VARCHAR(32)              NOT NULL,
    rating_before INTEGER                  NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    report        SMALLINT,
    abort_armed   BOOLEAN                  NOT NULL DEFAULT FALSE,
    CONSTRAINT match_participants_pk PRIMARY KEY (match_id, slot),
    CONSTRAINT match_participants_slot_known CHECK (slot IN (1, 2)),
    CONSTRAINT match_participants_not_against_himself UNIQUE (match_id, player_id),
    CONSTRAINT match_participants_match_fk FOREIGN KEY (match_id, is_open)
        REFERENCES matches (id, is_open) ON UPDATE CASCADE ON DELETE CASCADE,
    CONSTRAINT match_participants_player_fk FOREIGN KEY (player_id) REFERENCES players (id),
    CONSTRAINT match_participants_report_code CHECK (report IN (-4, -3, -1, 0, 1, 2))
);

-- A player is in at most one open match.
CREATE UNIQUE INDEX match_participants_one_open_match ON match_participants (player_id) WHERE is_open;
CREATE INDEX match_participants_by_player ON match_participants (player_id, match_id DESC);

CREATE SEQUENCE ledger_sequence START WITH 1;

CREATE TABLE rating_ledger (
    sequence           BIGINT                   NOT NULL DEFAULT nextval('ledger_sequence'),
    match_id           BIGINT,
    cause              VARCHAR(16)              NOT NULL,
    player_id          BIGINT                   NOT NULL,
    race               VARCHAR(32) COLLATE "C"  NOT NULL,
    at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    before_rating      DOUBLE PRECISION         NOT NULL,
    before_deviation   DOUBLE PRECISION         NOT NULL,
    before_volatility  DOUBLE PRECISION         NOT NULL,
    before_games       INTEGER                  NOT NULL,
    before_wins        INTEGER                  NOT NULL,
    before_losses      INTEGER                  NOT NULL,
    before_draws       INTEGER                  NOT NULL,
    before_last_played TIMESTAMP WITH TIME ZONE,
    after_rating       DOUBLE PRECISION         NOT NULL,
    after_deviation    DOUBLE PRECISION         NOT NULL,
    after_volatility   DOUBLE PRECISION         NOT NULL,
    after_games        INTEGER                  NOT NULL,
    after_wins         INTEGER                  NOT NULL,
    after_losses       INTEGER                  NOT NULL,
    after_draws        INTEGER                  NOT NULL,
    after_last_played  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rating_ledger_pk PRIMARY KEY (sequence),
    CONSTRAINT rating_ledger_rating_fk FOREIGN KEY (player_id, race) REFERENCES ratings (player_id, race),
    CONSTRAINT rating_ledger_match_fk FOREIGN KEY (match_id) REFERENCES matches (id),
    CONSTRAINT rating_ledger_cause_known CHECK (cause IN ('match', 'resolution', 'reversal', 'adjustment')),
    CONSTRAINT rating_ledger_match_unless_adjustment CHECK ((cause = 'adjustment') = (match_id IS NULL)),
    CONSTRAINT rating_ledger_games_add_up CHECK (before_games = before_wins + before_losses + before_draws
                                                 AND after_games = after_wins + after_losses + after_draws)
);

CREATE INDEX rating_ledger_by_match ON rating_ledger (match_id, sequence);
CREATE INDEX rating_ledger_by_rating ON rating_ledger (player_id, race, sequence);

CREATE TABLE queue_preferences (
    player_id   BIGINT            NOT NULL,
    races       VARCHAR(32) ARRAY NOT NULL,
    vetoed_maps VARCHAR(128) ARRAY NOT NULL,
    CONSTRAINT queue_preferences_pk PRIMARY KEY (player_id),
    CONSTRAINT queue_preferences_player_fk FOREIGN KEY (player_id) REFERENCES players (id)
);

CREATE SEQUENCE audit_sequence START WITH 1;

CREATE TABLE admin_actions (
    sequence BIGINT                   NOT NULL DEFAULT nextval('audit_sequence'),
    admin_id BIGINT                   NOT NULL,
    kind     VARCHAR(32)              NOT NULL,
    target   VARCHAR(128)             NOT NULL,
    details  TEXT                     NOT NULL,
    reason   TEXT                     NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_actions_pk PRIMARY KEY (sequence),
    CONSTRAINT admin_actions_target_not_blank CHECK (target <> ''),
    CONSTRAINT admin_actions_kind_known CHECK (kind IN ('snapshot', 'player', 'match', 'resolve', 'adjust_rating',
                                                        'remove_queue', 'unblock_queue', 'ban', 'reset_aborts',
                                                        'clear_queue'))
);

CREATE INDEX admin_actions_by_target ON admin_actions (target, sequence DESC);
CREATE INDEX admin_actions_by_admin ON admin_actions (admin_id, sequence DESC);

CREATE SEQUENCE outbox_ids START WITH 1;

CREATE TABLE notification_outbox (
    id           BIGINT                   NOT NULL DEFAULT nextval('outbox_ids'),
    recipient    BIGINT                   NOT NULL,
    kind         VARCHAR(64)              NOT NULL,
    payload      TEXT                     NOT NULL,
    dedupe_key   VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL DEFAULT 0,
    last_error   TEXT,
    delivered_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_outbox_pk PRIMARY KEY (id),
    CONSTRAINT notification_outbox_dedupe_key_uk UNIQUE (dedupe_key),
    CONSTRAINT notification_outbox_kind_not_blank CHECK (kind <> ''),
    CONSTRAINT notification_outbox_attempts_not_negative CHECK (attempts >= 0)
);

CREATE INDEX notification_outbox_pending ON notification_outbox (id) WHERE delivered_at IS NULL;

-- [jooq ignore start]
-- The leaderboard: ranked entries best first (the order of Ranks.BEST_FIRST; race compared by
-- code point), so a page is an index scan that stops after the page ...
CREATE INDEX ratings_best_first ON ratings (rating DESC, last_played DESC, player_id, race) INCLUDE (games);
-- ... and the ranked entries (a game in the active window) are counted from a narrow index.
CREATE INDEX ratings_active ON ratings (last_played) INCLUDE (games);

-- A user id belongs to one player, compared ignoring case.
CREATE UNIQUE INDEX players_user_id_unique ON players (lower(user_id));

-- TRUNCATE ... RESTART IDENTITY (tests) restarts the sequences with their tables.
ALTER SEQUENCE match_ids OWNED BY matches.id;
ALTER SEQUENCE ledger_sequence OWNED BY rating_ledger.sequence;
ALTER SEQUENCE audit_sequence OWNED BY admin_actions.sequence;
ALTER SEQUENCE outbox_ids OWNED BY notification_outbox.id;
-- [jooq ignore stop]
