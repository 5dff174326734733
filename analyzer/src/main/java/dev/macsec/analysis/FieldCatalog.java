package dev.macsec.analysis;

import dev.macsec.decode.EthernetFields;
import dev.macsec.decode.FrameExperts;
import dev.macsec.decode.FrameFields;
import dev.macsec.decode.InnerExperts;
import dev.macsec.decode.MacsecFields;
import dev.macsec.decode.InnerFields;
import dev.macsec.decode.SecTagRule;
import dev.macsec.decode.eap.EapExperts;
import dev.macsec.decode.eap.EapFields;
import dev.macsec.decode.eap.RadiusExperts;
import dev.macsec.decode.eap.RadiusFields;
import dev.macsec.decode.mka.EapolFields;
import dev.macsec.decode.mka.MkaExperts;
import dev.macsec.decode.mka.MkaFields;
import dev.macsec.field.ExpertInfo;
import dev.macsec.field.Field;
import dev.macsec.field.FieldRegistry;
import dev.macsec.mka.Rules;

import java.lang.invoke.MethodHandles;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Every field the analyzer produces and every expert code it raises (each code is a field too): what {@code -Y}
 * accepts (by our name or Wireshark's) and what {@code macsec fields} lists. The classes declaring them are named here by the compiler, in display order, and
 * initialised before any lookup, so that a filter finds a field before any decoder has run and a renamed class
 * fails the build instead of silently taking its fields out of the filter.
 */
public final class FieldCatalog {
    private static final List<Class<?>> DECLARING_CLASSES = List.of(
            FrameFields.class, EthernetFields.class, MacsecFields.class, EapolFields.class, EapFields.class, MkaFields.class,
            InnerFields.class, RadiusFields.class, AnalysisFields.class,
            ExpertInfo.class, FrameExperts.class, SecTagRule.class, InnerExperts.class, MkaExperts.class, EapExperts.class,
            RadiusExperts.class, EapFindings.class, Rules.class);

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> c : DECLARING_CLASSES) {
            try {
                lookup.ensureInitialized(c);
            } catch (IllegalAccessException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private FieldCatalog() {
    }

    /** The field with this filter name or Wireshark name, or null. */
    public static Field lookup(String name) {
        return FieldRegistry.lookup(name);
    }

    /** Every expert code, in display order. */
    public static List<ExpertInfo> experts() {
        return all().stream().map(f -> ExpertInfo.lookup(f.filterName())).filter(Objects::nonNull).toList();
    }

    /** Every field, in display order. */
    public static Collection<Field> all() {
        return FieldRegistry.all();
    }
}
