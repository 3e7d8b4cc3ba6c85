package org.mlcycle.toolkit.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A progress line rewritten with a carriage return at each whole percent; ends with a newline. */
final class ConsoleProgress implements Progress {
    static final Progress NONE = new Progress() {
        @Override
        public void start(long total, String label) {}

        @Override
        public void step(long n) {}

        @Override
        public void done() {}
    };

    static final AtomicReference<Supplier<? extends Progress>> STANDARD = new AtomicReference<>(Progress::none);

    private final PrintStream out;
    private String label = "";
    private long total;
    private long count;
    private int shownPercent = -1;
    private boolean open;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void start(long total, String label) {
        this.label = label == null ? "" : label;
        this.total = total;
        this.count = 0;
        this.shownPercent = -1;
        this.open = true;
        show();
    }

    @Override
    public synchronized void step(long n) {
        count += n;
        if (open && total > 0 && percent() != shownPercent) {
            show();
        }
    }

    @Override
    public synchronized void done() {
        if (!open) {
            return;
        }
        show();
        out.print('\n');
        out.flush();
        open = false;
    }

    private int percent() {
        return (int) Math.min(100, Math.max(0, count * 100 / total));
    }

    private void show() {
        if (total > 0) {
            shownPercent = percent();
            out.print(String.format(Locale.ROOT, "\r%s %3d%% (%,d/%,d)", label, shownPercent, count, total));
        } else {
            out.print(String.format(Locale.ROOT, "\r%s %,d", label, count));
        }
        out.flush();
    }
}
