package org.mlcycle.toolkit.counterfactual;

import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * The candidates of fresh search requests, {@link #PER_REQUEST} a request: the ad, its published
 * past CTR, and {@code trueCtr}, the simulator's chance of a click when the ad is shown alone in the
 * first slot (its privilege: a policy never reads it; the log's clicks are drawn from it).
 */
public final class Candidates {
    /** Candidates a request retrieves. */
    public static final int PER_REQUEST = 8;

    private final String stream;
    private final int requests;
    private final int[] ad;
    private final double[] pastCtr;
    private final double[] trueCtr;

    Candidates(String stream, int[] ad, double[] pastCtr, double[] trueCtr) {
        Require.that(
                ad.length % PER_REQUEST == 0 && ad.length > 0,
                "candidates",
                "%d candidates a request are needed",
                PER_REQUEST);
        this.stream = stream;
        this.requests = ad.length / PER_REQUEST;
        this.ad = ad;
        this.pastCtr = pastCtr;
        this.trueCtr = trueCtr;
    }

    /** {@code requests} new requests of today, the stream named {@code stream} (another name, other requests). */
    public static Candidates fresh(AdWorld world, String stream, int requests) {
        Require.that(world != null, "candidates", "world is null");
        Table t = world.freshCandidatesWithClickTruth(stream, requests);
        return new Candidates(
                stream,
                t.intColumn("ad_id").asIntArray(),
                t.doubleColumn("past_ctr").asDoubleArray(),
                t.doubleColumn("true_ctr").asDoubleArray());
    }

    public String stream() {
        return stream;
    }

    public int requests() {
        return requests;
    }

    /** The ad of candidate {@code slot} of request {@code request}. */
    public int ad(int request, int slot) {
        return ad[request * PER_REQUEST + slot];
    }

    /** The ad's published past CTR, which the world shows every model. */
    public double pastCtr(int request, int slot) {
        return pastCtr[request * PER_REQUEST + slot];
    }

    /** The simulator's click chance for this candidate in the first slot: its privilege, for measuring only. */
    public double trueCtr(int request, int slot) {
        return trueCtr[request * PER_REQUEST + slot];
    }
}
