"""Benchmarks (`make bench`): each `bench_*.py` module has `run(report)`; ratios, not timed tests."""
