package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.ForkProtocol.Property;

import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Creates only the models a fork uses. {@link Models#byName} instantiates every provider to
 * read its name, and a model's construction can start threads (schedulers, dispatchers) that
 * would then live in another model's measured JVM. The runner therefore hands each fork the
 * provider class of every model ({@link Property#MODELS}: {@code name=class,...}, read once by
 * {@link ModelsProbe}), and the fork instantiates just the one it asks for.
 */
public final class ForkModels {

    private ForkModels() {
    }

    /** A fresh instance of the named model, touching no other provider when the runner said where it is. */
    public static TaskScenario create(String name) {
        String className = classes().get(name);
        if (className != null) {
            for (ServiceLoader.Provider<TaskScenario> p : ServiceLoader.load(TaskScenario.class).stream().toList()) {
                if (p.type().getName().equals(className)) {
                    TaskScenario model = p.get();
                    if (model.name().equals(name)) return model;
                    model.close();
                }
            }
        }
        return Models.byName(name);
    }

    private static Map<String, String> classes() {
        return ForkProtocol.pairs(Property.MODELS.get());
    }
}
