package org.mlcycle.course.variant;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.AdWorldOptions;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import tech.tablesaw.api.Table;

/**
 * The one way the course turns a learner's variant seed into that learner's numbers and rows. A
 * lesson's data class opens a draw with {@link #of(long, long)}, the seed and the lesson's own salt,
 * and takes from it what its exercises need: numbers in a range, one of a few choices, a normal
 * deviate, a sample of rows. The checks open the same draw with the same seed and salt and take the
 * same things in the same order, so every expected value is made again, never stored; different
 * salts keep one lesson's numbers from saying anything about another's. A lesson that needs a
 * whole world of its own rather than a sample of the shared one takes {@link #world(long)}.
 *
 * <p>{@link SplittableRandom} rather than {@link java.util.Random}: its stream is fixed by its
 * seed across JDK releases, and it needs no locking.
 */
public final class StudentDraw {
    private final SplittableRandom random;

    private StudentDraw(long stream) {
        this.random = new SplittableRandom(stream);
    }

    /** The draw of {@code seed} mixed with a lesson's {@code salt} (0: the seed itself). */
    public static StudentDraw of(long seed, long salt) {
        return new StudentDraw(seed ^ salt);
    }

    /** A number in {@code [0, 1)}. */
    public double uniform() {
        return random.nextDouble();
    }

    /** A number in {@code [low, high)}. */
    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A whole number in {@code [low, high]}, both ends included. */
    public int between(int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("between: " + low + " > " + high);
        }
        return low + random.nextInt(high - low + 1);
    }

    /** One of {@code choices}, each as likely. */
    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** True with probability {@code share}. */
    public boolean chance(double share) {
        return random.nextDouble() < share;
    }

    /** A standard normal deviate. */
    public double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17; StrictMath gives the same
        // digits on every JVM, so a check on another machine rebuilds the same numbers
        return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
                * StrictMath.cos(2 * Math.PI * random.nextDouble());
    }

    /** Successes of {@code n} trials of probability {@code p}, by the normal approximation (fine when n p is in the hundreds or more). */
    public long binomial(long n, double p) {
        return Math.max(0, Math.round(n * p + gaussian() * Math.sqrt(n * p * (1 - p))));
    }

    /** {@code k} distinct indices of {@code 0..n-1}, in increasing order. */
    public int[] sample(int n, int k) {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("sample: cannot draw " + k + " rows out of " + n);
        }
        // a partial Fisher-Yates shuffle: the first k places of a seeded permutation
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, k);
        Arrays.sort(picked);
        return picked;
    }

    /** {@code k} rows of {@code table}, drawn as {@link #sample(int, int)} draws their indices. */
    public Table sample(Table table, int k) {
        return table.rows(sample(table.rowCount(), k));
    }

    /** The rows of {@code table} each kept with probability {@code share}, one draw per row in order. */
    public Table keep(Table table, double share) {
        return table.rows(java.util.stream.IntStream.range(0, table.rowCount())
                .filter(i -> chance(share))
                .toArray());
    }

    /** {@code x} rounded half up to {@code decimals} places, as the briefs print their numbers. */
    public static double round(double x, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(x * scale) / scale;
    }

    /** The ad world of {@code seed}: the course's world with the learner's own draws of users, queries and ads. */
    public static AdWorld world(long seed) {
        return AdWorld.create(AdWorldOptions.defaults().withSeed(seed));
    }

    /**
     * {@code rows} targeted pairs of {@code period} from {@code world}, with the lessons' features and a
     * {@code label} column: labeler A under guideline v2, the labels lessons 6 on train and check on.
     */
    public static Table labeledPairs(AdWorld world, Period period, int rows) {
        Table t = world.features(Source.TARGETED, period, rows).copy();
        t.addColumns(world.truth(Source.TARGETED, period, rows)
                .intColumn("label_a_v2")
                .copy()
                .setName("label"));
        return t;
    }
}
