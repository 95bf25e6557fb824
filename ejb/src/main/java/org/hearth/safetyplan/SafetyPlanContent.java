package org.hearth.safetyplan;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one version of a safety plan says. Kept as one JSON text per version, so a version is read back exactly as
 * it was signed.
 *
 * @param warningSigns the signs that things are getting unsafe, one a line
 * @param members what each participating member does, one line per member
 * @param contacts the family's own people to call (the crisis line 988 and the clinic are always on the plan)
 * @param naloxoneWhere where the emergency nasal spray is kept
 * @param naloxoneTrained the members trained to use it
 * @param leaving the plan for leaving safely, or null (only when the intake screened violence at home)
 */
public record SafetyPlanContent(
        List<String> warningSigns,
        List<MemberPart> members,
        List<Contact> contacts,
        String naloxoneWhere,
        List<Long> naloxoneTrained,
        LeavingSafely leaving)
        implements Serializable {

    /** The sections a change is reported by ("what changed at a glance"), as the pages name them. */
    public enum Section {
        WARNING_SIGNS,
        MEMBERS,
        CONTACTS,
        NALOXONE,
        LEAVING
    }

    /** What one member does when the warning signs show. */
    public record MemberPart(Long memberId, String part) implements Serializable {}

    /** Someone the family calls: a name, how they are related, a phone number. */
    public record Contact(String name, String relation, String phone) implements Serializable {}

    /**
     * The plan for leaving safely: where to go, how to get there, what to take, a code word, who to tell; and
     * whether it is left off the printed copy.
     */
    public record LeavingSafely(
            String whereToGo,
            String howToGetThere,
            String whatToTake,
            String codeWord,
            String whoToTell,
            boolean leftOffPrint)
            implements Serializable {

        boolean isEmpty() {
            return blank(whereToGo) && blank(howToGetThere) && blank(whatToTake) && blank(codeWord) && blank(whoToTell);
        }
    }

    public SafetyPlanContent {
        warningSigns = warningSigns == null ? List.of() : List.copyOf(warningSigns);
        members = members == null ? List.of() : List.copyOf(members);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        naloxoneTrained = naloxoneTrained == null ? List.of() : List.copyOf(naloxoneTrained);
    }

    /**
     * The content as saved: text stripped, blank warning signs and wholly blank lines dropped, an empty leaving
     * part dropped; nothing else changed (the checks see what the counselor typed).
     */
    public SafetyPlanContent cleaned() {
        List<String> signs = new ArrayList<>();
        for (String sign : warningSigns) {
            if (!blank(sign)) {
                signs.add(sign.strip());
            }
        }
        List<MemberPart> parts = new ArrayList<>();
        for (MemberPart p : members) {
            if (p != null && (p.memberId() != null || !blank(p.part()))) {
                parts.add(new MemberPart(p.memberId(), strip(p.part())));
            }
        }
        List<Contact> people = new ArrayList<>();
        for (Contact c : contacts) {
            if (c != null && !(blank(c.name()) && blank(c.relation()) && blank(c.phone()))) {
                people.add(new Contact(strip(c.name()), strip(c.relation()), strip(c.phone())));
            }
        }
        LeavingSafely leavingPart = leaving == null || leaving.isEmpty()
                ? null
                : new LeavingSafely(
                        strip(leaving.whereToGo()),
                        strip(leaving.howToGetThere()),
                        strip(leaving.whatToTake()),
                        strip(leaving.codeWord()),
                        strip(leaving.whoToTell()),
                        leaving.leftOffPrint());
        return new SafetyPlanContent(
                signs,
                parts,
                people,
                strip(naloxoneWhere),
                naloxoneTrained.stream().filter(Objects::nonNull).distinct().toList(),
                leavingPart);
    }

    /** The sections that differ from {@code before} (all of those with content when there was no version before). */
    public List<Section> changedSince(SafetyPlanContent before) {
        List<Section> changed = new ArrayList<>();
        SafetyPlanContent was = before == null ? new SafetyPlanContent(null, null, null, null, null, null) : before;
        if (!warningSigns.equals(was.warningSigns)) {
            changed.add(Section.WARNING_SIGNS);
        }
        if (!members.equals(was.members)) {
            changed.add(Section.MEMBERS);
        }
        if (!contacts.equals(was.contacts)) {
            changed.add(Section.CONTACTS);
        }
        if (!Objects.equals(naloxoneWhere, was.naloxoneWhere) || !naloxoneTrained.equals(was.naloxoneTrained)) {
            changed.add(Section.NALOXONE);
        }
        if (!Objects.equals(leaving, was.leaving)) {
            changed.add(Section.LEAVING);
        }
        return changed;
    }

    /** The content as the JSON text a version keeps. */
    public String toJson() {
        JsonArrayBuilder signs = Json.createArrayBuilder();
        warningSigns.forEach(signs::add);
        JsonArrayBuilder parts = Json.createArrayBuilder();
        for (MemberPart p : members) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            if (p.memberId() != null) {
                o.add("memberId", p.memberId());
            }
            parts.add(add(o, "part", p.part()));
        }
        JsonArrayBuilder people = Json.createArrayBuilder();
        for (Contact c : contacts) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            add(o, "name", c.name());
            add(o, "relation", c.relation());
            people.add(add(o, "phone", c.phone()));
        }
        JsonArrayBuilder trained = Json.createArrayBuilder();
        naloxoneTrained.forEach(trained::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("warningSigns", signs)
                .add("members", parts)
                .add("contacts", people)
                .add("naloxoneTrained", trained);
        add(json, "naloxoneWhere", naloxoneWhere);
        if (leaving != null) {
            JsonObjectBuilder l = Json.createObjectBuilder();
            add(l, "whereToGo", leaving.whereToGo());
            add(l, "howToGetThere", leaving.howToGetThere());
            add(l, "whatToTake", leaving.whatToTake());
            add(l, "codeWord", leaving.codeWord());
            add(l, "whoToTell", leaving.whoToTell());
            l.add("leftOffPrint", leaving.leftOffPrint());
            json.add("leaving", l);
        }
        return json.build().toString();
    }

    /** The content a version kept as {@link #toJson}. */
    public static SafetyPlanContent fromJson(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        List<String> signs = json.getJsonArray("warningSigns").getValuesAs(JsonValue.class).stream()
                .map(v -> ((jakarta.json.JsonString) v).getString())
                .toList();
        List<MemberPart> parts = objects(json.getJsonArray("members")).stream()
                .map(o -> new MemberPart(
                        o.containsKey("memberId") ? o.getJsonNumber("memberId").longValue() : null,
                        o.getString("part", null)))
                .toList();
        List<Contact> people = objects(json.getJsonArray("contacts")).stream()
                .map(o -> new Contact(
                        o.getString("name", null), o.getString("relation", null), o.getString("phone", null)))
                .toList();
        List<Long> trained = json.containsKey("naloxoneTrained")
                ? json.getJsonArray("naloxoneTrained").getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .map(jakarta.json.JsonNumber::longValue)
                        .toList()
                : List.of();
        LeavingSafely leavingPart = null;
        if (json.containsKey("leaving") && json.get("leaving").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject l = json.getJsonObject("leaving");
            leavingPart = new LeavingSafely(
                    l.getString("whereToGo", null),
                    l.getString("howToGetThere", null),
                    l.getString("whatToTake", null),
                    l.getString("codeWord", null),
                    l.getString("whoToTell", null),
                    l.getBoolean("leftOffPrint", false));
        }
        return new SafetyPlanContent(signs, parts, people, json.getString("naloxoneWhere", null), trained, leavingPart);
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonObject.class);
    }

    private static JsonObjectBuilder add(JsonObjectBuilder o, String name, String value) {
        return value == null ? o : o.add(name, value);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
