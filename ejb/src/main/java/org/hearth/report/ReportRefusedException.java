package org.hearth.report;

import jakarta.ejb.ApplicationException;

/** A report or list asked for in a way that cannot be answered (a key that does not fit the figure). */
@ApplicationException(rollback = true)
public class ReportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRefusedException(String message) {
        super(message);
    }
}
