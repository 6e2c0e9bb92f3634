package io.iterativeflow.it.fuzz;

import java.util.Random;

/** One kind of hostile request; {@link #make} fills in its random parts. */
record Shape(String name, Maker maker) {

    @FunctionalInterface
    interface Maker {
        HostileRequest make(String name, Random random, Targets targets);
    }

    HostileRequest make(Random random, Targets targets) {
        return maker.make(name, random, targets);
    }
}
