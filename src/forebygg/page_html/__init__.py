"""The markup an editor writes in a page, checked as published."""
