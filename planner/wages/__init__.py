"""Wages: gross to net (loonheffing), the special rate, the minimum wage, and pay periods.

Import from the modules: ``planner.wages.tax`` and ``planner.wages.periods``.
"""
