package org.mlcycle.course.lessons;

import java.util.Arrays;
import java.util.List;
import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.journal.Stage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The data class of lessons 0 to 5: a learner's own numbers for their exercises, drawn with
 * {@link StudentDraw} from the variant seed that {@code %variant} defines, as lessons 6 on draw
 * theirs in their own {@code LessonNNData}. The notebooks call these methods with {@code seed}; the
 * checks call them again with the learner's seed, so the expected values are rebuilt, never
 * stored. Each lesson has its own salt: {@code 0x4c3030 + lesson} for its numbers, {@code 0x4c3000
 * + lesson} for its rows.
 */
public final class StudentVariants {
    /** Lesson 1's bar: the offline precision of "show" the team agreed on. */
    public static final double PRECISION_BAR = 0.8;
    /** Lesson 2: what the team may spend on second labels. */
    public static final double LABEL_BUDGET = 150.0;
    /** Lesson 2: the keyword-match slices a second label can be bought for. */
    public static final List<String> MATCHES = List.of("none", "broad", "phrase", "exact");

    private StudentVariants() {}

    /**
     * Lesson 0: the route another team took, one row a step: step, stage (its label), weeks spent.
     * The route is the learner's own: how often the team went back from development to data, from
     * deployment to development, from monitoring to data, and whether the business result sent it
     * back to scoping, are all drawn; so are the weeks. Data work takes longest on average, but not
     * for every team, and the loops back land most often in data for some teams, in development for
     * others.
     */
    public static Table teamLog(long seed) {
        StudentDraw draw = numbers(seed, 0);
        double[] typical = {2, 3, 2, 1.5, 3, 1.5}; // weeks of a visit, by stage ordinal
        while (true) {
            List<Stage> route = teamRoute(draw);
            double[] weeks = new double[route.size()];
            for (int i = 0; i < weeks.length; i++) {
                weeks[i] = Math.round(typical[route.get(i).ordinal()] * draw.uniform(0.3, 1.9) * 2) / 2.0 + 0.5;
            }
            Table log = Table.create(
                    "another team's route",
                    IntColumn.create(
                            "step",
                            java.util.stream.IntStream.rangeClosed(1, route.size())
                                    .toArray()),
                    StringColumn.create(
                            "stage", route.stream().map(Stage::label).toList()),
                    DoubleColumn.create("weeks", weeks));
            double[] perStage = weeksByStage(log);
            double max = Arrays.stream(perStage).max().orElseThrow();
            int[] returns = returnsByStage(route);
            int most = Arrays.stream(returns).max().orElseThrow();
            if (Arrays.stream(perStage).filter(w -> w == max).count() == 1
                    && Arrays.stream(returns).filter(r -> r == most).count() == 1) {
                return log; // one busiest stage and one most-returned-to stage: each decision has one answer
            }
        }
    }

    /** Lesson 0: a drawn route through the stages, with its loops back. */
    private static List<Stage> teamRoute(StudentDraw draw) {
        List<Stage> route = new java.util.ArrayList<>(List.of(Stage.SCOPING, Stage.DATA, Stage.DEVELOPMENT));
        for (int k = draw.between(1, 3); k > 0; k--) { // error analysis sends the team back to data
            route.addAll(List.of(Stage.DATA, Stage.DEVELOPMENT));
        }
        route.add(Stage.DEPLOYMENT);
        for (int k = draw.between(0, 3); k > 0; k--) { // a failed release check sends it back to development
            route.addAll(List.of(Stage.DEVELOPMENT, Stage.DEPLOYMENT));
        }
        route.add(Stage.MONITORING);
        for (int k = draw.between(0, 2); k > 0; k--) { // drift seen in monitoring: fresh data, retrain, redeploy
            route.addAll(List.of(Stage.DATA, Stage.DEVELOPMENT, Stage.DEPLOYMENT, Stage.MONITORING));
        }
        route.add(Stage.BUSINESS);
        if (draw.chance(0.5)) {
            route.add(Stage.SCOPING); // the business result changes the objective
        }
        return route;
    }

