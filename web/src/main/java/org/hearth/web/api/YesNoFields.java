package org.hearth.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.hearth.security.Invalid;

/**
 * Refuses a request body whose yes/no field holds anything but {@code true}, {@code false} or {@code null}, or
 * whose text field holds a yes/no.
 * JSON-B reads a string there with {@code Boolean.parseBoolean} and a number as it likes, so {@code "yes"} or
 * a typo quietly became "no" - and changed a record - instead of being refused. The body is checked against
 * the record it is read into (nested records and lists of them too), then read as before.
 */
@Provider
public class YesNoFields implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            JsonValue json;
            try {
                json = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                        .readValue();
            } catch (JsonException notJson) {
                json = null; // JSON-B refuses it next, as before
            }
            if (json != null) {
                check(json, context.getGenericType(), "");
            }
        }
        InputStream again = new ByteArrayInputStream(body);
        context.setInputStream(again);
        return context.proceed();
    }

    /** Throws (a 400 for the API) where a yes/no field of the type holds anything but true, false or null. */
    static void check(JsonValue json, Type type, String path) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == boolean.class || raw == Boolean.class) {
            if (json.getValueType() != JsonValue.ValueType.TRUE && json.getValueType() != JsonValue.ValueType.FALSE) {
                throw new Invalid(
                        Invalid.Subject.REQUEST,
                        Invalid.Reason.written(
                                path.isEmpty() ? "body" : path,
                                (path.isEmpty() ? "The value" : path) + " takes true or false."));
            }
        } else if (raw == String.class
                && (json.getValueType() == JsonValue.ValueType.TRUE
                        || json.getValueType() == JsonValue.ValueType.FALSE)) {
            // JSON-B would store the word "true" as a name or a reason: a yes/no is no text
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(
                            path.isEmpty() ? "body" : path, (path.isEmpty() ? "The value" : path) + " takes text."));
        } else if (raw != null && raw.isRecord() && json.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = json.asJsonObject();
            for (RecordComponent component : raw.getRecordComponents()) {
                check(
                        object.get(component.getName()),
                        component.getGenericType(),
                        path.isEmpty() ? component.getName() : path + "." + component.getName());
            }
        } else if (raw != null
                && Collection.class.isAssignableFrom(raw)
                && type instanceof ParameterizedType list
                && json.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray items = json.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]");
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
