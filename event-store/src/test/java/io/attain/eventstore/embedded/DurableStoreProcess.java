package io.attain.eventstore.embedded;

import java.nio.file.Path;

/** A durable embedded store in a process of its own, for {@link KillNineTest}: prints its port, runs until killed. */
public final class DurableStoreProcess {

    private DurableStoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongo server = EmbeddedMongo.durable(Path.of(args[0]));
        System.out.println("PORT " + server.address().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
