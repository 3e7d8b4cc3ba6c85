package org.mlcycle.spark.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.SparkSession;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;
import org.mlcycle.magics.Notebook;

/**
 * The Spark part of mlcycle's extension, installed when this jar is on the kernel's class path
 * ({@code ./mlcycle install --with-spark}) or added with {@code %classpath}: the {@code %spark} magic,
 * and imports of {@code Dataset}, {@code SparkSession} and this module's classes. Starting the kernel
 * starts no Spark; the first {@code %spark} does.
 */
public final class SparkExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(SparkExtension.class.getName());

    static final String USAGE = "%spark [MASTER] [--ui] [--conf KEY=VALUE]... | %spark --stop  — a Spark session in the"
            + " variable spark: local[*] (every core of this machine, web UI off) unless MASTER names another,"
            + " such as local[2] or spark://host:7077";

    static final List<String> IMPORTS = List.of(
            "import org.apache.spark.sql.Dataset;",
            "import org.apache.spark.sql.SparkSession;",
            "import org.mlcycle.spark.*;");

    @Override
    public void install(BaseKernel kernel) {
        MagicSpec spec = MagicSpec.line("spark", 0, USAGE);
        kernel.getMagicsRegistry().registerLineMagic("spark", (BaseKernel k, List<String> args) -> {
            Notebook nb = Notebook.of(k);
            return nb.result(run(nb, args));
        });
        MagicTable.of(kernel).ifPresent(t -> t.describe(spec));
        for (String statement : IMPORTS) {
            try {
                kernel.eval(statement);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "mlcycle spark: default import failed: " + statement + " (" + e.getMessage() + ")");
            }
        }
    }

    /** {@code %spark [MASTER] [--ui] [--conf K=V]...} or {@code %spark --stop}; returns a line saying what runs. */
    static String run(Notebook nb, List<String> args) {
        String master = null;
        boolean ui = false, stop = false;
        Map<String, String> conf = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--ui")) {
                ui = true;
            } else if (a.equals("--stop")) {
                stop = true;
            } else if (a.equals("--conf") || a.startsWith("--conf=")) {
                String kv = a.startsWith("--conf=") ? a.substring(7) : (++i < args.size() ? args.get(i) : "");
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("--conf needs KEY=VALUE, got '" + kv + "'\n" + USAGE);
                conf.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            } else if (master == null) {
                master = a;
            } else {
                throw new IllegalArgumentException("one MASTER only, got '" + master + "' and '" + a + "'\n" + USAGE);
            }
        }
        var active = SparkSession.getDefaultSession();
        if (stop) {
            if (active.isEmpty()) return "no Spark session to stop";
            active.get().stop();
            SparkSession.clearDefaultSession();
            SparkSession.clearActiveSession();
            return "Spark session stopped";
        }
        if (active.isDefined()
                && (master == null || master.equals(active.get().sparkContext().master()))
                && conf.isEmpty()
                && !ui) {
            nb.define("spark", SparkSession.class, active.get());
            return describe(active.get(), "running");
        }
        if (active.isDefined()) {
            active.get().stop(); // getOrCreate would hand back the running one, whatever the new settings
            SparkSession.clearDefaultSession();
            SparkSession.clearActiveSession();
        }
        quietLogging();
        SparkSession session =
                builder(master == null ? "local[*]" : master, ui, conf).getOrCreate();
        nb.define("spark", SparkSession.class, session);
        return describe(session, "started");
    }

    /** The session's settings: the UI off unless asked; on this machine a loopback driver. */
    static SparkSession.Builder builder(String master, boolean ui, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder()
                .master(master)
                .appName("mlcycle notebook")
                .config("spark.ui.enabled", String.valueOf(ui));
        if (master.startsWith("local")) {
            // one shuffle partition per core, not 200: a notebook's data on one machine
            b = b.config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", String.valueOf(cores(master)));
        }
        for (Map.Entry<String, String> e : conf.entrySet()) {
            b = b.config(e.getKey(), e.getValue());
        }
        return b;
    }

    /**
     * Log4j 2 (Spark's logging) configured from this module's file unless configured already: Spark keeps a
     * configuration it finds, and replaces only the default one with its own, which logs at INFO.
     */
    static void quietLogging() {
        var context =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        var current = context.getConfiguration();
        boolean isDefault = current instanceof org.apache.logging.log4j.core.config.DefaultConfiguration
                || current instanceof org.apache.logging.log4j.core.config.NullConfiguration;
        var file = SparkExtension.class.getResource("log4j2-notebook.properties");
        if (isDefault && file != null) {
            try {
                context.setConfigLocation(file.toURI());
            } catch (java.net.URISyntaxException e) {
                LOG.log(Level.WARNING, "mlcycle spark: Spark logs at its own levels (" + e.getMessage() + ")");
            }
        }
    }

    /** local, local[N], local[*], local[N, F]: the cores the master uses. */
    static int cores(String master) {
        String m = master.toLowerCase(Locale.ROOT);
        int open = m.indexOf('['), close = m.indexOf(']');
        if (open < 0 || close < open) return 1;
        String n = m.substring(open + 1, close).split(",")[0].strip();
        if (n.equals("*")) return Runtime.getRuntime().availableProcessors();
        try {
            return Math.max(1, Integer.parseInt(n));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String describe(SparkSession s, String how) {
        var sc = s.sparkContext();
        List<String> parts = new ArrayList<>();
        parts.add("Spark " + s.version() + " " + how + ": " + sc.master());
        parts.add(sc.defaultParallelism() + " cores");
        parts.add(sc.uiWebUrl().isDefined() ? "UI " + sc.uiWebUrl().get() : "UI off");
        return String.join(", ", parts) + "; the session is the variable spark";
    }
}
