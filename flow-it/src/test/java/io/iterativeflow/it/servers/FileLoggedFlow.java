package io.iterativeflow.it.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/**
 * Runs inside Liberty: {@value #STEPS} steps that each take {@code workMillis}, and after the first a wait for the
 * signal {@value #SIGNAL}, so that a test can let many runs finish at once. Every execution of a step appends
 * {@code <runId> <step>} to the file named by the system property {@value #LOG_PROPERTY}, outside the database, so a
 * test sees each execution even when the database lost what the engine had recorded.
 */
@Flow(name = FileLoggedFlow.NAME, version = 1)
public class FileLoggedFlow implements FlowBody<FileLoggedFlow.Job, Integer> {

    static final String NAME = "it-file-logged";
    static final int STEPS = 3;
    static final String LOG_PROPERTY = "flow.it.execution-log";
    static final String SIGNAL = "finish";

    /** The input: how long each step works. */
    public record Job(int workMillis) {
    }

    @Override
    public Integer run(FlowContext ctx, Job job) {
        int total = 0;
        for (int i = 1; i <= STEPS; i++) {
            String step = "step-" + i;
            int n = i;
            total += ctx.step(step, Integer.class, s -> {
                log(s.runId() + " " + step);
                TimeUnit.MILLISECONDS.sleep(job.workMillis()); // the step's "work"
                return n;
            });
            if (i == 1) {
                ctx.signal(SIGNAL, String.class);
            }
        }
        return total;
    }

    private static void log(String line) throws IOException {
        Files.writeString(Path.of(System.getProperty(LOG_PROPERTY)), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
}
