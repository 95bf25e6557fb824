package org.hearth.family;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** The intake cannot be completed yet: it names every field still missing. Nothing is changed. */
@ApplicationException(rollback = true)
public class IntakeIncompleteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<IntakeForm.Missing> missing;

    public IntakeIncompleteException(List<IntakeForm.Missing> missing) {
        super("the intake is not complete: " + missing.size() + " answers are missing");
        this.missing = List.copyOf(missing);
    }

    public List<IntakeForm.Missing> getMissing() {
        return missing;
    }
}
