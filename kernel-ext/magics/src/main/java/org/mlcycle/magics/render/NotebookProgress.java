package org.mlcycle.magics.render;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Progress;

/**
 * A {@link Progress} that shows a bar in the notebook cell and redraws it in place
 * ({@code display_data} once, then {@code update_display_data} with the same display id).
 *
 * <ul>
 *   <li>Nothing is shown for the first {@link #SHOW_AFTER_NANOS second}: quick work leaves no trace.
 *   <li>After that the bar is redrawn at most every {@link #MIN_INTERVAL_NANOS quarter second}, from
 *       the worker's steps or, for work that cannot count its steps (a Tribuo trainer), from a timer
 *       that keeps the elapsed time moving.
 *   <li>{@link #done()} leaves a green "done" line with the total time, if a bar was shown.
 *   <li>Work started while another bar is open (the models trained inside a cross-validation) draws
 *       nothing of its own: one cell, one bar.
 * </ul>
 *
 * Each message carries an HTML bar and a {@code text/plain} line.
 */
public final class NotebookProgress implements Progress {
    static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** The bar on screen now, if any: work started under it stays quiet. */
    private static final AtomicReference<NotebookProgress> OUTER = new AtomicReference<>();

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlcycle-progress");
        t.setDaemon(true);
        return t;
    });

    /** Where the displays go: a kernel's display stream, or anything that receives them. */
    public interface Sink {
        /** Shows a new display; {@code data} carries its display id. */
        void show(DisplayData data);

        /** Replaces the display with id {@code id}. */
        void update(String id, DisplayData data);

        /** Whether a cell is still there to draw into (a timer must not draw after the cell ended). */
        default boolean attached() {
            return true;
        }
    }

    private final Sink sink;
    private final LongSupplier clock;
    private final boolean timed;
    private String id;
    private String label = "";
    private long total;
    private long count;
    private long startedAt;
    private long drawnAt;
    private volatile boolean open;
    private boolean shown;
    private boolean nested;
    private ScheduledFuture<?> ticks;

    /** A progress on {@code clock}; with {@code timed}, a timer calls {@link #tick()} while it is open. */
    NotebookProgress(Sink sink, LongSupplier clock, boolean timed) {
        this.sink = Objects.requireNonNull(sink, "progress: sink is null");
        this.clock = Objects.requireNonNull(clock, "progress: clock is null");
        this.timed = timed;
    }

    /** A progress that draws into {@code sink}. */
    public static NotebookProgress into(Sink sink) {
        return new NotebookProgress(sink, System::nanoTime, true);
    }

    /** A progress that draws into the cell {@code kernel} is running. */
    public static NotebookProgress of(BaseKernel kernel) {
        Objects.requireNonNull(kernel, "progress: kernel is null");
        return into(new Sink() {
            @Override
            public void show(DisplayData data) {
                kernel.getIO().display.display(data);
            }

            @Override
            public void update(String id, DisplayData data) {
                kernel.getIO().display.updateDisplay(id, data);
            }

            @Override
            public boolean attached() {
                return kernel.getIO().display.isAttached();
            }
        });
    }

    @Override
    public synchronized void start(long total, String label) {
        this.label = label == null ? "" : label;
        this.total = total;
        this.count = 0;
        this.startedAt = clock.getAsLong();
        this.open = true;
        this.shown = false;
        NotebookProgress outer = OUTER.get();
        this.nested = outer != null && outer != this && outer.isOpen();
        if (!nested) {
            OUTER.set(this);
            if (timed) {
                long period = TimeUnit.NANOSECONDS.toMillis(MIN_INTERVAL_NANOS);
                ticks = TIMER.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void step(long n) {
        count += n;
        if (open && !nested) redraw();
    }

    /** Called by the timer: shows the bar once the first second has passed, then keeps its time moving. */
    synchronized void tick() {
        if (!open || nested) return;
        if (!sink.attached()) { // the cell ended without done(): stop drawing, free the slot
            close();
            return;
        }
        redraw();
    }

    @Override
    public synchronized void done() {
        if (!open) return;
        if (!nested && shown && sink.attached()) sink.update(id, snapshot(false));
        close();
    }

    /** Whether the work is still going (not synchronized: another progress asks while holding its own lock). */
    boolean isOpen() {
        return open;
    }

    private void close() {
        open = false;
        if (ticks != null) ticks.cancel(false);
        OUTER.compareAndSet(this, null);
    }

    private void redraw() {
        long now = clock.getAsLong();
        if (!shown) {
            if (now - startedAt < SHOW_AFTER_NANOS) return;
            shown = true;
            drawnAt = now;
            id = UUID.randomUUID().toString();
            DisplayData data = snapshot(true);
            data.setDisplayId(id);
            sink.show(data);
        } else if (now - drawnAt >= MIN_INTERVAL_NANOS) {
            drawnAt = now;
            sink.update(id, snapshot(true));
        }
    }

    private DisplayData snapshot(boolean running) {
        double seconds = (clock.getAsLong() - startedAt) / 1e9;
        String counts = total > 0
                // a count past the total (a reader that reads a few bytes twice) shows as the total
                ? String.format(Locale.ROOT, "%3d%% (%,d/%,d)", percent(), Math.min(count, total), total)
                : count > 0 ? String.format(Locale.ROOT, "%,d", count) : "";
        String state = running ? "" : " done";
        String text = String.format(Locale.ROOT, "%s %s %.1f s%s", label, counts, seconds, state)
                .replaceAll(" +", " ")
                .strip();
        DisplayData data = new DisplayData(text);
        data.putHTML(html(counts, seconds, state, running));
        return data;
    }

    private String html(String counts, double seconds, String state, boolean running) {
        String colour = running ? "#4a90d9" : "#5aa55a";
        // an unknown total shows a full, lighter bar while running: it says "working", not "40%"
        int width = total > 0 ? percent() : 100;
        String fill = total > 0 || !running ? colour : "#a9c8ec";
        String numbers = counts.isBlank() ? "" : Html.escape(counts.strip()) + " · ";
        return "<div class=\"mlcycle-progress\" style=\"font-family:monospace;display:flex;align-items:center;gap:8px\">"
                + "<span>" + Html.escape(label) + "</span>"
                + "<div style=\"width:240px;height:12px;background:#e6e6e6;border-radius:3px;overflow:hidden\">"
                + "<div style=\"width:" + width + "%;height:100%;background:" + fill + "\"></div></div>"
                + "<span>" + numbers + String.format(Locale.ROOT, "%.1f s", seconds)
                + Html.escape(state) + "</span></div>";
    }

    private int percent() {
        return (int) Math.min(100, Math.max(0, count * 100 / total));
    }
}
