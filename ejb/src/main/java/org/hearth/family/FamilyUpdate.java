package org.hearth.family;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * A change to a family's demographics and contacts. {@code members} lists the members in their order,
 * the existing ones first (they are matched by position), then any new ones. {@code version} is the
 * version the user started from: a family changed by someone else meanwhile is a conflict.
 */
public record FamilyUpdate(
        @NotBlank(message = "{family.name.required}") @Size(max = 120) String familyName,
        @NotNull(message = "{family.language.required}")
                @Pattern(regexp = "^(en|es)$", message = "{family.language.supported}")
                String preferredLanguage,
        @NotNull(message = "{family.referral.required}") ReferralSource referralSource,
        @Size(max = 500) String referralNote,
        @NotEmpty(message = "{family.members.required}") @Size(max = 12) List<@Valid @NotNull NewFamilyMember> members,
        Long version)
        implements Serializable {

    public FamilyUpdate {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
