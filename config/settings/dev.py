"""Settings for a site run on one machine: `make run` and local work."""

from .base import *  # noqa: F403
