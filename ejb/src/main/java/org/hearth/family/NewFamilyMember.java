package org.hearth.family;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;

/** A member as the front desk takes it down on the phone: a date of birth, or at least an age. */
public record NewFamilyMember(
        @NotBlank(message = "{family.member.fullName.required}") @Size(max = 160) String fullName,
        @PastOrPresent(message = "{family.member.dateOfBirth.future}") LocalDate dateOfBirth,
        @Min(value = 0, message = "{family.member.age.range}") @Max(value = 120, message = "{family.member.age.range}")
                Integer ageYears,
        @NotNull(message = "{family.member.relationship.required}") Relationship relationship,
        @Pattern(regexp = "^$|^\\+?[0-9 ().-]{7,25}$", message = "{family.member.phone.format}") String phone,
        @Email(message = "{family.member.email.format}") @Size(max = 254) String email,
        @Pattern(regexp = "^$|^(en|es)$", message = "{family.language.supported}") String preferredLanguage,
        boolean safeToLeaveMessage,
        boolean safeToMail,
        boolean participates)
        implements Serializable {

    @AssertTrue(message = "{family.member.birthOrAge.required}")
    public boolean isBirthOrAgeGiven() {
        return dateOfBirth != null || ageYears != null;
    }
}
