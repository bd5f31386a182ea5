package dev.matchwave.emulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what JDA logs at ERROR: a payload JDA cannot parse is logged, not thrown, so a test
 * that only looks at results would miss an emulator that sends Discord's JSON wrong.
 */
final class JdaErrors extends AppenderBase<ILoggingEvent> {

    private static final JdaErrors INSTANCE = new JdaErrors();
    private final List<String> errors = new ArrayList<>();

    static synchronized void install() {
        Logger jda = (Logger) LoggerFactory.getLogger("net.dv8tion.jda");
        if (jda.getAppender("jda-errors") == null) {
            INSTANCE.setName("jda-errors");
            INSTANCE.setContext(jda.getLoggerContext());
            INSTANCE.start();
            jda.addAppender(INSTANCE);
        }
        drain();
    }

    /** The errors logged since the last call. */
    static List<String> drain() {
        synchronized (INSTANCE.errors) {
            List<String> copy = List.copyOf(INSTANCE.errors);
            INSTANCE.errors.clear();
            return copy;
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            synchronized (errors) {
                errors.add(event.getFormattedMessage());
            }
        }
    }
}
