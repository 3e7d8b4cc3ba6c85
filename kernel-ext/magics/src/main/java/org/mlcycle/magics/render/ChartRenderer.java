package org.mlcycle.magics.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mlcycle.toolkit.i18n.Fonts;

/**
 * Shows an XChart chart as a PNG at the chart's own size, or as SVG when asked for
 * ({@code display(chart, "image/svg+xml")}): SVG stays sharp when zoomed but is larger for charts
 * with many points. The {@code text/plain} form names the chart, its title and size.
 */
public final class ChartRenderer {
    private ChartRenderer() {}

    /** Registers the renderer for every XChart {@link Chart}: PNG preferred, SVG on request. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((chart, context) -> render((Chart<?, ?>) chart, context));
    }

    private static void render(Chart<?, ?> chart, RenderContext context) {
        Fonts.fit(chart); // titles in Persian or Chinese: a font that draws them, not boxes
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
        context.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg(chart));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(chart));
    }

    /** The chart as base64 PNG, as Jupyter's {@code image/png} expects. */
    static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder()
                    .encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "chart: PNG encoding of '" + chart.getTitle() + "' failed: " + e.getMessage(), e);
        }
    }

    /** The chart as an SVG document. */
    static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "chart: SVG encoding of '" + chart.getTitle() + "' failed: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String text(Chart<?, ?> chart) {
        String title =
                chart.getTitle() == null || chart.getTitle().isBlank() ? "untitled" : "'" + chart.getTitle() + "'";
        return String.format(
                Locale.ROOT,
                "%s %s, %d×%d px",
                chart.getClass().getSimpleName(),
                title,
                chart.getWidth(),
                chart.getHeight());
    }
}
