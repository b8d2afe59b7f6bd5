"""The self-check at the end of a course part."""
