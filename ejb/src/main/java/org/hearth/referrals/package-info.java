/**
 * Referrals tracked to arrival: an accepted treatment offer turned into a referral to one provider of the directory,
 * followed step by step (provider contacted, intake booked, warm hand-off, transport) until the loved one arrives or
 * does not. Same access as the episode it belongs to: never the front desk.
 */
package org.hearth.referrals;
