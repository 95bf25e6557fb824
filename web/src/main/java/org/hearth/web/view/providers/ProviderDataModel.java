package org.hearth.web.view.providers;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.hearth.providers.ProviderPage;
import org.hearth.providers.ProviderQuery;
import org.hearth.providers.ProviderView;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The directory as a lazy table: each page is searched and filtered by the database through the directory service,
 * which answers a page's rows and the whole search's total in one call. The filters are the page's own fields.
 */
public class ProviderDataModel extends LazyDataModel<ProviderView> {

    private static final long serialVersionUID = 1L;

    /** Where the pages come from. */
    public interface Source extends Function<ProviderQuery, ProviderPage>, Serializable {}

    /** Which entries the list shows. */
    public enum Shown {
        IN_USE,
        RETIRED,
        ALL
    }

    private final Source source;
    private String text;
    private LevelOfCare levelOfCare;
    private OudMedication medication;
    private Payment payment;
    private String language;
    private Population population;
    private boolean coOccurringOnly;
    private boolean staleOnly;
    private Shown shown = Shown.IN_USE;

    /** The total the last page came with; null when a filter has changed since. */
    private Integer total;

    public ProviderDataModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            total = (int) source.apply(query(0, 1)).total();
        }
        return total;
    }

    @Override
    public List<ProviderView> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        ProviderPage page = source.apply(query(first, pageSize));
        total = (int) page.total();
        setRowCount(total);
        return page.rows();
    }

    @Override
    public String getRowKey(ProviderView row) {
        return String.valueOf(row.id());
    }

    ProviderQuery query(int first, int pageSize) {
        Boolean active =
                switch (shown) {
                    case IN_USE -> true;
                    case RETIRED -> false;
                    case ALL -> null;
                };
        return new ProviderQuery(
                text,
                levelOfCare,
                medication,
                payment,
                language,
                population,
                coOccurringOnly ? Boolean.TRUE : null,
                staleOnly,
                active,
                first,
                pageSize);
    }

    /** Counts again on the next render. */
    public void changed() {
        total = null;
    }

    private <T> T set(T old, T value) {
        if (!Objects.equals(old, value)) {
            total = null;
        }
        return value;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = set(this.text, text == null || text.isBlank() ? null : text.strip());
    }

    public LevelOfCare getLevelOfCare() {
        return levelOfCare;
    }

    public void setLevelOfCare(LevelOfCare levelOfCare) {
        this.levelOfCare = set(this.levelOfCare, levelOfCare);
    }

    public OudMedication getMedication() {
        return medication;
    }

    public void setMedication(OudMedication medication) {
        this.medication = set(this.medication, medication);
    }

    public Payment getPayment() {
        return payment;
    }

    public void setPayment(Payment payment) {
        this.payment = set(this.payment, payment);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = set(this.language, language == null || language.isBlank() ? null : language);
    }

    public Population getPopulation() {
        return population;
    }

    public void setPopulation(Population population) {
        this.population = set(this.population, population);
    }

    public boolean isCoOccurringOnly() {
        return coOccurringOnly;
    }

    public void setCoOccurringOnly(boolean coOccurringOnly) {
        this.coOccurringOnly = set(this.coOccurringOnly, coOccurringOnly);
    }

    public boolean isStaleOnly() {
        return staleOnly;
    }

    public void setStaleOnly(boolean staleOnly) {
        this.staleOnly = set(this.staleOnly, staleOnly);
    }

    public Shown getShown() {
        return shown;
    }

    public void setShown(Shown shown) {
        this.shown = set(this.shown, shown == null ? Shown.IN_USE : shown);
    }

    /** Clears every filter. */
    public void clear() {
        text = null;
        levelOfCare = null;
        medication = null;
        payment = null;
        language = null;
        population = null;
        coOccurringOnly = false;
        staleOnly = false;
        shown = Shown.IN_USE;
        total = null;
    }
}
