/**
 * Community resources (issue 25): the directory of mutual-help groups, online meetings, naloxone pick-up, syringe
 * services, crisis lines and community groups, kept by supervisors and administrators and read by all staff; and
 * the resources a counselor gives to a family, each an event on the family's record, with a neutral printed sheet.
 * The directory holds no family's data, and the sheet must never name a family member, a loved one, a diagnosis, a
 * substance, the program or a case number.
 */
package org.hearth.resources;
