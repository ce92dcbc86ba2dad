"""Tools behind ``alliance-kit``: lesson builds and checks, the Voila gallery, HTML export.

The lesson tools need a checkout (lessons/src) and stay out of the wheel.
"""
