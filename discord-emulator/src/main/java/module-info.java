/**
 * A local Discord for tests and the offline demo: REST routes, the gateway, rate limits and
 * scripted users. It knows no JDA.
 */
module dev.matchwave.emulator {
    requires static org.jspecify;
    requires com.fasterxml.jackson.databind;
    requires org.java_websocket;
    requires org.slf4j;
    requires jdk.httpserver;

    exports dev.matchwave.emulator;
    exports dev.matchwave.emulator.ratelimit;
    exports dev.matchwave.emulator.recording;
}
