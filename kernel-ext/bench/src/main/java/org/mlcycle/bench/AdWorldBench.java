package org.mlcycle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.datasets.*;
import tech.tablesaw.api.Table;

/**
 * Measures the generator: rows per second and peak heap for making candidate tables, printed as one
 * JSON object per line. {@code java ... AdWorldBench [rows] [repeats]} (defaults 1,000,000 and 3).
 * Speed is measured here, never asserted in a test.
 */
public final class AdWorldBench {
    private AdWorldBench() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        AdWorld world = AdWorld.standard();
        double worldMs = (System.nanoTime() - t0) / 1e6;
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"world\",\"ms\":%.1f}", worldMs));
        for (Source source : Source.values()) {
            for (int r = 0; r < repeats; r++) {
                run("candidates", source, rows, r, () -> world.candidates(source, Period.TWO_MONTHS_AGO, rows));
            }
        }
        for (int r = 0; r < repeats; r++) {
            run(
                    "features",
                    Source.TARGETED,
                    rows,
                    r,
                    () -> world.features(Source.TARGETED, Period.TWO_MONTHS_AGO, rows));
        }
        for (int r = 0; r < repeats; r++) {
            run("csv", Source.RANDOM, rows, r, () -> {
                Table t = world.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, rows);
                return DatasetFiles.bytes(t, "candidates_random_2m.csv");
            });
        }
    }

    private interface Job {
        Object run();
    }

    private static void run(String what, Source source, int rows, int repeat, Job job) {
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heap.add(pool);
            }
        }
        long t0 = System.nanoTime();
        Object result = job.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed(); // sum of pool peaks: an upper bound of the heap's peak
        }
        System.out.println(String.format(
                Locale.ROOT,
                "{\"bench\":\"%s\",\"source\":\"%s\",\"rows\":%d,\"repeat\":%d,\"seconds\":%.3f,\"rows_per_s\":%.0f,\"peak_heap_mb\":%.1f,\"result\":\"%s\"}",
                what,
                source.name().toLowerCase(Locale.ROOT),
                rows,
                repeat,
                seconds,
                rows / seconds,
                peak / 1048576.0,
                result.getClass().getSimpleName()));
    }
}
