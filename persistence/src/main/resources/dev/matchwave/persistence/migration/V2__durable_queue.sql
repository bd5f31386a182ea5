-- The queue survives a restart (issue 12): its entries, the join-limit log, who is in a match
-- by the queue's books, and the last wave's number. QueueService writes each change here before
-- it answers; a wave's matched entries are deleted in the transaction that creates its matches.

CREATE TABLE queue_entries (
    player_id     BIGINT                   NOT NULL,
    -- The entry's place in join order; a player who leaves and joins again gets a new one.
    sequence      BIGINT                   NOT NULL,
    -- One seat per element, the three arrays side by side.
    seat_sides    VARCHAR(32) ARRAY        NOT NULL,
    seat_races    VARCHAR(32) ARRAY        NOT NULL,
    seat_ratings  INTEGER ARRAY            NOT NULL,
    vetoed_maps   VARCHAR(64) ARRAY        NOT NULL,
    home_region   VARCHAR(8),
    joined_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    wait_cycles   INTEGER                  NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Opaque to the queue: how the bot reaches the player (his "Searching..." message).
    contact       VARCHAR(512),
    CONSTRAINT queue_entries_pk PRIMARY KEY (player_id),
    CONSTRAINT queue_entries_sequence_uk UNIQUE (sequence),
    CONSTRAINT queue_entries_wait_cycles_not_negative CHECK (wait_cycles >= 0)
);

CREATE TABLE queue_joins (
    player_id BIGINT                   NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX queue_joins_by_player ON queue_joins (player_id, joined_at);

CREATE TABLE queue_in_match (
    player_id BIGINT NOT NULL,
    CONSTRAINT queue_in_match_pk PRIMARY KEY (player_id)
);

CREATE TABLE queue_state (
    id        INTEGER NOT NULL,
    last_wave BIGINT  NOT NULL,
    CONSTRAINT queue_state_pk PRIMARY KEY (id),
    CONSTRAINT queue_state_one_row CHECK (id = 1)
);
