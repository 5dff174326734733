package dev.macsec.cli;

import dev.macsec.keys.SafeText;
import java.io.PrintWriter;

/**
 * An exception that no input should cause: a defect of ours. The user gets one line naming it and where it struck,
 * with the way to get its stack trace ({@value #DEBUG_ENV}=1), which is printed only then: a trace is for the
 * developer a user reports it to, and 20 lines of it bury the line that matters.
 */
final class Defect {
    static final String DEBUG_ENV = "MACSEC_DEBUG";
    private static final int MAX_MESSAGE = 160;

    private Defect() {
    }

    /** One line: {@code internal error WHERE: Exception: message at Class.method(File:line) — ...; rerun with ...}. */
    static String describe(Throwable e, String where) {
        return "internal error " + where + ": " + name(e) + " — a defect of macsec, not of the input; rerun with "
                + DEBUG_ENV + "=1 for its stack trace";
    }

    /** The exception's class, message and the innermost frame of ours that threw it. */
    static String name(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder sb = new StringBuilder(root.getClass().getSimpleName());
        if (root.getMessage() != null) {
            sb.append(": ").append(message(root.getMessage()));
        }
        StackTraceElement at = null;
        for (StackTraceElement s : root.getStackTrace()) {
            if (s.getClassName().startsWith("dev.macsec.")) {
                at = s;
                break;
            }
        }
        if (at == null && root.getStackTrace().length > 0) {
            at = root.getStackTrace()[0];
        }
        if (at != null) {
            String cls = at.getClassName();
            sb.append(" at ").append(cls.substring(cls.lastIndexOf('.') + 1)).append('.').append(at.getMethodName())
                    .append('(').append(at.getFileName()).append(':').append(at.getLineNumber()).append(')');
        }
        return sb.toString();
    }

    /**
     * The message of an exception nobody wrote for users can hold anything: a long hex run could be key material,
     * a control character would break the one line (or drive the terminal). Both are masked as in keys-file
     * errors ({@link SafeText#message}), and the length capped.
     */
    private static String message(String m) {
        String s = SafeText.message(m);
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }

    /** Whether the user asked for stack traces. */
    static boolean debug() {
        String v = System.getenv(DEBUG_ENV);
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** The stack trace, when {@link #debug()} asks for it. */
    static void trace(Throwable e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
            err.flush();
        }
    }
}
