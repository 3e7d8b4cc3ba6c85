package org.mlcycle.toolkit.datasets;

import com.google.errorprone.annotations.CheckReturnValue;
import org.mlcycle.toolkit.support.Require;

/**
 * The size and seed of a generated search-ads world, and its two calibrated intercepts.
 *
 * <p>{@code b0} is the intercept of the "should show" truth: with the default world it makes 1 in
 * 10,000 uniformly random (query, ad) pairs positive two months ago. {@code c0} is the intercept of
 * the click model: it puts the legacy serving policy's CTR near KDD Cup 2012's 3.5%. Both were found
 * by {@link AdWorld#calibrateB0(int)} and {@link AdWorld#calibrateC0(int)} on the default seed; change
 * the world's sizes and you should calibrate again.
 *
 * @param seed every table of the world derives from it
 * @param categories query and ad categories (at least 8: index 3 is travel, 7 is insurance)
 * @param topicsPerCategory topics per category, the unit of relevance
 * @param brandsPerCategory brands per category
 * @param oldQueries queries seen from two months ago on
 * @param newQueries queries that only appear as the period approaches yesterday
 * @param ads ads
 * @param advertisers advertisers (each has one category and one brand)
 * @param users users
 * @param b0 intercept of the truth score
 * @param c0 intercept of the click model
 */
@CheckReturnValue
public record AdWorldOptions(
        long seed,
        int categories,
        int topicsPerCategory,
        int brandsPerCategory,
        int oldQueries,
        int newQueries,
        int ads,
        int advertisers,
        int users,
        double b0,
        double c0) {

    /** The seed of the committed files. */
    public static final long DEFAULT_SEED = 2012L;

    public AdWorldOptions {
        Require.that(
                categories >= 8,
                "ad world",
                "categories must be at least 8 (travel is 3, insurance 7), got %d",
                categories);
        Require.that(
                topicsPerCategory >= 1, "ad world", "topicsPerCategory must be positive, got %d", topicsPerCategory);
        Require.that(
                brandsPerCategory >= 2, "ad world", "brandsPerCategory must be at least 2, got %d", brandsPerCategory);
        Require.that(
                oldQueries >= 3 * categories,
                "ad world",
                "oldQueries must be at least 3 per category, got %d",
                oldQueries);
        Require.that(newQueries >= 0, "ad world", "newQueries must not be negative, got %d", newQueries);
        Require.that(
                advertisers >= categories,
                "ad world",
                "advertisers must be at least one per category, got %d",
                advertisers);
        Require.that(ads >= advertisers, "ad world", "ads must be at least one per advertiser, got %d", ads);
        Require.that(users >= 12, "ad world", "users must be at least 12, got %d", users);
        Require.that(
                Double.isFinite(b0) && Double.isFinite(c0),
                "ad world",
                "b0 and c0 must be finite, got %s and %s",
                b0,
                c0);
    }

    /** The world of the committed files: seed 2012, 24,000 queries, 10,000 ads, 50,000 users. */
    public static AdWorldOptions defaults() {
        return new AdWorldOptions(
                DEFAULT_SEED, 20, 50, 10, 20_000, 4_000, 10_000, 500, 50_000, AdWorld.DEFAULT_B0, AdWorld.DEFAULT_C0);
    }

    /** The same world sizes and intercepts drawn from another seed. */
    public AdWorldOptions withSeed(long newSeed) {
        return new AdWorldOptions(
                newSeed,
                categories,
                topicsPerCategory,
                brandsPerCategory,
                oldQueries,
                newQueries,
                ads,
                advertisers,
                users,
                b0,
                c0);
    }

    public AdWorldOptions withB0(double newB0) {
        return new AdWorldOptions(
                seed,
                categories,
                topicsPerCategory,
                brandsPerCategory,
                oldQueries,
                newQueries,
                ads,
                advertisers,
                users,
                newB0,
                c0);
    }

    public AdWorldOptions withC0(double newC0) {
        return new AdWorldOptions(
                seed,
                categories,
                topicsPerCategory,
                brandsPerCategory,
                oldQueries,
                newQueries,
                ads,
                advertisers,
                users,
                b0,
                newC0);
    }
}
