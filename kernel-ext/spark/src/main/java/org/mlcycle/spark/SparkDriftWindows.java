package org.mlcycle.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.storage.StorageLevel;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.drift.DriftWindows;
import org.mlcycle.toolkit.drift.WindowDrift;

/**
 * {@code Drift.overTime} over Spark {@code Dataset}s: the current rows cut into windows of a date or
 * timestamp column, from the start of the first row's day, and each window compared with the whole
 * reference by {@link SparkDrift#between}; the same {@link DriftWindows} report. One job finds the first
 * time and the windows present; the reference is read once for all windows, and the current rows stay
 * persisted while the windows are compared. Times are read
 * in the session's time zone ({@code spark.sql.session.timeZone}), as Spark shows them.
 */
public final class SparkDriftWindows {
    private static final String KEY = "__mlcycle_window";

    private SparkDriftWindows() {}

    public static DriftWindows of(
            Dataset<Row> reference,
            String referenceName,
            Dataset<Row> current,
            String currentName,
            String timeColumn,
            Duration window,
            DriftOptions options) {
        if (reference == null) throw new IllegalArgumentException("drift: the reference table is null");
        if (current == null) throw new IllegalArgumentException("drift: the current table is null");
        // the toolkit's own checks (missing column, not a time, bad window) with the same messages
        DriftWindows.of(
                SparkColumns.shell(reference, referenceName),
                SparkColumns.shell(current, currentName),
                timeColumn,
                window,
                options);
        var type = current.schema().apply(timeColumn).dataType();
        if (!(type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType)) {
            throw new IllegalArgumentException("drift: time column '" + timeColumn + "' in table '" + currentName
                    + "' is not a date or timestamp");
        }
        DriftOptions o = options;
        if (List.of(reference.columns()).contains(timeColumn)) {
            Set<String> ignore = new LinkedHashSet<>(options.ignore());
            ignore.add(timeColumn);
            o = options.withIgnored(ignore.toArray(String[]::new));
        }
        Column time = SparkColumns.column(timeColumn).cast(DataTypes.TimestampType);
        Row first = current.agg(unix_micros(date_trunc("DAY", min(time))), count(when(time.isNull(), 1)))
                .first();
        int withoutTime = Math.toIntExact(first.getLong(1));
        List<WindowDrift> out = new ArrayList<>();
        if (first.isNullAt(0)) {
            return new DriftWindows(referenceName, currentName, timeColumn, window, out, withoutTime);
        }
        long start = first.getLong(0), step = window.toNanos() / 1000;
        Dataset<Row> cur = current.where(time.isNotNull())
                .withColumn(KEY, floor(unix_micros(time).minus(start).divide(lit(step))))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Long> keys = cur.select(KEY).distinct().collectAsList().stream()
                    .map(r -> r.getLong(0))
                    .sorted()
                    .toList();
            ZoneId zone = ZoneId.of(current.sparkSession().conf().get("spark.sql.session.timeZone"));
            LocalDateTime origin = LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(start * 1000), zone);
            List<Dataset<Row>> windows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (long k : keys) {
                windows.add(cur.where(cur.col(KEY).equalTo(k)).drop(KEY));
                names.add(
                        currentName + " " + origin.plus(window.multipliedBy(k)).toLocalDate());
            }
            // the reference is read once for every window
            List<DriftReport> reports =
                    SparkDrift.between(reference, referenceName, windows, names, o, Approx.EXACT_VALUES);
            for (int i = 0; i < keys.size(); i++) {
                LocalDateTime from = origin.plus(window.multipliedBy(keys.get(i)));
                out.add(new WindowDrift(from, from.plus(window), reports.get(i)));
            }
        } finally {
            cur.unpersist();
        }
        return new DriftWindows(referenceName, currentName, timeColumn, window, out, withoutTime);
    }
}
