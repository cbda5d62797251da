package io.headroom;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Finds the engine behind {@link Headroom}. The API package names no internal type, so the internal
 * packages can depend on the API (config, endpoints, results) without a package cycle; the engine is
 * looked up once, by name, in the class loader that loaded the API (they ship in one jar).
 */
final class EngineBinding {
    private static final String ENGINE = "io.headroom.internal.engine.HeadroomEngine";
    private static final MethodHandle CREATE = find();

    private EngineBinding() {
    }

    static Headroom create(HeadroomConfig config, CompressionListener listener, CcrStore store) {
        try {
            return (Headroom) CREATE.invokeExact(config, listener, store);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot start the Headroom engine", e);
        }
    }

    private static MethodHandle find() {
        try {
            Class<?> engine = Class.forName(ENGINE, true, EngineBinding.class.getClassLoader());
            return MethodHandles.publicLookup().findStatic(engine, "create",
                    MethodType.methodType(Headroom.class, HeadroomConfig.class, CompressionListener.class, CcrStore.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("headroom-core is incomplete: " + ENGINE + " not found (" + e + ")");
        }
    }
}
