/**
 * Today's schedule at the front desk, and what several schedule pages share (the quarter hours a session may
 * start at). Booking a family's session is under families, the week under calendar, as their pages are.
 */
package org.hearth.web.view.schedule;
