package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Dist;

import java.util.List;
import java.util.Map;

/**
 * The one fault {@code /bytes} injects: with {@code dist=failing:seed=S,m=M} ({@link Dist}), the
 * request for seed S waits M x L (its draw) and is then answered {@code 503 Service Unavailable}
 * instead of its bytes, so that a fan-out can fail in its middle without any model knowing how.
 * Every other request of that fan-out waits L and gets its bytes.
 */
final class FailingSeed {
    private FailingSeed() {
    }

    /**
     * Whether the {@code /bytes} request for {@code seed}, with these query parameters (already
     * checked by the handler: at most one {@code dist}, well formed), is to be answered 503.
     */
    static boolean fails(Map<String, List<String>> parameters, long seed) {
        List<String> dist = parameters.get("dist");
        return dist != null && dist.size() == 1 && Dist.parse(dist.getFirst()).fails(seed);
    }
}
