package dev.macsec.cli;

/**
 * A subcommand contributed by a module that depends on the analyzer (the conformance harness),
 * found through {@link java.util.ServiceLoader} so that the analyzer never depends on it.
 */
public interface CommandPlugin {
    /** The name under which the subcommand is registered. */
    String name();

    /** A picocli command object (annotated with {@code @Command}). */
    Object command();
}
