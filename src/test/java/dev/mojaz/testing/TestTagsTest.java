package dev.mojaz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Every test class says how long it takes: {@code @Tag("slow")} (end-to-end, process and benchmark-command tests)
 * or {@code @Tag("fast")} (everything else), so that {@code mvn test -Dgroups=fast} is the quick loop and
 * {@code mvn test} still runs everything. A class without the tag would silently drop out of the quick loop.
 */
@Tag("fast")
class TestTagsTest {
    private static final Set<String> SPEEDS = Set.of("fast", "slow");

    @Test
    void everyTestClassIsTaggedFastOrSlow() throws Exception {
        List<Class<?>> testClasses = topLevelTestClasses();
        assertThat(testClasses).as("the scan finds the test classes").contains(TestTagsTest.class);

        List<String> problems = new ArrayList<>();
        for (Class<?> testClass : testClasses) {
            List<String> speeds = AnnotationSupport.findRepeatableAnnotations(testClass, Tag.class).stream()
                    .map(Tag::value).filter(SPEEDS::contains).distinct().toList();
            if (speeds.size() != 1) {
                problems.add("tag " + testClass.getName() + " with @Tag(\"fast\") or @Tag(\"slow\")"
                        + (speeds.isEmpty() ? "" : " (not both)"));
            }
        }
        assertThat(problems).as("test classes without exactly one speed tag (slow: end-to-end, process and"
                + " benchmark-command tests; fast: the rest)").isEmpty();
    }

    /** The concrete top-level classes of the compiled tests that hold tests, themselves or in @Nested classes. */
    private static List<Class<?>> topLevelTestClasses() throws IOException, URISyntaxException {
        Path root = Path.of(TestTagsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = TestTagsTest.class.getClassLoader();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .sorted().toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                if (isConcrete(type) && holdsTests(type)) {
                    found.add(type);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled test class cannot be loaded", e);
        }
        return found;
    }

    private static boolean isConcrete(Class<?> type) {
        return !type.isInterface() && !type.isAnnotation() && !Modifier.isAbstract(type.getModifiers());
    }

    private static boolean holdsTests(Class<?> type) {
        boolean own = !ReflectionSupport.findMethods(type, m -> AnnotationSupport.isAnnotated(m, Testable.class),
                HierarchyTraversalMode.TOP_DOWN).isEmpty();
        return own || Arrays.stream(type.getDeclaredClasses())
                .filter(nested -> AnnotationSupport.isAnnotated(nested, Nested.class))
                .anyMatch(TestTagsTest::holdsTests);
    }
}
