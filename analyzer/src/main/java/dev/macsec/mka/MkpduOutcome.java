package dev.macsec.mka;

import java.util.List;

/**
 * What the tracker made of one MKPDU.
 *
 * @param keyName the CAK entry's name, or "CKN &lt;hex&gt;" when it has none; null when no CAK matched
 * @param learned SAKs this MKPDU made known (a distribution, or a late participant of a known SAK)
 * @param findings the findings this MKPDU raised (those over the per-rule cap are only counted)
 */
public record MkpduOutcome(IcvStatus icv, String keyName, List<LearnedSak> learned, List<Finding> findings) {
    public MkpduOutcome {
        learned = List.copyOf(learned);
        findings = List.copyOf(findings);
    }
}
