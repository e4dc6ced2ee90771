"""JobTracker's benchmarks: ratios against bare baselines, run with ``python -m benchmarks``."""
