/**
 * The ready plan of an engagement episode: what the loved one needs, a shortlist of treatment providers with
 * the family's interview answers, slot and pre-authorization, and transport, who goes along and the bag - so
 * that treatment is ready when the loved one says yes. It reads the provider directory; it never changes it.
 */
package org.hearth.plans;
