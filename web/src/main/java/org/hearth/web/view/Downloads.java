package org.hearth.web.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Answers a non-AJAX action with a file instead of a page (an export, a disclosure), and ends the response. */
public final class Downloads {

    /** Writes the file's content to the response. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private Downloads() {}

    public static void send(String mediaType, String fileName, Content content) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(mediaType);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try (OutputStream out = external.getResponseOutputStream()) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
