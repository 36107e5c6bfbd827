"""Testing support: finding a Chromium for Playwright (the snapshot plugin grows here)."""
