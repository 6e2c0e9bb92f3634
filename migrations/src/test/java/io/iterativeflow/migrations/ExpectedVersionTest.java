package io.iterativeflow.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedVersionTest {

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__.+\\.sql");

    @ParameterizedTest
    @ValueSource(strings = {"db/migration/iterativeflow", "db/migration-h2/iterativeflow"})
    void expected_version_is_the_highest_script_in_each_migration_folder(String folder) throws Exception {
        int highest = 0;
        for (Path file : folderFiles(folder)) {
            Matcher matcher = SCRIPT.matcher(file.getFileName().toString());
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        assertThat(highest).isPositive();
        assertThat(FlowMigrations.expectedVersion()).isEqualTo(highest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db/migration/iterativeflow", "db/migration-h2/iterativeflow"})
    void each_migration_folder_carries_the_marker_flyway_needs_inside_a_war(String folder) throws Exception {
        assertThat(folderFiles(folder)).extracting(p -> p.getFileName().toString()).contains("flyway.location");
    }

    @Test
    void versions_are_read_by_their_major_number() {
        assertThat(FlowMigrations.parse(null)).isZero();
        assertThat(FlowMigrations.parse("<< Empty Schema >>")).isZero();
        assertThat(FlowMigrations.parse("1")).isEqualTo(1);
        assertThat(FlowMigrations.parse("12.3")).isEqualTo(12);
    }

    /** The versions of the scripts in {@code folder}, in ascending order ("1", "3", ...). */
    static List<String> scriptVersions(String folder) throws IOException, URISyntaxException {
        return folderFiles(folder).stream().map(p -> SCRIPT.matcher(p.getFileName().toString()))
                .filter(Matcher::matches).map(m -> Integer.parseInt(m.group(1))).sorted().map(String::valueOf)
                .toList();
    }

    private static List<Path> folderFiles(String name) throws IOException, URISyntaxException {
        URL folder = FlowMigrations.class.getClassLoader().getResource(name);
        assertThat(folder).as("migration folder on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.toList();
        }
    }
}
