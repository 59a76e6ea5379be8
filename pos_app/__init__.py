"""The Qt-free core: money, Thai text, domain services and the command line."""

__version__ = "0.1.0"
