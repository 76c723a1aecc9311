package dev.verifiedschema.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A framework's conventions as the tests set them up: what {@link #OFFERS} holds for a class, else nothing. */
public final class OfferedConventions implements FrameworkConventions {
    static final Map<Class<?>, Map<String, String>> OFFERS = new ConcurrentHashMap<>();
    static final String UNREADABLE = "unreadable";
    static final String BROKEN = "broken";

    @Override
    public Map<String, String> parameters(Class<?> testClass) {
        Map<String, String> offer = OFFERS.getOrDefault(testClass, Map.of());
        if (offer.containsKey(UNREADABLE)) {
            throw new IllegalArgumentException(offer.get(UNREADABLE));
        }
        if (offer.containsKey(BROKEN)) {
            throw new IllegalStateException(offer.get(BROKEN));
        }
        return offer;
    }
}
