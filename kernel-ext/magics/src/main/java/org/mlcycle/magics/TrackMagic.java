package org.mlcycle.magics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.mlcycle.toolkit.journal.DatasetVersion;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.journal.OpenRun;
import org.mlcycle.toolkit.journal.Run;
import tech.tablesaw.api.Table;

/**
 * {@code %track}: records a run from notebook variables. The cell form runs its body first and
 * times it; the line form records what earlier cells left behind.
 *
 * <pre>
 * %%track baseline --params lr,epochs --metrics auc --data ads --model model
 * double lr = 0.1; int epochs = 5;
 * var model = trainer.train(train);
 * double auc = evaluate(model);
 * </pre>
 *
 * {@code --params} and {@code --metrics} name variables (metrics must be numbers); {@code --data}
 * names dataset versions ({@code ads@2}) or Table variables, which are snapshotted if they changed;
 * {@code --model} names a variable holding a Tribuo model (its provenance is kept) or anything
 * else (its {@code toString} is kept). The run is in the journal as {@code running} while the body
 * runs, so a kernel that dies mid-cell leaves it there, unfinished; a body that throws marks it failed.
 */
final class TrackMagic {
    static final String USAGE = "%track RUN [--params VAR,...] [--metrics VAR,...] [--data NAME[@VERSION]|TABLE,...]"
            + " [--model VARIABLE]  — record a run: the named variables' values, data versions and model";
    static final String CELL_USAGE =
            "%%track RUN [--params VAR,...] [--metrics VAR,...] [--data NAME[@VERSION]|TABLE,...]"
                    + " [--model VARIABLE]  — run the cell below as run RUN and record it (failed if the cell throws)";

    private static final Usage TRACK = new Usage(
            USAGE,
            MagicsArgs.builder()
                    .required("run")
                    .keyword("params")
                    .keyword("metrics")
                    .keyword("data")
                    .keyword("model")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private TrackMagic() {}

    static Run track(Journal journal, Notebook nb, List<String> args, String body) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw TRACK.fail("missing RUN");
        }
        Map<String, List<String>> a = TRACK.parse(args);
        String name = Usage.one(a, "run", null);
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String key : List.of("params", "metrics", "data", "model")) {
            options.put(key, List.of(Usage.list(a, key)));
        }
        OpenRun run = journal.startRun(name);
        long started = System.nanoTime();
        try {
            if (body != null && !body.isBlank()) {
                nb.run(body);
            }
            Duration duration = body == null || body.isBlank() ? null : Duration.ofNanos(System.nanoTime() - started);
            for (String p : options.getOrDefault("params", List.of())) {
                run.param(p, nb.variable(p));
            }
            for (String m : options.getOrDefault("metrics", List.of())) {
                Object value = nb.variable(m);
                if (!(value instanceof Number number)) {
                    throw new IllegalArgumentException("metric '" + m + "' is "
                            + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + ", not a number");
                }
                run.metric(m, number.doubleValue());
            }
            for (String d : options.getOrDefault("data", List.of())) {
                run.uses(dataRef(journal, nb, d));
            }
            for (String m : options.getOrDefault("model", List.of())) {
                Object model = nb.variable(m);
                String provenance = model instanceof org.tribuo.Model<?> tribuo
                        ? tribuo.getProvenance().toString()
                        : String.valueOf(model);
                run.model(m, provenance);
            }
            if (duration == null) {
                run.finish();
            } else {
                run.finish(duration);
            }
        } catch (RuntimeException | Error e) {
            run.fail();
            throw e;
        }
        return journal.run(run.id());
    }

    /** {@code ads@2} as it is; a Table variable snapshotted under its name (a new version only if it changed). */
    private static String dataRef(Journal journal, Notebook nb, String d) {
        if (d.contains("@")) {
            return d;
        }
        Object value;
        try {
            value = nb.variable(d);
        } catch (RuntimeException notAVariable) {
            return d; // a dataset name: its latest version
        }
        if (value instanceof Table table) {
            String name = table.name() == null || table.name().isBlank() ? d : table.name();
            DatasetVersion version = journal.snapshot(table, name);
            return version.ref();
        }
        return d;
    }
}
