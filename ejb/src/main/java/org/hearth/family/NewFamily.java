package org.hearth.family;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/** What the front desk registers when a family calls: who they are, which program, how they were referred. */
public record NewFamily(
        @NotBlank(message = "{family.name.required}") @Size(max = 120) String familyName,
        @NotNull(message = "{family.program.required}") Long programId,
        @NotNull(message = "{family.language.required}")
                @Pattern(regexp = "^(en|es)$", message = "{family.language.supported}")
                String preferredLanguage,
        @NotNull(message = "{family.referral.required}") ReferralSource referralSource,
        @Size(max = 500) String referralNote,
        @NotEmpty(message = "{family.members.required}") @Size(max = 12) List<@Valid @NotNull NewFamilyMember> members)
        implements Serializable {

    public NewFamily {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
