package io.iterativeflow.core.registry;

/**
 * Implemented by flow bodies whose durable operations are known without running them (a builder flow's node tree).
 * The deployment's replay check asks it whether each key an in-flight run recorded can still be produced; bodies
 * without it (annotated flows, lambdas) are checked as they replay instead.
 */
public interface StaticKeys {

    /** True when this definition can ask for {@code cursorKey} as an operation of {@code kind}. */
    boolean canProduce(String cursorKey, String kind);
}
