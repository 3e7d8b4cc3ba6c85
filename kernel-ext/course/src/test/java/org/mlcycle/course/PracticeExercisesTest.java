package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.practice.PracticeData;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.ModelAnswer;
import org.mlcycle.toolkit.exercises.Variant;
import tech.tablesaw.api.Table;

class PracticeExercisesTest {
    private static final Exercises ALL = Exercises.loaded();
    private static final long ALICE = Variant.seed("alice");
    private static final long BOB = Variant.seed("bob");

    /** The learner's answer as the model solution computes it, on the learner's own data. */
    private static double ctrOf(long seed) {
        Table ads = PracticeData.ads(seed);
        return ads.intColumn("clicks").sum() / ads.intColumn("impressions").sum();
    }

    @Test
    @DisplayName("the model solution passes on the learner's own data, for the full points")
    void solutionPasses() {
        CheckResult result = ALL.get("practice-ctr").check(new MapAnswers(ALICE).with("ctr", ctrOf(ALICE)));

        assertTrue(result.passed(), result.toText());
        assertEquals(2.0, result.score());
        assertTrue(result.toText().startsWith("Correct: the day's CTR is "), result.toText());
    }

    @Test
    @DisplayName("two students' data differ, and each one's answer passes only on their own variant")
    void variantsDiffer() {
        assertNotEquals(ctrOf(ALICE), ctrOf(BOB));
        Exercise ctr = ALL.get("practice-ctr");

        assertTrue(ctr.check(new MapAnswers(BOB).with("ctr", ctrOf(BOB))).passed());
        CheckResult copied = ctr.check(new MapAnswers(BOB).with("ctr", ctrOf(ALICE)));
        assertFalse(copied.passed());
        assertEquals(0.0, copied.score());
    }

    @Test
    @DisplayName("averaging each row's CTR gets the hint for that mistake, not the answer")
    void rowAverageMistake() {
        Table ads = PracticeData.ads(ALICE);
        double mean = 0;
        for (int i = 0; i < ads.rowCount(); i++) {
            mean += ads.intColumn("clicks").getInt(i)
                    / (double) ads.intColumn("impressions").getInt(i);
        }
        mean /= ads.rowCount();

        CheckResult result = ALL.get("practice-ctr").check(new MapAnswers(ALICE).with("ctr", mean));

        assertFalse(result.passed());
        assertTrue(result.message().contains("averaged each ad's own CTR"), result.message());
        assertFalse(
                result.message().contains(String.format(java.util.Locale.ROOT, "%.4f", ctrOf(ALICE))),
                "the hint must not give the answer away");
    }

    @Test
    @DisplayName("the starter value and a missing variable get hints; a wrong type names what is expected")
    void starterAndMissing() {
        Exercise median = ALL.get("practice-median-bid");

        assertTrue(median.check(new MapAnswers(ALICE).with("medianBid", 0.0))
                .toText()
                .startsWith("Not yet: "));
        assertEquals(
                "'medianBid' is not defined yet: run the cell where you compute it",
                median.check(new MapAnswers(ALICE)).message());
        assertEquals(
                "'medianBid' is a String, but the exercise asks for a number",
                median.check(new MapAnswers(ALICE).with("medianBid", "0.4")).message());
    }

    @Test
    @DisplayName("the mean instead of the median is named; one middle value of an even count earns half")
    void medianMistakes() {
        Exercise median = ALL.get("practice-median-bid");
        double[] alice = sortedBids(ALICE);
        CheckResult mean = median.check(new MapAnswers(ALICE)
                .with("medianBid", java.util.Arrays.stream(alice).average().orElseThrow()));
        assertTrue(mean.message().startsWith("that is the mean"), mean.message());

        // bids are in cents, so the two middle ones are often equal: take the first student whose differ
        int n = PracticeData.ROWS;
        long seed = java.util.stream.IntStream.range(0, 100)
                .mapToLong(i -> Variant.seed("s" + i))
                .filter(s -> sortedBids(s)[n / 2 - 1] != sortedBids(s)[n / 2])
                .findFirst()
                .orElseThrow();
        double[] bids = sortedBids(seed);
        assertTrue(median.check(new MapAnswers(seed).with("medianBid", (bids[n / 2 - 1] + bids[n / 2]) / 2))
                .passed());
        CheckResult half = median.check(new MapAnswers(seed).with("medianBid", bids[n / 2 - 1]));
        assertTrue(half.partial(), half.toText());
        assertEquals(0.5, half.score());
        assertTrue(half.toText().startsWith("Partly right (0.5 of 1 points): close"), half.toText());
    }

    private static double[] sortedBids(long seed) {
        double[] bids = PracticeData.ads(seed).doubleColumn("bid_cpc").asDoubleArray();
        java.util.Arrays.sort(bids);
        return bids;
    }

    @Test
    @DisplayName("a question has a model answer and no check")
    void question() {
        Exercise why = ALL.get("practice-why-ctr");

        assertTrue(why.isQuestion());
        assertTrue(ModelAnswer.of(why).toText().contains("click-through rate"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> why.check(new MapAnswers(ALICE)));
        assertEquals(
                "practice-why-ctr is a question without a check; %reveal practice-why-ctr shows the model answer",
                e.getMessage());
    }
}
