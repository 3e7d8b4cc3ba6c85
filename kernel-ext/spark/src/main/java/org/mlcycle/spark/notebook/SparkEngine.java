package org.mlcycle.spark.notebook;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlcycle.magics.DataEngine;
import org.mlcycle.magics.DriftRequest;
import org.mlcycle.spark.SparkChecks;
import org.mlcycle.spark.SparkDrift;
import org.mlcycle.spark.SparkDriftWindows;
import org.mlcycle.spark.SparkFingerprint;
import org.mlcycle.spark.SparkProfile;
import org.mlcycle.spark.SparkSchema;
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
 * A Spark {@code Dataset} for mlcycle's magics: {@code %profile}, {@code %checks}, {@code %schema},
 * {@code %drift} and {@code %snapshot} run this module's Spark jobs on it and return the same reports as
 * on a table. Listed in {@code META-INF/services/org.mlcycle.magics.DataEngine}.
 */
public final class SparkEngine implements DataEngine {
    @Override
    public boolean accepts(Object data) {
        return data instanceof Dataset<?>;
    }

    @Override
    public String describe() {
        return "a Spark Dataset<Row>";
    }

    private static Dataset<Row> rows(Object data) {
        return ((Dataset<?>) data).toDF();
    }

    @Override
    public List<String> columns(Object data) {
        return List.of(rows(data).columns());
    }

    @Override
    public ProfileReport profile(Object data, String name, ProfileOptions options) {
        return SparkProfile.of(rows(data), name, options);
    }

    @Override
    public Checks parseChecks(String checksName, String spec, Object data, String name) {
        return SparkChecks.parse(checksName, spec, rows(data), name);
    }

    @Override
    public CheckReport check(Checks checks, Object data, String name) {
        return SparkChecks.run(checks, rows(data), name);
    }

    @Override
    public Schema inferSchema(Object data, String name, SchemaOptions options) {
        return SparkSchema.infer(rows(data), name, options);
    }

    @Override
    public SchemaReport validate(Schema schema, Object data, String name) {
        return SparkSchema.validate(schema, rows(data), name);
    }

    @Override
    public DriftReport drift(DriftRequest r) {
        return SparkDrift.between(
                rows(r.reference()), r.referenceName(), rows(r.current()), r.currentName(), r.options());
    }

    @Override
    public DriftWindows driftOverTime(DriftRequest r) {
        return SparkDriftWindows.of(
                rows(r.reference()),
                r.referenceName(),
                rows(r.current()),
                r.currentName(),
                r.timeColumn(),
                r.window(),
                r.options());
    }

    @Override
    public Fingerprint fingerprint(Object data, String name) {
        return SparkFingerprint.of(rows(data));
    }
}
