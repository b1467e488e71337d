package io.attain.bench;

/** One named benchmark scenario. */
public interface Scenario {

    String name();

    void run(Figures figures) throws Exception;
}
