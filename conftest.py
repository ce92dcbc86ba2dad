"""Every pytest run here (unit tests, doctests, strict nbval of the lessons) asks for static SVGs.

The stored lessons were built with ``ALLIANCE_WIDGETS_STATIC_SVG=1`` (the lesson builder
sets it), so each chart there carries the SVG a reader sees on GitHub or nbviewer. nbval's
kernels inherit this process's environment: with the variable set they make the same SVGs
and nbval compares them byte for byte. Without it a chart's output would lack its SVG and
nbval would report the difference, never compare less in silence. A learner's kernel does
not set it (alliance_widgets/_kernel.py, docs/architecture.md).
"""

import os

# The literal name, not an import: conftest must not import the kit before pytest-cov or
# the doctest collection would.
os.environ["ALLIANCE_WIDGETS_STATIC_SVG"] = "1"
