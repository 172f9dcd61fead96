"""The package version: pyproject.toml reads it from here (`[tool.setuptools.dynamic]`), the package
root re-exports it as `pipeline.__version__`, and reports and calibration files record it."""

__version__ = "0.1.0"
