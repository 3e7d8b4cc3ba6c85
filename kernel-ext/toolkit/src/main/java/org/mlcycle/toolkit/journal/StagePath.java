package org.mlcycle.toolkit.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The path the work actually took round the six stages: every move in order, how often it went
 * back to an earlier stage (a loop: relabelling after error analysis, starting over after a
 * pivot), the visits and time spent per stage, and where the objective changed.
 *
 * @param moves      every recorded move, oldest first
 * @param pivots     objectives that replaced an earlier one
 * @param pivotAfter for each pivot, how many moves had been made when it was recorded
 * @param until      the end of the last stage's time (when the path was read)
 */
public record StagePath(List<StageMove> moves, List<Objective> pivots, List<Integer> pivotAfter, Instant until)
        implements Rendered {

    public StagePath {
        moves = List.copyOf(moves);
        pivots = List.copyOf(pivots);
        pivotAfter = List.copyOf(pivotAfter);
    }

    static StagePath of(List<StageMove> moves, List<Objective> objectives, Instant now) {
        List<Objective> pivots = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (Objective objective : objectives) {
            if (objective.isPivot()) {
                pivots.add(objective);
                after.add((int) moves.stream()
                        .filter(m -> m.id() <= objective.afterMove())
                        .count());
            }
        }
        return new StagePath(moves, pivots, after, now);
    }

    /** The stages in the order visited. */
    public List<Stage> stages() {
        return moves.stream().map(StageMove::stage).collect(Collectors.toList());
    }

    /** The stage the work is in now, or null before the first move. */
    public Stage current() {
        return moves.isEmpty() ? null : moves.get(moves.size() - 1).stage();
    }

    /** Moves back to an earlier stage of the cycle (business back to scoping included). */
    public int loops() {
        int loops = 0;
        for (int i = 1; i < moves.size(); i++) {
            if (moves.get(i).stage().ordinal() < moves.get(i - 1).stage().ordinal()) {
                loops++;
            }
        }
        return loops;
    }

    /** How many times each stage was entered. */
    public Map<Stage, Integer> visits() {
        Map<Stage, Integer> out = new EnumMap<>(Stage.class);
        for (StageMove move : moves) {
            out.merge(move.stage(), 1, Integer::sum);
        }
        return out;
    }

    /** Time spent in each stage: from each move to the next, the last one up to {@code until}. */
    public Map<Stage, Duration> timePerStage() {
        Map<Stage, Duration> out = new EnumMap<>(Stage.class);
        for (int i = 0; i < moves.size(); i++) {
            Instant end = i + 1 < moves.size() ? moves.get(i + 1).at() : until;
            Duration spent = Duration.between(moves.get(i).at(), end);
            out.merge(moves.get(i).stage(), spent.isNegative() ? Duration.ZERO : spent, Duration::plus);
        }
        return out;
    }

    /** "scoping → data → development ↺ data → …", a pivot shown where it happened. */
    public String breadcrumb() {
        if (moves.isEmpty()) {
            return Messages.get("path.none");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < moves.size(); i++) {
            if (i > 0) {
                out.append(
                        moves.get(i).stage().ordinal()
                                        < moves.get(i - 1).stage().ordinal()
                                ? " ↺ "
                                : " → ");
            }
            for (int p = 0; p < pivots.size(); p++) {
                if (pivotAfter.get(p) == i) {
                    out.append("[pivot: ")
                            .append(pivots.get(p).previousMetric())
                            .append(" → ")
                            .append(pivots.get(p).metric())
                            .append("] ");
                }
            }
            out.append(moves.get(i).stage().label());
        }
        for (int p = 0; p < pivots.size(); p++) {
            if (pivotAfter.get(p) >= moves.size()) {
                out.append(" [pivot: ")
                        .append(pivots.get(p).previousMetric())
                        .append(" → ")
                        .append(pivots.get(p).metric())
                        .append("]");
            }
        }
        return out.toString();
    }

    /** "13 moves, 4 loops back, 0 objective pivots": the counts, in words that agree with them. */
    public String summary() {
        return Messages.get(
                "path.summary",
                counted(moves.size(), "path.moves"),
                counted(loops(), "path.loops"),
                counted(pivots.size(), "path.pivots"));
    }

    /** The chart's title: moves and loops back, in the reader's language. */
    String title() {
        return Messages.get("path.chart.title", counted(moves.size(), "path.moves"), counted(loops(), "path.loops"));
    }

    /** "1 move", "2 moves": each bundle has a {@code .one} form, even where it reads the same. */
    private static String counted(long n, String key) {
        return Messages.get(n == 1 ? key + ".one" : key, n);
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(breadcrumb()).append('\n');
        out.append(summary()).append('\n');
        Map<Stage, Integer> visits = visits();
        Map<Stage, Duration> time = timePerStage();
        for (Stage stage : Stage.values()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%d %-12s %2d visits  %s%n",
                    stage.number(),
                    stage.label(),
                    visits.getOrDefault(stage, 0),
                    human(time.getOrDefault(stage, Duration.ZERO))));
        }
        return out.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"mlcycle-path\"" + Messages.dirAttribute() + "><p>");
        for (int i = 0; i < moves.size(); i++) {
            if (i > 0) {
                boolean back = moves.get(i).stage().ordinal()
                        < moves.get(i - 1).stage().ordinal();
                out.append(
                        back
                                ? " <span style=\"color:#c0392b\" title=\"" + Html.escape(Messages.get("path.back"))
                                        + "\">&#8634;</span> "
                                : " &rarr; ");
            }
            for (int p = 0; p < pivots.size(); p++) {
                if (pivotAfter.get(p) == i) {
                    out.append("<span style=\"background:#fdebd0\">pivot: ")
                            .append(Html.escape(pivots.get(p).previousMetric()))
                            .append(" &rarr; ")
                            .append(Html.escape(pivots.get(p).metric()))
                            .append("</span> ");
                }
            }
            out.append("<sup>")
                    .append(i + 1)
                    .append("</sup><b>")
                    .append(moves.get(i).stage().label())
                    .append("</b>");
        }
        if (moves.isEmpty()) {
            out.append(Html.escape(Messages.get("path.none")));
        }
        out.append("</p><p>").append(Html.escape(summary())).append("</p>");
        List<List<?>> rows = new ArrayList<>();
        Map<Stage, Integer> visits = visits();
        Map<Stage, Duration> time = timePerStage();
        for (Stage stage : Stage.values()) {
            rows.add(List.of(
                    stage.number() + " " + stage.title(),
                    visits.getOrDefault(stage, 0),
                    human(time.getOrDefault(stage, Duration.ZERO))));
        }
        List<String> columns = List.of(
                Messages.get("path.column.stage"),
                Messages.get("path.column.visits"),
                Messages.get("path.column.time"));
        return out.append(Html.table(columns, rows)).append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", stages().stream().map(Stage::label).collect(Collectors.toList()));
        out.put("loops", loops());
        Map<String, Object> visits = new LinkedHashMap<>();
        visits().forEach((k, v) -> visits.put(k.label(), v));
        out.put("visits", visits);
        Map<String, Object> seconds = new LinkedHashMap<>();
        timePerStage().forEach((k, v) -> seconds.put(k.label(), v.toMillis() / 1000.0));
        out.put("secondsPerStage", seconds);
        out.put("pivots", pivots.stream().map(Objective::toRecord).collect(Collectors.toList()));
        return out;
    }

    /** The path drawn on the cycle: six stages round a circle, every move a numbered arrow (640 px square). */
    public XYChart chart() {
        return LoopChart.draw(this, 640);
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %d min", s / 3600, (s % 3600) / 60);
    }
}
