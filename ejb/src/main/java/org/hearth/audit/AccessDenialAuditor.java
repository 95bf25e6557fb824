package org.hearth.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;

/**
 * Writes every refused service call to the audit trail. It is a WildFly container interceptor
 * (declared in {@code META-INF/jboss-ejb3.xml}), so it runs before the container's own {@code
 * @RolesAllowed} check and sees that refusal as well as the services' own {@link
 * Refused}s, and ids that name no record ({@link NotFound}), which the API answers
 * as refusals. It only records; it never turns a refusal into anything else.
 */
public class AccessDenialAuditor {

    private static final String AUDIT_TRAIL = "java:module/AuditTrail";

    @AroundInvoke
    public Object auditDenials(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (EJBAccessException refused) {
            record(invocation, null, "requires one of the roles " + requiredRoles(invocation.getMethod()));
            throw refused;
        } catch (Refused refused) {
            if (!refused.isAudited()) {
                record(invocation, refused.getFamilyId(), refused.getMessage());
                refused.markAudited();
            }
            throw refused;
        } catch (NotFound missing) {
            // answered as a refusal (an id's existence is not told), and kept as one: probing shows in the trail
            if (!missing.isAudited()) {
                record(invocation, null, missing.getMessage());
                missing.markAudited();
            }
            throw missing;
        }
    }

    private static void record(InvocationContext invocation, Long familyId, String rule) throws NamingException {
        Method method = invocation.getMethod();
        String service = method.getDeclaringClass().getSimpleName();
        String reason = service + "." + method.getName() + ": " + rule;
        AuditTrail trail = InitialContext.doLookup(AUDIT_TRAIL);
        trail.record(
                familyId == null
                        ? AuditEvent.denied(AuditAction.SERVICE_CALL, service, null, reason)
                        : AuditEvent.deniedOnFamily(AuditAction.SERVICE_CALL, familyId, reason));
    }

    private static String requiredRoles(Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? "[none]" : Arrays.toString(allowed.value());
    }
}
