package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A platform's member roles for tests: requests are answered when the test releases them
 * (in any order), with the result a script chooses. Thread-confined to the test thread.
 */
final class FakeGuildRoles implements MemberRoles {

    record Request(String guild, PlayerId player, String role, boolean add, CompletableFuture<Result> answer) {
    }

    final Map<PlayerId, Set<String>> roles = new HashMap<>();
    final Set<PlayerId> members = new HashSet<>();
    final List<Request> waiting = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    int maxWaiting;
    Function<Request, Result> script = r -> Result.DONE;

    @Override
    public CompletionStage<Result> add(String guild, PlayerId player, String role) {
        return request(new Request(guild, player, role, true, new CompletableFuture<>()));
    }

    @Override
    public CompletionStage<Result> remove(String guild, PlayerId player, String role) {
        return request(new Request(guild, player, role, false, new CompletableFuture<>()));
    }

    private CompletionStage<Result> request(Request request) {
        waiting.add(request);
        maxWaiting = Math.max(maxWaiting, waiting.size());
        log.add((request.add() ? "+" : "-") + request.role() + "@" + request.player().value());
        return request.answer();
    }

    /** Answers the waiting request at {@code index}; returns false when none waits. */
    boolean release(int index) {
        if (waiting.isEmpty()) {
            return false;
        }
        Request request = waiting.remove(Math.floorMod(index, waiting.size()));
        Result result = members.contains(request.player()) ? script.apply(request) : Result.NOT_A_MEMBER;
        if (result == Result.DONE) {
            Set<String> his = roles.computeIfAbsent(request.player(), p -> new HashSet<>());
            if (request.add()) {
                his.add(request.role());
            } else {
                his.remove(request.role());
            }
        }
        request.answer().complete(result);
        return true;
    }

    void releaseAll() {
        while (release(0)) {
            // answering may start the next request
        }
    }

    Set<String> of(PlayerId player) {
        return roles.getOrDefault(player, Set.of());
    }
}
