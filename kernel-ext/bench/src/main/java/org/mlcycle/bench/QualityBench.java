package org.mlcycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvOptions;
import org.mlcycle.toolkit.io.csv.CsvResult;
import org.mlcycle.toolkit.quality.ColumnProfile;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.report.Json;
import org.mlcycle.toolkit.stats.ValueCount;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Profile and drift on the benchmark CSVs, timed the way {@code bench_profile.py} and
 * {@code bench_drift.py} are: CSV reading apart from computing, computing repeated after warm-up
 * runs, min and median reported; one JSON line per task in the scripts' shape, with the values
 * unless {@code --no-result}. The CSV files are read on {@link Csv#threads()} threads (system property
 * {@code mlcycle.csv.threads}); profile and drift compute on one thread, like the Python scripts.
 *
 * <pre>
 * java -cp ... org.mlcycle.bench.QualityBench --ref REF.csv --cur CUR.csv
 *     [--schema S.json] [--repeat 3] [--warmup 1] [--task profile|drift|all] [--no-result]
 * </pre>
 */
public final class QualityBench {
    private static final String USAGE = "usage: QualityBench --ref REF.csv [--cur CUR.csv] [--schema S.json]"
            + " [--repeat N] [--warmup N] [--task profile|drift|all] [--no-result]";

    private QualityBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        Path ref = Path.of(a.getOrDefault("ref", ""));
        if (!Files.isRegularFile(ref)) {
            System.err.println("bench: no file '" + ref + "'\n" + USAGE);
            System.exit(2);
        }
        int repeat = Integer.parseInt(a.getOrDefault("repeat", "3"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "1"));
        String task = a.getOrDefault("task", "all");
        boolean result = !a.containsKey("no-result");
        Path schemaFile = a.containsKey("schema") ? Path.of(a.get("schema")) : BenchSchema.nextTo(ref);
        BenchSchema schema = Files.isRegularFile(schemaFile) ? BenchSchema.read(schemaFile) : null;
        CsvOptions options = csvOptions(schema);

        // Tablesaw's first Table scans the class path for readers and writers (0.7-2.6 s measured here);
        // like `import pandas` in the Python scripts it is a one-time cost kept out of read_s
        long ti = System.nanoTime();
        Table.create("tablesaw-init");
        double tablesawInit = seconds(ti);
        long c0 = processCpu();
        long t0 = System.nanoTime();
        CsvResult refRead = Csv.read(ref, options);
        double readRef = seconds(t0);
        double readRefCpu = (processCpu() - c0) / 1e9;
        Table reference = refRead.table();
        String[] ignore = schema == null ? new String[0] : schema.ignore().toArray(new String[0]);

