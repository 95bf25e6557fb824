package org.hearth.web.view.families;

import jakarta.faces.convert.EnumConverter;
import jakarta.faces.convert.FacesConverter;
import org.hearth.family.Route;
import org.hearth.family.Substance;

/** Converters for enum lists (a List's element type is not known to Faces at run time). */
final class EnumConverters {

    private EnumConverters() {}

    @FacesConverter("hearth.Substance")
    public static class SubstanceConverter extends EnumConverter {
        public SubstanceConverter() {
            super(Substance.class);
        }
    }

    @FacesConverter("hearth.Route")
    public static class RouteConverter extends EnumConverter {
        public RouteConverter() {
            super(Route.class);
        }
    }
}
