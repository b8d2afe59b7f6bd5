"""
The site's build code that is not a hook: what the hooks in hooks/ import.

MkDocs loads each file in hooks/ by its path, and a hook that imports another
hook gets a second copy of it, with state of its own. So hooks never import
hooks: what two hooks share lives here, in a package installed into the
project's virtual environment (`pip install -e .`, done by `make`).
"""
