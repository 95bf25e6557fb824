package org.hearth.web.view.providers;

import jakarta.faces.convert.EnumConverter;
import jakarta.faces.convert.FacesConverter;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;

/** Converters for the directory's enum lists (a List's element type is not known to Faces at run time). */
final class ProviderConverters {

    private ProviderConverters() {}

    @FacesConverter("hearth.LevelOfCare")
    public static class LevelOfCareConverter extends EnumConverter {
        public LevelOfCareConverter() {
            super(LevelOfCare.class);
        }
    }

    @FacesConverter("hearth.OudMedication")
    public static class OudMedicationConverter extends EnumConverter {
        public OudMedicationConverter() {
            super(OudMedication.class);
        }
    }

    @FacesConverter("hearth.Payment")
    public static class PaymentConverter extends EnumConverter {
        public PaymentConverter() {
            super(Payment.class);
        }
    }

    @FacesConverter("hearth.Population")
    public static class PopulationConverter extends EnumConverter {
        public PopulationConverter() {
            super(Population.class);
        }
    }
}
