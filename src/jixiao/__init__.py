"""jixiao (绩效): read, review, score and publish Chinese 项目绩效目标表."""

__version__ = "0.1.0"
