package dev.matchwave.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors in the command line's words: one line that names the option
 * ({@code --players must be a whole number, got 'many'}, {@code --seed is given twice}) and, where
 * the line itself does not say what to write, points at the subcommand's {@code --help}.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    /** The message for {@code error}, without the {@code matchwave <subcommand>: } prefix. */
    static String oneLine(ParameterException error) {
        CommandSpec command = error.getCommandLine().getCommandSpec();
        String help = "see " + command.qualifiedName() + " --help";
        if (error instanceof OverwrittenOptionException twice && twice.getOverwritten() != null) {
            return name(twice.getOverwritten()) + " is given twice";
        }
        List<String> unknown = error.getCommandLine().getUnmatchedArguments();
        if (error instanceof MissingParameterException && !unknown.isEmpty()) {
            // picocli checks required options first; "--matchs 5" is better answered by its typo
            // than by "--matches is required".
            return unmatched(new UnmatchedArgumentException(error.getCommandLine(), unknown), command, help);
        }
        if (error instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec arg = missing.getMissing().get(0);
            // picocli says "Missing required option" for an option not given, and "Missing
            // required parameter for option" or "Expected parameter for option" for one given
            // without its value.
            if (error.getMessage().startsWith("Missing required option")) {
                return name(arg) + " is required (" + choices(arg).map(c -> "one of " + c).orElse(help) + ")";
            }
            return name(arg) + " needs a value";
        }
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(unmatched, command, help);
        }
        if (error.getCause() instanceof TypeConversionException bad && error.getArgSpec() != null) {
            ArgSpec arg = error.getArgSpec();
            // A flag given "--json=yes": picocli takes only true or false there.
            return name(arg) + (arg.arity().max == 0 ? " takes no value" : " " + bad.getMessage());
        }
        // Whatever else picocli finds, in its own words (all of them name the option).
        return error.getMessage() + " (" + help + ")";
    }

    private static String unmatched(UnmatchedArgumentException error, CommandSpec command, String help) {
        String first = error.getUnmatched().get(0);
        if (first.startsWith("-")) {
            int equals = first.indexOf('=');
            OptionSpec flag = equals > 0 ? command.findOption(first.substring(0, equals)) : null;
            if (flag != null && flag.arity().max == 0) {
                return flag.longestName() + " takes no value";
            }
            List<String> suggestions = error.getSuggestions();
            return "unknown option '" + first + "' ("
                    + (suggestions.isEmpty() ? "" : "did you mean " + String.join(" or ", suggestions) + "? ")
                    + help + ")";
        }
        if (!command.subcommands().isEmpty()) {
            List<String> known = new ArrayList<>(command.subcommands().keySet());
            return "unknown subcommand '" + first + "' (known: " + String.join(", ", known) + "; " + help + ")";
        }
        return "unexpected argument '" + first + "' (" + help + ")";
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static Optional<String> choices(ArgSpec arg) {
        if (arg.completionCandidates() == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        arg.completionCandidates().forEach(names::add);
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }
}
