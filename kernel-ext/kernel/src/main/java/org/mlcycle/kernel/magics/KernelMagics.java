package org.mlcycle.kernel.magics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.hooks.KernelClasspath;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;

/**
 * The magics an IJava or JJava user expects, registered in one place from their {@link MagicSpec}s
 * into the kernel's {@link MagicTable}, which extensions add theirs to: {@code %help name},
 * {@code %name?} and {@code %lsmagic} read that table, and a magic called without the arguments
 * it needs shows its usage instead of running.
 */
public final class KernelMagics {
    private KernelMagics() {}

    /** Every magic the kernel itself defines, with its usage; IJava's camelCase names are aliases of snake_case ones. */
    public static final List<MagicSpec> SPECS = List.of(
            MagicSpec.line("lsmagic", 0, "%lsmagic  — list every line and cell magic"),
            MagicSpec.line("help", 0, "%help [NAME]  — what a magic does and how to call it (also %NAME?)"),
            MagicSpec.line(
                    "classpath",
                    0,
                    "%classpath [PATH-OR-GLOB ...]  — add jars or class folders; with no argument, show the classpath"),
            MagicSpec.line("jars", 1, "%jars PATH-OR-GLOB ...  — IJava's name for %classpath"),
            MagicSpec.line(
                    "maven",
                    1,
                    "%maven GROUP:ARTIFACT[:EXT[:CLASSIFIER]]:VERSION ... [--from URL]  — resolve from Maven Central"
                            + " (and %maven_repo repositories) with dependencies, and add to the classpath;"
                            + " %addMavenDependency and %addMavenDependencies are IJava's names for it",
                    "addMavenDependency",
                    "addMavenDependencies"),
            MagicSpec.line(
                    "maven_repo",
                    2,
                    "%maven_repo ID URL  — add a Maven repository for %maven (IJava's name: %mavenRepo)",
                    "mavenRepo"),
            MagicSpec.line(
                    "load_from_pom",
                    1,
                    "%load_from_pom POM.xml  — add the POM's dependencies (IJava's name: %loadFromPOM)",
                    "loadFromPOM"),
            MagicSpec.cell(
                    "load_from_pom",
                    0,
                    "%%load_from_pom  — add the <dependency>/<repository> elements of the cell below"
                            + " (IJava's name: %%loadFromPOM)",
                    "loadFromPOM"),
            MagicSpec.line(
                    "imports",
                    0,
                    "%imports  — list what the notebook imports: the kernel's defaults, the extensions' and the cells'"),
            MagicSpec.line("load", 1, "%load FILE  — run a .jsh/.jshell/.java file or the code cells of an .ipynb"),
            MagicSpec.line("time", 1, "%time CODE  — run once and show wall and CPU time"),
            MagicSpec.cell("time", 0, "%%time  — run the cell below once and show wall and CPU time"),
            MagicSpec.line(
                    "timeit", 1, "%timeit [-n N] [-r R] CODE  — run many times and show the mean and spread per run"),
            MagicSpec.cell(
                    "timeit",
                    0,
                    "%%timeit [-n N] [-r R]  — run the cell below many times and show the mean and spread per run"));

    /** The usage of every name (aliases included) of the kernel's line magics, then its cell magics'. */
    public static final Map<String, String> USAGE = usageByName();

    /** Magics whose argument is Java code rather than words. */
    public static final java.util.Set<String> CODE_MAGICS = java.util.Set.of("time", "timeit");

    /** How arguments are written, for {@code %help}: a name with spaces needs quotes. */
    static final String QUOTING = "Arguments are separated by blanks; write a name with spaces in double quotes"
            + " (%profile ads --ignore \"ad group\"), and a quote inside one as \\\".";

    private static Map<String, String> usageByName() {
        Map<String, String> usage = new TreeMap<>();
        for (MagicSpec spec : SPECS) {
            for (String name : spec.names()) {
                usage.putIfAbsent(name, spec.usage());
            }
        }
        return Map.copyOf(usage);
    }

    /**
     * Registers every kernel magic under its names, and describes each in {@code table}; the
     * class path magics add to {@code notebook}.
     */
    public static void register(
            MagicsRegistry registry,
            MavenResolver resolver,
            MagicTable table,
            KernelClasspath notebook,
            Supplier<List<String>> imports) {
        ClasspathMagics classpath = new ClasspathMagics(notebook);
        MavenMagics maven = new MavenMagics(resolver, notebook);
        TimeMagics time = new TimeMagics();
        Map<String, LineMagic<?, BaseKernel>> lines = Map.ofEntries(
                Map.entry("lsmagic", (BaseKernel kernel, List<String> args) -> lsmagic(registry, table)),
                Map.entry("help", (BaseKernel kernel, List<String> args) -> help(registry, table, args)),
                Map.entry("classpath", classpath::classpath),
                Map.entry("jars", classpath::jars),
                Map.entry("maven", maven::maven),
                Map.entry("maven_repo", maven::repository),
                Map.entry("load_from_pom", maven::loadFromPom),
                Map.entry(
                        "imports",
                        (BaseKernel kernel, List<String> args) -> new Text(String.join("\n", imports.get()))),
                Map.entry("load", LoadMagic::load),
                Map.entry("time", time::timeLine),
                Map.entry("timeit", time::timeitLine));
        Map<String, CellMagic<?, BaseKernel>> cells = Map.of(
                "load_from_pom", maven::loadFromPomCell,
                "time", time::timeCell,
                "timeit", time::timeitCell);
        for (MagicSpec spec : SPECS) {
            for (String name : spec.names()) {
                if (spec.kind() == MagicSpec.Kind.LINE) {
                    LineMagic<?, BaseKernel> f = lines.get(spec.name());
                    registry.registerLineMagic(name, (BaseKernel kernel, List<String> args) -> {
                        checkArguments(spec, name, args);
                        return f.eval(kernel, args);
                    });
                } else {
                    CellMagic<?, BaseKernel> f = cells.get(spec.name());
                    registry.registerCellMagic(name, (BaseKernel kernel, List<String> args, String body) -> {
                        checkArguments(spec, name, args);
                        return f.eval(kernel, args, body);
                    });
                }
            }
            table.describe(spec);
        }
    }

