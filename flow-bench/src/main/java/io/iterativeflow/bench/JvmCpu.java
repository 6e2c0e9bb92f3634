package io.iterativeflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this JVM has used (all its threads: the system's workers, the callers, the garbage collector and the
 * compiler). The contenders run one at a time in this JVM, so the change over a case is that case's cost. Unlike a
 * rate, it barely moves when other processes load the machine.
 */
final class JvmCpu {

    private JvmCpu() {
    }

    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }
}
