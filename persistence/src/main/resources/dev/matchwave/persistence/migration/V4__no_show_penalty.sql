-- The no-show penalty (issue 17): a player who does not confirm enough matches within a window
-- is barred from the queue for a cooldown that grows with repeats (matchmaking-core's
-- NoShowRules). The timeouts that count (the player had been told "match found") and the bars
-- they caused are kept here; the bot reads the bar in force at each join.

CREATE TABLE no_show_timeouts (
    player_id  BIGINT                   NOT NULL,
    -- The match he did not confirm; one timeout per player and match.
    match_id   BIGINT                   NOT NULL,
    timed_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT no_show_timeouts_pk PRIMARY KEY (player_id, match_id),
    CONSTRAINT no_show_timeouts_player_fk FOREIGN KEY (player_id) REFERENCES players (id)
);

CREATE INDEX no_show_timeouts_by_time ON no_show_timeouts (player_id, timed_out_at);

CREATE TABLE queue_bars (
    player_id  BIGINT                   NOT NULL,
    -- The timeout that completed the count.
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- How many timeouts caused it, and how many earlier bars made it longer.
    timeouts   INTEGER                  NOT NULL,
    repeat     INTEGER                  NOT NULL,
    -- When an admin lifted it (audited in admin_actions as lift_cooldown).
    lifted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT queue_bars_pk PRIMARY KEY (player_id, starts_at),
    CONSTRAINT queue_bars_player_fk FOREIGN KEY (player_id) REFERENCES players (id),
    CONSTRAINT queue_bars_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT queue_bars_timeouts_positive CHECK (timeouts > 0),
    CONSTRAINT queue_bars_repeat_not_negative CHECK (repeat >= 0),
    CONSTRAINT queue_bars_lifted_after_start CHECK (lifted_at IS NULL OR lifted_at >= starts_at)
);

ALTER TABLE admin_actions DROP CONSTRAINT admin_actions_kind_known;
ALTER TABLE admin_actions ADD CONSTRAINT admin_actions_kind_known CHECK (kind IN ('snapshot', 'player', 'match',
    'resolve', 'adjust_rating', 'remove_queue', 'unblock_queue', 'ban', 'reset_aborts', 'clear_queue',
    'lift_cooldown'));
