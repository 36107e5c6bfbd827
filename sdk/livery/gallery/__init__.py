"""The theme gallery: browse, compare, tweak and download themes in a web page.

``livery gallery`` serves it (``server``; ``app`` wires the handlers of ``routes`` and the
gzip cache ``compressed``); ``livery gallery build`` writes the same pages as static files
(``static_site``). Themes come from the library and ``--themes`` folders (``sources``, indexed
by ``source_index``), become cards (``cards``, ``hues``) kept current by the ``registry``, its
background ``worker`` and the folder watcher (``watch``), and are rendered by ``pages``
through the jinja2 templates of the top-level ``gallery/`` folder (``render``). The builder's
server side is the ``builder`` package; the code to copy is ``snippets``; the files to download are
``downloads``.

Addresses (the same under the server and in the static site; every link is relative):

=====================================  ===================================================
``/``                                  index: cards, search, filters
``/themes/<slug>/``                    a theme: kitchen sink, swatches, fonts, contrast,
                                       snippets, downloads (error page for a broken theme)
``/themes/<slug>/scoped.css``          the theme's variables on ``.lv-t-<slug>``, dark mode
                                       on ``.dark``, ``@font-face`` rules for ``/fonts/``
``/themes/<slug>/<slug>.css``          downloads: stylesheet, theme file, Gradio JSON,
``… .toml``, ``… .gradio.json``,       design tokens (DTCG, light and what dark changes),
``… .tokens.json``,                    SCSS, Tailwind v4; ``attachment`` from the server
``… .dark.tokens.json``, ``… .scss``,
``… .tailwind.css``
``/fonts/<file>``                      the woff2 files of the themes' hosted fonts (Livery's
                                       font cache, ``livery.theme.fontfiles``)
``/compare/?t=a,b``                    two to four themes side by side
``/builder/?from=<slug>``              the builder (server only; the static page says so)
``/components/``                       installed components, their stories live in any
                                       theme, light or dark (``components``)
``/components/model.js``               the front-end model every host shares
``/components/<slug>/index.js``,       a component's built module and stylesheet
``… style.css``
``/data/themes.json``                  card data: search, filters, compare
``/data/pairs.css``                    one class per contrast pair (table samples)
``/assets/…``                          ``gallery/static``: CSS and ES modules
``/data/version.json``                 server only: changes when any theme changes
``POST /api/build``                    server only: builder settings in, ``{ok, css, toml,
                                       python, grade, contrast, values, base, state}`` or
                                       ``{ok: false, error, field}`` out
``/api/build.<kind>?s=<state>``        server only: the same build as the preview stylesheet
                                       (``css``) or a download: ``py``, ``toml``,
                                       ``theme.css``, ``gradio.json``, ``scss``,
                                       ``tailwind.css``, ``tailwind-replace.css``,
                                       ``tokens.json``, ``dark.tokens.json``, ``resolver.json``
=====================================  ===================================================

Every page is served with a strict Content-Security-Policy: no inline script or style at all
(theme stylesheets are ``<link>``s to same-origin files), nothing from another origin. The
kitchen sink (``gallery/templates/kitchen_sink.html``, macro ``kitchen_sink(scope, prefix)``,
styles in ``gallery/static/kitchen-sink.css``) is self-contained for reuse by visual tests and
the component playground: put a theme's variables on the scope class and it renders.
"""
