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

    private static NotebookProgress progress(Cell cell, HandClock clock) {
        return new NotebookProgress(cell, () -> clock.nanos, false);
    }

    @Test
    @DisplayName("work done within the first second leaves nothing in the cell")
    void quickWorkShowsNothing() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(3, "reading");
        for (int i = 0; i < 3; i++) {
            clock.advanceMillis(300);
            progress.step(1);
            progress.tick();
        }
        progress.done();

        assertEquals(0, cell.shown.size());
        assertEquals(0, cell.updates.size());
    }

    @Test
    @DisplayName("after a second the bar appears, is redrawn in place under one display id and ends with a done line")
    void redrawsInPlace() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(6, "training");
        for (int i = 0; i < 6; i++) {
            clock.advanceMillis(300);
            progress.step(1);
        }
        progress.done();

        assertEquals(1, cell.shown.size(), "shown once, at 1.2 s");
        assertTrue(((String) cell.shown.get(0).getData(MIMEType.TEXT_PLAIN)).startsWith("training 66% (4/6) 1.2 s"));
        String id = cell.shown.get(0).getDisplayId();
        assertTrue(cell.updatedIds.stream().allMatch(id::equals), "every update targets the first display");
        assertTrue(cell.lastText().startsWith("training 100% (6/6) 1.8 s done"), cell.lastText());
        assertTrue(cell.lastHtml().contains("width:100%"), cell.lastHtml());
    }

    @Test
    @DisplayName("a tight loop of ten thousand steps sends one redraw per quarter second at most")
    void throttlesTightLoops() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(10_000, "resampling");
        clock.advanceMillis(1_000);
        for (int i = 0; i < 10_000; i++) {
            progress.step();
        }
        progress.done();

        assertEquals(1, cell.shown.size());
        assertEquals(1, cell.updates.size(), "only the final state");
        assertTrue(cell.lastText().contains("100% (10,000/10,000)"), cell.lastText());
    }

    @Test
    @DisplayName("over ten seconds of steady steps the bar is redrawn four times a second")
    void redrawsFourTimesASecond() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(1_000, "epochs");
        for (int i = 0; i < 1_000; i++) {
            clock.advanceMillis(10);
            progress.step();
        }
        progress.done();

        assertEquals(1, cell.shown.size(), "first drawn at 1 s");
        assertEquals(36 + 1, cell.updates.size(), "9 s at 4 redraws a second, then the final one");
    }

    @Test
    @DisplayName("work that cannot count its steps still shows a bar with its time moving, from the timer")
    void timerKeepsTimeMoving() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(-1, "training LogisticRegressionTrainer");
        for (int i = 0; i < 12; i++) {
            clock.advanceMillis(250);
            progress.tick();
        }
        progress.done();

        assertEquals(1, cell.shown.size());
        assertEquals(
                "training LogisticRegressionTrainer 1.0 s", cell.shown.get(0).getData(MIMEType.TEXT_PLAIN));
        assertEquals(8 + 1, cell.updates.size(), "1.25 s to 3 s, then done");
        assertEquals("training LogisticRegressionTrainer 3.0 s done", cell.lastText());
    }

    @Test
    @DisplayName("work started under an open bar (the folds of a cross-validation) draws nothing of its own")
    void nestedWorkStaysQuiet() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress outer = progress(cell, clock);
        NotebookProgress inner = progress(cell, clock);

        outer.start(2, "cross-validation");
        inner.start(-1, "training");
        clock.advanceMillis(1_500);
        inner.tick();
        inner.done();
        outer.step(1);
        outer.step(1);
        outer.done();

        assertEquals(1, cell.shown.size());
        assertTrue(cell.lastText().startsWith("cross-validation 100% (2/2)"), cell.lastText());
        NotebookProgress after = progress(cell, clock);
        after.start(1, "next");
        clock.advanceMillis(1_000);
        after.step(1);
        after.done();
        assertEquals(2, cell.shown.size(), "once the outer bar is done, the next work draws its own");
    }

    @Test
    @DisplayName("a bar whose cell has ended stops drawing and frees its place")
    void detachedBarStops() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        boolean[] attached = {true};
        NotebookProgress.Sink sink = new NotebookProgress.Sink() {
            @Override
            public void show(DisplayData data) {
                cell.show(data);
            }

            @Override
            public void update(String id, DisplayData data) {
                cell.update(id, data);
            }

            @Override
            public boolean attached() {
                return attached[0];
            }
        };
        NotebookProgress leaked = new NotebookProgress(sink, () -> clock.nanos, false);
        leaked.start(-1, "never done");
        clock.advanceMillis(1_000);
        leaked.tick();
        attached[0] = false;
        clock.advanceMillis(1_000);
        leaked.tick();

        assertEquals(1, cell.shown.size());
        assertEquals(0, cell.updates.size(), "nothing drawn once the cell is gone");
        NotebookProgress next = progress(cell, clock);
        next.start(1, "next cell");
        clock.advanceMillis(1_000);
        next.step(1);
        next.done();
        assertEquals(2, cell.shown.size(), "the leaked bar does not silence later ones");
    }

    @Test
    @DisplayName("a count past the total shows as the total, at 100%")
    void countPastTotalShowsTheTotal() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(1_000, "reading big.csv");
        clock.advanceMillis(1_000);
        progress.step(1_070);
        progress.done();

        assertTrue(cell.lastText().startsWith("reading big.csv 100% (1,000/1,000)"), cell.lastText());
    }

    @Test
    @DisplayName("the label is escaped in the HTML bar, and an unknown total shows a count")
    void unknownTotalAndEscapedLabel() {
        Cell cell = new Cell();
        HandClock clock = new HandClock();
        NotebookProgress progress = progress(cell, clock);

        progress.start(0, "<rows>");
        clock.advanceMillis(1_000);
        progress.step(42);
        progress.done();

        assertTrue(cell.lastHtml().contains("&lt;rows&gt;"), cell.lastHtml());
        assertTrue(cell.lastText().startsWith("<rows> 42"), cell.lastText());
    }
}
