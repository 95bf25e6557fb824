package org.hearth.web.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.hearth.staff.StaffDirectory;
import org.hearth.staff.StaffProfile;
import org.hearth.web.security.SignedInUser;

/**
 * profile.xhtml: the signed-in member of staff's own record as Hearth holds it (name, username, e-mail, roles,
 * programs), read through {@link StaffDirectory#profile}, which audits the view. It is the lightest signed-in
 * page there is (one staff record and one audit entry), so the load benchmark times it as the stack's own floor
 * (docs/performance.md).
 */
@Named
@RequestScoped
public class ProfileBacking {

    @EJB
    private StaffDirectory staffDirectory;

    @Inject
    private HttpServletRequest request;

    private StaffProfile profile;

    public void load() {
        profile = staffDirectory.profile(SignedInUser.identityOf(request)
                .orElseThrow(() -> new IllegalStateException("no OIDC sign-in on this request")));
    }

    public StaffProfile getProfile() {
        return profile;
    }
}
