package org.mlcycle.kernel.magics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * The magics an IJava or JJava user expects, registered in one place, each with its usage line
 * ({@code %help name} prints it; a misused magic points to it).
 */
public final class KernelMagics {
    private KernelMagics() {}

    /** The usage line of every magic the kernel itself defines. */
    public static final Map<String, String> USAGE = new TreeMap<>(Map.ofEntries(
            Map.entry("lsmagic", "%lsmagic  — list every line and cell magic"),
            Map.entry("help", "%help [name]  — what a magic does and how to call it"),
            Map.entry("classpath", "%classpath [path-or-glob ...]  — add jars or class folders; with no argument, show the classpath"),
            Map.entry("jars", "%jars path-or-glob ...  — IJava's name for %classpath"),
            Map.entry("maven", "%maven group:artifact[:ext[:classifier]]:version ... [--from url]  — resolve from Maven Central (and %mavenRepo repositories) with dependencies, and add to the classpath"),
            Map.entry("addMavenDependency", "%addMavenDependency group:artifact:version ...  — IJava's name for %maven"),
            Map.entry("addMavenDependencies", "%addMavenDependencies group:artifact:version ...  — IJava's name for %maven"),
            Map.entry("mavenRepo", "%mavenRepo id url  — add a Maven repository for %maven"),
            Map.entry("loadFromPOM", "%loadFromPOM pom.xml  — add the POM's dependencies (line); %%loadFromPOM with <dependency>/<repository> elements as the body (cell)"),
            Map.entry("load", "%load file  — run a .jsh/.jshell/.java file or the code cells of an .ipynb"),
            Map.entry("time", "%time code  /  %%time  — run once and show wall and CPU time"),
            Map.entry("timeit", "%timeit [-n N] [-r R] code  /  %%timeit  — run many times and show the mean and spread per run")));

    /** Magics whose argument is Java code rather than words. */
    public static final java.util.Set<String> CODE_MAGICS = java.util.Set.of("time", "timeit");

    public static void register(MagicsRegistry registry, MavenResolver resolver) {
        ClasspathMagics classpath = new ClasspathMagics();
        MavenMagics maven = new MavenMagics(resolver);
        TimeMagics time = new TimeMagics();
        registry.registerLineMagic("lsmagic", (kernel, args) -> lsmagic(registry));
        registry.registerLineMagic("help", (kernel, args) -> help(registry, args));
        registry.registerLineMagic("classpath", classpath::classpath);
        registry.registerLineMagic("jars", classpath::jars);
        registry.registerLineMagic("maven", maven::maven);
        registry.registerLineMagic("addMavenDependency", maven::maven);
        registry.registerLineMagic("addMavenDependencies", maven::maven);
        registry.registerLineMagic("mavenRepo", maven::repository);
        registry.registerLineMagic("loadFromPOM", maven::loadFromPom);
        registry.registerCellMagic("loadFromPOM", maven::loadFromPomCell);
        registry.registerLineMagic("load", LoadMagic::load);
        registry.registerLineMagic("time", time::timeLine);
        registry.registerCellMagic("time", time::timeCell);
        registry.registerLineMagic("timeit", time::timeitLine);
        registry.registerCellMagic("timeit", time::timeitCell);
    }

    static Text lsmagic(MagicsRegistry registry) {
        return new Text("Line magics: " + join("%", registry.getLineMagicNames())
                + "\nCell magics: " + join("%%", registry.getCellMagicNames())
                + "\n%help name tells more about one.");
    }

    static Text help(MagicsRegistry registry, List<String> args) {
        if (args.isEmpty()) {
            StringBuilder out = new StringBuilder("Magics (%help name for one):\n");
            USAGE.values().forEach(u -> out.append("  ").append(u).append('\n'));
            TreeSet<String> others = new TreeSet<>(registry.getLineMagicNames());
            others.addAll(registry.getCellMagicNames());
            others.removeAll(USAGE.keySet());
            if (!others.isEmpty()) {
                out.append("From extensions: ").append(join("%", others));
            }
            return new Text(out.toString().strip());
        }
        String name = args.get(0).replaceFirst("^%+", "");
        String usage = USAGE.get(name);
        if (usage != null) {
            return new Text(usage);
        }
        if (registry.getLineMagicNames().contains(name) || registry.getCellMagicNames().contains(name)) {
            return new Text("%" + name + " comes from an extension; call it with no arguments to see its usage.");
        }
        throw new MagicUsageError("there is no magic %" + name + "; %lsmagic lists them all");
    }

    private static String join(String sign, java.util.Collection<String> names) {
        return new TreeSet<>(names).stream().map(n -> sign + n).reduce((a, b) -> a + "  " + b).orElse("(none)");
    }

    /** Text a magic returns: shown as the cell's output, readable from code with {@code toString()}. */
    public record Text(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
