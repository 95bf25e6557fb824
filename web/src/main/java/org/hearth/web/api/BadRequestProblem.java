package org.hearth.web.api;

/** A request parameter the resource itself cannot read (a malformed date): 400 naming the parameter. */
public class BadRequestProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadRequestProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
