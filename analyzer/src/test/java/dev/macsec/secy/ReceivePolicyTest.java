package dev.macsec.secy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The receive path's deviations stay out of the standard's code: every {@link Deviation} departs through a hook of
 * {@link ReceivePolicy} (whose defaults are the standard), which {@link LinuxReceivePolicy} overrides, and no hook
 * exists that no deviation needs. Each hook's behaviour is {@link ReceiveProfileTest}'s.
 */
class ReceivePolicyTest {
    private static List<Method> hooks() {
        List<Method> hooks = new ArrayList<>();
        for (Method m : ReceivePolicy.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                hooks.add(m);
            }
        }
        return hooks;
    }

    @Test
    void everyDeviationHasAHookAndEveryHookADeviation() {
        Set<Deviation> hooked = EnumSet.noneOf(Deviation.class);
        for (Method m : hooks()) {
            DepartsAs d = m.getAnnotation(DepartsAs.class);
            assertTrue(d != null, m.getName() + " is a hook no deviation names (@DepartsAs)");
            hooked.add(d.value());
        }
        assertEquals(EnumSet.allOf(Deviation.class), hooked);
    }

    @Test
    void linuxOverridesEveryHook() throws NoSuchMethodException {
        for (Method m : hooks()) {
            Method linux = LinuxReceivePolicy.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(LinuxReceivePolicy.class, linux.getDeclaringClass(), m.getName());
        }
    }

    @Test
    void ieeeProfileRunsTheStandardAlone() {
        assertSame(ReceivePolicy.IEEE, ReceivePolicy.of(ReceiveProfile.IEEE));
        assertFalse(ReceivePolicy.of(ReceiveProfile.LINUX) == ReceivePolicy.IEEE);
    }
}
