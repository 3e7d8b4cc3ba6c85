package org.mlcycle.magics.render;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Shows every toolkit result through its own forms: {@link Rendered#toHtml()} in a notebook,
 * {@link Rendered#toText()} in a console. One registration for the interface covers every result
 * type, present and future.
 */
public final class RenderedRenderer {
    private RenderedRenderer() {}

    /** Registers the renderer for {@link Rendered}: {@code text/html} preferred, {@code text/plain} always. */
    public static void register(Renderer renderer) {
        renderer.createRegistration(Rendered.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(RenderedRenderer::render);
    }

    private static void render(Rendered result, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, result::toHtml);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, result::toText);
    }
}
