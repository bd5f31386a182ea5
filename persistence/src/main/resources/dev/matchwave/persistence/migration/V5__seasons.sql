-- Seasons (issue 17): an admin starts a new season; every rating enters it through a
-- 'season_reset' ledger entry (so the ratings stay the fold of the ledger), and the closing
-- season's final state of each rating is kept as that season's record. A player in a match
-- that spans the change is reset when his match ends (season_pending_resets). Season 1 is the
-- ladder before any new season and has no row.

CREATE TABLE seasons (
    number     INTEGER                  NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- How ratings entered it: carry, initial or toward:F (matchmaking-core's SeasonReset).
    reset      VARCHAR(32)              NOT NULL,
    CONSTRAINT seasons_pk PRIMARY KEY (number),
    CONSTRAINT seasons_number_after_the_first CHECK (number >= 2)
);

-- A season an admin set to start later; the bot starts it when it falls due (at the next start
-- if no process was running then). At most one, numbered after the current season.
CREATE TABLE season_plans (
    number    INTEGER                  NOT NULL,
    starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reset     VARCHAR(32)              NOT NULL,
    admin_id  BIGINT                   NOT NULL,
    reason    TEXT                     NOT NULL,
    CONSTRAINT season_plans_pk PRIMARY KEY (number),
    CONSTRAINT season_plans_number_after_the_first CHECK (number >= 2)
);

CREATE TABLE season_records (
    season      INTEGER                  NOT NULL,
    player_id   BIGINT                   NOT NULL,
    race        VARCHAR(32)              COLLATE "C" NOT NULL,
    rating      DOUBLE PRECISION         NOT NULL,
    deviation   DOUBLE PRECISION         NOT NULL,
    volatility  DOUBLE PRECISION         NOT NULL,
    games       INTEGER                  NOT NULL,
    wins        INTEGER                  NOT NULL,
    losses      INTEGER                  NOT NULL,
    draws       INTEGER                  NOT NULL,
    last_played TIMESTAMP WITH TIME ZONE,
    CONSTRAINT season_records_pk PRIMARY KEY (season, player_id, race),
    CONSTRAINT season_records_player_fk FOREIGN KEY (player_id) REFERENCES players (id),
    CONSTRAINT season_records_games_add_up CHECK (games = wins + losses + draws)
);

CREATE TABLE season_pending_resets (
    season    INTEGER NOT NULL,
    player_id BIGINT  NOT NULL,
    CONSTRAINT season_pending_resets_pk PRIMARY KEY (season, player_id),
    CONSTRAINT season_pending_resets_season_fk FOREIGN KEY (season) REFERENCES seasons (number),
    CONSTRAINT season_pending_resets_player_fk FOREIGN KEY (player_id) REFERENCES players (id)
);

ALTER TABLE rating_ledger DROP CONSTRAINT rating_ledger_cause_known;
ALTER TABLE rating_ledger ADD CONSTRAINT rating_ledger_cause_known
    CHECK (cause IN ('match', 'resolution', 'reversal', 'adjustment', 'season_reset'));
ALTER TABLE rating_ledger DROP CONSTRAINT rating_ledger_match_unless_adjustment;
ALTER TABLE rating_ledger ADD CONSTRAINT rating_ledger_match_unless_adjustment
    CHECK ((cause IN ('adjustment', 'season_reset')) = (match_id IS NULL));

ALTER TABLE admin_actions DROP CONSTRAINT admin_actions_kind_known;
ALTER TABLE admin_actions ADD CONSTRAINT admin_actions_kind_known CHECK (kind IN ('snapshot', 'player', 'match',
    'resolve', 'adjust_rating', 'remove_queue', 'unblock_queue', 'ban', 'reset_aborts', 'clear_queue',
    'lift_cooldown', 'new_season'));
