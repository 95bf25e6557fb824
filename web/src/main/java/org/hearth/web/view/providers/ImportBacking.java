package org.hearth.web.view.providers;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;
import org.hearth.providers.ImportPreview;
import org.hearth.providers.ImportProblem;
import org.hearth.providers.ImportResult;
import org.hearth.providers.Providers;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * providers/import.xhtml (supervisors and administrators): a treatment-locator file is uploaded, previewed row by
 * row (what each row creates or updates, or its problems by row and column), and imported only when no row has a
 * problem, all in one transaction. The file previewed is the file imported: the page keeps its text.
 */
@Named("providersImportBacking")
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest file read (web.xml lets no bigger one through either). */
    private static final long LARGEST_FILE = 5L * 1024 * 1024;

    @EJB
    private Providers providers;

    private transient Part file;
    private String fileName;
    private String csv;
    private ImportPreview preview;
    private ImportResult result;

    /** Reads the uploaded file and shows what importing it would do; nothing is saved. */
    public void previewFile() {
        result = null;
        preview = null;
        csv = null;
        if (file == null || file.getSize() == 0) {
            Confirmations.show("providers.import.chooseFile");
            return;
        }
        if (file.getSize() > LARGEST_FILE) {
            Confirmations.show("providers.import.tooBig");
            return;
        }
        fileName = file.getSubmittedFileName();
        byte[] content;
        try {
            content = file.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            csv = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // spreadsheets on Windows save CSV in their own code page: read it as such rather than refuse it
            csv = new String(content, java.nio.charset.Charset.forName("windows-1252"));
        }
        try {
            preview = providers.previewImport(csv);
        } catch (RuntimeException e) {
            csv = null;
            Failures.show(e, "upload-form", Map.of());
        }
    }

    /** Imports the file previewed, all or nothing. */
    public void importFile() {
        try {
            result = providers.importProviders(csv);
            Confirmations.show("providers.import.done", result.created(), result.updated());
            preview = null;
            csv = null;
        } catch (RuntimeException e) {
            Failures.show(e, "upload-form", Map.of());
            // the file is read again: someone may have changed the directory since the preview
            preview = csv == null ? null : providers.previewImport(csv);
        }
    }

    /** A problem in the page's language: the row and column it is about, then what is wrong. */
    public String problemText(ImportProblem problem) {
        return problem.reason().text(Failures.validationMessages(FacesContext.getCurrentInstance()));
    }

    /** "Import 25 providers". */
    public String getImportLabel() {
        return MessageFormat.format(
                i18n().getString("providers.import.go"), preview.rows().size());
    }

    /** "Column zip", or "Whole row" for a problem of the row as a whole. */
    public String columnLabel(ImportProblem problem) {
        return problem.column() == null
                ? i18n().getString("providers.import.wholeRow")
                : MessageFormat.format(i18n().getString("providers.import.column"), problem.column());
    }

    private static ResourceBundle i18n() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "i18n");
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public ImportPreview getPreview() {
        return preview;
    }

    public ImportResult getResult() {
        return result;
    }
}
