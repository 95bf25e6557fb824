package org.hearth.report;

import java.io.Serializable;

/**
 * How many family members wait for a place in one support group now.
 *
 * @param groupId the support group
 * @param groupName its name
 * @param waiting members on its waitlist
 */
public record GroupWaitlist(long groupId, String groupName, long waiting) implements Serializable {}
