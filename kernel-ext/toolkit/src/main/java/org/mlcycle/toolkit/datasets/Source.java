package org.mlcycle.toolkit.datasets;

/** How candidate (query, ad) pairs were collected. */
public enum Source {
    /** Ads paired with requests uniformly at random: about 1 in 10,000 pairs should be shown. */
    RANDOM,
    /**
     * Keyword retrieval, the story's "collect more data of ads that should be shown": 60% of ads
     * from the query's topic, 30% from its category, 10% at random; for a brand search (navigational)
     * 40% from the brand, 50% from the topic, 7.5% from the category, 2.5% at random.
     */
    TARGETED
}
