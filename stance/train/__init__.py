"""Training: one-task fine-tuning, the joint tone+stance model, the public corpora and the model card."""
