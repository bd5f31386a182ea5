package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A request body: JSON, or multipart/form-data with the JSON in {@code payload_json} and files
 * beside it (the emulator keeps only the files' names).
 *
 * @param json      the JSON, {@link NullNode} when there is none
 * @param fileNames the names of attached files
 */
record RequestBody(JsonNode json, List<String> fileNames) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FIELD = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE = Pattern.compile("filename=\"([^\"]*)\"");

    public RequestBody {
        fileNames = List.copyOf(fileNames);
    }

    public static RequestBody parse(@Nullable String contentType, byte[] bytes) {
        if (bytes.length == 0) {
            return new RequestBody(NullNode.getInstance(), List.of());
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                return multipart(contentType, bytes);
            }
            return new RequestBody(Json.parse(bytes), List.of());
        } catch (IOException | RuntimeException e) {
            throw new DiscordError(400, 50109, "The request body contains invalid JSON.");
        }
    }

    private static RequestBody multipart(String contentType, byte[] bytes) throws IOException {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new DiscordError(400, 50109, "multipart/form-data without a boundary");
        }
        // ISO-8859-1 maps bytes one to one, so positions found in the text are byte positions.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        JsonNode json = NullNode.getInstance();
        List<String> files = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String body = part.substring(headerEnd + 4);
            if (body.endsWith("\r\n")) {
                body = body.substring(0, body.length() - 2);
            }
            Matcher file = FILE.matcher(headers);
            Matcher field = FIELD.matcher(headers);
            if (file.find()) {
                files.add(file.group(1));
            } else if (field.find() && field.group(1).equals("payload_json")) {
                json = Json.parse(body.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new RequestBody(json, files);
    }
}
