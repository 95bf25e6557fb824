package org.hearth.plans;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The bag's checklist in its column: the items' codes, in the checklist's order, separated by commas. */
@Converter
public class BagItems implements AttributeConverter<Set<BagItem>, String> {

    @Override
    public String convertToDatabaseColumn(Set<BagItem> items) {
        return items == null || items.isEmpty()
                ? null
                : EnumSet.copyOf(items).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<BagItem> convertToEntityAttribute(String column) {
        EnumSet<BagItem> items = EnumSet.noneOf(BagItem.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(","))
                    .map(String::strip)
                    .filter(code -> Arrays.stream(BagItem.values())
                            .anyMatch(i -> i.name().equals(code)))
                    .forEach(code -> items.add(BagItem.valueOf(code)));
        }
        return items;
    }
}
