"""The course: its parts, their times and goals, and the overview."""
