package org.hearth.family;

/** Phone numbers compared by their digits, whatever the punctuation people type. */
final class PhoneNumbers {

    private PhoneNumbers() {}

    /** The digits of the number, or null when it has none. */
    static String digitsOf(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }
}