        if (task.equals("all") || task.equals("profile")) {
            ProfileOptions po = ProfileOptions.defaults().withIgnored(ignore);
            Timed<ProfileReport> p = timed(() -> Profile.of(reference, po), warmup, repeat);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("task", "profile");
            out.put("csv", ref.toString());
            out.put("rows", reference.rowCount());
            out.put("cols", p.value.columns().size());
            out.put("read_s", round(readRef));
            out.put("read_cpu_s", round(readRefCpu));
            out.put("quarantined", refRead.quarantine().rejectedCount());
            out.put("compute", p.summary());
            out.put("total_s", round(readRef + p.min()));
            out.put("tablesaw_init_s", round(tablesawInit));
            out.put("env", env(warmup));
            if (result) {
                out.put("result", profileResult(p.value));
            }
            System.out.println(Json.compact(out));
        }
        if ((task.equals("all") || task.equals("drift")) && a.containsKey("cur")) {
            c0 = processCpu();
            t0 = System.nanoTime();
            CsvResult curRead = Csv.read(Path.of(a.get("cur")), options);
            double readCur = seconds(t0);
            double readCurCpu = (processCpu() - c0) / 1e9;
            Table current = curRead.table();
            DriftOptions dopt = DriftOptions.defaults().withIgnored(ignore);
            if (schema != null && schema.label() != null) {
                dopt = dopt.withCategorical(schema.label());
            }
            DriftOptions driftOptions = dopt;
            Timed<DriftReport> d = timed(() -> Drift.between(reference, current, driftOptions), warmup, repeat);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("task", "drift");
            out.put("reference", ref.toString());
            out.put("current", a.get("cur"));
            out.put("rows_ref", reference.rowCount());
            out.put("rows_cur", current.rowCount());
            out.put("cols", d.value.columns().size());
            out.put("read_s", round(readRef + readCur));
            out.put("read_cpu_s", round(readRefCpu + readCurCpu));
            out.put("compute", d.summary());
            out.put("total_s", round(readRef + readCur + d.min()));
            out.put("tablesaw_init_s", round(tablesawInit));
            out.put("env", env(warmup));
            if (result) {
                out.put("result", driftResult(d.value));
            }
            System.out.println(Json.compact(out));
        }
    }

    private static CsvOptions csvOptions(BenchSchema schema) {
        CsvOptions o = CsvOptions.defaults();
        if (schema == null) {
            return o;
        }
        for (String c : schema.numeric()) {
            o = o.withType(c, ColumnType.DOUBLE);
        }
        for (String c : schema.categorical()) {
            o = o.withType(c, ColumnType.STRING);
        }
        if (schema.label() != null) {
            o = o.withType(schema.label(), ColumnType.DOUBLE);
        }
        return o;
    }

    static Map<String, Object> profileResult(ProfileReport p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", p.rows());
        r.put("columns", p.columns().size());
        r.put("duplicate_rows", p.duplicateRows());
        Map<String, Object> cols = new LinkedHashMap<>();
        for (ColumnProfile c : p.columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", c.count());
            m.put("missing", c.missing());
            m.put("distinct", c.distinct());
            if (c.numeric()) {
                m.put("mean", c.mean());
                m.put("std", c.std());
                m.put("min", c.min());
                m.put("max", c.max());
                m.put("zeros", c.zeros());
                for (double q : Profile.QUANTILES) {
                    m.put(String.format("p%02d", Math.round(q * 100)), c.quantile(q));
                }
                m.put("hist20", c.histogram());
            } else {
                List<Object> top = new ArrayList<>();
                for (ValueCount v : c.top()) {
                    top.add(List.of(v.value(), v.count()));
                }
                m.put("top10", top);
            }
            cols.put(c.name(), m);
        }
        r.put("column", cols);
        return r;
    }

    static Map<String, Object> driftResult(DriftReport d) {
        Map<String, Object> cols = new LinkedHashMap<>();
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        for (String rule : List.of("ks_p<0.05", "chi2_p<0.05", "psi>0.2", "js>0.1", "wass_norm>0.1")) {
            byRule.put(rule, new ArrayList<>());
        }
        for (ColumnDrift c : d.columns()) {
            Map<String, Object> m = c.toRecord();
            List<String> fired = new ArrayList<>();
            if (c.numeric() && c.ksP() < 0.05) {
                fired.add("ks_p<0.05");
            }
            if (!c.numeric() && c.chi2P() < 0.05) {
                fired.add("chi2_p<0.05");
            }
            if (c.psi() > 0.2) {
                fired.add("psi>0.2");
            }
            if (c.js() > 0.1) {
                fired.add("js>0.1");
            }
            if (c.numeric() && c.wassersteinNorm() > 0.1) {
                fired.add("wass_norm>0.1");
            }
            m.put("drifted_by", fired);
            fired.forEach(rule -> byRule.get(rule).add(c.name()));
            cols.put(c.name(), m);
        }
        byRule.values().forEach(l -> l.sort(null));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("columns", cols);
        r.put("drifted_by_rule", byRule);
        r.put("verdict", d.toText().lines().findFirst().orElse(""));
        return r;
    }

    private static Map<String, Object> env(int warmup) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("java", System.getProperty("java.version"));
        e.put("vm", System.getProperty("java.vm.name"));
        e.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        e.put("cpus", Runtime.getRuntime().availableProcessors());
        e.put("csv_threads", Csv.threads());
        e.put("compute_threads", 1);
        e.put("warmup_runs", warmup);
        e.put(
                "timing",
                "System.nanoTime around each run after warm-up runs (not JMH); cpu_s = this thread's CPU time"
                        + "; read_cpu_s = the whole process's CPU time during the read (reader, JIT and GC threads)");
        return e;
    }

    private record Timed<T>(T value, double[] runs, double[] cpu) {
        double min() {
            return Arrays.stream(runs).min().orElse(Double.NaN);
        }

        Map<String, Object> summary() {
            double[] s = runs.clone();
            Arrays.sort(s);
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            List<Double> r = new ArrayList<>();
            for (double x : runs) {
                r.add(round(x));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs_s", r);
            m.put("min_s", round(min()));
            m.put("median_s", round(median));
            List<Double> c = new ArrayList<>();
            for (double x : cpu) {
                c.add(round(x));
            }
            m.put("cpu_s", c);
            return m;
        }
    }

    private static <T> Timed<T> timed(Supplier<T> task, int warmup, int repeat) {
        T last = null;
        for (int i = 0; i < warmup; i++) {
            last = task.get(); // kept, so the warm-up's work cannot be optimised away
        }
        double[] runs = new double[Math.max(1, repeat)];
        double[] cpu = new double[runs.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs.length; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = task.get();
            runs[i] = seconds(t0);
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        return new Timed<>(last, runs, cpu);
    }

    /** CPU time of all threads of this JVM, in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double round(double s) {
        return Math.round(s * 10_000) / 10_000.0;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                System.err.println("bench: unexpected argument '" + args[i] + "'\n" + USAGE);
                System.exit(2);
            }
            String key = args[i].substring(2);
            if (key.equals("no-result")) {
                m.put(key, "");
            } else if (i + 1 < args.length) {
                m.put(key, args[++i]);
            } else {
                System.err.println("bench: --" + key + " needs a value\n" + USAGE);
                System.exit(2);
            }
        }
        return m;
    }
}
