package dev.macsec.capture;

import dev.macsec.error.InputException;

/** Builds the one-line error for damage found at a stream offset: file, frame number, offset, what. */
@FunctionalInterface
interface ErrorSite {
    InputException damaged(long streamOffset, String what);
}
