package dev.macsec.field;

import java.util.List;

/**
 * Names the classes that declare fields, so that the registry is complete before a filter is parsed
 * (field declarations run in static initialisers).
 */
public final class Protocols {
    /** Classes holding {@code static final Field} declarations, in display order. */
    private static final List<String> DECLARING_CLASSES = List.of(
            "dev.macsec.decode.FrameFields",
            "dev.macsec.decode.EthernetFields",
            "dev.macsec.decode.MacsecFields",
            "dev.macsec.decode.mka.EapolFields",
            "dev.macsec.decode.mka.MkaFields",
            "dev.macsec.decode.InnerFields",
            "dev.macsec.analysis.AnalysisFields");

    private static volatile boolean loaded;

    private Protocols() {
    }

    static void loadAll() {
        if (loaded) {
            return;
        }
        for (String name : DECLARING_CLASSES) {
            try {
                Class.forName(name, true, Protocols.class.getClassLoader());
            } catch (ClassNotFoundException absent) {
                // a module may be built without one of the protocol families; its fields just do not exist
            }
        }
        loaded = true;
    }
}
