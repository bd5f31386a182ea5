-- Hot standby (issue 12): two bot processes may run on one database, and the one holding the
-- lease leads (connects to Discord, runs the waves). A lease is taken when it has expired, and
-- taking it increments its fencing number; the leader's wave and match transactions check that
-- number before they commit, so a process that lost its lease cannot commit anything.

CREATE TABLE leader_lease (
    -- Which lease: 'ladder' for the one ladder of the database.
    name       VARCHAR(64)              NOT NULL,
    -- Who holds it: a process's own id (host, process id and a random part).
    holder     VARCHAR(200)             NOT NULL,
    -- Incremented by every acquisition, never by a renewal.
    fencing    BIGINT                   NOT NULL,
    -- By the holder's clock; another process may take the lease from then on.
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT leader_lease_pk PRIMARY KEY (name),
    CONSTRAINT leader_lease_fencing_positive CHECK (fencing > 0),
    CONSTRAINT leader_lease_holder_not_blank CHECK (holder <> '')
);
