package dev.macsec.output;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.FrameRecord;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code -V}: the detail tree of every frame, then the summary. */
public final class TreeView implements FrameView {
    private final PrintWriter out;

    public TreeView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void frame(FrameRecord r) {
        out.println("Frame " + r.number() + ": " + r.originalLength() + " bytes on wire, " + r.capturedLength()
                + " bytes captured — " + FrameText.protocol(r) + " " + FrameText.info(r));
        TreeRenderer.render(r.dissection(), out);
        out.println();
    }

    @Override
    public void finish(AnalysisSummary summary) throws IOException {
        new SummaryView(out, false).finish(summary);
        out.flush();
    }
}
