package dev.macsec.output;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.FrameRecord;
import java.io.IOException;

/** One way of showing a run: called for each frame that passes the display filter, then once at the end. */
public interface FrameView {
    void frame(FrameRecord frame) throws IOException;

    /**
     * The time of the first frame read, whether or not the filter shows it: relative times count from it, as tshark's
     * do with {@code -Y}. Called once, before the first {@link #frame}.
     */
    default void firstFrameRead(long timestampNanos) {
    }

    void finish(AnalysisSummary summary) throws IOException;

    /** Whether the view needs the full field tree of every frame. */
    default boolean needsDissection() {
        return true;
    }
}
