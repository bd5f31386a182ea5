package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void noSettingsMeansTheEmbeddedDatabaseUnderTheHomeDirectory() {
        DatabaseConfig config = DatabaseConfig.fromSettings(Map.of());

        assertThat(config.location()).isEqualTo(new DatabaseConfig.Embedded(
                Path.of(System.getProperty("user.home"), ".matchwave", "pgdata"), 0, Map.of()));
        assertThat(config.poolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void aUrlMeansARealServer() {
        DatabaseConfig config = DatabaseConfig.fromSettings(Map.of(
                "MATCHWAVE_DB_URL", "jdbc:postgresql://db.example:5432/ladder",
                "MATCHWAVE_DB_USER", "ladder",
                "MATCHWAVE_DB_PASSWORD", "s3cret",
                "MATCHWAVE_DB_POOL_SIZE", "20"));

        assertThat(config.location())
                .isEqualTo(new DatabaseConfig.Server("jdbc:postgresql://db.example:5432/ladder", "ladder", "s3cret"));
        assertThat(config.poolSize()).isEqualTo(20);
        assertThat(config.location().toString()).doesNotContain("s3cret");
    }

    @Test
    void propertiesUseDottedNames() {
        Properties properties = new Properties();
        properties.setProperty("matchwave.db.data-dir", "/var/lib/matchwave");
        properties.setProperty("matchwave.db.port", "54329");
        properties.setProperty("unrelated", "x");

        DatabaseConfig config = DatabaseConfig.fromProperties(properties);

        assertThat(config.location()).isEqualTo(new DatabaseConfig.Embedded(Path.of("/var/lib/matchwave"), 54329,
                Map.of()));
    }

    @Test
    void blankValuesCountAsUnset() {
        DatabaseConfig config = DatabaseConfig.fromSettings(Map.of("MATCHWAVE_DB_URL", "  "));

        assertThat(config.location()).isInstanceOf(DatabaseConfig.Embedded.class);
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> DatabaseConfig.fromSettings(Map.of("MATCHWAVE_DB_PORT", "abc")))
                .hasMessage("MATCHWAVE_DB_PORT must be a whole number, got 'abc'");
        assertThatThrownBy(() -> DatabaseConfig.fromSettings(Map.of("MATCHWAVE_DB_PORT", "80")))
                .hasMessageStartingWith("MATCHWAVE_DB_PORT: embedded database port must be 0 (any) or 1024 to 65535");
        assertThatThrownBy(() -> DatabaseConfig.fromSettings(Map.of("MATCHWAVE_DB_POOL_SIZE", "0")))
                .hasMessageStartingWith("MATCHWAVE_DB_POOL_SIZE: database poolSize must be 1 to 200");
        assertThatThrownBy(() -> DatabaseConfig.fromSettings(Map.of("MATCHWAVE_DB_URL", "jdbc:mysql://x/y",
                "MATCHWAVE_DB_USER", "u")))
                .hasMessageStartingWith("MATCHWAVE_DB_URL: database URL must start with jdbc:postgresql:");
        assertThatThrownBy(() -> DatabaseConfig.fromSettings(Map.of("MATCHWAVE_DB_URL", "jdbc:postgresql://x/y")))
                .hasMessage("MATCHWAVE_DB_USER is required when MATCHWAVE_DB_URL is set");
    }

    @Test
    void recordsValidateWhenBuilt() {
        assertThatThrownBy(() -> DatabaseConfig.embedded().withConnectionTimeout(Duration.ofMillis(10)))
                .hasMessageContaining("connectionTimeout must be at least 500 ms");
        assertThatThrownBy(() -> DatabaseConfig.server("jdbc:postgresql://x/y", " ", ""))
                .hasMessageContaining("user must not be blank");
    }

    @Test
    void environmentNamesMapToPropertyNames() {
        assertThat(DatabaseConfig.propertyName("MATCHWAVE_DB_DATA_DIR")).isEqualTo("matchwave.db.data-dir");
        assertThat(DatabaseConfig.propertyName("MATCHWAVE_DB_URL")).isEqualTo("matchwave.db.url");
    }
}
