/** Pages of the schedule: booking a family session, today's schedule at the front desk. */
package org.hearth.web.view.schedule;
