package dev.matchwave.bot.web;

import java.util.List;

/** A 400, 404 or 405 page: the status, a title and what was wrong. Immutable. */
public record ProblemPage(int status, String title, List<String> problems) {

    public ProblemPage {
        problems = List.copyOf(problems);
    }
}
