package dev.matchwave.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/bot.md stays true: its example file loads, and it names every setting. */
class BotDocsTest {

    private static String doc() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", ".")).resolve("../docs/bot.md").normalize();
        return Files.readString(doc, StandardCharsets.UTF_8);
    }

    @Test
    void theExamplePropertiesFileLoads(@TempDir Path dir) throws IOException {
        String doc = doc();
        int start = doc.indexOf("```properties\n");
        assertThat(start).as("a ```properties block in docs/bot.md").isNotNegative();
        int end = doc.indexOf("```", start + 14);
        Path file = dir.resolve("bot.properties");
        Files.writeString(file, doc.substring(start + 14, end), StandardCharsets.UTF_8);

        BotConfig config = new BotConfigLoader().load(List.of("--config", file.toString()), Map.of());
        assertThat(config.discordToken()).hasValue("YOUR.BOT.TOKEN");
        assertThat(config.adminIds()).hasSize(2);
        assertThat(config.guildId()).hasValue(345678901234567890L);
    }

    @Test
    void everySettingIsDocumented() throws IOException {
        String doc = doc();
        for (Setting setting : Setting.values()) {
            assertThat(doc).as(setting.name()).contains("`" + setting.environmentVariable() + "`",
                    "`" + setting.propertyKey() + "`");
        }
    }
}
