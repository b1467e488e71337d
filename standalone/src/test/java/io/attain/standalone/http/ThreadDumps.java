package io.attain.standalone.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** A dump of every thread with its full stack and locks, for a test that timed out waiting for an answer. */
final class ThreadDumps {

    private ThreadDumps() {
    }

    static String all() {
        StringBuilder dump = new StringBuilder("==== thread dump ====\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        return dump.append("==== end of thread dump ====\n").toString();
    }
}
