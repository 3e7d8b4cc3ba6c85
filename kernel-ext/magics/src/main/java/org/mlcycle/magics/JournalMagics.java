package org.mlcycle.magics;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.journal.DatasetVersion;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.journal.Stage;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

/**
 * The lifecycle magics on the journal: {@code %stage}, {@code %objective} (line and cell),
 * {@code %snapshot}, {@code %restore}, {@code %track} (line and cell), {@code %runs},
 * {@code %lineage}, {@code %lifecycle}, {@code %journal}. Thin: parse the arguments, call {@link Journal}, show the result. The journal
 * is {@code .mlcycle/journal.sqlite} in the kernel's working folder (Jupyter starts a kernel in
 * its notebook's folder) unless {@code MLCYCLE_JOURNAL} names a file. A magic's last output is its
 * value where the kernel shows magic values, and is displayed where it does not (see
 * {@link Notebook#result}).
 */
public final class JournalMagics {
    private final Supplier<Path> location;
    private Journal journal;

    JournalMagics(Supplier<Path> location) {
        this.location = location;
    }

    /** Where the journal is: {@code MLCYCLE_JOURNAL}, else {@code .mlcycle/journal.sqlite} in the working folder. */
    static Path defaultLocation() {
        String configured = System.getenv("MLCYCLE_JOURNAL");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Journal.defaultFile(Path.of("").toAbsolutePath());
    }

    /** Registers every journal magic; {@code notebooks} turns the calling kernel into a {@link Notebook}. */
    static final String STAGE_USAGE = "%stage scoping|data|development|deployment|monitoring|business [NOTE...]"
            + "  — record the move to a lifecycle stage";

    static final String OBJECTIVE_USAGE =
            "%objective METRIC...  — the metric to optimise, e.g. %objective click-through rate";
    static final String OBJECTIVE_CELL_USAGE =
            "%%objective [METRIC...]  — with 'metric:', 'constraints:', 'criteria:'," + " 'stakeholders:' lines below";
    static final String SNAPSHOT_USAGE =
            "%snapshot TABLE [as NAME] [from NAME[@VERSION]]  — keep a version of the Table"
                    + " variable TABLE in the journal (of a Spark Dataset: its hash and shape, not its rows)";
    static final String RESTORE_USAGE =
            "%restore NAME[@VERSION] [as VARIABLE]  — load a snapshot back as a Table variable";
    static final String RUNS_USAGE =
            "%runs [RUN...]  — the tracked runs (or runs #RUN...) side by side, with their metrics";
    static final String LINEAGE_USAGE = "%lineage [NAME]  — where each dataset version (or NAME's) came from";
    static final String LIFECYCLE_USAGE = "%lifecycle  — the stages this work has moved through, as a chart";
    static final String JOURNAL_USAGE = "%journal [--last N] | %journal export FILE.json|FILE.csv  — the journal's"
            + " latest entries (20 by default), or all of it written to a file";

