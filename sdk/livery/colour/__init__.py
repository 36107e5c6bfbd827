"""Colour science: seed palettes, contrast measures, the contrast audit and its repair."""
