package org.mlcycle.kernel;

import java.net.URI;
import java.net.URL;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * A {@link URL} or {@link URI} value shows as a link that opens in a new tab (jjava-jupyter gave
 * an empty {@code <a>}), and as its text in a console.
 */
final class LinkRenderer {
    private LinkRenderer() {}

    static void register(Renderer renderer) {
        for (Class<?> type : new Class<?>[] {URL.class, URI.class}) {
            renderer.createRegistration(type)
                    .preferring(MIMEType.TEXT_HTML)
                    .supporting(MIMEType.TEXT_PLAIN)
                    .register(LinkRenderer::render);
        }
    }

    private static void render(Object link, RenderContext context) {
        String text = link.toString();
        context.renderIfRequested(
                MIMEType.TEXT_HTML,
                () -> "<a href=\"" + escape(text) + "\" target=\"_blank\" rel=\"noopener\">" + escape(text) + "</a>");
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
