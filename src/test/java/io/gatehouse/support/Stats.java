package io.gatehouse.support;

import java.util.Arrays;

/** Latency figures from nanosecond samples. */
public record Stats(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

	public static Stats of(long[] nanos, int count) {
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		return new Stats(count, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[count - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	@Override
	public String toString() {
		return String.format("n=%d p50=%.3f ms p95=%.3f ms p99=%.3f ms max=%.3f ms", count, p50Ms, p95Ms, p99Ms, maxMs);
	}

}
