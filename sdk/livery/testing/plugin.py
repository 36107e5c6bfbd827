"""The ``livery`` pytest plugin (entry point ``pytest11``); its fixtures arrive with issue 6."""
