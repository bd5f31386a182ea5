-- Rank roles (issue 17): the role of each player's best letter rank, given in the guilds the
-- operator configured. What is kept here is what Discord accepted: the roles the ladder gave and
-- has not taken back. The roles a player should hold are not stored; they follow from the
-- ratings, so after a crash a new process ranks everybody again, compares with this table and
-- sends only what is still owed (matchmaking-core's RankRoleSync).

CREATE TABLE rank_roles_held (
    guild_id   BIGINT                   NOT NULL,
    player_id  BIGINT                   NOT NULL,
    role_id    BIGINT                   NOT NULL,
    given_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT rank_roles_held_pk PRIMARY KEY (guild_id, player_id, role_id),
    CONSTRAINT rank_roles_held_player_fk FOREIGN KEY (player_id) REFERENCES players (id)
);
