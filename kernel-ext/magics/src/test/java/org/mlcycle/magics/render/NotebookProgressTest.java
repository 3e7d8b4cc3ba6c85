package org.mlcycle.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotebookProgressTest {

    /** Records what a notebook would receive. */
    static final class Cell implements NotebookProgress.Sink {
        final List<DisplayData> shown = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        final List<DisplayData> updates = new ArrayList<>();

        @Override
        public void show(DisplayData data) {
            shown.add(data);
        }

        @Override
        public void update(String id, DisplayData data) {
            updatedIds.add(id);
            updates.add(data);
        }

        String lastText() {
            return (String) updates.get(updates.size() - 1).getData(MIMEType.TEXT_PLAIN);
        }

        String lastHtml() {
            return (String) updates.get(updates.size() - 1).getData(MIMEType.TEXT_HTML);
        }
    }

    /** A clock the test moves by hand, so throttling is checked without waiting. */
    static final class HandClock {
        long nanos;

        void advanceMillis(long ms) {
            nanos += TimeUnit.MILLISECONDS.toNanos(ms);
        }
    }

    @Test
    @DisplayName("the bar is shown once and then redrawn in place under the same display id")
    void redrawsInPlace() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = new NotebookProgress(cell, () -> clock.nanos);

        progress.start(4, "training");
        for (int i = 0; i < 4; i++) {
            clock.advanceMillis(300);
            progress.step(1);
        }
        progress.done();

        assertEquals(1, cell.shown.size());
        String id = cell.shown.get(0).getDisplayId();
        assertTrue(cell.updatedIds.stream().allMatch(id::equals), "every update targets the first display");
        assertTrue(cell.lastText().startsWith("training 100% (4/4) 1.2 s done"), cell.lastText());
        assertTrue(cell.lastHtml().contains("width:100%"), cell.lastHtml());
    }

    @Test
    @DisplayName("a tight loop of ten thousand steps in under 200 ms sends no redraws until done")
    void throttlesTightLoops() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = new NotebookProgress(cell, () -> clock.nanos);

        progress.start(10_000, "resampling");
        for (int i = 0; i < 10_000; i++) {
            progress.step();
        }
        progress.done();

        assertEquals(1, cell.updates.size(), "only the final state");
        assertTrue(cell.lastText().contains("100% (10,000/10,000)"), cell.lastText());
    }

    @Test
    @DisplayName("over ten seconds of steady steps the bar is redrawn about five times a second")
    void redrawsAboutFiveTimesASecond() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = new NotebookProgress(cell, () -> clock.nanos);

        progress.start(1_000, "epochs");
        for (int i = 0; i < 1_000; i++) {
            clock.advanceMillis(10);
            progress.step();
        }
        progress.done();

        assertEquals(51, cell.updates.size(), "50 redraws in 10 s, then the final one");
    }

    @Test
    @DisplayName("the label is escaped in the HTML bar, and an unknown total shows a count")
    void unknownTotalAndEscapedLabel() {
        Cell cell = new Cell();
        NotebookProgress progress = new NotebookProgress(cell, () -> 0L);

        progress.start(0, "<rows>");
        progress.step(42);
        progress.done();

        assertTrue(cell.lastHtml().contains("&lt;rows&gt;"), cell.lastHtml());
        assertTrue(cell.lastText().startsWith("<rows> 42"), cell.lastText());
    }
}
