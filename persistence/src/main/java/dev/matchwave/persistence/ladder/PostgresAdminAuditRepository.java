package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.persistence.internal.Sql;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@link AdminAuditRepository} on PostgreSQL: the append-only {@code admin_actions} table,
 * numbered by a sequence.
 *
 * <p>Thread-safe; every method blocks on the database.
 */
final class PostgresAdminAuditRepository implements AdminAuditRepository {

    private final DSLContext dsl;

    PostgresAdminAuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public AuditEntry append(AdminAction action) {
        Objects.requireNonNull(action, "action");
        return Sql.write(dsl, "audit " + action.kind() + " by " + action.admin(), tx -> Rows.auditEntry(tx
                .insertInto(ADMIN_ACTIONS)
                .set(Rows.auditRow(action))
                .returning()
                .fetchSingle()));
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return newestFirst("read the audit trail", DSL.trueCondition(), limit);
    }

    @Override
    public List<AuditEntry> aboutTarget(String target, int limit) {
        Objects.requireNonNull(target, "target");
        return newestFirst("read the audit trail of " + target, ADMIN_ACTIONS.TARGET.eq(target), limit);
    }

    @Override
    public List<AuditEntry> byAdmin(PlayerId admin, int limit) {
        Objects.requireNonNull(admin, "admin");
        return newestFirst("read the audit trail of admin " + admin, ADMIN_ACTIONS.ADMIN_ID.eq(admin.value()), limit);
    }

    private List<AuditEntry> newestFirst(String operation, Condition condition, int limit) {
        Limits.requirePositive(limit);
        return Sql.read(dsl, operation, db -> db.selectFrom(ADMIN_ACTIONS)
                .where(condition)
                .orderBy(ADMIN_ACTIONS.SEQUENCE.desc())
                .limit(limit)
                .fetch(Rows::auditEntry));
    }
}
