package org.hearth.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.hearth.security.Role;
import org.hearth.staff.StaffDirectory;
import org.hearth.staff.StaffProfile;

/**
 * The staff member signed in to this HTTP session, resolved (and the sign-in audited) once, on the
 * first request that needs it. Pages use it for the top bar, the menu and the home page.
 */
@Named
@SessionScoped
public class CurrentStaff implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private StaffDirectory staffDirectory;

    @Inject
    private HttpServletRequest request;

    private StaffProfile profile;

    public StaffProfile getProfile() {
        if (profile == null) {
            profile = staffDirectory.signIn(SignedInUser.identityOf(request)
                    .orElseThrow(() -> new IllegalStateException("no OIDC sign-in on this request")));
        }
        return profile;
    }

    public String getDisplayName() {
        return getProfile().displayName();
    }

    public List<String> getRoles() {
        return getProfile().roles();
    }

    public List<String> getPrograms() {
        return getProfile().programs();
    }

    /** For the menu: whether the signed-in user holds the realm role, e.g. {@code hasRole('counselor')}. */
    public boolean hasRole(String realmRole) {
        return getProfile().roles().contains(realmRole);
    }

    /** The page each user lands on, by their most senior role. */
    public Home getHome() {
        return Home.of(getProfile());
    }

    /** Each role's home page, in the order that decides where a user with several roles lands. */
    public enum Home {
        PROGRAM_OVERVIEW(Role.SUPERVISOR, "/reports/overview.xhtml"),
        MY_CASELOAD(Role.COUNSELOR, "/caseload/index.xhtml"),
        TODAYS_SCHEDULE(Role.FRONT_DESK, "/schedule/today.xhtml"),
        ADMINISTRATION(Role.ADMIN, "/admin/index.xhtml");

        private final Role role;
        private final String path;

        Home(Role role, String path) {
            this.role = role;
            this.path = path;
        }

        public Role getRole() {
            return role;
        }

        /** The page's path inside the application, starting with a slash. */
        public String getPath() {
            return path;
        }

        static Home of(StaffProfile profile) {
            for (Home home : values()) {
                if (profile.hasRole(home.role)) {
                    return home;
                }
            }
            throw new IllegalStateException("a staff member without a Hearth role has no home page");
        }
    }
}
