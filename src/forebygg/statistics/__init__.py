"""Kronofogden's figures on evictions as a chart and a table."""
