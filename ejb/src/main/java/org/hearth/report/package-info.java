/**
 * Program reports: the program's figures (outcomes, service volume, caseloads, MI fidelity), each computed by one
 * SQL aggregate in the database, and the list of records behind each figure. Never loads rows into Java to count
 * them, and never decides who may read a figure: the service calling it applies the access rules.
 */
package org.hearth.report;
