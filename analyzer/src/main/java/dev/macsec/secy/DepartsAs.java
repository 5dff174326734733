package dev.macsec.secy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the {@link ReceivePolicy} hook through which a {@link Deviation} departs from the standard. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface DepartsAs {
    Deviation value();
}
