package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.lessons.StudentVariants;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.journal.Stage;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.split.Splits;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The seeded exercises of lessons 0 to 5: each student's answer, worked out as the model solution
 * would on that student's data, passes for that student and fails for a neighbour, and the two
 * students' expected answers differ. Small made-up tables stand in for the lessons' data.
 */
class LessonVariantsTest {
    private static final Exercises ALL = Exercises.loaded();
    private static final long ALICE = Variant.seed("alice");
    private static final long BOB = Variant.seed("bob");

    private static CheckResult check(String id, MapAnswers answers) {
        return ALL.get(id).check(answers);
    }

    @Test
    @DisplayName("lesson 0: each team's busiest stage and its share pass only for that student")
    void staffStage() {
        Object[] alice = busiest(ALICE), bob = busiest(BOB);
        assertNotEquals(alice[1], bob[1], "two students' teams spent the same share in their busiest stage");

        assertTrue(check(
                        "lesson00-staff-stage",
                        new MapAnswers(ALICE).with("staffStage", alice[0]).with("staffShare", alice[1]))
                .passed());
        assertFalse(
                check(
                                "lesson00-staff-stage",
                                new MapAnswers(BOB).with("staffStage", alice[0]).with("staffShare", alice[1]))
                        .passed(),
                "a neighbour's answer passed");
    }

    @Test
    @DisplayName("lesson 0: on call is monitoring; the loops back of the student's own route are counted")
    void onCallAndLoopsBack() {
        CheckResult pass = check("lesson00-loops-back", loopAnswers(ALICE));
        assertTrue(pass.passed(), pass.message());
        assertTrue(
                pass.message()
                        .contains("loops back return to "
                                + loopAnswers(ALICE)
                                        .value("mostReturns")
                                        .toString()
                                        .toLowerCase(java.util.Locale.ROOT)),
                pass.message());
        String deploy = check("lesson00-loops-back", loopAnswers(ALICE).with("onCall", Stage.DEPLOYMENT))
                .message();
        assertTrue(deploy.contains("deployment happens once"), deploy);
        Stage other = loopAnswers(ALICE).value("mostReturns") == Stage.DATA ? Stage.DEVELOPMENT : Stage.DATA;
        String elsewhere = check("lesson00-loops-back", loopAnswers(ALICE).with("mostReturns", other))
                .message();
        assertTrue(elsewhere.contains("not where the loops back land"), elsewhere);
        List<Stage> stages = stagesOf(StudentVariants.teamLog(ALICE));
        int changes = 0;
        for (int i = 1; i < stages.size(); i++) {
            changes += stages.get(i) != stages.get(i - 1) ? 1 : 0;
        }
        String everyChange = check("lesson00-loops-back", loopAnswers(ALICE).with("backwards", changes))
                .message();
        assertTrue(everyChange.contains("every change of stage"), everyChange);
    }

    @Test
    @DisplayName("lesson 0: students' routes differ, so do the loops back and where they land")
    void routesDifferByStudent() {
        java.util.Set<String> answers = new java.util.HashSet<>();
        java.util.Set<Object> landings = new java.util.HashSet<>();
        for (long seed = 1; seed <= 30; seed++) {
            MapAnswers right = loopAnswers(seed);
            answers.add(right.value("backwards") + " " + right.value("mostReturns"));
            landings.add(right.value("mostReturns"));
        }
        assertTrue(answers.size() >= 4, "too few different answers over 30 students: " + answers);
        assertEquals(java.util.Set.of(Stage.DATA, Stage.DEVELOPMENT), landings);
        long neighbour = 2;
        while (loopAnswers(neighbour)
                .value("backwards")
                .equals(loopAnswers(ALICE).value("backwards"))) {
            neighbour++;
        }
        MapAnswers copied = loopAnswers(ALICE);
        assertFalse(
                check(
                                "lesson00-loops-back",
                                new MapAnswers(neighbour)
                                        .with("onCall", Stage.MONITORING)
                                        .with("mostReturns", copied.value("mostReturns"))
                                        .with("backwards", copied.value("backwards")))
                        .passed(),
                "a neighbour's count passed");
    }

