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
     * Data work takes longest on average, but not for every team.
     */
    public static Table teamLog(long seed) {
        StudentDraw draw = numbers(seed, 0);
        Stage[] route = {
            Stage.SCOPING,
            Stage.DATA,
            Stage.DEVELOPMENT,
            Stage.DATA,
            Stage.DEVELOPMENT,
            Stage.DATA,
            Stage.DEVELOPMENT,
            Stage.DEPLOYMENT,
            Stage.MONITORING,
            Stage.DATA,
            Stage.DEVELOPMENT,
            Stage.DEPLOYMENT,
            Stage.MONITORING,
            Stage.BUSINESS
        };
        double[] typical = {2, 3, 2, 3, 1.5, 2.5, 1.5, 2, 3, 2, 1.5, 1, 3, 1.5}; // weeks, by position in the route
        while (true) {
            double[] weeks = new double[route.length];
            for (int i = 0; i < route.length; i++) {
                weeks[i] = Math.round(typical[i] * draw.uniform(0.3, 1.9) * 2) / 2.0 + 0.5;
            }
            Table log = Table.create(
                    "another team's route",
                    IntColumn.create(
                            "step",
                            java.util.stream.IntStream.rangeClosed(1, route.length)
                                    .toArray()),
                    StringColumn.create(
                            "stage", Arrays.stream(route).map(Stage::label).toList()),
                    DoubleColumn.create("weeks", weeks));
            double[] perStage = weeksByStage(log);
            double max = Arrays.stream(perStage).max().orElseThrow();
            if (Arrays.stream(perStage).filter(w -> w == max).count() == 1) {
                return log; // one busiest stage, so the decision has one right answer
            }
        }
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
