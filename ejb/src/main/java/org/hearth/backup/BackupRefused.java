package org.hearth.backup;

/** A backup or restore that was not done, with the reason in words a person can act on. */
public final class BackupRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupRefused(String message) {
        super(message);
    }

    public BackupRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
