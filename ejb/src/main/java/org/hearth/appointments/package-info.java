/**
 * Family appointments: booking a session for a family (who attends, which counselor, which room), moving,
 * cancelling and recording how it went. A booking locks the counselor, the room and the attending members,
 * then looks for overlapping sessions and names each clash it finds.
 */
package org.hearth.appointments;
