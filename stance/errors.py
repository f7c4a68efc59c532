"""One small exception hierarchy; every message names the bad value and what was expected."""


class StanceError(Exception):
    """Base class of the errors this package raises on purpose."""


class InputError(StanceError):
    """An input file, table or article cannot be read as expected."""


class ConfigError(StanceError):
    """A configuration file or option has a bad value."""


class ModelError(StanceError):
    """A model name or path does not load as a model."""
