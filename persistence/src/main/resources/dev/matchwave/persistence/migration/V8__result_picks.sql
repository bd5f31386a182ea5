-- Issue 12: the result a player picked in his match message and has not confirmed yet, so that a
-- restart or a standby shows it again and lets him confirm it. One row per (match, player);
-- gone once his report is stored.
CREATE TABLE result_picks (
    match_id  BIGINT                   NOT NULL,
    player_id BIGINT                   NOT NULL,
    -- PLAYER1, PLAYER2 or DRAW (matchmaking-core's Verdict)
    verdict   VARCHAR(16)              NOT NULL,
    picked_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT result_picks_pk PRIMARY KEY (match_id, player_id),
    CONSTRAINT result_picks_match_fk FOREIGN KEY (match_id) REFERENCES matches (id),
    CONSTRAINT result_picks_verdict_known CHECK (verdict IN ('PLAYER1', 'PLAYER2', 'DRAW'))
);