    /** The model solution of lesson 0's first exercise, from the student's own route. */
    private static MapAnswers loopAnswers(long seed) {
        List<Stage> stages = stagesOf(StudentVariants.teamLog(seed));
        Map<Stage, Integer> returnsTo = new HashMap<>();
        int backwards = 0;
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).number() < stages.get(i - 1).number()) {
                backwards++;
                returnsTo.merge(stages.get(i), 1, Integer::sum);
            }
        }
        Stage most = returnsTo.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        return new MapAnswers(seed)
                .with("onCall", Stage.MONITORING)
                .with("mostReturns", most)
                .with("backwards", backwards);
    }

    private static List<Stage> stagesOf(Table team) {
        return team.stringColumn("stage").asList().stream().map(Stage::parse).toList();
    }

    /** The model solution: weeks by stage, the largest, and its share. */
    private static Object[] busiest(long seed) {
        Table team = StudentVariants.teamLog(seed);
        Map<String, Double> weeks = new HashMap<>();
        for (int i = 0; i < team.rowCount(); i++) {
            weeks.merge(
                    team.stringColumn("stage").get(i),
                    team.doubleColumn("weeks").get(i),
                    Double::sum);
        }
        String top = weeks.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        Stage stage = Arrays.stream(Stage.values())
                .filter(s -> s.label().equals(top))
                .findFirst()
                .orElseThrow();
        return new Object[] {stage, weeks.get(top) / team.doubleColumn("weeks").sum()};
    }

    @Test
    @DisplayName("lesson 1: the break-even precision follows the student's cost; the inverted share is named")
    void breakEven() {
        // two log rows: 10 impressions, 2 clicks on ad 1 (price 0.5) and 1 click on ad 2 (price 1.0): 0.2 per
        // impression
        Table legacy = Table.create(
                "legacy",
                IntColumn.create("Click", 2, 1),
                IntColumn.create("Impression", 6, 4),
                IntColumn.create("AdID", 1, 2));
        Map<Integer, Double> price = Map.of(1, 0.5, 2, 1.0);
        double alice = StudentVariants.badShowCost(ALICE) / (0.2 + StudentVariants.badShowCost(ALICE));
        double bob = StudentVariants.badShowCost(BOB) / (0.2 + StudentVariants.badShowCost(BOB));
        assertNotEquals(alice, bob, 1e-6);
        MapAnswers base = new MapAnswers(ALICE).with("legacy", legacy).with("price", price);

        assertTrue(check("lesson01-break-even", base.with("breakEven", alice).with("barIsEnough", 0.8 >= alice))
                .passed());
        assertFalse(check(
                        "lesson01-break-even",
                        new MapAnswers(BOB)
                                .with("legacy", legacy)
                                .with("price", price)
                                .with("breakEven", alice)
                                .with("barIsEnough", 0.8 >= alice))
                .passed());
        assertFalse(
                check("lesson01-break-even", base.with("breakEven", alice).with("barIsEnough", 0.8 < alice))
                        .passed(),
                "the wrong decision about the bar passed");
        String inverted = check(
                        "lesson01-break-even", base.with("breakEven", 1 - alice).with("barIsEnough", true))
                .message();
        assertTrue(inverted.contains("the other way round"), inverted);
    }

    /** The model solution of lesson 1's exercise 1 on a small log: {breakEven, low, high}, with the value from a bootstrap. */
    private static double[] breakEvenInterval(Table legacy, Map<Integer, Double> price, double c) {
        int[] clickOf = legacy.intColumn("Click").asIntArray();
        int[] shownOf = legacy.intColumn("Impression").asIntArray();
        Interval ctr = Bootstrap.over("legacy CTR", legacy.rowCount(), rows -> {
            long k = 0, s = 0;
            for (int r : rows) {
                k += clickOf[r];
                s += shownOf[r];
            }
            return k / (double) s;
        });
        double p = price.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        return new double[] {c / (p * ctr.estimate() + c), c / (p * ctr.high() + c), c / (p * ctr.low() + c)};
    }

    private static String barVerdict(double bar, double[] be) {
        return bar < be[1] ? "too low" : bar > be[2] ? "too high" : "right";
    }

    @Test
    @DisplayName("lesson 1: the verdict on the proposed bar follows the student's bar and the break-even's interval")
    void barVerdict() {
        Random r = new Random(5);
        int n = 400;
        int[] clicks = new int[n], shown = new int[n], ad = new int[n];
        for (int i = 0; i < n; i++) {
            shown[i] = 1 + r.nextInt(3);
            clicks[i] = r.nextDouble() < 0.2 ? 1 : 0;
            ad[i] = 1 + r.nextInt(2);
        }
        Table legacy = Table.create(
                "legacy",
                IntColumn.create("Click", clicks),
                IntColumn.create("Impression", shown),
                IntColumn.create("AdID", ad));
        Map<Integer, Double> price = Map.of(1, 0.4, 2, 0.6);
        // the cost that puts the break-even at 0.74, as in the lesson, so the students' bars fall on every side
        double v = 0.5
                * IntColumn.create("c", clicks).sum()
                / IntColumn.create("s", shown).sum();
        double c = 0.74 * v / 0.26;
        double[] be = breakEvenInterval(legacy, price, c);
        Set<String> verdicts = new HashSet<>();
        long other = 0;
        String aliceVerdict = barVerdict(StudentVariants.proposedBar(ALICE), be);
        for (int i = 1; i <= 60; i++) {
            String v1 = barVerdict(StudentVariants.proposedBar(Variant.seed("s" + i)), be);
            verdicts.add(v1);
            if (other == 0 && !v1.equals(aliceVerdict)) other = Variant.seed("s" + i);
        }
        assertEquals(Set.of("too low", "right", "too high"), verdicts, "the bars should fall on every side");
        java.util.function.LongFunction<MapAnswers> right = seed -> new MapAnswers(seed)
                .with("legacy", legacy)
                .with("price", price)
                .with("badShowCost", c)
                .with("breakEvenHere", be[0])
                .with("breakEvenLow", be[1])
                .with("breakEvenHigh", be[2])
                .with("verdict", aliceVerdict);
        assertTrue(check("lesson01-bar-verdict", right.apply(ALICE)).passed());
        assertFalse(check("lesson01-bar-verdict", right.apply(other)).passed(), "a neighbour's verdict passed");
        String inverted = check("lesson01-bar-verdict", right.apply(ALICE).with("breakEvenHere", 1 - be[0]))
                .message();
        assertTrue(inverted.contains("the other way round"), inverted);
        String swapped = check(
                        "lesson01-bar-verdict",
                        right.apply(ALICE).with("breakEvenLow", be[2]).with("breakEvenHigh", be[1]))
                .message();
        assertTrue(swapped.contains("swapped"), swapped);
        String pointOnly = check(
                        "lesson01-bar-verdict",
                        right.apply(ALICE).with("verdict", aliceVerdict.equals("right") ? "too low" : "right"))
                .message();
        assertTrue(pointOnly.contains("whole interval"), pointOnly);
        String notAVerdict = check("lesson01-bar-verdict", right.apply(ALICE).with("verdict", "fine"))
                .message();
        assertTrue(notAVerdict.contains("one of"), notAVerdict);
    }

    @Test
    @DisplayName(
            "lesson 2: where to retrieve from: the match with the highest share of shows, with the student's counts")
    void retrieveFrom() {
        Random r = new Random(11);
        int n = 600_000;
        String[] match = new String[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            match[i] = u < 0.9 ? "none" : u < 0.96 ? "broad" : u < 0.99 ? "phrase" : "exact";
            double rate = switch (match[i]) {
                case "none" -> 1e-5;
                case "broad" -> 0.001;
                case "phrase" -> 0.008;
                default -> 0.02;
            };
            label[i] = r.nextDouble() < rate ? 1 : 0;
        }
        Table million =
                Table.create("million", StringColumn.create("kw_match", match), IntColumn.create("label_a", label));
        long[] alice = exactCounts(StudentVariants.sample(million, ALICE, 12, 500_000));
        long[] bob = exactCounts(StudentVariants.sample(million, BOB, 12, 500_000));
        assertNotEquals(alice[1], bob[1], "two students' samples hold the same exact pairs");
        java.util.function.BiFunction<Long, long[], MapAnswers> answer = (seed, counts) -> new MapAnswers(seed)
                .with("million", million)
                .with("retrieveFrom", "exact")
                .with("showsThere", counts[0])
                .with("pairsThere", counts[1]);
        assertTrue(check("lesson02-retrieve-from", answer.apply(ALICE, alice)).passed());
        assertFalse(check("lesson02-retrieve-from", answer.apply(BOB, alice)).passed(), "a neighbour's counts passed");
        String biggest = check(
                        "lesson02-retrieve-from", answer.apply(ALICE, alice).with("retrieveFrom", "none"))
                .message();
        assertTrue(biggest.contains("holds the most pairs"), biggest);
        String whole = check("lesson02-retrieve-from", answer.apply(ALICE, exactCounts(million)))
                .message();
        assertTrue(whole.contains("whole million"), whole);
        String swapped = check("lesson02-retrieve-from", answer.apply(ALICE, new long[] {alice[1], alice[0]}))
                .message();
        assertTrue(swapped.contains("swapped"), swapped);
    }

    /** The "show" pairs and all pairs among the exact matches of {@code t}. */
    private static long[] exactCounts(Table t) {
        Table exact = t.where(t.stringColumn("kw_match").isEqualTo("exact"));
        return new long[] {(long) exact.intColumn("label_a").sum(), exact.rowCount()};
    }

    @Test
    @DisplayName("lesson 2: the slice where the budget finds the most disagreements depends on the student's prices")
    void labelBudget() {
        Table targeted = targeted();
        Object[] alice = bestSlice(targeted, ALICE), bob = bestSlice(targeted, BOB);
        assertNotEquals(alice[1], bob[1]);

        assertTrue(check(
                        "lesson02-label-budget",
                        new MapAnswers(ALICE)
                                .with("targeted", targeted)
                                .with("spendOn", alice[0])
                                .with("expectedFound", alice[1]))
                .passed());
        assertFalse(check(
                        "lesson02-label-budget",
                        new MapAnswers(BOB)
                                .with("targeted", targeted)
                                .with("spendOn", alice[0])
                                .with("expectedFound", alice[1]))
                .passed());
    }

    /** 10,000 pairs, all double-labeled, the labels disagreeing more often from none to exact. */
    private static Table targeted() {
        Random random = new Random(5);
        int n = 10_000;
        String[] match = new String[n];
        int[] a = new int[n], b = new int[n];
        double[] disagree = {0.01, 0.03, 0.08, 0.10};
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(4);
            match[i] = StudentVariants.MATCHES.get(k);
            a[i] = random.nextInt(2);
            b[i] = random.nextDouble() < disagree[k] ? 1 - a[i] : a[i];
        }
        return Table.create(
                "targeted",
                StringColumn.create("kw_match", match),
                IntColumn.create("label_a", a),
                IntColumn.create("label_b", b));
    }

    private static Object[] bestSlice(Table targeted, long seed) {
        Table audit = StudentVariants.sample(targeted, seed, 2, 6_000);
        Table prices = StudentVariants.secondLabelPrices(seed);
        String best = null;
        double most = -1;
        for (int k = 0; k < prices.rowCount(); k++) {
            String m = prices.stringColumn("kw_match").get(k);
            Table part = audit.where(audit.stringColumn("kw_match").isEqualTo(m));
            long d = 0;
            for (int i = 0; i < part.rowCount(); i++) {
                d += part.intColumn("label_a").getInt(i)
                                != part.intColumn("label_b").getInt(i)
                        ? 1
                        : 0;
            }
            double found =
                    StudentVariants.LABEL_BUDGET / prices.doubleColumn("price").get(k) * d / part.rowCount();
            if (found > most) {
                best = m;
                most = found;
            }
        }
        return new Object[] {best, most};
    }

    @Test
    @DisplayName("lesson 3: the late split and the honest ROC-AUC are the student's own; keeping past_ctr out is named")
    void lessonThree() {
        long[] two = twoSeedsWithDifferentLateDays();
        Table all = Table.create("all", IntColumn.create("day", -60, -59, -58, -57, -56, -55, -54, -1, -1));
        int late = StudentVariants.lateDays(two[0]);
        MapAnswers first = new MapAnswers(two[0]).with("all", all);
        assertTrue(check("lesson03-late-split", first.with("lateSplit", Splits.outOfTime(all, "day", -54.0 - late + 1)))
                .passed());
        assertFalse(check(
                        "lesson03-late-split",
                        new MapAnswers(two[1])
                                .with("all", all)
                                .with("lateSplit", Splits.outOfTime(all, "day", -54.0 - late + 1)))
                .passed());

        Table clickLog = clickLog();
        double alice = honestAuc(clickLog, ALICE), bob = honestAuc(clickLog, BOB);
        assertNotEquals(alice, bob, 1e-9);
        MapAnswers answers = new MapAnswers(ALICE)
                .with("clickLog", clickLog)
                .with("dropped", Set.of("position", "depth"))
                .with("ranking", ranking(clickLog, ALICE, false));
        assertTrue(check("lesson03-leaky-columns", answers.with("honestAuc", alice))
                .passed());
        assertFalse(check(
                        "lesson03-leaky-columns",
                        new MapAnswers(BOB)
                                .with("clickLog", clickLog)
                                .with("dropped", Set.of("position", "depth"))
                                .with("ranking", ranking(clickLog, ALICE, false))
                                .with("honestAuc", alice))
                .passed());
        if (!ranking(clickLog, ALICE, true).equals(ranking(clickLog, ALICE, false))) {
            String raw = check(
                            "lesson03-leaky-columns",
                            new MapAnswers(ALICE)
                                    .with("clickLog", clickLog)
                                    .with("dropped", Set.of("position", "depth"))
                                    .with("ranking", ranking(clickLog, ALICE, true))
                                    .with("honestAuc", alice))
                    .message();
            assertTrue(raw.contains("max(auc, 1 - auc)"), raw);
        }
        String pastCtr = check(
                        "lesson03-leaky-columns",
                        answers.with("dropped", Set.of("position", "depth", "past_ctr"))
                                .with("honestAuc", alice))
                .message();
        assertTrue(pastCtr.startsWith("past_ctr is the ad's click rate on earlier traffic"), pastCtr);
    }

    private static long[] twoSeedsWithDifferentLateDays() {
        long first = Variant.seed("s1");
        for (int i = 2; ; i++) {
            long other = Variant.seed("s" + i);
            if (StudentVariants.lateDays(other) != StudentVariants.lateDays(first)) {
                return new long[] {first, other};
            }
        }
    }

    /** 10,000 impressions; clicks follow past_ctr, and position follows past_ctr too. */
    private static Table clickLog() {
        Random random = new Random(3);
        int n = 10_000;
        int[] click = new int[n];
        double[] position = new double[n],
                depth = new double[n],
                pastCtr = new double[n],
                bid = new double[n],
                landing = new double[n];
        for (int i = 0; i < n; i++) {
            pastCtr[i] = 0.3 * random.nextDouble();
            position[i] = pastCtr[i] > 0.15 ? 1 : 1 + random.nextInt(3);
            depth[i] = Math.max(position[i], 1 + random.nextInt(3));
            bid[i] = random.nextDouble();
            landing[i] = random.nextDouble();
            click[i] = random.nextDouble() < pastCtr[i] / position[i] ? 1 : 0;
        }
        return Table.create(
                "clicks",
                IntColumn.create("click", click),
                DoubleColumn.create("position", position),
                DoubleColumn.create("depth", depth),
                DoubleColumn.create("past_ctr", pastCtr),
                DoubleColumn.create("bid_cpc", bid),
                DoubleColumn.create("landing_score", landing));
    }

    private static double honestAuc(Table clickLog, long seed) {
        Table mine = StudentVariants.sample(clickLog, seed, 3, 6_000);
        boolean[] clicked = new boolean[mine.rowCount()];
        for (int i = 0; i < clicked.length; i++) {
            clicked[i] = mine.intColumn("click").getInt(i) == 1;
        }
        double best = 0;
        for (String c : List.of("past_ctr", "bid_cpc", "landing_score")) {
            double auc = Metrics.rocAuc(clicked, mine.doubleColumn(c).asDoubleArray());
            best = Math.max(best, Math.max(auc, 1 - auc));
        }
        return best;
    }

    /** The five click-log columns by max(auc, 1 - auc) on the student's rows, strongest first; raw with {@code raw}. */
    private static List<String> ranking(Table clickLog, long seed, boolean raw) {
        Table mine = StudentVariants.sample(clickLog, seed, 3, 6_000);
        boolean[] clicked = new boolean[mine.rowCount()];
        for (int i = 0; i < clicked.length; i++) {
            clicked[i] = mine.intColumn("click").getInt(i) == 1;
        }
        Map<String, Double> strength = new HashMap<>();
        for (String c : List.of("position", "depth", "past_ctr", "bid_cpc", "landing_score")) {
            double auc = Metrics.rocAuc(clicked, mine.doubleColumn(c).asDoubleArray());
            strength.put(c, raw ? auc : Math.max(auc, 1 - auc));
        }
        return strength.keySet().stream()
                .sorted((x, y) -> Double.compare(strength.get(y), strength.get(x)))
                .toList();
    }

    @Test
    @DisplayName("lesson 4: where to look first: the over-represented slice holding most of the worst rows")
    void whereToLook() {
        Random r = new Random(7);
        int n = 10_000;
        String[] slice = new String[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            slice[i] = u < 0.003 ? "rare" : u < 0.103 ? "errors" : u < 0.6 ? "big" : "other";
            loss[i] = switch (slice[i]) {
                case "rare" -> 10 + r.nextDouble();
                case "errors" -> 2 + 3 * r.nextDouble();
                default -> r.nextDouble();
            };
        }
        Table scored = Table.create("scored", StringColumn.create("slice", slice), DoubleColumn.create("loss", loss));
        long[] alice = worstIn(scored, ALICE, "errors"), bob = worstIn(scored, BOB, "errors");
        assertTrue(alice[0] != bob[0] || alice[1] != bob[1], "two students' samples look the same");
        java.util.function.BiFunction<Long, long[], MapAnswers> answer = (seed, c) -> new MapAnswers(seed)
                .with("scored", scored)
                .with("lookFirst", "errors")
                .with("lookCount", c[1])
                .with("lookLift", (c[1] / 100.0) / (c[0] / 5000.0));
        assertTrue(check("lesson04-where-to-look", answer.apply(ALICE, alice)).passed());
        assertFalse(check("lesson04-where-to-look", answer.apply(BOB, alice)).passed(), "a neighbour's numbers passed");
        String rare = check("lesson04-where-to-look", answer.apply(ALICE, alice).with("lookFirst", "rare"))
                .message();
        assertTrue(rare.contains("highest lift"), rare);
        String big = check("lesson04-where-to-look", answer.apply(ALICE, alice).with("lookFirst", "big"))
                .message();
        assertTrue(big.contains("over-represented"), big);
        String share = check(
                        "lesson04-where-to-look", answer.apply(ALICE, alice).with("lookLift", alice[1] / 100.0))
                .message();
        assertTrue(share.contains("share of the worst rows"), share);
    }

    /** The model solution's counts: {rows, in the worst 100} of {@code name} among the student's 5,000 rows. */
    private static long[] worstIn(Table scored, long seed, String name) {
        int[] mine = StudentVariants.sample(seed, 14, scored.rowCount(), 5_000);
        Integer[] order = Arrays.stream(mine).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order,
                (x, y) -> Double.compare(
                        scored.doubleColumn("loss").getDouble(y),
                        scored.doubleColumn("loss").getDouble(x)));
        long rows = 0, worst = 0;
        for (int k = 0; k < order.length; k++) {
            if (scored.stringColumn("slice").get(order[k]).equals(name)) {
                rows++;
                worst += k < 100 ? 1 : 0;
            }
        }
        return new long[] {rows, worst};
    }

    @Test
    @DisplayName("lesson 4: the operating point is chosen on the student's validation half for the student's bar")
    void operatingPoint() {
        Table scored = scored();
        double[] alice = operatingPoint(scored, ALICE), bob = operatingPoint(scored, BOB);
        assertNotEquals(alice[1], bob[1], 1e-9);

        MapAnswers answers = new MapAnswers(ALICE).with("scored", scored).with("threshold", alice[0]);
        assertTrue(check("lesson04-operating-point", answers.with("heldOutRecall", alice[1]))
                .passed());
        assertFalse(check(
                        "lesson04-operating-point",
                        new MapAnswers(BOB)
                                .with("scored", scored)
                                .with("threshold", alice[0])
                                .with("heldOutRecall", alice[1]))
                .passed());
        String tooHigh = check(
                        "lesson04-operating-point",
                        answers.with("threshold", 0.999).with("heldOutRecall", 0.0))
                .message();
        assertTrue(tooHigh.contains("a lower threshold clears it too") || tooHigh.contains("below your bar"), tooHigh);
    }

    /** 4,000 test rows: p_1 uniform, label_a drawn with that probability. */
    private static Table scored() {
        Random random = new Random(11);
        int n = 4_000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i] * p[i] ? 1 : 0;
        }
        return Table.create("scored", DoubleColumn.create("p_1", p), IntColumn.create("label_a", y));
    }

    /** The model solution: the lowest validation threshold meeting the bar, and its held-out recall. */
    private static double[] operatingPoint(Table scored, long seed) {
        double[] p = scored.doubleColumn("p_1").asDoubleArray();
        int[] y = scored.intColumn("label_a").asIntArray();
        int[] val = StudentVariants.sample(seed, 4, p.length, p.length / 2);
        double bar = StudentVariants.precisionBar(seed);
        double threshold = 1;
        for (double t :
                Arrays.stream(val).mapToDouble(r -> p[r]).distinct().sorted().toArray()) {
            long tp = 0, shown = 0;
            for (int r : val) {
                if (p[r] >= t) {
                    shown++;
                    tp += y[r];
                }
            }
            if (tp / (double) shown >= bar) {
                threshold = t;
                break;
            }
        }
        Set<Integer> isVal = new HashSet<>();
        for (int r : val) isVal.add(r);
        long positives = 0, found = 0;
        for (int r = 0; r < p.length; r++) {
            if (!isVal.contains(r) && y[r] == 1) {
                positives++;
                found += p[r] >= threshold ? 1 : 0;
            }
        }
        return new double[] {threshold, found / (double) positives};
    }

    @Test
    @DisplayName("lesson 5: the cheapest remedy whose interval clears the student's bar, with its low end")
    void remedy() {
        Random random = new Random(7);
        int n = 3_000;
        boolean[] truth = new boolean[n];
        double[][] scores = new double[4][n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextDouble() < 0.2;
            double signal = truth[i] ? 0.3 : 0;
            scores[0][i] = random.nextDouble() * 0.6 + signal; // the first model
            scores[1][i] = scores[0][i] + (random.nextDouble() - 0.5) * 0.01; // no real change
            scores[2][i] = scores[0][i] + (truth[i] ? 0.05 : 0); // a small gain
            scores[3][i] = random.nextDouble() * 0.3 + signal * 2; // a large gain
        }
        Map<String, double[]> scoresOf = new LinkedHashMap<>();
        List<String> names = List.of("first", "tuned", "flagged", "all");
        for (int k = 0; k < 4; k++) scoresOf.put(names.get(k), scores[k]);
        Map<String, Long> labels = new LinkedHashMap<>(Map.of("tuned", 0L, "flagged", 300L, "all", 3_000L));
        long[] two = twoSeedsWithDifferentRemedies(truth, scoresOf, labels);

        Object[] first = remedy(truth, scoresOf, labels, two[0]);
        MapAnswers answers = new MapAnswers(two[0])
                .with("truthY", truth)
                .with("scoresOf", scoresOf)
                .with("labelsBought", labels);
        assertTrue(check("lesson05-remedy", answers.with("remedy", first[0]).with("remedyLow", first[1]))
                .passed());
        assertFalse(check(
                        "lesson05-remedy",
                        new MapAnswers(two[1])
                                .with("truthY", truth)
                                .with("scoresOf", scoresOf)
                                .with("labelsBought", labels)
                                .with("remedy", first[0])
                                .with("remedyLow", first[1]))
                .passed());
    }

    private static long[] twoSeedsWithDifferentRemedies(
            boolean[] truth, Map<String, double[]> scoresOf, Map<String, Long> labels) {
        long first = Variant.seed("s1");
        Object chosen = remedy(truth, scoresOf, labels, first)[0];
        for (int i = 2; i < 40; i++) {
            long other = Variant.seed("s" + i);
            if (!remedy(truth, scoresOf, labels, other)[0].equals(chosen)) {
                return new long[] {first, other};
            }
        }
        throw new AssertionError("forty students all get the same remedy: the variants do not vary the decision");
    }

    private static Object[] remedy(
            boolean[] truth, Map<String, double[]> scoresOf, Map<String, Long> labels, long seed) {
        int[] rows = StudentVariants.sample(seed, 5, truth.length, truth.length * 3 / 4);
        boolean[] y = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = truth[rows[i]];
        double[] base =
                Arrays.stream(rows).mapToDouble(r -> scoresOf.get("first")[r]).toArray();
        String best = "none";
        double low = 0;
        long cheapest = Long.MAX_VALUE;
        for (String r : labels.keySet()) {
            double[] mine =
                    Arrays.stream(rows).mapToDouble(i -> scoresOf.get(r)[i]).toArray();
            Interval gain = Bootstrap.difference(r, y, base, mine, Bootstrap.precisionAt(0.5));
            if (gain.low() > StudentVariants.requiredGain(seed) && labels.get(r) < cheapest) {
                best = r;
                low = gain.low();
                cheapest = labels.get(r);
            }
        }
        return new Object[] {best, low};
    }

    @Test
    @DisplayName("typical wrong answers get the hint for their mistake, without the answer")
    void typicalMistakes() {
        Object[] alice = busiest(ALICE);
        Table team = StudentVariants.teamLog(ALICE);
        long steps = team.stringColumn("stage").countOccurrences(((Stage) alice[0]).label());
        String stepShare = check(
                        "lesson00-staff-stage",
                        new MapAnswers(ALICE)
                                .with("staffStage", alice[0])
                                .with("staffShare", steps / (double) team.rowCount()))
                .message();
        assertTrue(stepShare.contains("share of the steps"), stepShare);

        Table legacy = Table.create(
                "legacy",
                IntColumn.create("Click", new int[] {2}),
                IntColumn.create("Impression", new int[] {10}),
                IntColumn.create("AdID", new int[] {1}));
        double c = StudentVariants.badShowCost(ALICE);
        String ratio = check(
                        "lesson01-break-even",
                        new MapAnswers(ALICE)
                                .with("legacy", legacy)
                                .with("price", Map.of(1, 1.0))
                                .with("breakEven", c / 0.2)
                                .with("barIsEnough", true))
                .message();
        assertTrue(ratio.contains("a ratio of money"), ratio);

        Table targeted = targeted();
        long seed = 0;
        for (int i = 1; seed == 0; i++) {
            long s = Variant.seed("s" + i);
            if (!bestSlice(targeted, s)[0].equals("exact")) seed = s; // exact has the highest rate here
        }
        String byRate = check(
                        "lesson02-label-budget",
                        new MapAnswers(seed)
                                .with("targeted", targeted)
                                .with("spendOn", "exact")
                                .with("expectedFound", 1.0))
                .message();
        assertTrue(byRate.contains("highest disagreement rate"), byRate);

        String keptDepth = check(
                        "lesson03-leaky-columns",
                        new MapAnswers(ALICE)
                                .with("clickLog", clickLog())
                                .with("dropped", Set.of("position"))
                                .with("honestAuc", 0.6))
                .message();
        assertTrue(keptDepth.startsWith("a column you kept is decided together with the show"), keptDepth);

        Table scored = scored();
        double[] point = operatingPoint(scored, ALICE);
        String onValidation = check(
                        "lesson04-operating-point",
                        new MapAnswers(ALICE)
                                .with("scored", scored)
                                .with("threshold", point[0])
                                .with("heldOutRecall", validationRecall(scored, ALICE, point[0])))
                .message();
        assertTrue(onValidation.contains("recall on the validation rows"), onValidation);
        assertFalse(
                onValidation.contains(String.format(java.util.Locale.ROOT, "%.3f", point[1])),
                "the hint must not give the held-out recall away");
    }

    private static double validationRecall(Table scored, long seed, double threshold) {
        int[] val = StudentVariants.sample(seed, 4, scored.rowCount(), scored.rowCount() / 2);
        long positives = 0, found = 0;
        for (int r : val) {
            if (scored.intColumn("label_a").getInt(r) == 1) {
                positives++;
                found += scored.doubleColumn("p_1").getDouble(r) >= threshold ? 1 : 0;
            }
        }
        return found / (double) positives;
    }

    @Test
    @DisplayName("the variants of different lessons come from different salts of the same seed")
    void lessonsDrawIndependently() {
        assertNotEquals(
                Arrays.toString(StudentVariants.sample(ALICE, 2, 100, 10)),
                Arrays.toString(StudentVariants.sample(ALICE, 3, 100, 10)));
        assertEquals(
                Arrays.toString(StudentVariants.sample(ALICE, 3, 100, 10)),
                Arrays.toString(StudentVariants.sample(ALICE, 3, 100, 10)),
                "the same seed must draw the same rows");
        assertEquals(
                new TreeSet<>(List.of(0, 1, 2, 3, 4)).size(),
                Arrays.stream(StudentVariants.sample(BOB, 0, 5, 5)).distinct().count(),
                "drawing every row must draw each once");
    }
}
