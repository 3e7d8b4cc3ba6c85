package org.mlcycle.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartRendererTest {
    private final Renderer renderer = new Renderer();

    ChartRendererTest() {
        org.mlcycle.magics.MlcycleExtension.renderers(renderer);
    }

    private static XYChart line() {
        XYChart chart = new XYChartBuilder()
                .width(480)
                .height(320)
                .title("bids over time")
                .build();
        chart.addSeries("bid", new double[] {1, 2, 3, 4}, new double[] {0.5, 0.7, 0.4, 0.9});
        return chart;
    }

    @Test
    @DisplayName("an XY chart shows as a PNG of the chart's own size")
    void xyChartIsPng() throws IOException {
        DisplayData data = renderer.render(line());

        String png = (String) data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(png, "image/png is the preferred form");
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertEquals(480, image.getWidth());
        assertEquals(320, image.getHeight());
        assertFalse(data.hasDataForType(MIMEType.IMAGE_SVG), "no SVG unless asked for");
        assertEquals("XYChart 'bids over time', 480×320 px", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    @DisplayName("any XChart chart type is covered, a bar chart included")
    void categoryChartIsPng() throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(300).height(200).build();
        chart.addSeries("clicks", java.util.List.of("mon", "tue"), java.util.List.of(3, 5));

        String png = (String) renderer.render(chart).getData(MIMEType.IMAGE_PNG);

        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertEquals(300, image.getWidth());
    }

    @Test
    @DisplayName("asking for image/svg+xml gives an SVG document with the title in it and no PNG")
    void svgOnRequest() {
        DisplayData data = renderer.renderAs(line(), "image/svg+xml");

        String svg = (String) data.getData(MIMEType.IMAGE_SVG);
        assertNotNull(svg);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("480") && svg.contains("320"), "the chart's size");
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
    }
}
