package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.ForeignRecords;
import org.hearth.testing.ForeignRecords.Kind;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Keycloak;
import org.hearth.testing.Sql;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every id the API takes, sent by each role for records the caller may not touch: another program's family
 * and its members, sessions, notes, episodes and events, consents, group, group sessions and enrollments. The
 * endpoints are read from the JAX-RS resources themselves (in the EAR under test), so a new endpoint cannot be
 * missed. Each foreign id must be refused, and refused exactly as an id that names no record (same status, same
 * body): an id's existence is never told. No answer may hold the foreign family's name, case number, members'
 * names, group name or note text; no row may change; every 403 is an audit entry.
 *
 * <p>Whose records are foreign depends on the role: to the family program's counselor (Carlos) and supervisor (Sam)
 * of another program everything of program B is; to the front desk (Frida), who works with every family's contacts
 * and schedule, the clinical records are; to the administrator (Ada) every family's records are.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ForeignIdsApiIT {

    /** What the front desk may not read of any family: its clinical records. */
    private static final Set<Kind> CLINICAL = Set.of(
            Kind.NOTE,
            Kind.EPISODE,
            Kind.EVENT,
            Kind.REFERRAL,
            Kind.PLAN_ENTRY,
            Kind.CONSENT,
            Kind.BOUNDARY,
            Kind.BOUNDARY_REVIEW,
            Kind.MEASURE,
            Kind.RAISE);

    private final ApiClient api = ApiClient.overHttp11();
    private final Sql database = Sql.testDatabase();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long tokensAt;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    /** One endpoint: its method, its path template, and where each id goes. */
    private record Endpoint(
            String method,
            String path,
            Map<String, Kind> pathIds,
            Map<String, Kind> queryIds,
            Class<?> body,
            Type bodyType) {

        Set<Kind> kinds() {
            Set<Kind> kinds = new HashSet<>(pathIds.values());
            kinds.addAll(queryIds.values());
            if (body != null) {
                kinds.addAll(bodyKinds(body, bodyType));
            }
            kinds.remove(Kind.CLINIC);
            return kinds;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyForeignIdIsRefusedAsAnIdOfNoRecordNamingNothingStoringNothingAndAudited() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ForeignRecords foreign = ForeignRecords.inAnotherProgram(api, database, suffix);
        Map<Kind, String> missing = ForeignRecords.missing(database, suffix);

        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints read from the resources").hasSizeGreaterThan(70);
        Map<String, Long> rowsBefore = rowCounts();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        int swept = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.kinds().isEmpty()) {
                continue;
            }
            swept++;
            for (String user : List.of("carlos", "sam", "frida", "ada")) {
                if (user.equals("frida") && endpoint.kinds().stream().noneMatch(CLINICAL::contains)) {
                    continue; // the front desk works with every family's contacts, sessions and groups
                }
                if (user.equals("ada")
                        && (endpoint.path().startsWith("staff")
                                || endpoint.path().startsWith("programs"))) {
                    continue; // the administrator manages every staff member and program
                }
                Request theirs = request(endpoint, foreign.ids());
                Request nobodys = request(endpoint, missing);
                long deniedBefore = denied(user);
                HttpResponse<String> toForeign = send(user, endpoint, theirs);
                HttpResponse<String> toMissing = send(user, endpoint, nobodys);
                sent += 2;
                long deniedAfter = denied(user);
                String asked = user + " " + endpoint.method() + " " + theirs.path() + " " + abbreviated(theirs.body());
                if (toForeign.statusCode() < 400) {
                    wrong.add(
                            asked + ": " + toForeign.statusCode() + " (not refused) " + abbreviated(toForeign.body()));
                }
                if (toForeign.statusCode() != toMissing.statusCode()
                        || !normalized(toForeign.body()).equals(normalized(toMissing.body()))) {
                    wrong.add(asked + ": " + toForeign.statusCode() + " " + abbreviated(toForeign.body())
                            + ", but for no record " + toMissing.statusCode() + " " + abbreviated(toMissing.body()));
                }
                for (String secret : foreign.secrets()) {
                    if (toForeign.body().toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
                        wrong.add(asked + ": the answer names " + secret);
                    }
                }
                long refusals = (toForeign.statusCode() == 403 ? 1 : 0) + (toMissing.statusCode() == 403 ? 1 : 0);
                if (deniedAfter - deniedBefore < refusals) {
                    wrong.add(asked + ": " + refusals + " refusals but " + (deniedAfter - deniedBefore)
                            + " denials in the audit trail");
                }
            }
        }

        String figures = swept + " endpoints, " + sent + " requests";
        // the sweep's size, for the README and for whoever reads the run
        Files.writeString(
                java.nio.file.Path.of(System.getProperty("hearth.test.work", "target"), "foreign-id-sweep-api.txt"),
                figures + "\n");
        assertThat(sent).as("requests sent").isGreaterThan(300);
        assertThat(wrong).as("foreign ids not refused as ids of no record").isEmpty();
        assertThat(rowCounts())
                .as("rows per table after the sweep (only the audit trail grows)")
                .isEqualTo(rowsBefore);
    }

    /** One request to send: the path with its query, and the body. */
    private record Request(String path, String body) {}

    private static Request request(Endpoint endpoint, Map<Kind, String> ids) {
        String path = endpoint.path();
        for (Map.Entry<String, Kind> id : endpoint.pathIds().entrySet()) {
            path = path.replace("{" + id.getKey() + "}", ids.get(id.getValue()));
        }
        if (!endpoint.queryIds().isEmpty()) {
            path += endpoint.queryIds().entrySet().stream()
                    .map(q -> q.getKey() + "=" + ids.get(q.getValue()))
                    .collect(Collectors.joining("&", "?", ""));
        }
        String body = endpoint.body() == null ? null : bodyOf(endpoint.body(), endpoint.bodyType(), ids, 0);
        return new Request(path, body);
    }

    private HttpResponse<String> send(String user, Endpoint endpoint, Request request) throws Exception {
        return api.sendWithToken(token(user), endpoint.method(), request.path(), request.body());
    }

    /**
     * The answer with every number put aside, so two answers can be compared: the ids asked for differ, and a
     * small id of one world may stand in the other's text ("from 1 to 5"). Names are checked on their own.
     */
    private static String normalized(String body) {
        return body.replaceAll("\\d+", "#");
    }

    // --- the endpoints, read from the resources in the EAR under test

    private static List<Endpoint> endpoints() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = Files.createTempDirectory("hearth-api-classes");
        WebArchive war = Deployments.hearth().getAsType(WebArchive.class, "hearth-web.war");
        List<String> names = new ArrayList<>();
        for (Map.Entry<ArchivePath, Node> entry : war.getContent().entrySet()) {
            String name = entry.getKey().get();
            if (name.startsWith("/WEB-INF/classes/org/hearth/web/api/") && name.endsWith(".class")) {
                java.nio.file.Path target = classes.resolve(name.substring("/WEB-INF/classes/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = entry.getValue().getAsset().openStream()) {
                    Files.copy(in, target);
                }
                names.add(name.substring("/WEB-INF/classes/".length(), name.length() - ".class".length())
                        .replace('/', '.'));
            }
        }
        List<Endpoint> endpoints = new ArrayList<>();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, ForeignIdsApiIT.class.getClassLoader())) {
            for (String name : names) {
                Class<?> resource = loader.loadClass(name);
                Path root = resource.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : resource.getDeclaredMethods()) {
                    String verb = verbOf(method);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = trim(root.value()) + (sub == null ? "" : "/" + trim(sub.value()));
                    Map<String, Kind> pathIds = new TreeMap<>();
                    Map<String, Kind> queryIds = new TreeMap<>();
                    Class<?> body = null;
                    Type bodyType = null;
                    for (Parameter parameter : method.getParameters()) {
                        PathParam inPath = parameter.getAnnotation(PathParam.class);
                        QueryParam inQuery = parameter.getAnnotation(QueryParam.class);
                        if (inPath != null) {
                            pathIds.put(inPath.value(), kindInPath(path, inPath.value()));
                        } else if (inQuery != null) {
                            Kind kind = kindOfName(inQuery.value());
                            if (kind != null) {
                                queryIds.put(inQuery.value(), kind);
                            }
                        } else if (parameter.getAnnotations().length == 0) {
                            body = parameter.getType();
                            bodyType = parameter.getParameterizedType();
                        }
                    }
                    endpoints.add(new Endpoint(verb, path, pathIds, queryIds, body, bodyType));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static String verbOf(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** An id in the path: named by the collection before it ("groups/{id}") or by its own name ("{memberId}"). */
    private static Kind kindInPath(String path, String name) {
        Kind byName = kindOfName(name);
        if (byName != null && !name.equals("id")) {
            return byName;
        }
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("{" + name + "}")) {
                Kind kind = kindOfCollection(parts[i - 1]);
                if (kind == null) {
                    throw new IllegalStateException("the sweep does not know what " + path + " names: teach it");
                }
                return kind;
            }
        }
        throw new IllegalStateException(name + " is not in " + path);
    }

    private static Kind kindOfCollection(String collection) {
        return switch (collection) {
            case "families" -> Kind.FAMILY;
            case "appointments" -> Kind.APPOINTMENT;
            case "notes" -> Kind.NOTE;
            case "episodes" -> Kind.EPISODE;
            case "events" -> Kind.EVENT;
            case "referrals" -> Kind.REFERRAL;
            case "shortlist" -> Kind.PLAN_ENTRY;
            case "consents" -> Kind.CONSENT;
            case "boundaries" -> Kind.BOUNDARY;
            case "boundary-reviews" -> Kind.BOUNDARY_REVIEW;
            case "measures" -> Kind.MEASURE;
            case "safety-flags" -> Kind.RAISE;
                // a safety plan's version number and a handout's topic name no record: the family in the path does
            case "versions", "handouts" -> Kind.CLINIC;
            case "accounting", "members" -> Kind.MEMBER;
            case "groups" -> Kind.GROUP;
            case "group-sessions" -> Kind.GROUP_SESSION;
            case "enrollments" -> Kind.ENROLLMENT;
            case "programs" -> Kind.PROGRAM;
            case "staff" -> Kind.STAFF;
                // the directory's providers are the whole clinic's: every staff role reads them
            case "rooms", "closures", "providers" -> Kind.CLINIC;
                // issue 25, resources: the community-resource directory is the whole clinic's too
            case "resources" -> Kind.CLINIC;
            default -> null;
        };
    }

    /** An id named in a query or a body: what record it names, or null for a value that is not an id. */
    private static Kind kindOfName(String name) {
        return switch (name) {
            case "family", "familyId" -> Kind.FAMILY;
            case "memberId", "memberIds", "members" -> Kind.MEMBER;
            case "appointmentId", "session" -> Kind.APPOINTMENT;
            case "noteId" -> Kind.NOTE;
            case "episodeId" -> Kind.EPISODE;
            case "eventId", "offerEventId" -> Kind.EVENT;
            case "consentId" -> Kind.CONSENT;
            case "boundaryId" -> Kind.BOUNDARY;
            case "groupId" -> Kind.GROUP;
            case "enrollmentId" -> Kind.ENROLLMENT;
            case "program", "programId" -> Kind.PROGRAM;
            case "counselor", "counselorUsername", "facilitatorUsernames" -> Kind.COUNSELOR;
            case "roomId" -> Kind.CLINIC;
            default -> null;
        };
    }

    /** The kinds of id a body type holds, one level of records deep (a list's elements included). */
    private static Set<Kind> bodyKinds(Class<?> type, Type generic) {
        Set<Kind> kinds = new HashSet<>();
        Class<?> record = elementRecord(type, generic);
        if (record != null) {
            for (RecordComponent component : record.getRecordComponents()) {
                Kind kind = kindOfName(component.getName());
                if (kind != null && kind != Kind.COUNSELOR) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    private static Class<?> elementRecord(Class<?> type, Type generic) {
        if (type.isRecord()) {
            return type;
        }
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof Class<?> c && c.isRecord()) {
                return c;
            }
        }
        return null;
    }

    /**
     * A body a client could well send: each id of its kind, and the other fields filled with sound values (text,
     * the version read, a date ahead, the first of an enum), so that the request reaches the access rules.
     */
    private static String bodyOf(Class<?> type, Type generic, Map<Kind, String> ids, int depth) {
        if (Collection.class.isAssignableFrom(type)) {
            Type element = generic instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : String.class;
            Class<?> raw = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
            return "[" + bodyOf(raw, element, ids, depth + 1) + "]";
        }
        if (type.isRecord() && depth < 3) {
            StringBuilder body = new StringBuilder("{");
            for (RecordComponent component : type.getRecordComponents()) {
                if (body.length() > 1) {
                    body.append(", ");
                }
                body.append('"').append(component.getName()).append("\": ");
                Kind kind = kindOfName(component.getName());
                if (kind != null && kind != Kind.COUNSELOR) {
                    String id = ids.get(kind);
                    body.append(Collection.class.isAssignableFrom(component.getType()) ? "[" + id + "]" : id);
                } else if (component.getName().equals("version")) {
                    body.append("0");
                } else {
                    body.append(bodyOf(component.getType(), component.getGenericType(), ids, depth + 1));
                }
            }
            return body.append('}').toString();
        }
        if (type == String.class) {
            return "\"A reason of some length\"";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "50";
        }
        if (type == LocalDate.class) {
            return "\"" + LocalDate.now(ClinicTime.zone()).plusDays(9) + "\"";
        }
        if (type == LocalDateTime.class) {
            return "\""
                    + LocalDate.now(ClinicTime.zone())
                            .plusWeeks(2)
                            .with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                            .atTime(10, 0)
                    + "\"";
        }
        if (type == LocalTime.class) {
            return "\"10:00\"";
        }
        if (type.isEnum()) {
            return "\"" + type.getEnumConstants()[0] + "\"";
        }
        return "{}";
    }

    // --- the database

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (List<String> table : database.query("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                + " and table_name not in ('audit_entry', 'audit_chain_head', 'flyway_schema_history')")) {
            String name = table.get(0);
            counts.put(name, Long.parseLong(first("select count(*) from \"" + name + "\"")));
        }
        return counts;
    }

    private long denied(String user) {
        return Long.parseLong(
                first("select count(*) from audit_entry where username = ? and outcome = 'DENIED'", user));
    }

    private String unusedId(String table) {
        return first("select coalesce(max(id), 0) + 1000000 from " + table);
    }

    private String first(String sql, String... parameters) {
        return database.query(sql, parameters).get(0).get(0);
    }

    /** A token per user, renewed before Keycloak's five minutes run out. */
    private String token(String user) {
        if (System.currentTimeMillis() - tokensAt > 120_000) {
            tokens.clear();
            tokensAt = System.currentTimeMillis();
        }
        return tokens.computeIfAbsent(user, Keycloak::accessTokenOf);
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "(no body)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }
}
