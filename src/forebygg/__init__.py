"""
The site's build code: the MkDocs plugin `forebygg` (plugin.py) and its
components, one module or package each, listed in components.py with the
templates, scripts, style and texts that belong to them.

The package is installed into the project's virtual environment
(`pip install -e .`, done by `make`), which registers the plugin under
`mkdocs.plugins` (pyproject.toml).
"""
