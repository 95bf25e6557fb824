package org.hearth.printing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A PDF laid out from an XHTML template by openhtmltopdf. The template (a resource beside the class that owns it)
 * is read with jsoup; the caller fills it through jsoup's DOM, whose {@code text()} escapes every value, so no
 * value from a record can add markup. Text is set in the Liberation Sans that PDFBox carries, embedded, so any
 * name prints as typed and the text can be searched and copied.
 */
public final class PrintedPdf {

    /** The font family the templates' CSS names. */
    public static final String FONT = "Liberation Sans";

    private static final String FONT_FILE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PrintedPdf() {}

    /** The template {@code name} beside {@code owner}, as a document to fill. */
    public static Document template(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the template " + name + " is missing beside " + owner.getName());
            }
            return Jsoup.parse(in, StandardCharsets.UTF_8.name(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("the template " + name + " could not be read", e);
        }
    }

    /**
     * Sets {@code element}'s text to {@code value}, escaped, and returns the element; control characters other than
     * line breaks (which XML cannot carry) become spaces, and null an empty text.
     */
    public static Element text(Element element, String value) {
        StringBuilder printable = new StringBuilder();
        if (value != null) {
            value.codePoints()
                    .forEach(c -> printable.appendCodePoint(c != '\n' && Character.isISOControl(c) ? ' ' : c));
        }
        return element.text(printable.toString());
    }

    /** The filled document as a PDF, written to {@code out}; {@code title} becomes the PDF's title. */
    public static void write(Document filled, String title, OutputStream out) throws IOException {
        filled.title(title);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFont(() -> PDDocument.class.getResourceAsStream(FONT_FILE), FONT);
        builder.withW3cDocument(new W3CDom().fromJsoup(filled), "");
        builder.toStream(out);
        builder.run();
    }

    /** As {@link #write}, the bytes. */
    public static byte[] bytes(Document filled, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(filled, title, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }
}
