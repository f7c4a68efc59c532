"""Evaluation: quote extraction against gold quotes, labels against gold labels, and the metrics."""
