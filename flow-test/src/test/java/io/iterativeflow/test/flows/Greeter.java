package io.iterativeflow.test.flows;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A collaborator the greeting flow injects; remembers whom it greeted. */
@ApplicationScoped
public class Greeter {

    private final List<String> greeted = new CopyOnWriteArrayList<>();

    public String greet(String name) {
        greeted.add(name);
        return "Hello, " + name;
    }

    public List<String> greeted() {
        return greeted;
    }
}
