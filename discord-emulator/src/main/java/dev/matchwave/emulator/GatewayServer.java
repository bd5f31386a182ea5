package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway (developers/events/gateway): HELLO on connect, IDENTIFY answered with READY and
 * one GUILD_CREATE per guild, heartbeats acknowledged, RESUME replaying what was missed,
 * INVALID_SESSION for a session it does not know, dispatches numbered in order per session.
 *
 * <p>Thread-safe: Java-WebSocket calls in from its threads; each session numbers and sends its
 * dispatches under its own lock, so sequence numbers go out in order.
 */
final class GatewayServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    /** How many dispatches a session keeps for a RESUME. */
    private static final int REPLAY_BUFFER = 10_000;

    private final DiscordState state;
    private final EmulatorConfig config;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, Session> sessions = new HashMap<>();
    private @Nullable Session active;
    private volatile @Nullable Exception startFailure;

    GatewayServer(InetSocketAddress address, DiscordState state, EmulatorConfig config) {
        super(address);
        this.state = state;
        this.config = config;
        setReuseAddr(true);
        // Discord's liveness check is the heartbeat, not WebSocket pings.
        setConnectionLostTimeout(0);
    }

    /** Starts and waits until the port is bound. */
    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not start within 10 s");
        }
        Exception failure = startFailure;
        if (failure != null) {
            throw new IllegalStateException("the gateway could not start: " + failure.getMessage(), failure);
        }
    }

    URI url() {
        return URI.create("ws://" + DiscordEmulator.hostText(config.host()) + ":" + getPort() + "/");
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        Map<String, String> query = DiscordEmulator.query(URI.create(handshake.getResourceDescriptor()).getRawQuery());
        if (query.containsKey("compress")) {
            LOG.error("The bot asked for gateway compression '{}': the emulator speaks plain JSON; "
                    + "connect with Compression.NONE", query.get("compress"));
            connection.close(4012, "compression " + query.get("compress") + " is not emulated: use Compression.NONE");
            return;
        }
        if (!"10".equals(query.getOrDefault("v", "10")) || !"json".equals(query.getOrDefault("encoding", "json"))) {
            LOG.error("The bot asked for gateway v={} encoding={}: the emulator speaks v10 JSON", query.get("v"),
                    query.get("encoding"));
            connection.close(4012, "only v=10&encoding=json is emulated");
            return;
        }
        send(connection, Json.object().put("op", 10).putNull("s").putNull("t")
                .set("d", Json.object().put("heartbeat_interval", config.heartbeatInterval().toMillis())));
    }

    @Override
    public void onMessage(WebSocket connection, String text) {
        JsonNode payload;
        try {
            payload = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            connection.close(4002, "Error while decoding payload.");
            return;
        }
        JsonNode data = payload.path("d");
        switch (payload.path("op").asInt(-1)) {
            case 1 -> send(connection, Json.object().put("op", 11).putNull("d").putNull("s").putNull("t"));
            case 2 -> identify(connection, data);
            case 6 -> resume(connection, data);
            case 3, 4, 8 -> LOG.debug("gateway op {} ignored (presence, voice and member requests are not emulated)",
                    payload.path("op").asInt());
            default -> connection.close(4001, "Unknown opcode " + payload.path("op"));
        }
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        Session session = connection.getAttachment();
        if (session != null) {
            session.detach(connection);
        }
        state.touch();
        LOG.debug("gateway connection closed: {} {} (by {})", code, reason, remote ? "the bot" : "the emulator");
    }

    @Override
    public void onError(@Nullable WebSocket connection, Exception error) {
        if (connection == null) {
            startFailure = error;
            started.countDown();
        }
        LOG.warn("gateway error", error);
    }

    private boolean tokenMatches(JsonNode data) {
        String token = data.path("token").asText("");
        return token.equals(config.botToken()) || token.equals("Bot " + config.botToken());
    }

    private void identify(WebSocket connection, JsonNode data) {
        if (connection.getAttachment() != null) {
            connection.close(4005, "Already authenticated.");
            return;
        }
        if (!tokenMatches(data)) {
            LOG.warn("gateway IDENTIFY with a wrong token");
            connection.close(4004, "Authentication failed.");
            return;
        }
        Session session;
        synchronized (this) {
            session = new Session(state.randomToken(16));
            sessions.put(session.id, session);
            active = session;
        }
        LOG.info("gateway: the bot identified (intents {}), session {}", data.path("intents").asLong(), session.id);
        session.attach(connection);
        session.dispatch("READY", state.readyPayload(session.id, url().toString()));
        for (ObjectNode guild : state.guildCreatePayloads()) {
            session.dispatch("GUILD_CREATE", guild);
        }
        state.touch();
    }

    private void resume(WebSocket connection, JsonNode data) {
        Session session;
        synchronized (this) {
            session = sessions.get(data.path("session_id").asText(""));
            if (session != null && tokenMatches(data)) {
                active = session;
            } else {
                session = null;
            }
        }
        if (session == null) {
            LOG.info("gateway: RESUME of an unknown session, answered INVALID_SESSION");
            send(connection, Json.object().put("op", 9).put("d", false).putNull("s").putNull("t"));
            return;
        }
        LOG.info("gateway: the bot resumed session {} after sequence {}", session.id, data.path("seq").asLong());
        session.resume(connection, data.path("seq").asLong());
        state.touch();
    }

    /** Sends a dispatch to the bot's session; false when the bot has none (never identified or invalidated). */
    boolean dispatch(String type, ObjectNode data) {
        Session session;
        synchronized (this) {
            session = active;
        }
        if (session == null) {
            return false;
        }
        session.dispatch(type, data);
        return true;
    }

    /** Whether the bot's session is connected now. */
    synchronized boolean botConnected() {
        return active != null && active.connected();
    }

    /** Asks the bot to reconnect and resume (op 7 RECONNECT). */
    void requestReconnect() {
        Session session = activeSession();
        session.send(Json.object().put("op", 7).putNull("d").putNull("s").putNull("t"));
    }

    /** Closes the connection as Discord does when it restarts a node; the bot resumes. */
    void dropConnection() {
        activeSession().closeConnection(4000, "Unknown error (the emulator dropped the connection)");
    }

    /** Invalidates the session (op 9, not resumable): the bot must identify again and gets a new READY. */
    void invalidateSession() {
        Session session = activeSession();
        synchronized (this) {
            sessions.remove(session.id);
            if (active == session) {
                active = null;
            }
        }
        session.send(Json.object().put("op", 9).put("d", false).putNull("s").putNull("t"));
    }

    private synchronized Session activeSession() {
        if (active == null) {
            throw new IllegalStateException("the bot has no gateway session");
        }
        return active;
    }

    private static void send(WebSocket connection, JsonNode payload) {
        if (connection.isOpen()) {
            connection.send(Json.write(payload));
        }
    }

    /** One gateway session: its sequence, its dispatches for a RESUME, its current connection. */
    private static final class Session {
        final String id;
        private final ArrayDeque<Sent> replay = new ArrayDeque<>();
        private @Nullable WebSocket connection;
        private long sequence;

        Session(String id) {
            this.id = id;
        }

        synchronized void attach(WebSocket newConnection) {
            if (connection != null && connection != newConnection && connection.isOpen()) {
                connection.setAttachment(null);
                connection.close(4009, "Session replaced");
            }
            connection = newConnection;
            newConnection.setAttachment(this);
        }

        synchronized void detach(WebSocket closed) {
            if (connection == closed) {
                connection = null;
            }
        }

        synchronized boolean connected() {
            return connection != null && connection.isOpen();
        }

        synchronized void dispatch(String type, JsonNode data) {
            sequence++;
            ObjectNode payload = Json.object().put("op", 0).put("s", sequence).put("t", type);
            payload.set("d", data);
            String text = Json.write(payload);
            replay.addLast(new Sent(sequence, text));
            if (replay.size() > REPLAY_BUFFER) {
                replay.removeFirst();
            }
            if (connection != null && connection.isOpen()) {
                connection.send(text);
            }
        }

        synchronized void send(JsonNode payload) {
            if (connection != null && connection.isOpen()) {
                connection.send(Json.write(payload));
            }
        }

        synchronized void closeConnection(int code, String reason) {
            if (connection != null) {
                connection.close(code, reason);
            }
        }

        /** Takes the new connection, replays every dispatch after {@code after}, then RESUMED. */
        synchronized void resume(WebSocket newConnection, long after) {
            attach(newConnection);
            for (Sent sent : replay) {
                if (sent.sequence > after) {
                    newConnection.send(sent.text);
                }
            }
            dispatch("RESUMED", Json.object());
        }
    }

    private record Sent(long sequence, String text) {
    }
}
