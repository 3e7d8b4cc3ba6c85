package org.mlcycle.toolkit.i18n;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Fonts that can draw a chart's words in Persian and Chinese. Java's logical SansSerif font falls
 * back on the fonts fontconfig knows, which covers Persian with DejaVu Sans and Chinese once a CJK
 * font (Debian's fonts-wqy-microhei or fonts-noto-cjk, which the launcher installs) is present; where
 * it still cannot draw a string, {@link #covering} looks for an installed family that can, so a title
 * never turns into boxes while a font that could draw it is installed.
 */
public final class Fonts {
    /** Families tried first, in order, before every installed family. */
    private static final List<String> PREFERRED = List.of(
            "Vazirmatn", "DejaVu Sans", "Noto Sans Arabic", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans");

    private Fonts() {}

    /** {@code base} if it draws all of {@code text}, else the same style and size in a family that does (or base). */
    public static Font covering(Font base, String text) {
        if (text == null || text.isEmpty() || base.canDisplayUpTo(text) == -1) {
            return base;
        }
        List<String> families = new ArrayList<>(PREFERRED);
        families.addAll(
                List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        for (String family : families) {
            Font font = new Font(family, base.getStyle(), base.getSize());
            if (font.getFamily().equals(family) && font.canDisplayUpTo(text) == -1) {
                return font.deriveFont(base.getSize2D());
            }
        }
        return base;
    }

    /**
     * Gives the chart's title, axis titles, legend and annotations fonts that can draw their text
     * (the series names, the axis titles and {@code extra}, such as annotation text): a chart drawn
     * in the learner's language shows letters, not boxes.
     */
    public static void fit(Chart<?, ?> chart, String... extra) {
        Styler styler = chart.getStyler();
        StringBuilder all = new StringBuilder(chart.getTitle() == null ? "" : chart.getTitle());
        all.append(chart.getXAxisTitle() == null ? "" : chart.getXAxisTitle());
        all.append(chart.getYAxisTitle() == null ? "" : chart.getYAxisTitle());
        chart.getSeriesMap().keySet().forEach(all::append);
        for (String e : extra) {
            all.append(e);
        }
        String text = all.toString();
        styler.setChartTitleFont(covering(styler.getChartTitleFont(), text));
        styler.setLegendFont(covering(styler.getLegendFont(), text));
        styler.setAnnotationTextFont(covering(styler.getAnnotationTextFont(), text));
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTitleFont(covering(axes.getAxisTitleFont(), text));
            axes.setAxisTickLabelsFont(covering(axes.getAxisTickLabelsFont(), text));
        }
    }
}
