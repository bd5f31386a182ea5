package dev.matchwave.discord.component;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a button, select or modal of the bot does. Each action has a short code that goes into
 * the custom id; codes are never renamed or reused, since old messages still carry them.
 */
public enum ComponentAction {

    /** Queue view: the Brood War race select. */
    BW_RACE("bwr", false),
    /** Queue view: the StarCraft II race select. */
    SC2_RACE("s2r", false),
    /** Queue view: the map veto select. */
    MAP_VETO("veto", false),
    /** Queue view: join the queue. */
    JOIN("join", false),
    /** Queue view: clear the selections. */
    CLEAR("clear", false),
    /** Searching message: leave the queue. */
    CANCEL("cancel", false),
    /** Match found: confirm. */
    CONFIRM("conf", true),
    /** Match found or match view: abort, first click (arms the button). */
    ABORT("abort", true),
    /** The armed abort button: the second click aborts. */
    ABORT_CONFIRM("abort2", true),
    /** Match view: the result select. */
    REPORT("rep", true),
    /** Match view: the select that confirms the chosen result. */
    REPORT_CONFIRM("repok", true),
    /** Leaderboard: another page; the argument carries the page and filters. */
    LEADERBOARD_PAGE("lb", false),
    /** Terms of service: accept. */
    ACCEPT_TERMS("tos", false),
    /** Setup: the modal with ids and BattleTag. */
    SETUP_MODAL("smod", false),
    /** Setup: the country select. */
    SETUP_COUNTRY("scty", false),
    /** Setup: the home region select. */
    SETUP_REGION("sreg", false);

    private static final Map<String, ComponentAction> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ComponentAction::code, Function.identity()));

    private final String code;
    private final boolean aboutAMatch;

    ComponentAction(String code, boolean aboutAMatch) {
        this.code = code;
        this.aboutAMatch = aboutAMatch;
    }

    /** The code in the custom id. */
    public String code() {
        return code;
    }

    /** Whether the action concerns one match, whose id the custom id must then carry. */
    public boolean aboutAMatch() {
        return aboutAMatch;
    }

    /** The action with this code, if any. */
    public static Optional<ComponentAction> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
