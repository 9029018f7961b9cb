package io.sealpost.portal;

import io.sealpost.notify.Templates;
import java.nio.ByteBuffer;
import org.apache.camel.component.jetty.JettyHttpComponent;
import org.apache.camel.component.jetty12.JettyHttpComponent12;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty the portal runs on. Requests outside the URL map (an unknown path, a GET where only
 * POST is mapped, a request Jetty cannot parse) never reach the portal bean; Jetty answers them
 * itself, and here with the portal's own pages and security headers instead of its default
 * error page, and without announcing its version.
 */
public final class PortalJetty {

    private PortalJetty() {
    }

    public static JettyHttpComponent component(Templates templates) {
        JettyHttpComponent12 jetty = new JettyHttpComponent12();
        jetty.setSendServerVersion(false);
        jetty.setErrorHandler(new PortalErrorPages(new PortalPages(templates)));
        return jetty;
    }

    private static final class PortalErrorPages extends ErrorHandler {

        private final PortalPages pages;

        PortalErrorPages(PortalPages pages) {
            this.pages = pages;
            setShowStacks(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                        Callback callback) {
            HttpReply reply = switch (status) {
                case 404 -> pages.linkInvalid();
                case 405 -> pages.problem(405, "Bad request", "This address cannot be used that way.", null);
                default -> status >= 500
                        ? pages.problem(status, "Something went wrong", "Something went wrong on our side. Please try again in a moment.", null)
                        : pages.problem(status, "Bad request", "The browser sent a request the portal does not understand.", null);
            };
            response.setStatus(reply.status());
            reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.getHeaders().put("Content-Type", reply.contentType());
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        }
    }
}
