package org.mlcycle.toolkit.report;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Progress of long work (a training loop, a resampling pass): the worker calls {@link #start},
 * then {@link #step} as it goes, then {@link #done}. Where it shows up is the implementation's
 * business: nowhere ({@link #none()}), a console line ({@link #console()}), or, in a notebook, a
 * bar that updates in place (installed by the magics module through {@link #useAsStandard}).
 *
 * <p>Do not use it for work that takes well under a second: the display costs more than it tells.
 */
public interface Progress {

    /** Work of {@code total} units begins; {@code total <= 0} means the total is unknown. */
    void start(long total, String label);

    /** {@code n} more units are finished. */
    void step(long n);

    /** One more unit is finished. */
    default void step() {
        step(1);
    }

    /** The work is over (also after a failure): the display shows its final state. */
    void done();

    /**
     * Runs {@code work} under {@link #standard()} with {@code total} units and {@code label}, and
     * ends the display whether the work returns or throws. The work reports its steps to the
     * progress it is given; work that cannot count them ({@code total <= 0}) still shows its time.
     */
    static <T> T during(String label, long total, java.util.function.Function<Progress, T> work) {
        Progress progress = standard();
        progress.start(total, label);
        try {
            return work.apply(progress);
        } finally {
            progress.done();
        }
    }

    /** {@code in}, telling {@code progress} the bytes read from it as they are read (e.g. a compressed file's bytes). */
    static java.io.InputStream counting(java.io.InputStream in, Progress progress) {
        return new CountingInput(
                Objects.requireNonNull(in, "progress: in is null"),
                Objects.requireNonNull(progress, "progress: progress is null"));
    }

    /** A progress that shows nothing. */
    static Progress none() {
        return ConsoleProgress.NONE;
    }

    /** A progress line on {@code System.out}, rewritten in place at each whole percent. */
    static Progress console() {
        return new ConsoleProgress(System.out);
    }

    /** A progress line on {@code out}, rewritten in place at each whole percent. */
    static Progress console(PrintStream out) {
        return new ConsoleProgress(Objects.requireNonNull(out, "progress: out is null"));
    }

    /**
     * The progress the environment offers: a bar in a notebook when mlcycle's extension is
     * installed, otherwise {@link #none()}. Toolkit code doing long work starts here.
     */
    static Progress standard() {
        return ConsoleProgress.STANDARD.get().get();
    }

    /** Makes {@code factory} the source of {@link #standard()}; {@code null} restores {@link #none()}. */
    static void useAsStandard(Supplier<? extends Progress> factory) {
        ConsoleProgress.STANDARD.set(factory == null ? Progress::none : factory);
    }
}
