package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.journal.Stage;

class FontsTest {
    @AfterEach
    void back() {
        Messages.use(null);
    }

    /**
     * A glyph the font lacks is drawn as a box; canDisplayUpTo names the first such character. Needs
     * a font with Persian letters (DejaVu Sans, fonts-dejavu-core) and one with Chinese characters
     * (fonts-wqy-microhei or fonts-noto-cjk): `./mlcycle test` installs them where missing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fa", "zh"})
    @DisplayName("the lifecycle chart's title and stage names in Persian and Chinese get a font with every glyph")
    void chartTitleHasNoMissingGlyphs(String lang, @TempDir Path dir) throws Exception {
        Messages.use(lang);
        XYChart chart;
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.stage(Stage.SCOPING, "start");
            journal.stage(Stage.DATA, "collect");
            journal.stage(Stage.SCOPING, "again");
            chart = journal.stagePath().chart();
        }
        String title = chart.getTitle();
        assertEquals(
                Messages.in(
                        lang,
                        "path.chart.title",
                        Messages.in(lang, "path.moves", 3),
                        Messages.in(lang, "path.loops.one", 1)),
                title);
        int missing = chart.getStyler().getChartTitleFont().canDisplayUpTo(title);
        assertEquals(
                -1,
                missing,
                () -> "the title font " + chart.getStyler().getChartTitleFont().getFontName() + " cannot draw '"
                        + title.substring(missing) + "' (install fonts-dejavu-core and fonts-wqy-microhei)");
        String stage = Stage.MONITORING.title();
        assertEquals(-1, chart.getStyler().getAnnotationTextFont().canDisplayUpTo(stage), stage);
    }
}
