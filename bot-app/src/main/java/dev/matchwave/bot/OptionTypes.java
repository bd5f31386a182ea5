package dev.matchwave.bot;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the command line reads typed option values. Each converter's message is the end of a
 * sentence that {@link UsageErrors} starts with the option's name: {@code --players} + " must be
 * a whole number, got 'many'". Registered for every subcommand by {@link Main}.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** Registers the converters for int, long, {@link Path} and {@link Duration} on the whole command tree. */
    static CommandLine register(CommandLine line) {
        return line.registerConverter(Integer.class, new WholeNumber())
                .registerConverter(Integer.TYPE, new WholeNumber())
                .registerConverter(Long.class, OptionTypes::longNumber)
                .registerConverter(Long.TYPE, OptionTypes::longNumber)
                .registerConverter(Path.class, OptionTypes::path)
                // Every duration of this command line is whole seconds (docs/demo.md), not ISO-8601.
                .registerConverter(Duration.class, value -> Duration.ofSeconds(longNumber(value)));
    }

    /** An int, written in decimal; surrounding blanks are ignored. */
    static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long number = longNumber(value);
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new TypeConversionException("is out of range: " + value);
            }
            return (int) number;
        }
    }

    /**
     * An int from {@code min} to {@code max}; a number out of range or not a number gets the same
     * message, which says both what and which.
     */
    abstract static class WholeNumberFrom implements ITypeConverter<Integer> {

        private final int min;
        private final int max;

        WholeNumberFrom(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // The same message as out of range.
            }
            throw new TypeConversionException("must be a whole number from " + min + " to " + max + ", got '" + value
                    + "'");
        }
    }

    static long longNumber(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, got '" + value + "'");
        }
    }

    static Path path(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("must name a file or folder, got '" + value + "'");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("is not a valid path (" + e.getReason() + "), got '" + value + "'");
        }
    }
}
