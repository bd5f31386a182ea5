/**
 * Leadership among processes that share one database: {@link dev.matchwave.persistence.lease.LeaderLease}
 * (the lease row: take, renew, release, and the fence that the leader's transactions check) and
 * {@link dev.matchwave.persistence.lease.LeaderElection} (waits for the lease, keeps it renewed,
 * and says when it is lost).
 */
@NullMarked
package dev.matchwave.persistence.lease;

import org.jspecify.annotations.NullMarked;
