package io.attain.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code bench/run}: runs the named scenarios, or all of them. */
public final class Bench {

    private Bench() {
    }

    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : List.<Scenario>of(new EventStoreScenario(), new CommandsScenario(), new ReadSideScenario(),
                                                          new AuditScenario(), new CrashScenario(), new SoakScenario(),
                                                          new StreamScenario(), new WebhookScenario(), new FuzzScenario())) {
            all.put(s.name(), s);
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Scenario> all = scenarios();
        List<Scenario> chosen = new ArrayList<>();
        if (args.length == 0) {
            chosen.addAll(all.values());
        } else {
            for (String name : args) {
                Scenario s = all.get(name);
                if (s == null) {
                    System.err.println("bench/run: unknown scenario '" + name + "'; known: " + all.keySet());
                    System.exit(2);
                }
                chosen.add(s);
            }
        }
        try {
            for (Scenario s : chosen) {
                System.err.println("bench/run: scenario " + s.name());
                s.run(new Figures(s.name(), System.out));
            }
        } catch (Exception | Error e) {
            // a failed scenario ends the run (its worker threads would keep the JVM alive otherwise)
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
