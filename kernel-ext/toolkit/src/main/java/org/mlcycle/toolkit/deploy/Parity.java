package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * The parity check between training-side and serving-side scoring: the same rows scored in process
 * by the release and over HTTP by a server, compared exactly. Any difference means the serving side
 * transforms inputs differently, the quietest deployment bug.
 */
public final class Parity {
    private Parity() {}

    /** Scores {@code rows} in process and through {@code client} in requests of {@code batch} rows. */
    public static ParityReport check(ModelRelease release, Table rows, ScoringClient client, int batch) {
        String who = "parity";
        Require.nonEmpty(Require.table(rows, who, "scored"), who);
        Require.that(batch >= 1, who, "a request needs at least one row, got %d", batch);
        Table local = release.predict(rows);
        List<String> versions = new ArrayList<>();
        int identical = 0, samePrediction = 0, requests = 0;
        double worst = 0;
        for (int from = 0; from < rows.rowCount(); from += batch) {
            int to = Math.min(rows.rowCount(), from + batch);
            ScoringClient.Answer answer = client.score(rows, from, to);
            requests++;
            String version = answer.model() + "@" + answer.version();
            if (!versions.contains(version)) versions.add(version);
            Table remote = answer.predictions();
            for (int i = from; i < to; i++) {
                boolean same = true;
                for (String c : remote.columnNames()) {
                    if (c.equals(Features.PREDICTION)) continue;
                    double a = local.doubleColumn(c).get(i),
                            b = remote.doubleColumn(c).get(i - from);
                    worst = Math.max(worst, Math.abs(a - b));
                    same &= Double.compare(a, b) == 0;
                }
                identical += same ? 1 : 0;
                samePrediction += local.stringColumn(Features.PREDICTION)
                                .get(i)
                                .equals(remote.stringColumn(Features.PREDICTION).get(i - from))
                        ? 1
                        : 0;
            }
        }
        return new ParityReport(release.ref(), rows.rowCount(), requests, identical, samePrediction, worst, versions);
    }
}
