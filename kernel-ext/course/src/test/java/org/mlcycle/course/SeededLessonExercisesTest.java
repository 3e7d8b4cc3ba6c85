package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Metrics;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * MapAnswers.with defines a variable in place, so each wrong answer starts from a fresh solution.
 * The seeded decisions of lessons 8, 9, 10 and 13 on made-up data: each learner's solution passes,
 * a typical mistake gets its hint, and a neighbour's answer (another student id) fails.
 */
class SeededLessonExercisesTest {
    private static final Exercises ALL = Exercises.loaded();
    private static final long ALICE = Variant.seed("alice");
    private static final long BOB = Variant.seed("bob");

    private static CheckResult check(String id, MapAnswers answers) {
        return ALL.get(id).check(answers);
    }

    // ---- lesson 8: the threshold whose precision interval keeps the bar, confirmed on the shadow traffic

    private static final Random R8 = new Random(8);
    private static final boolean[] V_Y = labels(R8, 8_000, 0.15);
    private static final double[] V_P = scores(R8, V_Y);
    private static final boolean[] T_Y = labels(R8, 8_000, 0.15);
    private static final double[] T_P = scores(R8, T_Y);

    private static boolean[] labels(Random r, int n, double rate) {
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) y[i] = r.nextDouble() < rate;
        return y;
    }

    private static double[] scores(Random r, boolean[] y) { // log-odds N(2, 1) for positives, N(-1, 1) for negatives
        double[] p = new double[y.length];
        for (int i = 0; i < y.length; i++) p[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (y[i] ? 2 : -1))));
        return p;
    }

    private static MapAnswers lesson8(long seed) {
        return new MapAnswers(seed)
                .with("bar", 0.8)
                .with("validationChecked", V_Y)
                .with("pValidation", V_P)
                .with("trafficChecked", T_Y)
                .with("pTraffic", T_P);
    }

    /** The model answer, written out: the lowest grid threshold whose lower end keeps the bar, then the shadow. */
    private static MapAnswers promote(long seed) {
        int[] v = StudentRows.sample(seed, V_Y.length, 5_000), t = StudentRows.sample(seed + 1, T_Y.length, 5_000);
        boolean[] vy = StudentRows.pick(V_Y, v), ty = StudentRows.pick(T_Y, t);
        double[] vp = StudentRows.pick(V_P, v), tp = StudentRows.pick(T_P, t);
        double chosen = Double.NaN;
        for (int i = 6; i <= 18 && Double.isNaN(chosen); i++) {
            if (Bootstrap.shownAt(i / 20.0).of(vy, vp) * vp.length >= 50
                    && Bootstrap.interval("v", vy, vp, Bootstrap.precisionAt(i / 20.0))
                                    .low()
                            >= 0.8) chosen = i / 20.0;
        }
        double low =
                Bootstrap.interval("t", ty, tp, Bootstrap.precisionAt(chosen)).low();
        return lesson8(seed)
                .with("myThreshold", chosen)
                .with("myShadowLow", low)
                .with("promote", low >= 0.8);
    }

    @Test
    @DisplayName("lesson 8: the interval's threshold passes; the estimate's, a neighbour's and a wrong decision fail")
    void promoteDecision() {
        MapAnswers alice = promote(ALICE), bob = promote(BOB);
        assertTrue(
                check("lesson08-promote", alice).passed(),
                check("lesson08-promote", alice).message());
        assertNotEquals(alice.value("myShadowLow"), bob.value("myShadowLow"), "two students, two numbers");
        assertFalse(check(
                        "lesson08-promote",
                        lesson8(ALICE)
                                .with("myThreshold", bob.value("myThreshold"))
                                .with("myShadowLow", bob.value("myShadowLow"))
                                .with("promote", bob.value("promote")))
                .passed());
        double t = (Double) alice.value("myThreshold");
        CheckResult lower = check("lesson08-promote", promote(ALICE).with("myThreshold", t - 0.05));
        assertFalse(lower.passed());
        assertTrue(lower.message().contains("bar"), lower.message());
        CheckResult flipped =
                check("lesson08-promote", promote(ALICE).with("promote", !(Boolean) alice.value("promote")));
        assertTrue(flipped.message().contains("promote only when"), flipped.message());
    }

    @Test
    @DisplayName("lesson 8: when no threshold keeps the bar, 'nothing to promote' passes and any threshold fails")
    void nothingToPromote() {
        Random r = new Random(80);
        boolean[] y = labels(r, 8_000, 0.15);
        double[] p = new double[y.length];
        for (int i = 0; i < p.length; i++) p[i] = r.nextDouble(); // scores that know nothing: precision near 0.15
        MapAnswers none = new MapAnswers(ALICE)
                .with("bar", 0.8)
                .with("validationChecked", y)
                .with("pValidation", p)
                .with("trafficChecked", y)
                .with("pTraffic", p)
                .with("myShadowLow", 0.0)
                .with("promote", false);
        assertTrue(
                check("lesson08-promote", none.with("myThreshold", Double.NaN)).passed());
        assertFalse(check("lesson08-promote", none.with("myThreshold", 0.5)).passed());
    }

    // ---- lesson 9: a pooled alert with delayed labels, quiet before the drop, on time after it

    private static final int[] DAY;
    private static final boolean[] Y9;
    private static final double[] P9;

    static {
        Random r = new Random(9);
        int n = 53 * 400;
        DAY = new int[n];
        Y9 = new boolean[n];
        P9 = new double[n];
        for (int i = 0; i < n; i++) {
            DAY[i] = -53 + i / 400;
            Y9[i] = r.nextDouble() < 0.08;
            double separation = DAY[i] >= -8 ? 0.8 : 1.8; // the model loses its edge from day -8
            P9[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (Y9[i] ? separation : 0))));
        }
    }

    private static double pooled(int[] day, boolean[] y, double[] p, int from, int to) {
        int[] rows = java.util.stream.IntStream.range(0, day.length)
                .filter(i -> day[i] >= from && day[i] <= to)
                .toArray();
        return Metrics.rocAuc(StudentRows.pick(y, rows), StudentRows.pick(p, rows));
    }

    private static final double LEVEL = pooled(DAY, Y9, P9, -53, -40) - 0.03;
    private static final int DROP_DAY = dropDay();

    private static int dropDay() { // the first day from which the 3-day pooled ROC-AUC stays below the level
        int drop = 0;
        for (int d = -1; d >= -51 && pooled(DAY, Y9, P9, d - 2, d) < LEVEL; d--) drop = d;
        return drop;
    }

    private static MapAnswers lesson9(long seed) {
        return new MapAnswers(seed)
                .with("dayAfter", DAY)
                .with("yAfter", Y9)
                .with("pNever", P9)
                .with("alertLevel", LEVEL)
                .with("dropDay", DROP_DAY);
    }

    private static MapAnswers alert(long seed, int window) {
        int delay = StudentRows.between(seed, 1, 3);
        int[] rows = StudentRows.sample(seed, DAY.length, 2 * DAY.length / 3);
        int[] day = StudentRows.pick(DAY, rows);
        boolean[] y = StudentRows.pick(Y9, rows);
        double[] p = StudentRows.pick(P9, rows);
        int first = 0;
        for (int d = -53 + delay + window - 1; d <= -1 && first == 0; d++) {
            if (d >= DROP_DAY && pooled(day, y, p, d - delay - window + 1, d - delay) < LEVEL) first = d;
        }
        return lesson9(seed)
                .with("myWindow", window)
                .with("myFirstAlert", first)
                .with("myAucAtAlert", pooled(day, y, p, first - delay - window + 1, first - delay));
    }

    @Test
    @DisplayName("lesson 9: a pooled window passes; one day fires on noise; a neighbour's day and AUC fail")
    void alertRule() {
        assertTrue(DROP_DAY >= -9 && DROP_DAY <= -6, "the made-up drop is found: " + DROP_DAY);
        MapAnswers alice = alert(ALICE, 5);
        assertTrue(
                check("lesson09-alert-rule", alice).passed(),
                check("lesson09-alert-rule", alice).message());
        CheckResult oneDay = check("lesson09-alert-rule", alert(ALICE, 1));
        assertFalse(oneDay.passed());
        assertTrue(oneDay.message().contains("false alarm"), oneDay.message());
        String other = "bob";
        for (int k = 0; StudentRows.between(Variant.seed(other), 1, 3) == StudentRows.between(ALICE, 1, 3); k++) {
            other = "student" + k; // a neighbour whose labels arrive on another day
        }
        MapAnswers neighbour = alert(Variant.seed(other), 5);
        assertNotEquals(alice.value("myFirstAlert"), neighbour.value("myFirstAlert"));
        assertFalse(check(
                        "lesson09-alert-rule",
                        alert(ALICE, 5)
                                .with("myFirstAlert", neighbour.value("myFirstAlert"))
                                .with("myAucAtAlert", neighbour.value("myAucAtAlert")))
                .passed());
        CheckResult noDelay = check(
                "lesson09-alert-rule",
                alert(ALICE, 5)
                        .with(
                                "myFirstAlert",
                                (Integer) alice.value("myFirstAlert") - StudentRows.between(ALICE, 1, 3)));
        assertFalse(noDelay.passed(), noDelay.message());
    }

    // ---- lesson 10: the click model's normalized entropy on a draw, and whether it beats the base rate

    private static final boolean[] CLICKED = new boolean[6_000];
    private static final double[] P_CLICK = new double[6_000];

    static {
        Random r = new Random(10);
        for (int i = 0; i < CLICKED.length; i++) {
            double q = 0.01 + 0.2 * r.nextDouble() * r.nextDouble();
            CLICKED[i] = r.nextDouble() < q;
            P_CLICK[i] = Math.min(0.99, q * (0.8 + 0.4 * r.nextDouble()));
        }
    }

    private static double ne(boolean[] y, double[] p) {
        double rate = 0;
        for (boolean c : y) rate += c ? 1 : 0;
        double[] constant = new double[y.length];
        Arrays.fill(constant, rate / y.length);
        return Metrics.logLoss(y, p) / Metrics.logLoss(y, constant);
    }

    private static MapAnswers normalizedEntropy(long seed) {
        int[] rows = StudentRows.sample(seed, CLICKED.length, CLICKED.length / 2);
        boolean[] y = StudentRows.pick(CLICKED, rows);
        double[] p = StudentRows.pick(P_CLICK, rows);
        double high =
                Bootstrap.interval("NE", y, p, SeededLessonExercisesTest::ne).high();
        return new MapAnswers(seed)
                .with("clicked", CLICKED)
                .with("pClick", P_CLICK)
                .with("myNE", ne(y, p))
                .with("myNEHigh", high)
                .with("beatsBaseRate", high < 1);
    }

    @Test
    @DisplayName("lesson 10: NE on the draw passes; the bare log loss and a neighbour's NE fail")
    void clickModelNe() {
        MapAnswers alice = normalizedEntropy(ALICE), bob = normalizedEntropy(BOB);
        assertTrue(
                check("lesson10-ne", alice).passed(),
                check("lesson10-ne", alice).message());
        assertTrue((Double) alice.value("myNE") < 1 && (Boolean) alice.value("beatsBaseRate"));
        assertNotEquals(alice.value("myNE"), bob.value("myNE"));
        assertFalse(check("lesson10-ne", normalizedEntropy(ALICE).with("myNE", bob.value("myNE")))
                .passed());
        int[] rows = StudentRows.sample(ALICE, CLICKED.length, CLICKED.length / 2);
        double logLoss = Metrics.logLoss(StudentRows.pick(CLICKED, rows), StudentRows.pick(P_CLICK, rows));
        assertTrue(check("lesson10-ne", normalizedEntropy(ALICE).with("myNE", logLoss))
                .message()
                .contains("log loss itself"));
        assertTrue(check("lesson10-ne", normalizedEntropy(ALICE).with("beatsBaseRate", false))
                .message()
                .contains("whole"));
    }

    // ---- lesson 10 warm-up: revenue per 1,000 requests of the deployed model and of legacy, and the decision

    private static final int QUERIES = 40, REQUESTS = 200, CANDIDATES = 8;
    private static final double[] BID = {1.0, 2.0, 0.5};

    /** Made-up request world: request r asks query r % 40 and retrieves 8 candidates. */
    private static final Table SERVED = served();

    private static Table served() {
        int[] request = new int[REQUESTS * CANDIDATES], query = new int[request.length];
        for (int i = 0; i < request.length; i++) {
            request[i] = i / CANDIDATES;
            query[i] = request[i] % QUERIES;
        }
        return Table.create("served", IntColumn.create("request", request), IntColumn.create("query_id", query));
    }

    /** One log row a request: legacy and model_v1 in LOG, the deployed model in DEPLOYED; clicks vary by query. */
    private static Table log(String policy, int rows, int clicksPerQuery) {
        String[] p = new String[rows];
        int[] click = new int[rows], impression = new int[rows], ad = new int[rows], query = new int[rows];
        for (int r = 0; r < rows; r++) {
            p[r] = policy;
            query[r] = r % QUERIES;
            ad[r] = query[r] % BID.length;
            impression[r] = 2 + query[r] % 3;
            click[r] = (query[r] * clicksPerQuery) % 4;
        }
        return Table.create(
                "log",
                IntColumn.create("Click", click),
                IntColumn.create("Impression", impression),
                IntColumn.create("AdID", ad),
                IntColumn.create("QueryID", query),
                StringColumn.create("Policy", p));
    }

    private static final Table LOG = log("legacy", REQUESTS, 3).append(log("model_v1", REQUESTS, 2));
    private static final Table DEPLOYED = log("ad-show@3", REQUESTS, 1);
    private static final Table QUERY_TABLE = Table.create(
            "queries",
            IntColumn.create(
                    "query_id", java.util.stream.IntStream.range(0, QUERIES).toArray()));

    /** Revenue per 1,000 requests of the rows of {@code t} (of {@code policy}) whose query is in {@code mine}. */
    private static double rpm(Table t, String policy, int[] mine, long requests) {
        java.util.Set<Integer> queries = Arrays.stream(mine).boxed().collect(java.util.stream.Collectors.toSet());
        double revenue = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("Policy").get(i).equals(policy)
                    && queries.contains(t.intColumn("QueryID").getInt(i))) {
                revenue +=
                        t.intColumn("Click").getInt(i) * BID[t.intColumn("AdID").getInt(i)];
            }
        }
        return 1000 * revenue / requests;
    }

    /** Half of the 40 queries, each asked by 5 of the 200 requests, whatever the seed. */
    private static final long MY_REQUESTS = REQUESTS / 2;

    /** The model answer, written out for the learner with {@code seed}. */
    private static MapAnswers rpm(long seed) {
        int[] mine = StudentRows.sample(seed, QUERIES, QUERIES / 2);
        long requests = MY_REQUESTS;
        return new MapAnswers(seed)
                .with("served", SERVED)
                .with("queries", QUERY_TABLE)
                .with("log", LOG)
                .with("deployedLog", DEPLOYED)
                .with("bid", BID)
                .with("myRequests", requests)
                .with("rpmDeployed", rpm(DEPLOYED, "ad-show@3", mine, requests))
                .with("rpmLegacy", rpm(LOG, "legacy", mine, requests))
                .with("rollBack", rpm(DEPLOYED, "ad-show@3", mine, requests) < rpm(LOG, "legacy", mine, requests));
    }

    @Test
    @DisplayName("lesson 10 warm-up: each learner's own requests pass; candidates, all requests, the upper bound,"
            + " per impression, a neighbour's numbers and the wrong decision fail")
    void revenuePerRequestsDecision() {
        for (long seed : new long[] {ALICE, BOB}) {
            CheckResult right = check("lesson10-rpm-requests", rpm(seed));
            assertTrue(right.passed(), right.message());
        }
        int[] mine = StudentRows.sample(ALICE, QUERIES, QUERIES / 2);
        assertTrue(check("lesson10-rpm-requests", rpm(ALICE).with("myRequests", REQUESTS / 2 * CANDIDATES))
                .message()
                .contains("counts candidates"));
        assertTrue(check("lesson10-rpm-requests", rpm(ALICE).with("myRequests", REQUESTS))
                .message()
                .contains("every request of the day"));
        assertTrue(check("lesson10-rpm-requests", rpm(ALICE).with("rpmLegacy", rpm(LOG, "legacy", mine, REQUESTS)))
                .message()
                .contains("all the day's requests"));
        double legacyPerImpression = rpm(LOG, "legacy", mine, REQUESTS / 2)
                * (REQUESTS / 2)
                / LOG.where(LOG.stringColumn("Policy")
                                .isEqualTo("legacy")
                                .and(LOG.intColumn("QueryID").isIn(mine)))
                        .intColumn("Impression")
                        .sum();
        assertTrue(check("lesson10-rpm-requests", rpm(ALICE).with("rpmLegacy", legacyPerImpression))
                .message()
                .contains("per 1,000 impressions"));
        assertTrue(check(
                        "lesson10-rpm-requests",
                        rpm(ALICE).with("rpmDeployed", rpm(LOG, "model_v1", mine, REQUESTS / 2)))
                .message()
                .contains("upper bound"));
        CheckResult wrongDecision = check("lesson10-rpm-requests", rpm(ALICE).with("rollBack", !(boolean)
                rpm(ALICE).value("rollBack", Boolean.class, "")));
        assertFalse(wrongDecision.passed());
        assertTrue(wrongDecision.message().contains("which one should serve"), wrongDecision.message());
        // two learners get different numbers: Bob's answers fail Alice's check
        assertNotEquals(rpm(ALICE).number("rpmLegacy"), rpm(BOB).number("rpmLegacy"), 1e-9);
        CheckResult copied = check(
                "lesson10-rpm-requests",
                rpm(ALICE)
                        .with("rpmLegacy", rpm(BOB).number("rpmLegacy"))
                        .with("rpmDeployed", rpm(BOB).number("rpmDeployed")));
        assertFalse(copied.passed(), copied.message());
    }

    // ---- lesson 13: random or targeted labels, from the positives in a draw of random pairs

    private static final boolean[] SHOW = labels(new Random(13), 40_000, 2e-4);

    private static MapAnswers labelBudget(long seed) {
        int size = Math.min(SHOW.length, StudentRows.between(seed, 15_000, 35_000));
        boolean[] mine = StudentRows.pick(SHOW, StudentRows.sample(seed, SHOW.length, size));
        long positives = 0;
        for (boolean s : mine) positives += s ? 1 : 0;
        double upper = new org.apache.commons.math3.stat.interval.WilsonScoreInterval()
                .createInterval(mine.length, (int) positives, 0.95)
                .getUpperBound();
        long pairs = (long) Math.ceil(30 / upper);
        long days = (long) Math.ceil(pairs / 1500.0);
        return new MapAnswers(seed)
                .with("show", SHOW)
                .with("pairsFor30", pairs)
                .with("daysFor30", days)
                .with("collect", days > 30 ? "targeted" : "random");
    }

    @Test
    @DisplayName("lesson 13: the label budget passes; a neighbour's count and 'random' for months of labels fail")
    void labelBudgetDecision() {
        MapAnswers alice = labelBudget(ALICE), bob = labelBudget(BOB);
        assertTrue(
                check("lesson13-label-budget", alice).passed(),
                check("lesson13-label-budget", alice).message());
        assertNotEquals(alice.value("pairsFor30"), bob.value("pairsFor30"));
        assertFalse(check(
                        "lesson13-label-budget",
                        labelBudget(ALICE)
                                .with("pairsFor30", bob.value("pairsFor30"))
                                .with("daysFor30", bob.value("daysFor30")))
                .passed());
        assertTrue(check("lesson13-label-budget", labelBudget(ALICE).with("collect", "random"))
                .message()
                .contains("within a month"));
        // the point rate (the old answer) is too uncertain to plan on: the hint names Wilson's upper end
        boolean[] mine = StudentRows.pick(
                SHOW,
                StudentRows.sample(
                        ALICE, SHOW.length, Math.min(SHOW.length, StudentRows.between(ALICE, 15_000, 35_000))));
        long positives = 0;
        for (boolean s : mine) positives += s ? 1 : 0;
        long pointPairs = (long) Math.ceil(30 / (Math.max(positives, 1) / (double) mine.length));
        CheckResult point = check(
                "lesson13-label-budget",
                labelBudget(ALICE).with("pairsFor30", pointPairs).with("daysFor30", (long)
                        Math.ceil(pointPairs / 1500.0)));
        assertFalse(point.passed());
        assertTrue(point.message().contains("Wilson"), point.message());
    }
}