    /** Lesson 0: for each stage (by ordinal), how many loops back of {@code route} enter it. */
    static int[] returnsByStage(List<Stage> route) {
        int[] returns = new int[Stage.values().length];
        for (int i = 1; i < route.size(); i++) {
            if (route.get(i).number() < route.get(i - 1).number()) {
                returns[route.get(i).ordinal()]++;
            }
        }
        return returns;
    }

    /** Lesson 0: the stages of {@code log}'s steps, in order. */
    static List<Stage> stagesOf(Table log) {
        return log.stringColumn("stage").asList().stream()
                .map(StudentVariants::stageOf)
                .toList();
    }

    /** Lesson 0: the weeks spent in each stage of {@code log}, indexed by {@link Stage#ordinal()}. */
    static double[] weeksByStage(Table log) {
        double[] perStage = new double[Stage.values().length];
        for (int i = 0; i < log.rowCount(); i++) {
            perStage[stageOf(log.stringColumn("stage").get(i)).ordinal()] +=
                    log.doubleColumn("weeks").get(i);
        }
        return perStage;
    }

    static Stage stageOf(String label) {
        for (Stage s : Stage.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no stage labelled " + label);
    }

    /**
     * Lesson 1: what one ad shown where it does not fit costs in the learner's market (users who
     * learn to skip ads, advertisers who pay for nothing), between 0.03 and 0.15 a show.
     */
    public static double badShowCost(long seed) {
        return StudentDraw.round(numbers(seed, 1).uniform(0.03, 0.15), 3);
    }

    /**
     * Lesson 1: the precision bar a team proposes to the learner, drawn from three ranges so that
     * some bars fall below the break-even's interval (about 0.72 to 0.76 with the course's
     * numbers), some inside it and some above it.
     */
    public static double proposedBar(long seed) {
        StudentDraw draw = numbers(seed, 11);
        return switch (draw.between(0, 2)) {
            case 0 -> StudentDraw.round(draw.uniform(0.60, 0.70), 2);
            case 1 -> StudentDraw.round(draw.uniform(0.73, 0.745), 2);
            default -> StudentDraw.round(draw.uniform(0.78, 0.90), 2);
        };
    }

    /** Lesson 2: the price of one second label in each keyword-match slice (checking an exact match is quick). */
    public static Table secondLabelPrices(long seed) {
        StudentDraw draw = numbers(seed, 2);
        double[] typical = {0.05, 0.08, 0.10, 0.12};
        double[] price = new double[MATCHES.size()];
        for (int k = 0; k < price.length; k++) {
            price[k] = StudentDraw.round(typical[k] * draw.uniform(0.4, 1.6), 3);
        }
        return Table.create(
                "price of a second label",
                StringColumn.create("kw_match", MATCHES),
                DoubleColumn.create("price", price));
    }

    /** {@code rows} of the {@code n} row indices, drawn without replacement by the seed and the lesson's salt, sorted. */
    public static int[] sample(long seed, int lesson, int n, int rows) {
        return StudentDraw.of(seed, 0x4c3000L + lesson).sample(n, rows);
    }

    /** The rows of {@code table} that {@link #sample} picks. */
    public static Table sample(Table table, long seed, int lesson, int rows) {
        return table.rows(sample(seed, lesson, table.rowCount(), rows));
    }

    /** Lesson 3: how many of the old week's last days the learner's late split also tests on (1 to 4). */
    public static int lateDays(long seed) {
        return numbers(seed, 3).between(1, 4);
    }

    /** Lesson 4: the precision the learner's advertisers ask for, between 0.40 and 0.60. */
    public static double precisionBar(long seed) {
        return StudentDraw.round(numbers(seed, 4).uniform(0.40, 0.60), 2);
    }

    /** Lesson 5: the least gain in precision the learner's team will pay for, between 0.00 and 0.04. */
    public static double requiredGain(long seed) {
        return StudentDraw.round(numbers(seed, 5).uniform(0, 0.04), 2);
    }

    /** The draw of lesson {@code lesson}'s numbers. */
    private static StudentDraw numbers(long seed, int lesson) {
        return StudentDraw.of(seed, 0x4c3030L + lesson);
    }
}
