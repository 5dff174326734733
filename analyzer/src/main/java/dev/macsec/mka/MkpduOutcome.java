package dev.macsec.mka;

import java.util.List;

/**
 * What the tracker made of one MKPDU.
 *
 * @param keyName the CAK entry's name, or "CKN &lt;hex&gt;" when it has none; null when no CAK matched
 * @param learned SAKs this MKPDU made known (a distribution, or a late participant of a known SAK)
 * @param findings the findings this MKPDU raised (those over the per-rule cap are only counted)
 * @param learnedCaks CAKs this MKPDU distributed (a Distributed CAK parameter set that unwrapped)
 */
public record MkpduOutcome(IcvStatus icv, String keyName, List<LearnedSak> learned, List<Finding> findings,
                           List<LearnedCak> learnedCaks) {
    public MkpduOutcome {
        learned = List.copyOf(learned);
        findings = List.copyOf(findings);
        learnedCaks = List.copyOf(learnedCaks);
    }

    public MkpduOutcome(IcvStatus icv, String keyName, List<LearnedSak> learned, List<Finding> findings) {
        this(icv, keyName, learned, findings, List.of());
    }
}
