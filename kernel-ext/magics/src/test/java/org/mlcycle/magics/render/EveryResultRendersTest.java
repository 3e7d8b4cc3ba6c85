package org.mlcycle.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.magics.MlcycleExtension;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.deploy.MonitorOptions;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.experiment.Arm;
import org.mlcycle.toolkit.quality.ColumnProfile;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.stats.ValueCount;

/**
 * Scans the toolkit's public API (every return type of a public method, every public record, every
 * {@link Rendered}) and renders a sample of each type a notebook cell can end with: each must come
 * out as HTML (its own, a card or a table), never only as {@code Foo[a=..., b=...]}.
 */
class EveryResultRendersTest {
    private static final String TOOLKIT = "org.mlcycle.toolkit.";

    /**
     * Types that are handles or tools, not results: a cell ends with them rarely, and their text names
     * what they are. Each is named with the reason; a new type needs a renderer or a line here.
     */
    private static final Map<String, String> HANDLES = Map.ofEntries(
            Map.entry("journal.Journal", "the open journal (a database handle)"),
            Map.entry("journal.OpenRun", "a run being recorded (closed by try-with-resources)"),
            Map.entry("deploy.ModelRegistry", "the registry's handle on the journal"),
            Map.entry("deploy.ScoringClient", "an HTTP client"),
            Map.entry("datasets.AdWorld", "the simulator, whose tables are the results"),
            Map.entry("counterfactual.AdCtrModel", "a model handle; its estimates and reports are the results"),
            Map.entry("counterfactual.Candidates", "the simulator's draw of requests, an input to policies and logs"),
            Map.entry(
                    "counterfactual.EpsilonGreedy",
                    "a policy (a model handle and two numbers); its logs are the results"),
            Map.entry("exercises.Exercises", "the set of known exercises (a lookup)"),
            Map.entry("exercises.Variant", "a seed holder for exercises"),
            Map.entry("exercises.NumberAnswer", "a check helper used by exercise code"),
            Map.entry("exercises.MapAnswers", "answers for tests of exercise checks"),
            Map.entry("i18n.MessageBundle", "a lookup of translated texts, used by the course's code"),
            Map.entry("split.LabelColumn", "a column accessor used by the splitters"),
            Map.entry("stats.NumericValues", "the numbers of a column, an input to statistics"),
            Map.entry("stats.ValueCounts", "counts behind profile and drift, an input to statistics"));

    private static Renderer renderer;
    private static List<Class<?>> results;

    @BeforeAll
    static void scan() throws Exception {
        renderer = new Renderer();
        MlcycleExtension.renderers(renderer);
        results = resultTypes(toolkitClasses());
    }

    @Test
    @DisplayName("the scan finds the toolkit's results (a sanity floor, so an empty scan cannot pass)")
    void theScanFindsResults() {
        assertTrue(results.size() > 40, "only " + results.size() + " result types found: " + results);
        assertTrue(results.contains(ColumnProfile.class), "ColumnProfile is returned by Profile.column");
    }

