package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gateway protocol seen from a bare WebSocket client (the JDK's), payload by payload. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A gateway client that queues what it receives, inflating a zlib stream if asked for one. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final Inflater inflater = new Inflater();
        final StringBuilder text = new StringBuilder();
        final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        int binaryFrames;
        WebSocket socket;

        static Client connect(DiscordEmulator discord, String query) {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(discord.gatewayUrl() + "?" + query), client).join();
            return client;
        }

        JsonNode next() throws InterruptedException {
            JsonNode payload = received.poll(5, TimeUnit.SECONDS);
            assertThat(payload).as("a payload within 5 s").isNotNull();
            return payload;
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(parse(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                binaryFrames++;
                byte[] frame = binary.toByteArray();
                binary.reset();
                // Each payload of a zlib-stream ends with a sync flush: 00 00 FF FF.
                assertThat(frame).endsWith(0, 0, -1, -1);
                inflater.setInput(frame);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[4096];
                try {
                    int n;
                    while ((n = inflater.inflate(buffer)) > 0) {
                        out.write(buffer, 0, n);
                    }
                } catch (DataFormatException e) {
                    throw new AssertionError(e);
                }
                received.add(parse(out.toString(StandardCharsets.UTF_8)));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        private static JsonNode parse(String json) {
            try {
                return MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                throw new AssertionError(json, e);
            }
        }
    }

    private static String identify(String token) {
        return "{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":1,\"properties\":{}}}";
    }

    @Test
    void helloIdentifyReadyGuildCreateHeartbeatInOrder() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start(
                EmulatorConfig.builder().heartbeatInterval(Duration.ofSeconds(30)).build())) {
            Client client = Client.connect(discord, "encoding=json&v=10");
            JsonNode hello = client.next();
            assertThat(hello.path("op").asInt()).isEqualTo(10);
            assertThat(hello.path("d").path("heartbeat_interval").asLong()).isEqualTo(30_000);

            client.send(identify(discord.botToken()));
            JsonNode ready = client.next();
            assertThat(ready.path("t").asText()).isEqualTo("READY");
            assertThat(ready.path("s").asInt()).isEqualTo(1);
            JsonNode d = ready.path("d");
            assertThat(d.path("user").path("id").asText()).isEqualTo(Long.toString(discord.botUserId()));
            assertThat(d.path("guilds").get(0).path("unavailable").asBoolean()).isTrue();
            assertThat(d.path("private_channels").isArray()).isTrue();
            assertThat(d.path("session_id").asText()).isNotBlank();
            assertThat(d.path("resume_gateway_url").asText()).isEqualTo(discord.gatewayUrl().toString());
            assertThat(d.path("application").path("id").asText()).isEqualTo(Long.toString(discord.applicationId()));
            JsonNode guild = client.next();
            assertThat(guild.path("t").asText()).isEqualTo("GUILD_CREATE");
            assertThat(guild.path("s").asInt()).isEqualTo(2);
            assertThat(guild.path("d").path("id").asText()).isEqualTo(Long.toString(discord.guild().id()));

            client.send("{\"op\":1,\"d\":2}");
            assertThat(client.next().path("op").asInt()).isEqualTo(11);
            assertThat(discord.botConnected()).isTrue();

            // A second client resumes the session: what it missed after s=1 comes again, then RESUMED.
            Client resumed = Client.connect(discord, "encoding=json&v=10");
            resumed.next();
            resumed.send("{\"op\":6,\"d\":{\"token\":\"" + discord.botToken() + "\",\"session_id\":\""
                    + d.path("session_id").asText() + "\",\"seq\":1}}");
            assertThat(resumed.next().path("t").asText()).isEqualTo("GUILD_CREATE");
            JsonNode resumedEvent = resumed.next();
            assertThat(resumedEvent.path("t").asText()).isEqualTo("RESUMED");
            assertThat(resumedEvent.path("s").asInt()).isEqualTo(3);
            // The session moved: the first connection is closed.
            assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4009);
        }
    }

    @Test
    void aWrongTokenIsClosedWith4004AndAnUnknownSessionIsInvalid() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start()) {
            Client wrong = Client.connect(discord, "encoding=json&v=10");
            wrong.next();
            wrong.send(identify("not-the-token"));
            assertThat(wrong.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4004);

            Client stranger = Client.connect(discord, "encoding=json&v=10");
            stranger.next();
            stranger.send("{\"op\":6,\"d\":{\"token\":\"" + discord.botToken() + "\",\"session_id\":\"nope\",\"seq\":3}}");
            JsonNode invalid = stranger.next();
            assertThat(invalid.path("op").asInt()).isEqualTo(9);
            assertThat(invalid.path("d").asBoolean(true)).isFalse();
        }
    }

    @Test
    void zlibStreamCarriesEveryPayloadInOneStream() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start()) {
            Client client = Client.connect(discord, "encoding=json&v=10&compress=zlib-stream");
            assertThat(client.next().path("op").asInt()).isEqualTo(10);
            client.send(identify(discord.botToken()));
            assertThat(client.next().path("t").asText()).isEqualTo("READY");
            assertThat(client.next().path("t").asText()).isEqualTo("GUILD_CREATE");
            assertThat(client.binaryFrames).isEqualTo(3);

            Client zstd = Client.connect(discord, "encoding=json&v=10&compress=zstd-stream");
            assertThat(zstd.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4012);
        }
    }

    /**
     * The emulator's refusal is a full closing handshake (RFC 6455, 7.1.1): after its Close frame
     * the TCP connection stays open until the client's Close comes back, then the emulator closes
     * it. Closing the TCP connection together with the Close frame let a client lose the frame and
     * see 1006 instead of 4012 (seen once in a full build).
     */
    @Test
    void aRefusalWaitsForTheClientsCloseBeforeEndingTheConnection() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start();
                Socket socket = new Socket(discord.gatewayUrl().getHost(), discord.gatewayUrl().getPort())) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String key = Base64.getEncoder().encodeToString("matchwave-gateway".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /?v=10&encoding=json&compress=zstd-stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key.substring(0, 22) + "==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.readUnsignedByte());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");

            assertThat(in.readUnsignedByte()).as("a final Close frame").isEqualTo(0x88);
            int length = in.readUnsignedByte();
            assertThat(length).as("an unmasked Close frame with a short payload").isBetween(2, 125);
            byte[] payload = new byte[length];
            in.readFully(payload);
            assertThat(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)).isEqualTo(4012);

            // The connection stays open: the emulator waits for the client's Close.
            socket.setSoTimeout(300);
            String seen;
            try {
                int next = in.read();
                seen = next == -1 ? "the end of the stream" : "another byte: " + next;
            } catch (SocketTimeoutException expected) {
                seen = "nothing (still open)";
            }
            assertThat(seen).as("what followed the Close frame within 300 ms").isEqualTo("nothing (still open)");

            // The client's Close (masked, code 1000); the emulator then ends the connection, well
            // before its fallback for a client that never answers.
            byte[] mask = {1, 2, 3, 4};
            out.write(new byte[] {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3],
                    (byte) (0x03 ^ mask[0]), (byte) (0xE8 ^ mask[1])});
            out.flush();
            socket.setSoTimeout((int) GatewayServer.CLOSE_REPLY_WAIT.toMillis() - 1000);
            assertThat(in.read()).as("the end of the stream after the client's Close").isEqualTo(-1);
        }
    }
}
