package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.filter.JavadocLikePackageFilter;
import japicmp.model.AccessModifier;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison the build's japicmp check makes (same package, same access level, missing classes ignored), run
 * here on the current classes and on deliberately broken copies of them, so that the check is known to fail when the
 * API breaks. The build itself compares the packaged jar with {@code api-baseline/flow-api.jar} in the verify phase.
 */
class ApiBaselineTest {

    private static final String CANCELLATION_TOKEN = "io/iterativeflow/api/CancellationToken";

    @TempDir
    Path work;

    @Test
    void the_current_api_is_compatible_with_the_committed_baseline() throws IOException {
        Path current = jar(classes(), "current.jar");

        assertThat(incompatibilities(current))
                .as("changes to io.iterativeflow.api that break callers; if deliberate, record them by replacing"
                        + " flow-api/api-baseline/flow-api.jar (README: Compatibility)")
                .isEmpty();
    }

    @Test
    void removing_a_public_type_breaks_the_check() throws IOException {
        Map<String, byte[]> entries = read(classes());
        entries.keySet().removeIf(name -> name.startsWith("io/iterativeflow/api/WaitUntil"));

        assertThat(incompatibilities(write(entries, "removed-type.jar")))
                .anyMatch(line -> line.contains("io.iterativeflow.api.WaitUntil") && line.contains("binary"));
    }

    @Test
    void removing_a_method_breaks_the_check() throws IOException {
        Map<String, byte[]> entries = read(classes());
        entries.put(CANCELLATION_TOKEN + ".class", compile("""
                package io.iterativeflow.api;
                public interface CancellationToken {
                    boolean isCancelled();
                    void throwIfCancelled();
                }
                """));

        assertThat(incompatibilities(write(entries, "removed-method.jar")))
                .anyMatch(line -> line.contains("CancellationToken") && line.contains("METHOD_REMOVED"));
    }

    @Test
    void adding_an_abstract_method_to_an_interface_breaks_the_check_as_source_incompatible() throws IOException {
        Map<String, byte[]> entries = read(classes());
        entries.put(CANCELLATION_TOKEN + ".class", compile("""
                package io.iterativeflow.api;
                public interface CancellationToken {
                    boolean isCancelled();
                    void throwIfCancelled();
                    void onCancel(Runnable callback);
                    String reason();
                }
                """));

        assertThat(incompatibilities(write(entries, "added-method.jar")))
                .anyMatch(line -> line.contains("CancellationToken") && line.contains("source")
                        && line.contains("METHOD_ADDED_TO_INTERFACE"));
    }

    @Test
    void adding_a_method_with_a_default_keeps_the_api_compatible() throws IOException {
        Map<String, byte[]> entries = read(classes());
        entries.put(CANCELLATION_TOKEN + ".class", compile("""
                package io.iterativeflow.api;
                public interface CancellationToken {
                    boolean isCancelled();
                    void throwIfCancelled();
                    void onCancel(Runnable callback);
                    default String reason() {
                        return "";
                    }
                }
                """));

        assertThat(incompatibilities(write(entries, "added-default.jar"))).isEmpty();
    }

    /** One line per incompatible class: its name, whether binary or source compatibility broke, and the changes. */
    private static List<String> incompatibilities(Path candidate) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.getFilters().getIncludes().add(new JavadocLikePackageFilter("io.iterativeflow.api", false));
        options.setAccessModifier(AccessModifier.PROTECTED);
        options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
        List<JApiClass> compared = new JarArchiveComparator(options).compare(
                new JApiCmpArchive(baseline().toFile(), "baseline"), new JApiCmpArchive(candidate.toFile(), "new"));
        List<String> found = new ArrayList<>();
        for (JApiClass type : compared) {
            if (!type.isBinaryCompatible() || !type.isSourceCompatible()) {
                List<String> changes = new ArrayList<>();
                type.getCompatibilityChanges().forEach(c -> changes.add(c.getType().name()));
                type.getFields().forEach(f -> f.getCompatibilityChanges().forEach(c -> changes.add(
                        f.getName() + ":" + c.getType().name())));
                type.getConstructors().forEach(k -> k.getCompatibilityChanges().forEach(c -> changes.add(
                        "<init>:" + c.getType().name())));
                boolean onlyAnnotationDefaults = changes.isEmpty();
                for (JApiMethod method : type.getMethods()) {
                    if (annotationMemberWithDefault(type, method)) {
                        continue;
                    }
                    method.getCompatibilityChanges().forEach(c -> changes.add(
                            method.getName() + ":" + c.getType().name()));
                }
                if (onlyAnnotationDefaults && changes.isEmpty()) {
                    continue;
                }
                found.add(type.getFullyQualifiedName() + (type.isBinaryCompatible() ? "" : " binary")
                        + (type.isSourceCompatible() ? "" : " source") + " " + changes);
            }
        }
        return found;
    }

    /**
     * A member added to an annotation type with a default value: compatible (JLS 13.5.7), though japicmp reports it as
     * an abstract method added to a class. Read from the current classes, which are on this test's class path.
     */
    private static boolean annotationMemberWithDefault(JApiClass type, JApiMethod method) {
        if (method.getChangeStatus() != JApiChangeStatus.NEW) {
            return false;
        }
        try {
            Class<?> current = Class.forName(type.getFullyQualifiedName());
            return current.isAnnotation() && current.getMethod(method.getName()).getDefaultValue() != null;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return false;
        }
    }

    private static Path baseline() {
        String path = System.getProperty("api.baseline", "api-baseline/flow-api.jar");
        Path baseline = Paths.get(path);
        assertThat(baseline).as("the committed API baseline").isRegularFile();
        return baseline;
    }

    /** The compiled main classes of this module (target/classes). */
    private static Path classes() {
        try {
            return Paths.get(FlowEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path jar(Path directory, String name) throws IOException {
        return write(read(directory), name);
    }

    private static Map<String, byte[]> read(Path directory) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                entries.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    private Path write(Map<String, byte[]> entries, String name) throws IOException {
        Path jar = work.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new JarEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** Compiles one altered type of the API against the current classes and returns its class file. */
    private byte[] compile(String source) throws IOException {
        Path src = work.resolve("src").resolve(CANCELLATION_TOKEN + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(work.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", out.toString(), "-cp", classes().toString(), src.toString());
        assertThat(exit).as("compiling the altered " + CANCELLATION_TOKEN).isZero();
        return Files.readAllBytes(out.resolve(CANCELLATION_TOKEN + ".class"));
    }
}
