"""pytest settings for the lessons folder.

CI runs ``pytest --doctest-modules ... --nbval lessons``: the notebooks are tested by nbval,
while the lesson sources in ``src/`` are jupytext files that only make sense inside a
kernel, so pytest must not import them looking for doctests.
"""

collect_ignore_glob = ["src/*.py"]
