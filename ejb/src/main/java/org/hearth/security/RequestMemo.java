package org.hearth.security;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers that do not change while one request is served, asked again by each service a page calls: whether a
 * family is on the caller's caseload, whether the caller opened it in an emergency. A page of a family's record
 * asks them once, not once per section. A grant that changes an answer forgets them all.
 */
@RequestScoped
public class RequestMemo {

    private final Map<String, Object> answers = new HashMap<>();

    /** The answer for {@code key}, asked once per request. */
    @SuppressWarnings("unchecked")
    public <T> T remember(String key, Supplier<T> answer) {
        Object known = answers.get(key);
        if (known == null) {
            known = answer.get();
            answers.put(key, known);
        }
        return (T) known;
    }

    public void forgetAll() {
        answers.clear();
    }

    /** {@link #remember} in the current request; asked each time outside one (a timer, a test without CDI). */
    public static <T> T inRequest(String key, Supplier<T> answer) {
        try {
            return CDI.current().select(RequestMemo.class).get().remember(key, answer);
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            return answer.get();
        }
    }

    /** Forgets the current request's answers, if there is one. */
    public static void forgetInRequest() {
        try {
            CDI.current().select(RequestMemo.class).get().forgetAll();
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            // nothing remembered
        }
    }
}