    private static void checkArguments(MagicSpec spec, String written, List<String> args) {
        if (spec.missingArguments(args)) {
            throw new MagicUsageError(spec.kind().sign() + written + ": " + spec.missingMessage(args));
        }
    }

    static Text lsmagic(MagicsRegistry registry, MagicTable table) {
        return new Text("Line magics: " + names(registry.getLineMagicNames(), table, MagicSpec.Kind.LINE)
                + "\nCell magics: " + names(registry.getCellMagicNames(), table, MagicSpec.Kind.CELL)
                + "\n%help NAME (or %NAME?) tells more about one; old names in parentheses still work.");
    }

    /** The registered names of one kind, each magic once with its aliases in parentheses. */
    private static String names(Set<String> registered, MagicTable table, MagicSpec.Kind kind) {
        TreeMap<String, String> shown = new TreeMap<>();
        Set<String> covered = new TreeSet<>();
        for (MagicSpec spec : table.specs()) {
            if (spec.kind() == kind && registered.contains(spec.name())) {
                String aliases = spec.aliases().stream()
                        .filter(registered::contains)
                        .map(a -> kind.sign() + a)
                        .reduce((a, b) -> a + " " + b)
                        .map(a -> " (" + a + ")")
                        .orElse("");
                shown.put(spec.name(), kind.sign() + spec.name() + aliases);
                covered.addAll(spec.names());
            }
        }
        for (String name : registered) { // from an extension that does not describe its magics
            if (!covered.contains(name)) {
                shown.put(name, kind.sign() + name);
            }
        }
        return shown.isEmpty() ? "(none)" : String.join("  ", shown.values());
    }

    static Text help(MagicsRegistry registry, MagicTable table, List<String> args) {
        if (args.isEmpty()) {
            StringBuilder out = new StringBuilder("Magics (%help NAME or %NAME? for one):\n");
            table.specs().stream()
                    .sorted(java.util.Comparator.comparing(MagicSpec::name).thenComparing(MagicSpec::kind))
                    .forEach(s -> out.append("  ").append(s.usage()).append('\n'));
            TreeSet<String> others = new TreeSet<>(registry.getLineMagicNames());
            others.addAll(registry.getCellMagicNames());
            table.specs().forEach(s -> others.removeAll(s.names()));
            if (!others.isEmpty()) {
                out.append("Without usage (from another extension): ")
                        .append(join("%", others))
                        .append('\n');
            }
            return new Text(out.append(QUOTING).toString());
        }
        return new Text(usage(registry, table, args.get(0)));
    }

    /** The usage of the magic {@code written} ({@code profile}, {@code %profile} or {@code %%checks}). */
    public static String usage(MagicsRegistry registry, MagicTable table, String written) {
        String name = written.replaceFirst("^%+", "");
        List<MagicSpec> specs = table.lookup(name);
        if (written.startsWith("%%")) {
            specs = specs.stream().filter(s -> s.kind() == MagicSpec.Kind.CELL).toList();
        }
        if (!specs.isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (MagicSpec s : specs) {
                out.append(s.usage()).append('\n');
                if (!s.name().equals(name) && s.names().contains(name)) {
                    out.append("  (")
                            .append(s.kind().sign())
                            .append(name)
                            .append(" is an older name of ")
                            .append(s.kind().sign())
                            .append(s.name())
                            .append(")\n");
                }
            }
            return out.append(QUOTING).toString();
        }
        if (registry.getLineMagicNames().contains(name)
                || registry.getCellMagicNames().contains(name)) {
            return "%" + name + " comes from an extension that does not describe its usage.";
        }
        throw new MagicUsageError("there is no magic %" + name + "; %lsmagic lists them all");
    }

    private static String join(String sign, java.util.Collection<String> names) {
        return new TreeSet<>(names)
                .stream().map(n -> sign + n).reduce((a, b) -> a + "  " + b).orElse("(none)");
    }

    /** Text a magic returns: shown as the cell's output, readable from code with {@code toString()}. */
    public record Text(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
