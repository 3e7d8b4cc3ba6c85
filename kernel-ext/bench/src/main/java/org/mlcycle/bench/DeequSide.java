package org.mlcycle.bench;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.checks.CheckStatus;
import com.amazon.deequ.profiles.ColumnProfile;
import com.amazon.deequ.profiles.ColumnProfilerRunner;
import com.amazon.deequ.profiles.ColumnProfiles;
import com.amazon.deequ.profiles.NumericColumnProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlcycle.toolkit.quality.Constraint;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Deequ's side of {@code ./mlcycle bench spark}: its {@code ColumnProfilerRunner} with default settings (as a
 * Deequ user runs it) and a {@code VerificationSuite} holding the same constraints as the toolkit's check set.
 * Deequ is a Scala library; this class is the only place the benchmark speaks Scala from Java.
 */
final class DeequSide {
    /** What the profiler reported of one column, in the toolkit's terms (NaN where Deequ gave nothing). */
    record Column(long distinct, double completeness, double mean, double min, double max, List<Double> quantiles) {}

    private DeequSide() {}

    static Map<String, Column> profile(Dataset<Row> ds) {
        ColumnProfiles profiles = new ColumnProfilerRunner().onData(ds).run();
        Map<String, Column> out = new HashMap<>();
        for (Map.Entry<String, ColumnProfile> e :
                JavaConverters.mapAsJavaMap(profiles.profiles()).entrySet()) {
            ColumnProfile p = e.getValue();
            double mean = Double.NaN, min = Double.NaN, max = Double.NaN;
            List<Double> quantiles = List.of();
            if (p instanceof NumericColumnProfile n) {
                mean = number(n.mean());
                min = number(n.minimum());
                max = number(n.maximum());
                if (n.approxPercentiles().isDefined()) {
                    quantiles = JavaConverters.seqAsJavaList(
                                    n.approxPercentiles().get())
                            .stream()
                            .map(o -> ((Number) o).doubleValue())
                            .toList();
                }
            }
            out.put(
                    e.getKey(),
                    new Column(p.approximateNumDistinctValues(), p.completeness(), mean, min, max, quantiles));
        }
        return out;
    }

    /**
     * Runs the toolkit's constraints as one Deequ check; returns how many constraints failed. The toolkit's
     * row count, completeness, range and allowed-values constraints have Deequ twins; others are refused.
     */
    static int verify(Dataset<Row> ds, List<Constraint> constraints) {
        Check check = new Check(
                CheckLevel.Error(),
                "bench",
                JavaConverters.asScalaBuffer(List.<com.amazon.deequ.constraints.Constraint>of())
                        .toSeq());
        for (Constraint c : constraints) {
            check = switch (c.kind()) {
                case ROW_COUNT -> check.hasSize(between(c.low(), c.high()), Option.empty());
                case COMPLETE -> check.isComplete(c.column(), Option.empty(), Option.empty());
                case BETWEEN ->
                    check.isContainedIn(c.column(), c.low(), c.high(), true, true, Option.empty(), Option.empty());
                case IN_SET -> check.isContainedIn(c.column(), c.values().toArray(String[]::new));
                default -> throw new IllegalArgumentException("bench: no Deequ twin for " + c.description());
            };
        }
        VerificationResult result =
                new VerificationSuite().onData(ds).addCheck(check).run();
        int failed = 0;
        for (var r : JavaConverters.mapAsJavaMap(result.checkResults()).values()) {
            for (var cr : JavaConverters.seqAsJavaList(r.constraintResults())) {
                if (cr.status() != com.amazon.deequ.constraints.ConstraintStatus.Success()) failed++;
            }
        }
        return result.status() == CheckStatus.Success() ? 0 : Math.max(failed, 1);
    }

    private static scala.Function1<Object, Object> between(double low, double high) {
        return v -> ((Number) v).doubleValue() >= low && ((Number) v).doubleValue() <= high;
    }

    private static double number(Option<Object> o) {
        return o.isDefined() ? ((Number) o.get()).doubleValue() : Double.NaN;
    }
}
