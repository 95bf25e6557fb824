package org.hearth.web.view.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The start times the forms offer: the quarter hours from 07:00 to 20:45. The clinic's rules (opening
 * hours of that day) decide which of them can be booked.
 */
public final class QuarterHours {

    private static final List<String> TIMES = times();

    private QuarterHours() {}

    public static List<String> all() {
        return TIMES;
    }

    private static List<String> times() {
        List<String> times = new ArrayList<>();
        for (LocalTime t = LocalTime.of(7, 0); !t.isAfter(LocalTime.of(20, 45)); t = t.plusMinutes(15)) {
            times.add(t.toString());
        }
        return List.copyOf(times);
    }
}
