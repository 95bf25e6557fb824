package org.hearth.report;

import java.io.Serializable;

/**
 * Arrivals into treatment at one provider of the directory through referrals. The provider is not a family: its
 * name is shown.
 */
public record ProviderEntries(long providerId, String providerName, long arrivals) implements Serializable {}