    private static final Usage SNAPSHOT = new Usage(
            SNAPSHOT_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .keyword("as", KeywordSpec.REPLACE)
                    .keyword("from", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage RESTORE = new Usage(
            RESTORE_USAGE,
            MagicsArgs.builder()
                    .required("ref")
                    .keyword("as", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage JOURNAL = new Usage(
            JOURNAL_USAGE,
            MagicsArgs.builder()
                    .optional("action")
                    .optional("file")
                    .keyword("last", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private static final Usage RUNS = new Usage(
            RUNS_USAGE,
            MagicsArgs.builder()
                    .varargs("run")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage LINEAGE = new Usage(
            LINEAGE_USAGE,
            MagicsArgs.builder()
                    .optional("name")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage LIFECYCLE = new Usage(
            LIFECYCLE_USAGE,
            MagicsArgs.builder().onlyKnownKeywords().onlyKnownFlags().build());

    static void register(MagicSet magics, JournalMagics m) {
        magics.line(MagicSpec.line("stage", 1, STAGE_USAGE), m::stage);
        magics.line(MagicSpec.line("objective", 1, OBJECTIVE_USAGE), (nb, a) -> m.objective(nb, a, ""));
        magics.cell(MagicSpec.cell("objective", 0, OBJECTIVE_CELL_USAGE), m::objective);
        magics.line(MagicSpec.line("snapshot", 1, SNAPSHOT_USAGE), m::snapshot);
        magics.line(MagicSpec.line("restore", 1, RESTORE_USAGE), m::restore);
        magics.line(MagicSpec.line("track", 1, TrackMagic.USAGE), (nb, a) -> m.track(nb, a, null));
        magics.cell(MagicSpec.cell("track", 1, TrackMagic.CELL_USAGE), m::track);
        magics.line(MagicSpec.line("runs", 0, RUNS_USAGE), m::runs);
        magics.line(MagicSpec.line("lineage", 0, LINEAGE_USAGE), m::lineage);
        magics.line(MagicSpec.line("lifecycle", 0, LIFECYCLE_USAGE), m::lifecycle);
        magics.line(MagicSpec.line("journal", 0, JOURNAL_USAGE), m::journal);
    }

    synchronized Journal journal() {
        if (journal == null) {
            journal = Journal.open(location.get());
        }
        return journal;
    }

    synchronized void close() {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /**
     * {@code %stage data [note...]}: records the move, shows the path so far on one line. Naming
     * the stage the work is already in is not a move: nothing is recorded (a notebook that opens
     * with {@code %stage development} can be run again, or follow another in that stage).
     */
    Object stage(Notebook nb, List<String> args) {
        usage(!args.isEmpty(), STAGE_USAGE);
        Stage wanted = Stage.parse(args.get(0));
        boolean moves =
                journal().stageMoves().isEmpty() || journal().stagePath().current() != wanted;
        if (moves) {
            journal().stage(wanted, String.join(" ", args.subList(1, args.size())));
        }
        return nb.result(new Line(
                moves ? Messages.get("journal.stage") : Messages.get("journal.stillIn", wanted.title()),
                journal().stagePath().breadcrumb()));
    }

    /**
     * {@code %objective click-through rate}, or the cell form with {@code metric:},
     * {@code constraints:}, {@code criteria:}, {@code stakeholders:} lines.
     */
    Object objective(Notebook nb, List<String> args, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : body.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("'" + line.strip()
                        + "' is not 'key: value' (keys: metric, constraints, criteria, stakeholders)");
            }
        }
        String metric = args.isEmpty() ? fields.get("metric") : String.join(" ", args);
        usage(metric != null && !metric.isBlank(), OBJECTIVE_USAGE + "; or " + OBJECTIVE_CELL_USAGE);
        String constraints = fields.get("constraints"),
                criteria = fields.get("criteria"),
                stakeholders = fields.get("stakeholders");
        // the same objective again (a notebook run twice) is not a pivot to itself
        var unchanged = journal()
                .currentObjective()
                .filter(o -> o.metric().equals(metric.strip())
                        && Objects.equals(o.constraints(), constraints)
                        && Objects.equals(o.criteria(), criteria)
                        && Objects.equals(o.stakeholders(), stakeholders));
        return nb.result(unchanged.orElseGet(() -> journal().objective(metric, constraints, criteria, stakeholders)));
    }

    /** {@code %snapshot table [as name] [from parent]} ({@code --as}, {@code --from} too). */
    Object snapshot(Notebook nb, List<String> args) {
        Map<String, List<String>> a = SNAPSHOT.parse(Usage.wordsAsOptions(args, "as", "from"));
        String variable = Usage.one(a, "table", null);
        Object value = nb.variable(variable);
        if (!(value instanceof Table table)) {
            // another kind of table (a Spark Dataset): its row count and content hash computed where it
            // lives, recorded without the rows
            DataEngines.Held held;
            try {
                held = DataEngines.held(nb, variable);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "'" + variable + "' is "
                                + (value == null
                                        ? "null"
                                        : "a " + value.getClass().getSimpleName()) + ", not a Tablesaw Table",
                        e);
            }
            String name = Usage.one(a, "as", variable);
            return nb.result(
                    journal().snapshot(held.engine().fingerprint(held.data(), name), name, Usage.one(a, "from", null)));
        }
        String name = Usage.one(a, "as", table.name() == null || table.name().isBlank() ? variable : table.name());
        DatasetVersion version = journal().snapshot(table, name, Usage.one(a, "from", null));
        return nb.result(version);
    }

    /** {@code %restore name[@version] [as variable]} ({@code --as} too): defines the variable (default: the dataset name). */
    Object restore(Notebook nb, List<String> args) {
        Map<String, List<String>> a = RESTORE.parse(Usage.wordsAsOptions(args, "as"));
        String ref = Usage.one(a, "ref", null);
        Table table = journal().restore(ref);
        String variable = Usage.one(a, "as", table.name().replaceAll("[^\\p{javaJavaIdentifierPart}]", "_"));
        nb.define(variable, Table.class, table);
        return nb.result(new Line("restored " + ref + " as " + variable, table.shape()));
    }

    /** {@code %track} / {@code %%track}: see {@link TrackMagic}. */
    Object track(Notebook nb, List<String> args, String body) {
        return nb.result(TrackMagic.track(journal(), nb, args, body));
    }

    Object runs(Notebook nb, List<String> args) {
        long[] ids = RUNS.parse(args).getOrDefault("run", List.of()).stream()
                .mapToLong(a -> {
                    try {
                        return Long.parseLong(a.replace("#", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + a + "' is not a run number");
                    }
                })
                .toArray();
        var comparison = journal().compareRuns(ids);
        if (comparison.metricNames().isEmpty()) {
            return nb.result(comparison);
        }
        nb.show(comparison);
        return nb.result(comparison.chart());
    }

    Object lineage(Notebook nb, List<String> args) {
        String name = Usage.one(LINEAGE.parse(args), "name", null);
        return nb.result(name == null ? journal().lineage() : journal().lineage(name));
    }

    Object lifecycle(Notebook nb, List<String> args) {
        LIFECYCLE.parse(args);
        var path = journal().stagePath();
        nb.show(path);
        return nb.result(path.chart());
    }

    /** {@code %journal [--last n]} or {@code %journal export file.json|file.csv}. */
    Object journal(Notebook nb, List<String> args) {
        Map<String, List<String>> a = JOURNAL.parse(args);
        String action = Usage.one(a, "action", null);
        if (action != null) {
            if (!action.equals("export")) {
                throw JOURNAL.fail("unknown action '" + action + "'");
            }
            String file = Usage.one(a, "file", null);
            if (file == null) {
                throw JOURNAL.fail("missing FILE");
            }
            Path written = journal().export(Path.of(file));
            return nb.result(new Line("exported the journal to " + written, ""));
        }
        return nb.result(journal().timeline(JOURNAL.wholeNumber(a, "last", 20)));
    }

    private static void usage(boolean ok, String usage) {
        if (!ok) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    /** A one-line result: a label and a detail. */
    record Line(String label, String detail) implements Rendered {
        @Override
        public String toText() {
            return detail.isEmpty() ? label : label + ": " + detail;
        }

        @Override
        public String toHtml() {
            return "<p class=\"mlcycle-line\"><b>" + Html.escape(label) + "</b>"
                    + (detail.isEmpty() ? "" : " " + Html.escape(detail)) + "</p>";
        }

        @Override
        public Map<String, Object> toRecord() {
            return Map.of("label", label, "detail", detail);
        }
    }
}
