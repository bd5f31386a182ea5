package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
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
 *
 * <p>The emulator closes a connection as RFC 6455 (section 7.1.1) says: it sends its Close frame,
 * waits for the bot's Close frame in reply, and only then closes the TCP connection (or after
 * {@link #CLOSE_REPLY_WAIT} without a reply). Java-WebSocket's own {@code close} drops the TCP
 * connection right after writing the Close frame; a client that read the Close frame together with
 * the end of the stream could then lose it and see 1006 instead of the code (Java-WebSocket issue
 * 983, and the JDK's WebSocket client showed it about once in a few hundred refusals).
 */
final class GatewayServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    /** How many dispatches a session keeps for a RESUME. */
    private static final int REPLAY_BUFFER = 10_000;
    /** How long a Close frame waits for the bot's reply before the TCP connection is closed anyway. */
    static final java.time.Duration CLOSE_REPLY_WAIT = java.time.Duration.ofSeconds(5);

    private final DiscordState state;
    private final EmulatorConfig config;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, Session> sessions = new HashMap<>();
    private @Nullable Session active;
    private volatile @Nullable Exception startFailure;
    /** Closes connections whose peer never answered a Close frame. */
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "emulator-gateway-closer");
        thread.setDaemon(true);
        return thread;
    });

    GatewayServer(InetSocketAddress address, DiscordState state, EmulatorConfig config) {
        super(address, List.<Draft>of(new CloseHandshakeDraft()));
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

    /** Stops the server and its closer. */
    void shutdown() throws InterruptedException {
        try {
            stop(1000);
        } finally {
            closer.shutdownNow();
        }
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        Map<String, String> query = DiscordEmulator.query(URI.create(handshake.getResourceDescriptor()).getRawQuery());
        String compress = query.get("compress");
        boolean zlib = "zlib-stream".equals(compress);
        Link link = new Link(connection, zlib, closer);
        connection.setAttachment(link);
        if (compress != null && !zlib) {
            LOG.error("The bot asked for gateway compression '{}': the emulator speaks zlib-stream or none", compress);
            link.close(4012, "compression " + compress + " is not emulated: use zlib-stream or none");
            return;
        }
        if (!"10".equals(query.getOrDefault("v", "10")) || !"json".equals(query.getOrDefault("encoding", "json"))) {
            LOG.error("The bot asked for gateway v={} encoding={}: the emulator speaks v10 JSON", query.get("v"),
                    query.get("encoding"));
            link.close(4012, "only v=10&encoding=json is emulated");
            return;
        }
        link.send(Json.write(Json.object().put("op", 10).putNull("s").putNull("t")
                .set("d", Json.object().put("heartbeat_interval", config.heartbeatInterval().toMillis()))));
    }

    @Override
    public void onMessage(WebSocket connection, String text) {
        Link link = connection.getAttachment();
        if (link == null || link.closing()) {
            // After its Close frame the emulator reads only the bot's Close in reply.
            return;
        }
        JsonNode payload;
        try {
            payload = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            link.close(4002, "Error while decoding payload.");
            return;
        }
        JsonNode data = payload.path("d");
        switch (payload.path("op").asInt(-1)) {
            case 1 -> link.send(Json.write(Json.object().put("op", 11).putNull("d").putNull("s").putNull("t")));
            case 2 -> identify(link, data);
            case 6 -> resume(link, data);
            case 8 -> requestMembers(link, data);
            case 3, 4 -> LOG.debug("gateway op {} ignored (presence and voice are not emulated)", payload.path("op").asInt());
            default -> link.close(4001, "Unknown opcode " + payload.path("op"));
        }
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        Link link = connection.getAttachment();
        if (link != null) {
            Session session = link.session;
            if (session != null) {
                session.detach(link);
            }
            link.close();
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

    private void identify(Link link, JsonNode data) {
        if (link.session != null) {
            link.close(4005, "Already authenticated.");
            return;
        }
        if (!tokenMatches(data)) {
            LOG.warn("gateway IDENTIFY with a wrong token");
            link.close(4004, "Authentication failed.");
            return;
        }
        // Lock order: the emulator state, then this, then a session; never a session, then Java-WebSocket's own.
        Session session = new Session(state.randomToken(16));
        synchronized (this) {
            sessions.put(session.id, session);
            active = session;
        }
        LOG.info("gateway: the bot identified (intents {}), session {}", data.path("intents").asLong(), session.id);
        closeReplaced(session.attach(link));
        session.dispatch("READY", state.readyPayload(session.id, url().toString()));
        for (ObjectNode guild : state.guildCreatePayloads()) {
            session.dispatch("GUILD_CREATE", guild);
        }
        state.touch();
    }

    /** Op 8 Request Guild Members: every member of the guild(s) asked for, in GUILD_MEMBERS_CHUNK dispatches. */
    private void requestMembers(Link link, JsonNode data) {
        Session session = link.session;
        if (session == null) {
            link.close(4003, "Not authenticated.");
            return;
        }
        JsonNode ids = data.path("guild_id");
        java.util.List<Long> guilds = new java.util.ArrayList<>();
        if (ids.isArray()) {
            ids.forEach(id -> guilds.add(id.asLong()));
        } else {
            guilds.add(ids.asLong());
        }
        String nonce = data.hasNonNull("nonce") ? data.get("nonce").asText() : null;
        for (long guild : guilds) {
            state.memberChunks(guild, nonce).forEach(chunk -> session.dispatch("GUILD_MEMBERS_CHUNK", chunk));
        }
    }

    private void resume(Link link, JsonNode data) {
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
            link.send(Json.write(Json.object().put("op", 9).put("d", false).putNull("s").putNull("t")));
            return;
        }
        LOG.info("gateway: the bot resumed session {} after sequence {}", session.id, data.path("seq").asLong());
        closeReplaced(session.resume(link, data.path("seq").asLong()));
        state.touch();
    }

    private static void closeReplaced(@Nullable Link replaced) {
        if (replaced != null && replaced.connection.isOpen()) {
            replaced.close(4009, "Session replaced");
        }
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

    /** Closes the connection with 1001 Going away, as Discord does when a node restarts; the bot resumes. */
    void dropConnection() {
        activeSession().closeConnection(1001, "Going away (the emulator dropped the connection)");
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

    /**
     * One WebSocket connection: plain JSON text frames, or one zlib stream over binary frames,
     * each payload flushed with Z_SYNC_FLUSH so it ends in 00 00 FF FF (developers/events/gateway,
     * "Transport Compression"). Sends are serialized, so the stream stays in order.
     */
    private static final class Link {
        final WebSocket connection;
        private final @Nullable Deflater deflater;
        private final ScheduledExecutorService closer;
        volatile @Nullable Session session;
        /** The code of the Close frame the emulator sent; 0 until it sends one. Guarded by this. */
        private int closeCode;
        private String closeReason = "";

        Link(WebSocket connection, boolean zlib, ScheduledExecutorService closer) {
            this.connection = connection;
            this.deflater = zlib ? new Deflater() : null;
            this.closer = closer;
        }

        /**
         * Starts the closing handshake: sends a Close frame and nothing after it. The TCP connection
         * is closed when the bot's Close arrives ({@link CloseHandshakeDraft}), or after
         * {@link #CLOSE_REPLY_WAIT}.
         */
        void close(int code, String reason) {
            synchronized (this) {
                if (closeCode != 0 || !connection.isOpen()) {
                    return;
                }
                closeCode = code;
                closeReason = reason;
                CloseFrame frame = new CloseFrame();
                frame.setCode(code);
                frame.setReason(reason);
                try {
                    connection.sendFrame(frame);
                } catch (WebsocketNotConnectedException e) {
                    LOG.debug("gateway connection closed before its Close frame", e);
                    return;
                }
            }
            closer.schedule(() -> closeConnection(true), CLOSE_REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized boolean closing() {
            return closeCode != 0;
        }

        /** Ends the TCP connection after the closing handshake (or its timeout), with the code sent. */
        void closeConnection(boolean timedOut) {
            int code;
            String reason;
            synchronized (this) {
                code = closeCode;
                reason = closeReason;
            }
            if (!connection.isClosed()) {
                if (timedOut) {
                    LOG.debug("gateway: no Close in reply within {}, closing the connection", CLOSE_REPLY_WAIT);
                }
                // Outside this lock: Java-WebSocket calls onClose under its own.
                ((WebSocketImpl) connection).closeConnection(code, reason, false);
            }
        }

        synchronized void send(String text) {
            if (!connection.isOpen() || closeCode != 0) {
                return;
            }
            try {
                if (deflater == null) {
                    connection.send(text);
                } else {
                    connection.send(compress(text));
                }
            } catch (WebsocketNotConnectedException e) {
                // Closed meanwhile: a dispatch stays in the session's replay for the RESUME.
                LOG.debug("gateway connection closed while sending", e);
            }
        }

        private byte[] compress(String text) {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length);
            return out.toByteArray();
        }

        synchronized void close() {
            if (deflater != null) {
                deflater.end();
            }
        }
    }

    /** One gateway session: its sequence, its dispatches for a RESUME, its current connection. */
    private static final class Session {
        final String id;
        private final ArrayDeque<Sent> replay = new ArrayDeque<>();
        private @Nullable Link link;
        private long sequence;

        Session(String id) {
            this.id = id;
        }

        /** Takes a connection; the one it replaces is closed by the caller, outside this lock. */
        synchronized @Nullable Link attach(Link newLink) {
            Link replaced = link != null && link != newLink ? link : null;
            if (replaced != null) {
                replaced.session = null;
            }
            link = newLink;
            newLink.session = this;
            return replaced;
        }

        synchronized void detach(Link closed) {
            if (link == closed) {
                link = null;
            }
        }

        synchronized boolean connected() {
            return link != null && link.connection.isOpen();
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
            if (link != null) {
                link.send(text);
            }
        }

        synchronized void send(JsonNode payload) {
            if (link != null) {
                link.send(Json.write(payload));
            }
        }

        /** Closes the connection; Java-WebSocket calls onClose under its own lock, so not under this one. */
        void closeConnection(int code, String reason) {
            Link current;
            synchronized (this) {
                current = link;
            }
            if (current != null) {
                current.close(code, reason);
            }
        }

        /**
         * Takes the new connection, replays every dispatch after {@code after}, then RESUMED;
         * returns the connection it replaced, for the caller to close outside this lock.
         */
        synchronized @Nullable Link resume(Link newLink, long after) {
            Link replaced = attach(newLink);
            for (Sent sent : replay) {
                if (sent.sequence > after) {
                    newLink.send(sent.text);
                }
            }
            dispatch("RESUMED", Json.object());
            return replaced;
        }
    }

    private record Sent(long sequence, String text) {
    }

    /**
     * RFC 6455 framing with one change: the bot's Close frame answering the emulator's own ends the
     * TCP connection at once, instead of being echoed (Java-WebSocket's handling when it did not
     * start the close itself, which is how {@link Link#close} sends its frame).
     */
    private static final class CloseHandshakeDraft extends Draft_6455 {

        @Override
        public void processFrame(WebSocketImpl connection, Framedata frame) throws InvalidDataException {
            if (frame.getOpcode() == Opcode.CLOSING && connection.getAttachment() instanceof Link link && link.closing()) {
                link.closeConnection(false);
                return;
            }
            super.processFrame(connection, frame);
        }

        @Override
        public Draft copyInstance() {
            return new CloseHandshakeDraft();
        }
    }
}
