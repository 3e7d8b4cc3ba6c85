package org.mlcycle.magics.render;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Progress;

/**
 * A {@link Progress} that shows a bar in the notebook cell and redraws it in place
 * ({@code display_data} once, then {@code update_display_data} with the same display id), at most
 * about five times a second so a tight loop does not flood the front end. The final state is
 * always drawn by {@link #done()}. Each message carries an HTML bar and a {@code text/plain} line.
 */
public final class NotebookProgress implements Progress {
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Where the displays go: a kernel's display stream, or anything that receives them. */
    public interface Sink {
        /** Shows a new display; {@code data} carries its display id. */
        void show(DisplayData data);

        /** Replaces the display with id {@code id}. */
        void update(String id, DisplayData data);
    }

    private final Sink sink;
    private final LongSupplier clock;
    private String id;
    private String label = "";
    private long total;
    private long count;
    private long startedAt;
    private long shownAt;
    private boolean open;

    NotebookProgress(Sink sink, LongSupplier clock) {
        this.sink = Objects.requireNonNull(sink, "progress: sink is null");
        this.clock = Objects.requireNonNull(clock, "progress: clock is null");
    }

    /** A progress that draws into {@code sink}. */
    public static NotebookProgress into(Sink sink) {
        return new NotebookProgress(sink, System::nanoTime);
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
        });
    }

    @Override
    public synchronized void start(long total, String label) {
        this.label = label == null ? "" : label;
        this.total = total;
        this.count = 0;
        this.startedAt = clock.getAsLong();
        this.shownAt = startedAt;
        this.open = true;
        this.id = UUID.randomUUID().toString();
        DisplayData data = snapshot();
        data.setDisplayId(id);
        sink.show(data);
    }

    @Override
    public synchronized void step(long n) {
        count += n;
        if (!open) {
            return;
        }
        long now = clock.getAsLong();
        if (now - shownAt >= MIN_INTERVAL_NANOS) {
            shownAt = now;
            sink.update(id, snapshot());
        }
    }

    @Override
    public synchronized void done() {
        if (!open) {
            return;
        }
        open = false;
        sink.update(id, snapshot());
    }

    private DisplayData snapshot() {
        double seconds = (clock.getAsLong() - startedAt) / 1e9;
        String counts = total > 0
                ? String.format(Locale.ROOT, "%3d%% (%,d/%,d)", percent(), count, total)
                : String.format(Locale.ROOT, "%,d", count);
        String state = open ? "" : " done";
        String text = String.format(Locale.ROOT, "%s %s %.1f s%s", label, counts, seconds, state).strip();
        DisplayData data = new DisplayData(text);
        data.putHTML(html(counts, seconds, state));
        return data;
    }

    private String html(String counts, double seconds, String state) {
        int width = total > 0 ? percent() : 0;
        String colour = open ? "#4a90d9" : "#5aa55a";
        return "<div class=\"mlcycle-progress\" style=\"font-family:monospace;display:flex;align-items:center;gap:8px\">"
                + "<span>" + Html.escape(label) + "</span>"
                + "<div style=\"width:240px;height:12px;background:#e6e6e6;border-radius:3px;overflow:hidden\">"
                + "<div style=\"width:" + width + "%;height:100%;background:" + colour + "\"></div></div>"
                + "<span>" + Html.escape(counts.strip()) + String.format(Locale.ROOT, " · %.1f s", seconds)
                + Html.escape(state) + "</span></div>";
    }

    private int percent() {
        return (int) Math.min(100, Math.max(0, count * 100 / total));
    }
}
