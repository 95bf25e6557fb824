package org.hearth.report;

import java.io.Serializable;
import java.util.List;

/**
 * The records behind one figure. De-identified, each row is a number and the kind of record; identified (asked
 * for, and audited), each also names its family by case number and name.
 *
 * @param figure the figure listed
 * @param key what its key named (a month, a reason...), or null
 * @param recordKind what each row is: an episode, a session, a family...
 * @param rows the records, in the order they were counted
 * @param identified whether the rows name their families
 */
public record FigureList(ReportFigure figure, String key, String recordKind, List<Row> rows, boolean identified)
        implements Serializable {

    /** One record: its place in the list and - identified - its family. */
    public record Row(int number, Long familyId, String caseNumber, String familyName) implements Serializable {}
}
