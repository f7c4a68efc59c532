"""Reading a scored table: the per-speaker summary and the HTML report."""
