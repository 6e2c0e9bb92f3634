package io.iterativeflow.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What differs between the databases is chosen once, in {@link Database}: no other main source of the store compares
 * {@link Dialect}s or asks a transaction which database it runs on. And result rows map to records by column name.
 */
class DatabaseSeamTest {

    private static final Path SOURCES = Path.of("src/main/java/io/iterativeflow/jpa");

    /** A comparison with a dialect constant, a switch over one, or a look at the transactions' dialect. */
    private static final Pattern DIALECT_CHOICE = Pattern.compile(
            "Dialect\\.(H2|POSTGRESQL)\\b|case\\s+(H2|POSTGRESQL)\\b|\\.dialect\\(\\)");

    /** The seam itself, and the enum it is chosen by. */
    private static final Set<String> SEAM = Set.of("internal/Database.java", "internal/Dialect.java");

    @Test
    void no_class_outside_the_seam_chooses_by_database() {
        List<String> offenders = sources()
                .filter(file -> !SEAM.contains(file))
                .filter(file -> DIALECT_CHOICE.matcher(read(file)).find())
                .toList();
        assertThat(offenders).as("classes that choose statements by database outside Database").isEmpty();
    }

    /** A result row as an array, read by position ({@code (UUID) row[0]}). */
    private static final Pattern POSITIONAL_ROW = Pattern.compile("List<Object\\[\\]>|\\brows\\(\\)|\\brow\\(\\)\\[");

    @Test
    void rows_are_read_by_column_name() {
        List<String> offenders = sources()
                .filter(file -> POSITIONAL_ROW.matcher(read(file)).find())
                .toList();
        assertThat(offenders).as("classes that read result rows by position").isEmpty();
    }

    @Test
    void the_scan_finds_positional_reads() {
        assertThat(POSITIONAL_ROW.matcher("List<Object[]> rows = call.rows();").find()).isTrue();
        assertThat(POSITIONAL_ROW.matcher("List<Claimed> runs = call.list(Claimed::read);").find()).isFalse();
    }

    @Test
    void the_scan_finds_the_choice_in_the_seam() {
        assertThat(DIALECT_CHOICE.matcher(read("internal/Database.java")).find()).isTrue();
    }

    private static Stream<String> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/'))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(SOURCES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
