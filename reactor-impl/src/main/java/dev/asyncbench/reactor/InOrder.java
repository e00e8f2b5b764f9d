package dev.asyncbench.reactor;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * n pieces of work, at most C at once, their results in index order: {@code flatMap} with the
 * index, each result put in its place as it completes, the list handed on once all are in. A
 * slot frees the moment its work completes. The obvious {@code flatMapSequential(..., C)} keeps
 * a slot until its result and every earlier one are emitted, so one slow piece at the head
 * stalls the whole window; with equal waits the two behave alike, with a long tail they do not
 * (rule F4).
 */
final class InOrder {
    private InOrder() {
    }

    /** Work i for i in 0 to n - 1, at most {@code maxConcurrency} at once; the first failure cancels the rest. */
    @SuppressWarnings("unchecked")
    static <T> Mono<List<T>> all(int n, int maxConcurrency, IntFunction<Mono<T>> work) {
        return Flux.range(0, n)
                .flatMap(i -> work.apply(i).map(result -> new Indexed(i, result)), maxConcurrency)   // C at once
                .collect(() -> new Object[n], (results, done) -> results[done.index()] = done.result())   // each in its place
                .map(results -> (List<T>) Arrays.asList(results));
    }

    private record Indexed(int index, Object result) {
    }
}
