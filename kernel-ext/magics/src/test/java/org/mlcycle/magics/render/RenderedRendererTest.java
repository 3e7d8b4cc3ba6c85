package org.mlcycle.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.magics.MlcycleExtension;
import org.mlcycle.toolkit.report.Rendered;

class RenderedRendererTest {

    /** A result type the renderer has never heard of. */
    record Verdict(String word) implements Rendered {
        @Override
        public String toText() {
            return "verdict: " + word;
        }

        @Override
        public String toHtml() {
            return "<b>" + word + "</b>";
        }

        @Override
        public Map<String, Object> toRecord() {
            return Map.of("verdict", word);
        }
    }

    @Test
    @DisplayName("any toolkit result shows its own HTML in a notebook and its own text in a console")
    void renderedResultsShowTheirForms() {
        Renderer renderer = new Renderer();
        MlcycleExtension.renderers(renderer);

        DisplayData data = renderer.render(new Verdict("drifted"));

        assertEquals("<b>drifted</b>", data.getData(MIMEType.TEXT_HTML));
        assertEquals("verdict: drifted", data.getData(MIMEType.TEXT_PLAIN));
    }
}
