"""Classification: the tone and stance classifier, its calibration and the labelling sheet."""
