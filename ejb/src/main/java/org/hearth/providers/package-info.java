/**
 * The treatment-provider directory: the programs a loved one can be referred to, with their levels of care,
 * medications for opioid use disorder, payment, languages and populations, kept by supervisors and
 * administrators and read by all staff. It holds no family's data.
 */
package org.hearth.providers;
