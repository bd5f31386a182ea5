package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void jsonAndMultipartWithPayloadJsonAndFiles() {
        assertThat(RequestBody.parse("application/json", "{\"content\":\"hi\"}".getBytes(StandardCharsets.UTF_8))
                .json().path("content").asText()).isEqualTo("hi");
        String multipart = """
                --XyZ\r
                Content-Disposition: form-data; name="files[0]"; filename="report.png"\r
                Content-Type: image/png\r
                \r
                \u0089PNG binary\r
                --XyZ\r
                Content-Disposition: form-data; name="payload_json"\r
                Content-Type: application/json\r
                \r
                {"content":"with a file: é"}\r
                --XyZ--\r
                """;
        RequestBody body = RequestBody.parse("multipart/form-data; boundary=XyZ", multipart.getBytes(StandardCharsets.UTF_8));
        assertThat(body.json().path("content").asText()).isEqualTo("with a file: é");
        assertThat(body.fileNames()).containsExactly("report.png");
        assertThat(RequestBody.parse(null, new byte[0]).json().isNull()).isTrue();
    }

    @Test
    void brokenJsonIsDiscordsError() {
        assertThatThrownBy(() -> RequestBody.parse("application/json", "{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DiscordError.class).hasMessage("The request body contains invalid JSON.");
    }
}
