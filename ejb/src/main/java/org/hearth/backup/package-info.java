/**
 * {@code ./hearth backup} and {@code ./hearth restore}: a logical copy of the whole database, taken in one
 * snapshot over JDBC, into one file that says what it holds and lets a restore prove it whole; and its restore
 * into an empty database only, never over records that are there. Never changes a database it backs up.
 */
package org.hearth.backup;
