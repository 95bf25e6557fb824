package org.hearth.web.view.schedule;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.appointments.AppointmentPage;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.Confirmation;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A day's sessions as a lazy table: the database reads only the page shown (25 of a large clinic's thousands),
 * with the day's total in the same call; in time order, neither sorted nor filtered otherwise.
 */
public class DayDataModel extends LazyDataModel<AppointmentView> {

    private static final long serialVersionUID = 1L;

    private final Appointments appointments;
    private final LocalDate day;

    /** The total the last page came with; null before the first page. */
    private Integer total;

    /** Who confirmed the sessions of the page shown, by session id. */
    private Map<Long, List<Confirmation>> confirmations = Map.of();

    public DayDataModel(Appointments appointments, LocalDate day) {
        this.appointments = appointments;
        this.day = day;
    }

    /** The table asks for the count before each load; the last page's total answers it after the first. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = (int) appointments.dayCount(day);
        }
        return total;
    }

    @Override
    public List<AppointmentView> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        AppointmentPage page = appointments.dayPage(day, first, Math.max(1, Math.min(pageSize, 200)));
        total = (int) page.total();
        setRowCount(total);
        confirmations = page.rows().isEmpty()
                ? Map.of()
                : new HashMap<>(appointments.confirmations(
                        page.rows().stream().map(AppointmentView::id).toList()));
        return page.rows();
    }

    /** The members who confirmed the session for its time ("I'll be there" by a reminder's link), if any. */
    public List<Confirmation> confirmed(AppointmentView row) {
        return confirmations.getOrDefault(row.id(), List.of());
    }

    @Override
    public String getRowKey(AppointmentView row) {
        return String.valueOf(row.id());
    }
}
