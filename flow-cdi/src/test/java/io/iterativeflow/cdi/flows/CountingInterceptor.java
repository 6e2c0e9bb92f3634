package io.iterativeflow.cdi.flows;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.atomic.AtomicInteger;

@Counted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CountingInterceptor {

    /** Calls of {@code run} seen, across containers; a test reads the difference. */
    public static final AtomicInteger RUNS = new AtomicInteger();

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        if (invocation.getMethod().getName().equals("run")) {
            RUNS.incrementAndGet();
        }
        return invocation.proceed();
    }
}