    @Test
    @DisplayName("every result type the toolkit returns renders as HTML, not as its toString")
    void everyResultRendersAsHtml() {
        List<String> problems = new ArrayList<>();
        int rendered = 0, cards = 0;
        for (Class<?> type : results) {
            String key = type.getName().substring(TOOLKIT.length()).replace('$', '.');
            if (HANDLES.containsKey(key)) continue;
            if (Rendered.class.isAssignableFrom(type)) {
                rendered++; // shown through its own toHtml by RenderedRenderer
                continue;
            }
            if (!type.isRecord()) {
                problems.add(key + ": neither Rendered nor a record, so it would print as " + type.getSimpleName()
                        + "@hash");
                continue;
            }
            Object sample = sample(type, 0);
            if (sample == null) {
                problems.add(key + ": no sample could be built to render");
                continue;
            }
            DisplayData data = renderer.render(sample);
            Object html = data.getData(MIMEType.TEXT_HTML);
            if (html == null || html.toString().equals(String.valueOf(sample))) {
                problems.add(key + ": renders only as text: " + sample);
                continue;
            }
            assertTrue(html.toString().contains(type.getSimpleName()), "the card is titled with the type: " + html);
            DisplayData listData = renderer.render(List.of(sample, sample));
            Object table = listData.getData(MIMEType.TEXT_HTML);
            if (table == null || !table.toString().contains("<table"))
                problems.add(key + ": a list of them is not a table");
            cards++;
        }
        System.out.printf("result types: %d Rendered, %d records as cards%n", rendered, cards);
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("a column profile shows as a card with its histogram cut short, not as a raw record")
    void aColumnProfileIsACard() {
        List<Long> histogram = new ArrayList<>();
        for (long i = 0; i < 20; i++) histogram.add(i * 7);
        ColumnProfile p = new ColumnProfile(
                "age",
                "DOUBLE",
                true,
                20,
                1,
                19,
                0,
                41.5,
                3.2,
                18,
                90,
                0.1,
                List.of(18.0, 30.0, 41.0, 55.0, 90.0),
                List.of(18.0, 90.0),
                histogram,
                List.of(new ValueCount("41", 3)),
                Double.NaN);

        String html = (String) renderer.render(p).getData(MIMEType.TEXT_HTML);

        assertTrue(html.contains("mlcycle-card") && html.contains("ColumnProfile"), html);
        assertTrue(html.contains("<th style=\"") && html.contains(">histogram</th>"), html);
        assertTrue(html.contains("… 8 more"), "20 bins, 12 shown: " + html);
        assertFalse(html.contains("ColumnProfile["), html);
        assertEquals(p.toString(), renderer.render(p).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    @DisplayName("records and lists from outside mlcycle keep their plain text")
    void othersKeepTheirText() {
        record Point(int x, int y) {}
        DisplayData point = renderer.render(new Point(1, 2));
        DisplayData strings = renderer.render(List.of("a", "b"));

        assertNull(point.getData(MIMEType.TEXT_HTML));
        assertEquals("Point[x=1, y=2]", point.getData(MIMEType.TEXT_PLAIN));
        assertNull(strings.getData(MIMEType.TEXT_HTML));
        assertEquals("[a, b]", strings.getData(MIMEType.TEXT_PLAIN));
    }

    // ---- the scan

    /** Every class of the toolkit, read from where its classes were loaded (a directory or its jar). */
    private static List<Class<?>> toolkitClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Rendered.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            names.addAll(classNames(root));
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                names.addAll(classNames(jar.getPath("/")));
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, Rendered.class.getClassLoader()));
        }
        return classes;
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("org/mlcycle/toolkit"))) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
    }

    /** Public records, public Rendered types and every toolkit type a public method returns (or lists). */
    private static List<Class<?>> resultTypes(List<Class<?>> classes) {
        Set<Class<?>> found = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Class<?> c : classes) {
            if (!visible(c)) continue;
            if (c.isRecord() || (Rendered.class.isAssignableFrom(c) && !c.isInterface())) found.add(c);
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) collect(m.getGenericReturnType(), found);
            }
        }
        found.removeIf(t -> t.isInterface()
                || t.isEnum()
                || Throwable.class.isAssignableFrom(t)
                || Modifier.isAbstract(t.getModifiers())
                || !visible(t));
        return new ArrayList<>(found);
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) collect(c.getComponentType(), found);
            else if (c.getName().startsWith(TOOLKIT)) found.add(c);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), found);
            for (Type arg : p.getActualTypeArguments()) collect(arg, found);
        }
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) return false;
        }
        return !c.isAnonymousClass() && !c.isLocalClass();
    }

    // ---- samples: a record built from plausible values, trying a second set when the first is refused

    private static Object sample(Class<?> type, int depth) {
        Object known = known(type);
        if (known != null) return known;
        for (int attempt = 0; attempt < 3; attempt++) {
            Object made = make(type, depth, attempt);
            if (made != null) return made;
        }
        return null;
    }

    /** A value from the type's own no-argument factory ({@code defaults()}), or one named in {@link #SAMPLES}. */
    private static Object known(Class<?> type) {
        String key = type.getName().substring(TOOLKIT.length());
        if (SAMPLES.containsKey(key)) return SAMPLES.get(key).get();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == type) {
                try {
                    return m.invoke(null);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // try the next
                }
            }
        }
        return null;
    }

    /** Records whose checks refuse the generic values (a function, a valid id). */
    private static final Map<String, java.util.function.Supplier<Object>> SAMPLES = Map.of(
            "experiment.Arm", () -> new Arm("control", t -> new double[t.rowCount()], 0.5),
            "exercises.Exercise", () -> Exercise.question("lesson01-metric", "01", "Which metric?", "impressions"),
            "bridge.FeatureOptions", () -> FeatureOptions.of("clicked", List.of("score"), List.of("country")),
            "deploy.MonitorOptions", () -> MonitorOptions.by("day"),
            "journal.Fingerprint",
                    () -> new org.mlcycle.toolkit.journal.Fingerprint("0".repeat(64), 3, List.of("ad_id:integer")));

    private static Object make(Class<?> type, int depth, int attempt) {
        if (depth > 4) return null;
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(components[i].getType(), components[i].getGenericType(), depth, attempt);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object value(Class<?> t, Type generic, int depth, int attempt) {
        double d = attempt == 0 ? 0.5 : attempt == 1 ? 1.0 : 0.0;
        long n = attempt == 2 ? 0 : 2;
        if (t == double.class || t == Double.class) return d;
        if (t == float.class || t == Float.class) return (float) d;
        if (t == long.class || t == Long.class) return n;
        if (t == int.class || t == Integer.class) return (int) n;
        if (t == short.class) return (short) n;
        if (t == byte.class) return (byte) n;
        if (t == boolean.class || t == Boolean.class) return attempt == 1;
        if (t == char.class) return 'x';
        if (t == String.class) return attempt == 2 ? "" : "x";
        if (t == LocalDate.class) return LocalDate.of(2026, 1, 1);
        if (t == LocalDateTime.class) return LocalDateTime.of(2026, 1, 1, 0, 0);
        if (t == Instant.class) return Instant.parse("2026-01-01T00:00:00Z");
        if (t == Duration.class) return Duration.ofSeconds(1);
        if (t == Path.class) return Path.of("x");
        if (t == Optional.class) return Optional.empty();
        if (t == List.class || t == java.util.Collection.class) return List.of();
        if (t == Set.class) return Set.of();
        if (t == Map.class) return new TreeMap<>();
        if (t.isEnum()) return t.getEnumConstants()[0];
        if (t.isArray()) return java.lang.reflect.Array.newInstance(t.getComponentType(), 0);
        if (t.isRecord()) return sample(t, depth + 1);
        return null;
    }
}
