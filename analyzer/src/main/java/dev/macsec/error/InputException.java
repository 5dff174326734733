package dev.macsec.error;

/**
 * A problem with what the user gave us (a file, a key, a flag), as opposed to a bug.
 * The message is one line that says what is wrong and where; the CLI prints it without a stack trace.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
