"""Visual snapshot testing for themes and components, as a pytest plugin.

``plugin`` holds the pytest hooks and fixtures (``livery_browser``, ``themed_page``,
``assert_snapshot``); ``chromium`` finds a browser, ``browser`` launches it for repeatable
pixels, ``page`` builds a themed page, ``snapshot`` compares and updates baselines, ``report``
writes the HTML report of failures, ``fonts`` holds the bundled test fonts. Nothing is imported
here, so that loading the plugin stays cheap.
"""
