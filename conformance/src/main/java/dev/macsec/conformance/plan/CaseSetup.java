package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The device's configuration for a case: its SecY's controls (validateFrames is the run's) and the receive SAs on the
 * tester's receive SC.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CaseSetup(SecY secy, List<RxSa> rxSas) {
    public CaseSetup {
        rxSas = rxSas == null ? List.of() : List.copyOf(rxSas);
    }

    /**
     * @param replayWindow decimal or 0x-hex
     * @param confidentialityOffset 0, 30 or 50 (default 0)
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record SecY(Boolean replayProtect, String replayWindow, Integer confidentialityOffset) {
        public boolean replayProtectOrDefault() {
            return replayProtect == null || replayProtect;
        }

        public long replayWindowOrDefault() {
            return replayWindow == null ? 0 : TestPlan.number(replayWindow);
        }

        public int confidentialityOffsetOrDefault() {
            return confidentialityOffset == null ? 0 : confidentialityOffset;
        }
    }

    /** @param lowestPn the lowest acceptable PN the SA starts with (next PN), decimal or 0x-hex */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RxSa(int an, String lowestPn, Boolean inUse) {
        public long lowestPnValue() {
            return lowestPn == null ? 1 : TestPlan.number(lowestPn);
        }

        public boolean inUseOrDefault() {
            return inUse == null || inUse;
        }
    }
}
