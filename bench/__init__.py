"""Benchmark: the pipeline against ground truth, with figures printed."""
