package dev.matchwave.persistence.roles;

import static dev.matchwave.persistence.internal.schema.Tables.RANK_ROLES_HELD;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.roles.HeldRoles;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.internal.Sql;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The rank roles Discord accepted, in {@code rank_roles_held}: one row per (guild, player, role).
 * Guild and role ids are Discord ids (decimal); anything else is refused as {@code INVALID}.
 *
 * <p>Thread-safe. Every method blocks on the database (see {@link Database}) and reports
 * failures as {@link StoreException}.
 */
public final class PostgresHeldRoles implements HeldRoles {

    private final DSLContext dsl;

    public PostgresHeldRoles(Database database) {
        this.dsl = Objects.requireNonNull(database, "database").dsl();
    }

    @Override
    public Map<PlayerId, Set<String>> heldIn(String guild) {
        long guildId = id("guild", guild);
        return Sql.read(dsl, "read the rank roles held in guild " + guild, db -> {
            Map<PlayerId, Set<String>> held = new HashMap<>();
            db.select(RANK_ROLES_HELD.PLAYER_ID, RANK_ROLES_HELD.ROLE_ID).from(RANK_ROLES_HELD)
                    .where(RANK_ROLES_HELD.GUILD_ID.eq(guildId))
                    .fetch()
                    .forEach(r -> held.computeIfAbsent(PlayerId.of(r.value1()), p -> new HashSet<>())
                            .add(Long.toString(r.value2())));
            return held;
        });
    }

    @Override
    public void given(String guild, PlayerId player, String role) {
        long guildId = id("guild", guild);
        long roleId = id("role", role);
        Objects.requireNonNull(player, "player");
        Sql.write(dsl, "record rank role " + role + " of player " + player, tx -> tx.insertInto(RANK_ROLES_HELD)
                .set(RANK_ROLES_HELD.GUILD_ID, guildId)
                .set(RANK_ROLES_HELD.PLAYER_ID, player.value())
                .set(RANK_ROLES_HELD.ROLE_ID, roleId)
                .onConflictDoNothing()
                .execute());
    }

    @Override
    public void taken(String guild, PlayerId player, String role) {
        long guildId = id("guild", guild);
        long roleId = id("role", role);
        Objects.requireNonNull(player, "player");
        Sql.write(dsl, "forget rank role " + role + " of player " + player, tx -> tx.deleteFrom(RANK_ROLES_HELD)
                .where(RANK_ROLES_HELD.GUILD_ID.eq(guildId), RANK_ROLES_HELD.PLAYER_ID.eq(player.value()),
                        RANK_ROLES_HELD.ROLE_ID.eq(roleId))
                .execute());
    }

    private static long id(String what, String text) {
        Objects.requireNonNull(text, what);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StoreException.invalid(what + " id must be a Discord id, got '" + text + "'");
    }
}
