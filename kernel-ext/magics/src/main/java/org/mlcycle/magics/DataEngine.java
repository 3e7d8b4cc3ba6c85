package org.mlcycle.magics;

import java.util.List;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.drift.DriftWindows;
import org.mlcycle.toolkit.journal.Fingerprint;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaOptions;
import org.mlcycle.toolkit.quality.SchemaReport;

/**
 * Another kind of table the quality, drift and journal magics accept besides a Tablesaw {@code Table}
 * (a Spark {@code Dataset<Row>}, say), returning the toolkit's own reports. The magics know no such
 * kind: a jar that brings one lists its engine in {@code META-INF/services/org.mlcycle.magics.DataEngine},
 * and the magics find it by {@link java.util.ServiceLoader} when a variable is not a table, from the
 * extension's class path or from the jar the variable's class came from (a jar added with
 * {@code %classpath} too). {@code name} is what the report calls the data: the notebook variable's name.
 */
public interface DataEngine {
    /** Whether {@code data} is of this engine's kind. */
    boolean accepts(Object data);

    /** The kind, for messages: {@code a Spark Dataset<Row>}. */
    String describe();

    /** The column names, in order. */
    List<String> columns(Object data);

    ProfileReport profile(Object data, String name, ProfileOptions options);

    /** Parses a check spec against the data's columns, with the same messages as against a table. */
    Checks parseChecks(String checksName, String spec, Object data, String name);

    CheckReport check(Checks checks, Object data, String name);

    Schema inferSchema(Object data, String name, SchemaOptions options);

    SchemaReport validate(Schema schema, Object data, String name);

    /** The current data against the reference as a whole; {@code request} is not {@link DriftRequest#windowed}. */
    DriftReport drift(DriftRequest request);

    /**
     * Drift of each window of the current data's time column against the whole reference, as
     * {@link org.mlcycle.toolkit.drift.Drift#overTime} does on tables; {@code request} is
     * {@link DriftRequest#windowed}. Engines that cannot cut windows say so.
     */
    default DriftWindows driftOverTime(DriftRequest request) {
        throw new IllegalArgumentException("drift: window by window is not available on " + describe()
                + "; filter it to each window and compare those");
    }

    /** The row count, content hash and schema a journal records as a dataset version, computed where the data is. */
    Fingerprint fingerprint(Object data, String name);
}
